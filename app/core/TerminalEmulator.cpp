#include "TerminalEmulator.h"

#include <vterm.h>

#include <algorithm>

namespace relayfleet {

namespace {

TerminalEmulator *self(void *user)
{
    return static_cast<TerminalEmulator *>(user);
}

int damageCallback(VTermRect, void *user)
{
    self(user)->onDamage();
    return 1;
}

int moveCursorCallback(VTermPos pos, VTermPos, int visible, void *user)
{
    self(user)->onCursor(pos.row, pos.col, visible != 0);
    return 1;
}

int setTermPropCallback(VTermProp prop, VTermValue *value, void *user)
{
    if (prop == VTERM_PROP_CURSORVISIBLE) { // the title comes from the scanner (screen())
        self(user)->onCursor(self(user)->cursorRow(), self(user)->cursorColumn(), value->boolean != 0);
    }
    return 1;
}

int bellCallback(void *user)
{
    self(user)->onBell();
    return 1;
}

int pushLineCallback(int columns, const VTermScreenCell *cells, void *user)
{
    // Trailing blanks on the default background are not kept: most lines are short, and the
    // scrollback holds thousands of them.
    int used = columns;
    while (used > 0) {
        const VTermScreenCell &c = cells[used - 1];
        const bool blank = c.chars[0] == 0 || c.chars[0] == ' ';
        if (!blank || !VTERM_COLOR_IS_DEFAULT_BG(&c.bg) || c.attrs.reverse) {
            break;
        }
        --used;
    }
    QList<TerminalEmulator::Cell> line;
    line.reserve(used);
    for (int i = 0; i < used; ++i) {
        line << self(user)->convert(&cells[i]);
    }
    self(user)->onScrollback(line);
    return 1;
}

void outputCallback(const char *bytes, size_t length, void *user)
{
    self(user)->onOutput(bytes, length);
}

const VTermScreenCallbacks kScreenCallbacks = {
    damageCallback, nullptr, moveCursorCallback, setTermPropCallback, bellCallback, nullptr, pushLineCallback, nullptr,
};

VTermModifier toVTerm(Qt::KeyboardModifiers modifiers)
{
    int mod = VTERM_MOD_NONE;
    if (modifiers & Qt::ShiftModifier) {
        mod |= VTERM_MOD_SHIFT;
    }
    if (modifiers & Qt::AltModifier) {
        mod |= VTERM_MOD_ALT;
    }
    if (modifiers & Qt::ControlModifier) {
        mod |= VTERM_MOD_CTRL;
    }
    return static_cast<VTermModifier>(mod);
}

} // namespace

void TerminalEmulator::VTermDeleter::operator()(VTerm *vt) const
{
    vterm_free(vt);
}

TerminalEmulator::TerminalEmulator(int rows, int columns, QObject *parent)
    : QObject(parent), m_vterm(vterm_new(rows, columns)), m_rows(rows), m_columns(columns)
{
    vterm_set_utf8(m_vterm.get(), 1);
    vterm_output_set_callback(m_vterm.get(), outputCallback, this);
    m_screen = vterm_obtain_screen(m_vterm.get());
    vterm_screen_set_callbacks(m_screen, &kScreenCallbacks, this);
    vterm_screen_set_damage_merge(m_screen, VTERM_DAMAGE_SCROLL);
    vterm_screen_enable_altscreen(m_screen, 1);
    vterm_screen_reset(m_screen, 1);
}

TerminalEmulator::~TerminalEmulator() = default;

QByteArray TerminalEmulator::screen(const QByteArray &bytes)
{
    // Everything a device sends passes through this scanner before libvterm 0.1.4 (Debian 12)
    // sees it, because the fuzz target found input that corrupts or hangs that version:
    // * text reaches libvterm as valid UTF-8 (a broken sequence becomes U+FFFD);
    // * escape and CSI sequences are held until complete and passed whole, so libvterm is
    //   never in the middle of one when the terminal is resized; a CSI keeps at most 16
    //   parameters, and no byte of 0x80 or above gets into a sequence;
    // * REP (repeat the last character) is done here, never by libvterm (which hangs when
    //   there is no last character and corrupts its grid repeating a double-width one);
    // * strings (OSC, DCS, APC, PM, SOS) never reach libvterm: the window title (OSC 0 and 2)
    //   is read here and the rest dropped, so a device cannot set the clipboard (OSC 52).
    // The scanner follows all of this across chunks.
    QByteArray out;
    out.reserve(bytes.size());
    for (const char byte : bytes) {
        const auto c = static_cast<unsigned char>(byte);
        const bool cancel = c == 0x18 || c == 0x1a; // CAN, SUB
        switch (m_scan) {
        case Scan::Ground:
            text(c, out);
            break;
        case Scan::Escape:
            if (c == ']' || c == 'P' || c == '_' || c == '^' || c == 'X') {
                startString(c == ']');
            } else if (c == '[') {
                startSequence("\x1b[", Scan::Csi);
            } else if (c >= 0x20 && c <= 0x2f) {
                startSequence(QByteArray("\x1b") + byte, Scan::EscapeIntermediate);
            } else if (c >= 0x30 && c <= 0x7e) {
                out += '\x1b';
                out += byte;
                m_scan = Scan::Ground;
            } else if (cancel) {
                m_scan = Scan::Ground;
            } else if (c < 0x20 && c != 0x1b) {
                out += byte; // a control inside a sequence is carried out at once
            } // ESC ESC is one ESC; bytes from 0x7f on belong to no sequence
            break;
        case Scan::EscapeIntermediate:
        case Scan::Csi:
            sequenceByte(c, out);
            break;
        case Scan::String:
            if (c == 0x07) {
                finishString();
            } else if (c == 0x1b) {
                m_scan = Scan::StringEscape;
            } else if (cancel) {
                m_scan = Scan::Ground;
            } else if (m_string.size() < kMaxStringBytes) {
                m_string += byte;
            }
            break;
        case Scan::StringEscape:
            finishString(); // ESC \ ends it; so does any other escape, which then begins
            if (c != '\\') {
                m_scan = Scan::Escape;
                const QByteArray again(1, byte);
                out += screen(again);
            }
            break;
        }
    }
    return out;
}

void TerminalEmulator::startSequence(const QByteArray &start, Scan state)
{
    m_sequence = start;
    m_scan = state;
    m_csiSeparators = 0;
}

void TerminalEmulator::sequenceByte(unsigned char c, QByteArray &out)
{
    const bool csi = m_scan == Scan::Csi;
    if (c == 0x18 || c == 0x1a) {
        m_scan = Scan::Ground; // cancelled: nothing of it reaches libvterm
    } else if (c == 0x1b) {
        m_scan = Scan::Escape;
    } else if (c < 0x20) {
        out += static_cast<char>(c); // carried out at once, as inside any sequence
    } else if (c >= 0x7f) {
        // no sequence has such a byte
    } else if (!csi && c <= 0x2f) {
        if (m_sequence.size() < 4) { // ESC and at most two intermediates
            m_sequence += static_cast<char>(c);
        }
    } else if (!csi) {
        if (c == '[') { // ESC, intermediates, "[": libvterm takes it as the start of a CSI
            m_sequence += static_cast<char>(c);
            m_scan = Scan::Csi;
            m_csiSeparators = 0;
        } else {
            out += m_sequence + static_cast<char>(c);
            m_scan = Scan::Ground;
        }
    } else if (c <= 0x3f) { // a CSI parameter (or intermediate) byte
        if (c == ';' || c == ':') {
            ++m_csiSeparators;
        }
        if (m_csiSeparators < kMaxCsiParameters && m_sequence.size() < kMaxSequenceBytes) {
            m_sequence += static_cast<char>(c);
        }
    } else { // the final byte
        m_scan = Scan::Ground;
        finishCsi(c, out);
    }
}

void TerminalEmulator::finishCsi(unsigned char final, QByteArray &out)
{
    const QByteArray parameters = m_sequence.mid(m_sequence.indexOf('[') + 1);
    const bool plain = !parameters.isEmpty() ? (parameters.at(0) >= '0' && parameters.at(0) <= ';') : true;
    if (final == 'b' && plain && !m_sequence.contains(' ')) {
        // REP: the last character again, n times (at most a screenful).
        const int n = std::clamp(parameters.split(';').value(0).toInt(), 1, m_rows * m_columns);
        for (int i = 0; i < n && !m_lastChar.isEmpty(); ++i) {
            out += m_lastChar;
        }
        return;
    }
    out += m_sequence + static_cast<char>(final);
}

void TerminalEmulator::text(unsigned char c, QByteArray &out)
{
    static const QByteArray replacement("\xef\xbf\xbd");
    if (!m_utf8.isEmpty()) {
        if ((c & 0xc0) == 0x80) {
            m_utf8 += static_cast<char>(c);
            if (m_utf8.size() == m_utf8Length) {
                codepoint(out);
            }
            return;
        }
        out += replacement; // a sequence cut short
        m_lastChar = replacement;
        m_utf8.clear();
    }
    if (c == 0x1b) {
        m_scan = Scan::Escape; // held back until the next byte says what follows
        return;
    }
    if (c < 0x80) {
        out += static_cast<char>(c);
        if (c >= 0x20 && c != 0x7f) {
            m_lastChar = QByteArray(1, static_cast<char>(c));
        }
        return;
    }
    m_utf8Length = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (m_utf8Length == 0) {
        out += replacement; // not a lead byte
        m_lastChar = replacement;
        return;
    }
    m_utf8 = QByteArray(1, static_cast<char>(c));
}

void TerminalEmulator::codepoint(QByteArray &out)
{
    const auto byteAt = [this](int i) { return static_cast<char32_t>(static_cast<unsigned char>(m_utf8.at(i))); };
    char32_t cp = byteAt(0) & (0xff >> (m_utf8Length + 1));
    for (int i = 1; i < m_utf8Length; ++i) {
        cp = (cp << 6) | (byteAt(i) & 0x3f);
    }
    const QByteArray bytes = std::exchange(m_utf8, {});
    const bool invalid = (m_utf8Length == 3 && cp < 0x800) || (m_utf8Length == 4 && cp < 0x10000) || cp > 0x10ffff ||
                         (cp >= 0xd800 && cp <= 0xdfff);
    if (invalid) {
        m_lastChar = QByteArray("\xef\xbf\xbd");
        out += m_lastChar;
        return;
    }
    if (cp >= 0x80 && cp <= 0x9f) { // C1 controls, in their UTF-8 form
        if (cp == 0x9b) {
            startSequence("\x1b[", Scan::Csi); // passed on in its 7-bit form
        } else if (cp == 0x9d || cp == 0x90 || cp == 0x9f || cp == 0x9e || cp == 0x98) {
            startString(cp == 0x9d);
        }
        return; // the other C1 controls are dropped
    }
    out += bytes;
    m_lastChar = bytes;
}

void TerminalEmulator::startString(bool operatingSystemCommand)
{
    m_scan = Scan::String;
    m_string.clear();
    m_stringIsOsc = operatingSystemCommand;
}

void TerminalEmulator::finishString()
{
    m_scan = Scan::Ground;
    if (!m_stringIsOsc || !(m_string.startsWith("0;") || m_string.startsWith("2;"))) {
        return; // only the window title is taken; other strings are dropped on purpose
    }
    QString title;
    for (const QChar ch : QString::fromUtf8(m_string.mid(2))) {
        if (ch.isPrint()) {
            title += ch;
        }
    }
    onTitle(title);
}

void TerminalEmulator::feed(const QByteArray &bytes)
{
    const QByteArray screened = screen(bytes);
    vterm_input_write(m_vterm.get(), screened.constData(), static_cast<size_t>(screened.size()));

    vterm_screen_flush_damage(m_screen);
    // Answers to queries (cursor position, device attributes) go back to the remote side.
    if (!m_pendingOutput.isEmpty()) {
        Q_EMIT output(std::exchange(m_pendingOutput, {}));
    }
}

void TerminalEmulator::resize(int rows, int columns)
{
    if (rows < 1 || columns < 1 || (rows == m_rows && columns == m_columns)) {
        return;
    }
    m_rows = rows;
    m_columns = columns;
    // libvterm is never in the middle of a sequence here: the scanner passes them whole.
    vterm_set_size(m_vterm.get(), rows, columns);
    vterm_screen_flush_damage(m_screen);
    // libvterm clamps the cursor into the new size without telling: ask where it is now.
    VTermPos cursor{};
    vterm_state_get_cursorpos(vterm_obtain_state(m_vterm.get()), &cursor);
    m_cursorRow = std::clamp(cursor.row, 0, rows - 1);
    m_cursorColumn = std::clamp(cursor.col, 0, columns - 1);
    Q_EMIT damaged();
}

TerminalEmulator::Cell TerminalEmulator::convert(const void *vtermCell) const
{
    const auto *c = static_cast<const VTermScreenCell *>(vtermCell);
    Cell cell;
    // libvterm marks the right half of a wide character with (uint32_t)-1.
    if (c->chars[0] != 0 && c->chars[0] != uint32_t(-1) && c->chars[0] < 0x10000 && c->chars[1] == 0) {
        cell.text = QString(QChar(static_cast<char16_t>(c->chars[0]))); // the common case, no conversion
    } else {
        for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && c->chars[i] != 0 && c->chars[i] != uint32_t(-1); ++i) {
            cell.text += QString::fromUcs4(reinterpret_cast<const char32_t *>(&c->chars[i]), 1);
        }
    }
    cell.width = c->width;
    VTermColor fg = c->fg;
    VTermColor bg = c->bg;
    vterm_screen_convert_color_to_rgb(m_screen, &fg);
    vterm_screen_convert_color_to_rgb(m_screen, &bg);
    auto pack = [](const VTermColor &color) {
        return 0xff000000u | (quint32(color.rgb.red) << 16) | (quint32(color.rgb.green) << 8) |
               quint32(color.rgb.blue);
    };
    cell.foreground = pack(fg);
    cell.background = pack(bg);
    cell.bold = c->attrs.bold;
    cell.italic = c->attrs.italic;
    cell.underline = c->attrs.underline != 0;
    cell.reverse = c->attrs.reverse;
    return cell;
}

