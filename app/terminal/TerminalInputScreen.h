#pragma once

#include <QByteArray>
#include <QString>
#include <array>
#include <optional>

namespace relayfleet {

// What a device sends, screened before libvterm sees it: the fuzz target found input that
// corrupts or hangs libvterm 0.1.4 (Debian 12's). Fed unscreened to libvterm 0.3.3 (Debian 13,
// Homebrew), 12 of the 13 regression inputs in tests/fuzz/corpus/terminal are harmless, but
// the CSI with more than 16 parameters still makes it read out of bounds and crash (checked
// 2026-11-29 under ASan and valgrind). So the screen stays on every version: the cap is needed
// on both, and one screened stream means one behaviour, compared by the same tests, on Linux
// and the Mac. The test command runs the terminal fuzz target against 0.3.3 too.
// * text reaches libvterm as valid UTF-8 (a broken sequence becomes U+FFFD);
// * escape and CSI sequences are held until complete and passed whole, so libvterm is
//   never in the middle of one when the terminal is resized; a CSI keeps at most 16
//   parameters, and no byte of 0x80 or above gets into a sequence;
// * REP (repeat the last character) is done here, never by libvterm (which hangs when
//   there is no last character and corrupts its grid repeating a double-width one);
// * strings (OSC, DCS, APC, PM, SOS) never reach libvterm: the window title (OSC 0 and 2)
//   is read here and the rest dropped, so a device cannot set the clipboard (OSC 52).
// The scanner follows all of this across chunks.
class TerminalInputScreen
{
public:
    // libvterm (0.1.4 and 0.3.3) keeps 16 CSI parameters and reads or writes past them.
    static constexpr int kMaxCsiParameters = 16;

    // The bytes libvterm may see; a REP repeats at most `maxRepeat` times (a screenful).
    QByteArray screen(const QByteArray &bytes, int maxRepeat);
    // The window title an OSC 0 or 2 set since the last call, if any.
    std::optional<QString> takeTitle();

private:
    enum class Scan
    {
        Ground,
        Escape,
        EscapeIntermediate,
        Csi,
        String,
        StringEscape
    };
    void startString(bool operatingSystemCommand);
    void text(unsigned char c, QByteArray &out);
    qsizetype printableRun(const char *data, qsizetype from, qsizetype size);
    void startSequence(const char *start, Scan state);
    void sequenceByte(unsigned char c, QByteArray &out);
    void finishCsi(unsigned char final, QByteArray &out);
    void codepoint(QByteArray &out);
    void setLastChar(const char *bytes, int size);
    void replacementCharacter(QByteArray &out);
    void finishString();

    static constexpr qsizetype kMaxSequenceBytes = 128;
    static constexpr qsizetype kMaxStringBytes = 512;

    Scan m_scan = Scan::Ground;
    int m_csiSeparators = 0;
    int m_maxRepeat = 1;
    QByteArray m_sequence; // an escape or CSI sequence held until it is complete
    // Fixed buffers, not QByteArrays: they change with every character printed.
    std::array<char, 4> m_lastChar{}; // the last character printed, for REP
    int m_lastCharSize = 0;
    std::array<char, 4> m_utf8{}; // the UTF-8 sequence being read
    int m_utf8Size = 0;
    int m_utf8Length = 0;
    QByteArray m_string; // an OSC/DCS/... string being read (bounded)
    bool m_stringIsOsc = false;
    std::optional<QString> m_title;
};

} // namespace relayfleet
