#pragma once

#include "terminal/TerminalInputScreen.h"
#include "terminal/TerminalScreen.h"
#include "terminal/TerminalTextRuns.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <array>
#include <memory>

struct VTerm;
struct VTermState;

namespace relayfleet {

// An xterm-256color terminal fed with the bytes a remote shell sends: libvterm's parser and
// state layer interpret them, and the cells live in our own TerminalScreen (libvterm's screen
// layer was the slow part). It keeps the visible cells, a bounded scrollback, the cursor and the
// title; keystrokes are encoded into the bytes to send back (output()). No Widgets: the GUI
// paints it, tests read it.
class TerminalEmulator : public QObject
{
    Q_OBJECT

public:
    struct Cell
    {
        QString text; // empty for the right half of a wide character
        int width = 1;
        quint32 foreground = 0; // 0xffRRGGBB (QRgb, without needing Qt Gui here)
        quint32 background = 0;
        bool bold = false;
        bool italic = false;
        bool underline = false;
        bool reverse = false;
    };

    static constexpr int kMaxScrollback = 5000;
    // The 16 ANSI colours: Tango's (GNOME Terminal), with blue lightened to #4f86f7 so that
    // colour 4 on the black background (vim's comments, `ls` directories) is readable:
    // contrast 6.1:1, where libvterm's own #0000e0 is 2.1:1 and Tango's #3465a4 3.5:1.
    static constexpr std::array<quint32, 16> kAnsiPalette = {
        0xff2e3436, 0xffcc0000, 0xff4e9a06, 0xffc4a000, 0xff4f86f7, 0xff75507b,
        0xff06989a, 0xffd3d7cf, 0xff555753, 0xffef2929, 0xff8ae234, 0xfffce94f,
        0xff729fcf, 0xffad7fa8, 0xff34e2e2, 0xffeeeeec};

    explicit TerminalEmulator(int rows = 24, int columns = 80, QObject *parent = nullptr);
    ~TerminalEmulator() override;

    void feed(const QByteArray &bytes);
    void resize(int rows, int columns);
    int rows() const { return m_rows; }
    int columns() const { return m_columns; }

    Cell cell(int row, int column) const; // a copy, for reading; painting reads screen()
    const TerminalScreen &screen() const { return m_screen; }
    QString lineText(int row) const; // one visible row, trailing blanks trimmed
    QString screenText() const;      // every visible row, joined with '\n'
    int cursorRow() const { return m_cursorRow; }
    int cursorColumn() const { return m_cursorColumn; }
    bool cursorVisible() const { return m_cursorVisible; }
    const QString &title() const { return m_title; }

    int scrollbackSize() const { return m_screen.scrollbackSize(); }
    QString scrollbackText(int index) const; // 0 = oldest

    // Keyboard input, encoded as xterm does; the bytes come out of output().
    void sendText(const QString &text);
    enum class Key
    {
        Enter,
        Tab,
        Backspace,
        Escape,
        Up,
        Down,
        Left,
        Right,
        Home,
        End,
        PageUp,
        PageDown,
        Insert,
        Delete
    };
    void sendKey(Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier);
    void sendPaste(const QString &text); // bracketed when the application asked for it

    // Callbacks from libvterm's state layer (public for the C trampolines only).
    TerminalScreen &changedScreen()
    {
        m_changed = true;
        return m_screen;
    }
    void onCursor(int row, int column, bool visible);
    void onPenAttribute(int attribute, const void *value);
    void onAlternateScreen(bool alternate);
    int onResize(int rows, int columns);
    void onOutput(const char *bytes, size_t length);
    void onBell();

Q_SIGNALS:
    void damaged();
    void output(const QByteArray &bytes);
    void titleChanged(const QString &title);
    void bell();

private:
    struct VTermDeleter
    {
        void operator()(VTerm *vt) const;
    };

    void onTitle(const QString &title);
    void flushOutput();
    QString text(std::span<const TerminalScreen::Cell> cells) const;
    void write(const char *bytes, qsizetype length);
    void keepCursorInsideGrid();
    qsizetype putPlainRun(const char *text, qsizetype length);

    std::unique_ptr<VTerm, VTermDeleter> m_vterm;
    VTermState *m_state = nullptr;
    int m_rows;
    int m_columns;
    TerminalScreen m_screen;
    TerminalScreen::Pen m_pen;
    bool m_changed = false; // since the last damaged()
    int m_cursorRow = 0;
    int m_cursorColumn = 0;
    bool m_cursorVisible = true;
    QString m_title;
    QByteArray m_pendingOutput;
    TerminalInputScreen m_input; // what libvterm 0.1.4 must not see is screened out
    TerminalTextRuns m_textRuns;
};

} // namespace relayfleet