TerminalEmulator::Cell TerminalEmulator::cell(int row, int column) const
{
    VTermScreenCell raw{};
    if (!vterm_screen_get_cell(m_screen, VTermPos{row, column}, &raw)) {
        return {};
    }
    return convert(&raw);
}

QString TerminalEmulator::lineText(int row) const
{
    QString text;
    for (int column = 0; column < m_columns; ++column) {
        const Cell c = cell(row, column);
        if (c.text.isEmpty() && column > 0 && cell(row, column - 1).width == 2) {
            continue; // the right half of a wide character
        }
        text += c.text.isEmpty() ? QStringLiteral(" ") : c.text;
    }
    while (text.endsWith(QLatin1Char(' '))) {
        text.chop(1);
    }
    return text;
}

QString TerminalEmulator::screenText() const
{
    QStringList lines;
    for (int row = 0; row < m_rows; ++row) {
        lines << lineText(row);
    }
    return lines.join(QLatin1Char('\n'));
}

void TerminalEmulator::sendText(const QString &text)
{
    for (const char32_t c : text.toUcs4()) {
        vterm_keyboard_unichar(m_vterm.get(), c, VTERM_MOD_NONE);
    }
    if (!m_pendingOutput.isEmpty()) {
        Q_EMIT output(std::exchange(m_pendingOutput, {}));
    }
}

