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
    if (prop == VTERM_PROP_CURSORVISIBLE) { // the title comes from TerminalInputScreen
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

void TerminalEmulator::feed(const QByteArray &bytes)
{
    const QByteArray screened = m_input.screen(bytes, m_rows * m_columns);
    if (const auto title = m_input.takeTitle()) {
        onTitle(*title);
    }
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
    // libvterm moves the cursor on a resize without telling: ask where it is now.
    VTermPos cursor{};
    vterm_state_get_cursorpos(vterm_obtain_state(m_vterm.get()), &cursor);
    m_cursorRow = std::clamp(cursor.row, 0, rows - 1);
    m_cursorColumn = std::clamp(cursor.col, 0, columns - 1);
    if (cursor.row != m_cursorRow || cursor.col != m_cursorColumn) {
        // libvterm 0.1.4 can leave its own cursor outside the new grid, and the next character
        // printed would be written outside its buffers (a crash the fuzz target found): put
        // it back inside, with a sequence of our own.
        const QByteArray inside = "\x1b[" + QByteArray::number(m_cursorRow + 1) + ';' +
                                  QByteArray::number(m_cursorColumn + 1) + 'H';
        vterm_input_write(m_vterm.get(), inside.constData(), static_cast<size_t>(inside.size()));
    }
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
