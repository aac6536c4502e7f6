#pragma once

#include <QByteArray>
#include <QList>

namespace relayfleet {

// Finds, in output TerminalInputScreen has screened (sequences whole, strings gone, text valid
// UTF-8), the runs of printable ASCII that TerminalEmulator may put on its screen itself instead
// of having libvterm take them a character at a time (libvterm's per-character work was most of
// what a `cat` of a big log cost). It follows what would make libvterm print such text
// differently, and finds no runs while any of it is in force: a character set other than ASCII
// designated or shifted in (line drawing), insert mode, left and right margins, origin mode, or
// a soft reset (whose effect on those it does not model). A full reset (ESC c) clears all of it.
class TerminalTextRuns
{
public:
    struct Run
    {
        qsizetype offset = 0;
        qsizetype length = 0;
    };
    // Shorter runs are left to libvterm: moving its cursor past a run costs about as much.
    static constexpr qsizetype kMinLength = 8;

    QList<Run> find(const QByteArray &screened);

private:
    qsizetype sequence(const char *data, qsizetype at, qsizetype size); // returns where it ends
    void csi(const char *data, qsizetype from, qsizetype to);
    bool plainPrinting() const
    {
        return !m_otherCharset && !m_insertMode && !m_margins && !m_originMode && !m_softReset;
    }

    bool m_otherCharset = false; // sticky until a full reset
    bool m_insertMode = false;
    bool m_margins = false;
    bool m_originMode = false; // sticky until a full reset
    bool m_softReset = false;  // sticky until a full reset
};

} // namespace relayfleet