void TerminalEmulator::sendKey(Key key, Qt::KeyboardModifiers modifiers)
{
    static const VTermKey keys[] = {VTERM_KEY_ENTER, VTERM_KEY_TAB,  VTERM_KEY_BACKSPACE, VTERM_KEY_ESCAPE,
                                    VTERM_KEY_UP,    VTERM_KEY_DOWN, VTERM_KEY_LEFT,      VTERM_KEY_RIGHT,
                                    VTERM_KEY_HOME,  VTERM_KEY_END,  VTERM_KEY_PAGEUP,    VTERM_KEY_PAGEDOWN,
                                    VTERM_KEY_INS,   VTERM_KEY_DEL};
    vterm_keyboard_key(m_vterm.get(), keys[static_cast<int>(key)], toVTerm(modifiers));
    if (!m_pendingOutput.isEmpty()) {
        Q_EMIT output(std::exchange(m_pendingOutput, {}));
    }
}

void TerminalEmulator::sendPaste(const QString &text)
{
    vterm_keyboard_start_paste(m_vterm.get());
    sendText(text);
    vterm_keyboard_end_paste(m_vterm.get());
    if (!m_pendingOutput.isEmpty()) {
        Q_EMIT output(std::exchange(m_pendingOutput, {}));
    }
}

void TerminalEmulator::onDamage()
{
    Q_EMIT damaged();
}

void TerminalEmulator::onCursor(int row, int column, bool visible)
{
    // libvterm 0.1.4 can report a cursor outside the grid after some resizes (the fuzz target
    // saw row -13); whoever draws it relies on it being inside.
    m_cursorRow = std::clamp(row, 0, m_rows - 1);
    m_cursorColumn = std::clamp(column, 0, m_columns - 1);
    m_cursorVisible = visible;
    Q_EMIT damaged();
}

void TerminalEmulator::onTitle(const QString &title)
{
    m_title = title.left(200);
    Q_EMIT titleChanged(m_title);
}

void TerminalEmulator::onScrollback(const QList<Cell> &line)
{
    m_scrollback.append(line);
    if (m_scrollback.size() > kMaxScrollback) {
        m_scrollback.removeFirst();
    }
}

void TerminalEmulator::onOutput(const char *bytes, size_t length)
{
    m_pendingOutput.append(bytes, static_cast<qsizetype>(length));
}

void TerminalEmulator::onBell()
{
    Q_EMIT bell();
}

} // namespace relayfleet
