#include "terminal/TerminalEmulator.h"

#include "terminal/VTermCompat.h"

#include <algorithm>

namespace relayfleet {

namespace {

TerminalEmulator *self(void *user)
{
    return static_cast<TerminalEmulator *>(user);
}

TerminalScreen::Rect toRect(VTermRect rect)
{
    return {rect.start_row, rect.end_row, rect.start_col, rect.end_col};
}

int putGlyphCallback(VTermGlyphInfo *info, VTermPos pos, void *user)
{
    static_assert(sizeof(char32_t) == sizeof(uint32_t));
    TerminalScreen &screen = self(user)->changedScreen();
    if (info->width == 1 && info->chars[0] != 0 && info->chars[1] == 0) {
        screen.putNarrow(pos.row, pos.col, info->chars[0]);
        return 1;
    }
    int count = 0;
    while (count < VTERM_MAX_CHARS_PER_CELL && info->chars[count] != 0) {
        ++count;
    }
    screen.put(pos.row, pos.col, reinterpret_cast<const char32_t *>(info->chars), count,
               info->width);
    return 1;
}

int moveCursorCallback(VTermPos pos, VTermPos, int visible, void *user)
{
    self(user)->onCursor(pos.row, pos.col, visible != 0);
    return 1;
}

int scrollRectCallback(VTermRect rect, int downward, int rightward, void *user)
{
    self(user)->changedScreen().scroll(toRect(rect), downward, rightward);
    return 1;
}

int eraseCallback(VTermRect rect, int, void *user)
{
    // Selective erase (DECSED) erases protected cells too: nothing a shell relies on.
    self(user)->changedScreen().erase(toRect(rect));
    return 1;
}

int setPenAttributeCallback(VTermAttr attribute, VTermValue *value, void *user)
{
    self(user)->onPenAttribute(attribute, value);
    return 1;
}

int setTermPropCallback(VTermProp prop, VTermValue *value, void *user)
{
    // The title comes from TerminalInputScreen; libvterm never sees the string.
    if (prop == VTERM_PROP_CURSORVISIBLE) {
        self(user)->onCursor(self(user)->cursorRow(), self(user)->cursorColumn(),
                             value->boolean != 0);
    } else if (prop == VTERM_PROP_ALTSCREEN) {
        self(user)->onAlternateScreen(value->boolean != 0);
    }
    return 1;
}

int bellCallback(void *user)
{
    self(user)->onBell();
    return 1;
}

vtermcompat::ResizeOutcome resizeCallback(int rows, int columns, void *user)
{
    const int oldRows = self(user)->rows();
    return {self(user)->onResize(rows, columns), oldRows};
}

int setLineInfoCallback(int, const VTermLineInfo *, const VTermLineInfo *, void *)
{
    return 1; // double-width and double-height lines are drawn single
}

void outputCallback(const char *bytes, size_t length, void *user)
{
    self(user)->onOutput(bytes, length);
}

// Members by name: libvterm 0.2 added one (sb_clear) and changed the type of another (resize).
const VTermStateCallbacks kStateCallbacks = [] {
    VTermStateCallbacks callbacks{};
    callbacks.putglyph = putGlyphCallback;
    callbacks.movecursor = moveCursorCallback;
    callbacks.scrollrect = scrollRectCallback;
    callbacks.erase = eraseCallback;
    callbacks.setpenattr = setPenAttributeCallback;
    callbacks.settermprop = setTermPropCallback;
    callbacks.bell = bellCallback;
    vtermcompat::setResizeCallback<resizeCallback>(callbacks);
    callbacks.setlineinfo = setLineInfoCallback;
    return callbacks;
}();

quint32 packed(const VTermState *state, VTermColor color)
{
    vterm_state_convert_color_to_rgb(state, &color);
    return 0xff000000u | (quint32(color.rgb.red) << 16) | (quint32(color.rgb.green) << 8) |
           quint32(color.rgb.blue);
}

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
    : QObject(parent)
    , m_vterm(vtermcompat::newVTerm(rows, columns))
    , m_rows(rows)
    , m_columns(columns)
    , m_screen(rows, columns, kMaxScrollback)
{
    vterm_set_utf8(m_vterm.get(), 1);
    vterm_output_set_callback(m_vterm.get(), outputCallback, this);
    m_state = vterm_obtain_state(m_vterm.get());
    for (int index = 0; index < static_cast<int>(kAnsiPalette.size()); ++index) {
        VTermColor colour;
        const quint32 rgb = kAnsiPalette[static_cast<size_t>(index)];
        vterm_color_rgb(&colour, static_cast<uint8_t>(rgb >> 16), static_cast<uint8_t>(rgb >> 8),
                        static_cast<uint8_t>(rgb));
        vterm_state_set_palette_color(m_state, index, &colour);
    }
    VTermColor foreground;
    VTermColor background;
    vterm_state_get_default_colors(m_state, &foreground, &background);
    m_pen = TerminalScreen::Pen{packed(m_state, foreground), packed(m_state, background),
                                TerminalScreen::DefaultBackground};
    m_screen.setDefaultPen(m_pen);
    m_screen.setPen(m_pen);
    vterm_state_set_callbacks(m_state, &kStateCallbacks, this);
    vterm_state_reset(m_state, 1);
}

TerminalEmulator::~TerminalEmulator() = default;

void TerminalEmulator::feed(const QByteArray &bytes)
{
    const QByteArray screened = m_input.screen(bytes, m_rows * m_columns);
    if (const auto title = m_input.takeTitle()) {
        onTitle(*title);
    }
    // Runs of plain text go straight onto the screen; libvterm takes everything around them.
    qsizetype done = 0;
    for (const TerminalTextRuns::Run &run : m_textRuns.find(screened)) {
        write(screened.constData() + done, run.offset - done);
        done = run.offset + putPlainRun(screened.constData() + run.offset, run.length);
    }
    write(screened.constData() + done, screened.size() - done);
    // libvterm 0.1.4 moves its cursor without a callback in places (leaving the alternate
    // screen restores it silently): ask where it is.
    VTermPos cursor{};
    vterm_state_get_cursorpos(m_state, &cursor);
    if (cursor.row != m_cursorRow || cursor.col != m_cursorColumn) {
        onCursor(cursor.row, cursor.col, m_cursorVisible);
    }
    // One signal for the whole chunk, however many cells changed: the view paints per frame.
    if (std::exchange(m_changed, false)) {
        Q_EMIT damaged();
    }
    flushOutput(); // answers to queries (cursor position, device attributes) go back
}

void TerminalEmulator::write(const char *bytes, qsizetype length)
{
    // A restored cursor (DECRC, DECRST 1048, leaving the alternate screen by 1049) is wherever it
    // was saved, and libvterm (0.1.4 and 0.3.3 alike) does not bring the saved position inside a
    // grid that has shrunk since: the next character wrote past the end of its line info (the
    // Debian 13 fuzz run, with an ASan-built libvterm: a cursor saved on row 29 of 29, the
    // terminal resized to 21 rows, then ESC 8 and text). So the bytes go in up to and including
    // each sequence that may restore the cursor, and the cursor is put back inside the grid
    // before anything else is written. The scanner passes sequences whole, so one is never
    // split here.
    qsizetype start = 0;
    for (qsizetype i = 0; i < length; ++i) {
        if (bytes[i] != '\x1b' || i + 1 >= length) {
            continue;
        }
        qsizetype end = i + 1; // the final byte of this sequence
        if (bytes[end] == '[') {
            ++end;
            while (end < length && (static_cast<unsigned char>(bytes[end]) < 0x40 ||
                                    static_cast<unsigned char>(bytes[end]) > 0x7e)) {
                ++end;
            }
        } else {
            while (end < length && static_cast<unsigned char>(bytes[end]) >= 0x20 &&
                   static_cast<unsigned char>(bytes[end]) <= 0x2f) {
                ++end; // intermediates
            }
        }
        if (end >= length) {
            break;
        }
        const char final = bytes[end];
        if (final == '8' || final == 'l') { // DECRC (ESC 8); DECRST 1048/1049
            vterm_input_write(m_vterm.get(), bytes + start, static_cast<size_t>(end + 1 - start));
            keepCursorInsideGrid();
            start = end + 1;
        }
        i = end;
    }
    if (length > start) {
        vterm_input_write(m_vterm.get(), bytes + start, static_cast<size_t>(length - start));
    }
}

void TerminalEmulator::keepCursorInsideGrid()
{
    VTermPos cursor{};
    vterm_state_get_cursorpos(m_state, &cursor);
    if (cursor.row >= 0 && cursor.row < m_rows && cursor.col >= 0 && cursor.col < m_columns) {
        return;
    }
    // As xterm clamps its saved cursor on a resize.
    const QByteArray inside =
        "\x1b[" + QByteArray::number(std::clamp(cursor.row, 0, m_rows - 1) + 1) + ';' +
        QByteArray::number(std::clamp(cursor.col, 0, m_columns - 1) + 1) + 'H';
    vterm_input_write(m_vterm.get(), inside.constData(), static_cast<size_t>(inside.size()));
}

qsizetype TerminalEmulator::putPlainRun(const char *text, qsizetype length)
{
    // What libvterm would do with these characters, done at once: cells with its pen, then its
    // cursor moved past them. Only while that is all it would do: the run stops short of the
    // last column (where libvterm would begin to wrap), and its last character goes to libvterm
    // (a combining mark may follow it, and libvterm joins those to the character it printed).
    VTermPos cursor{};
    vterm_state_get_cursorpos(m_state, &cursor);
    if (cursor.row < 0 || cursor.row >= m_rows || cursor.col < 0 ||
        vterm_state_get_lineinfo(m_state, cursor.row)->doublewidth) {
        return 0;
    }
    const qsizetype room = m_columns - 1 - cursor.col;
    const int count = static_cast<int>(std::min(length - 1, room));
    if (count < TerminalTextRuns::kMinLength / 2) {
        return 0;
    }
    m_screen.putAscii(cursor.row, cursor.col, text, count);
    m_changed = true;
    const QByteArray forward = "\x1b[" + QByteArray::number(count) + 'C'; // CUF
    write(forward.constData(), forward.size());
    return count;
}

void TerminalEmulator::flushOutput()
{
    if (!m_pendingOutput.isEmpty()) {
        Q_EMIT output(std::exchange(m_pendingOutput, {}));
    }
}

void TerminalEmulator::resize(int rows, int columns)
{
    if (rows < 1 || columns < 1 || (rows == m_rows && columns == m_columns)) {
        return;
    }
    // libvterm is never in the middle of a sequence here: the scanner passes them whole.
    vterm_set_size(m_vterm.get(), rows, columns);
    vtermcompat::reselectScreen(m_state, m_screen.onAlternate());
    // libvterm moves the cursor on a resize without telling: ask where it is now.
    VTermPos cursor{};
    vterm_state_get_cursorpos(m_state, &cursor);
    m_cursorRow = std::clamp(cursor.row, 0, rows - 1);
    m_cursorColumn = std::clamp(cursor.col, 0, columns - 1);
    // libvterm 0.1.4 keeps a scroll region's top row across a resize even when the screen is
    // now shorter, and its next scroll moves a negative number of bytes (the fuzz target found
    // it); it can also leave its cursor outside the new grid, where the next character would be
    // written outside its buffers. So the region is reset, as xterm does on a resize, and the
    // cursor put back inside, with sequences of our own (resetting the region homes the cursor).
    const QByteArray reset = "\x1b[r\x1b[" + QByteArray::number(m_cursorRow + 1) + ';' +
                             QByteArray::number(m_cursorColumn + 1) + 'H';
    vterm_input_write(m_vterm.get(), reset.constData(), static_cast<size_t>(reset.size()));
    m_changed = false;
    Q_EMIT damaged();
}

int TerminalEmulator::onResize(int rows, int columns)
{
    VTermPos cursor{};
    vterm_state_get_cursorpos(m_state, &cursor);
    const int movedUp = m_screen.resize(rows, columns, cursor.row);
    m_rows = m_screen.rows();
    m_columns = m_screen.columns();
    m_changed = true;
    return movedUp;
}

void TerminalEmulator::onPenAttribute(int attribute, const void *value)
{
    const auto *v = static_cast<const VTermValue *>(value);
    auto setFlag = [this](quint8 flag, bool on) {
        m_pen.attributes = on ? (m_pen.attributes | flag) : (m_pen.attributes & ~flag);
    };
    switch (attribute) {
    case VTERM_ATTR_BOLD:
        setFlag(TerminalScreen::Bold, v->boolean);
        break;
    case VTERM_ATTR_ITALIC:
        setFlag(TerminalScreen::Italic, v->boolean);
        break;
    case VTERM_ATTR_UNDERLINE:
        setFlag(TerminalScreen::Underline, v->number != 0);
        break;
    case VTERM_ATTR_REVERSE:
        setFlag(TerminalScreen::Reverse, v->boolean);
        break;
    case VTERM_ATTR_FOREGROUND:
        m_pen.foreground = packed(m_state, v->color);
        break;
    case VTERM_ATTR_BACKGROUND:
        m_pen.background = packed(m_state, v->color);
        setFlag(TerminalScreen::DefaultBackground, VTERM_COLOR_IS_DEFAULT_BG(&v->color));
        break;
    default:
        return; // blink, strike, conceal, fonts: not drawn
    }
    m_screen.setPen(m_pen);
}

void TerminalEmulator::onAlternateScreen(bool alternate)
{
    m_screen.useAlternate(alternate);
    m_changed = true;
}

TerminalEmulator::Cell TerminalEmulator::cell(int row, int column) const
{
    if (row < 0 || row >= m_rows || column < 0 || column >= m_columns) {
        return {};
    }
    const TerminalScreen::Cell &c = m_screen.row(row)[static_cast<size_t>(column)];
    Cell cell;
    cell.text = m_screen.text(c);
    cell.width = c.code == TerminalScreen::kRightHalf ? 1 : c.width;
    cell.foreground = c.foreground;
    cell.background = c.background;
    cell.bold = c.attributes & TerminalScreen::Bold;
    cell.italic = c.attributes & TerminalScreen::Italic;
    cell.underline = c.attributes & TerminalScreen::Underline;
    cell.reverse = c.attributes & TerminalScreen::Reverse;
    return cell;
}

QString TerminalEmulator::text(std::span<const TerminalScreen::Cell> cells) const
{
    QString text;
    for (const TerminalScreen::Cell &c : cells) {
        if (c.code != TerminalScreen::kRightHalf) { // drawn with its left half
            text += c.code == 0 ? QStringLiteral(" ") : m_screen.text(c);
        }
    }
    return text;
}

QString TerminalEmulator::lineText(int row) const
{
    QString line = text(m_screen.row(row));
    while (line.endsWith(QLatin1Char(' '))) {
        line.chop(1);
    }
    return line;
}

QString TerminalEmulator::scrollbackText(int index) const
{
    return text(m_screen.scrollbackLine(index));
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
    flushOutput();
}

void TerminalEmulator::sendKey(Key key, Qt::KeyboardModifiers modifiers)
{
    static const VTermKey keys[] = {
        VTERM_KEY_ENTER,  VTERM_KEY_TAB,      VTERM_KEY_BACKSPACE, VTERM_KEY_ESCAPE, VTERM_KEY_UP,
        VTERM_KEY_DOWN,   VTERM_KEY_LEFT,     VTERM_KEY_RIGHT,     VTERM_KEY_HOME,   VTERM_KEY_END,
        VTERM_KEY_PAGEUP, VTERM_KEY_PAGEDOWN, VTERM_KEY_INS,       VTERM_KEY_DEL};
    vterm_keyboard_key(m_vterm.get(), keys[static_cast<int>(key)], toVTerm(modifiers));
    flushOutput();
}

void TerminalEmulator::sendPaste(const QString &text)
{
    vterm_keyboard_start_paste(m_vterm.get());
    sendText(text);
    vterm_keyboard_end_paste(m_vterm.get());
    flushOutput();
}

void TerminalEmulator::onCursor(int row, int column, bool visible)
{
    // libvterm 0.1.4 can report a cursor outside the grid after some resizes (the fuzz target
    // saw row -13); whoever draws it relies on it being inside.
    m_cursorRow = std::clamp(row, 0, m_rows - 1);
    m_cursorColumn = std::clamp(column, 0, m_columns - 1);
    m_cursorVisible = visible;
    m_changed = true;
}

void TerminalEmulator::onTitle(const QString &title)
{
    m_title = title.left(200);
    Q_EMIT titleChanged(m_title);
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
