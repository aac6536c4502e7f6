#include "terminal/TerminalInputScreen.h"

#include <QList>
#include <algorithm>

namespace relayfleet {

namespace {

// How many bytes the UTF-8 sequence that `lead` begins has; 0 when it begins none.
int utf8Length(unsigned char lead)
{
    return lead >= 0xc2 && lead <= 0xdf   ? 2
           : lead >= 0xe0 && lead <= 0xef ? 3
           : lead >= 0xf0 && lead <= 0xf4 ? 4
                                          : 0;
}

// The code point of a whole sequence whose continuation bytes were checked.
char32_t decodeUtf8(const char *bytes, int length)
{
    char32_t cp = static_cast<unsigned char>(bytes[0]) & (0xff >> (length + 1));
    for (int i = 1; i < length; ++i) {
        cp = (cp << 6) | (static_cast<unsigned char>(bytes[i]) & 0x3f);
    }
    return cp;
}

// Neither overlong, a surrogate, nor beyond Unicode.
bool isValidUtf8(char32_t cp, int length)
{
    return !(length == 3 && cp < 0x800) && !(length == 4 && cp < 0x10000) && cp <= 0x10ffff &&
           !(cp >= 0xd800 && cp <= 0xdfff);
}

} // namespace

QByteArray TerminalInputScreen::screen(const QByteArray &bytes, int maxRepeat)
{
    m_maxRepeat = maxRepeat;
    QByteArray out;
    out.reserve(bytes.size());
    const char *data = bytes.constData();
    const qsizetype size = bytes.size();
    for (qsizetype i = 0; i < size; ++i) {
        if (m_scan == Scan::Ground && m_utf8Size == 0) {
            // Most output is runs of text and line ends: passed on whole.
            const qsizetype end = printableRun(data, i, size);
            if (end > i) {
                out.append(data + i, end - i);
                i = end;
                if (i == size) {
                    break;
                }
            }
        }
        const char byte = data[i];
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
                startSequence("\x1b", Scan::EscapeIntermediate);
                m_sequence += byte;
            } else if (c >= 0x30 && c <= 0x7e) {
                out += '\x1b';
                out += byte;
                m_scan = Scan::Ground;
            } else if (cancel) {
                m_scan = Scan::Ground;
            } else if (c < 0x20 && c != 0x1b) {
                out += byte; // a control inside a sequence is carried out at once
            }                // ESC ESC is one ESC; bytes from 0x7f on belong to no sequence
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
                out += screen(again, m_maxRepeat);
            }
            break;
        }
    }
    return out;
}

qsizetype TerminalInputScreen::printableRun(const char *data, qsizetype from, qsizetype size)
{
    qsizetype end = from;
    qsizetype last = -1;
    int lastLength = 0;
    while (end < size) {
        const auto lead = static_cast<unsigned char>(data[end]);
        if (lead >= 0x20 && lead < 0x7f) {
            last = end++;
            lastLength = 1;
            continue;
        }
        if (lead < 0x20 && lead != 0x1b) {
            ++end; // a control outside any sequence goes through as it is (CR and LF, mostly)
            continue;
        }
        const int length = utf8Length(lead);
        if (length == 0 || end + length > size) {
            break; // a control, a broken byte or a character split across reads: the slow path
        }
        bool continuation = true;
        for (int k = 1; k < length; ++k) {
            continuation =
                continuation && (static_cast<unsigned char>(data[end + k]) & 0xc0) == 0x80;
        }
        if (!continuation) {
            break;
        }
        const char32_t cp = decodeUtf8(data + end, length);
        if (!isValidUtf8(cp, length) || cp <= 0x9f) { // C1 controls take the slow path too
            break;
        }
        last = end;
        lastLength = length;
        end += length;
    }
    if (last >= 0) {
        setLastChar(data + last, lastLength);
    }
    return end;
}

void TerminalInputScreen::startSequence(const char *start, Scan state)
{
    m_sequence.resize(0); // keeps its capacity: no allocation per sequence
    m_sequence.append(start);
    m_scan = state;
    m_csiSeparators = 0;
}

void TerminalInputScreen::sequenceByte(unsigned char c, QByteArray &out)
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
            out += m_sequence;
            out += static_cast<char>(c);
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

void TerminalInputScreen::finishCsi(unsigned char final, QByteArray &out)
{
    if (!m_sequence.startsWith("\x1b[")) {
        // ESC, intermediates, "[": no terminal defines it, and libvterm would carry it out as
        // the CSI without the intermediates (a REP that way crashed it): dropped.
        return;
    }
    const QByteArrayView parameters =
        QByteArrayView(m_sequence).sliced(m_sequence.indexOf('[') + 1);
    const bool plain =
        !parameters.isEmpty() ? (parameters.at(0) >= '0' && parameters.at(0) <= ';') : true;
    if (final == 'b' && plain && !m_sequence.contains(' ')) {
        // REP: the last character again, n times (at most a screenful).
        const int n = std::clamp(parameters.toByteArray().split(';').value(0).toInt(), 1,
                                 std::max(1, m_maxRepeat));
        for (int i = 0; i < n && m_lastCharSize > 0; ++i) {
            out.append(m_lastChar.data(), m_lastCharSize);
        }
        return;
    }
    out += m_sequence;
    out += static_cast<char>(final);
}

void TerminalInputScreen::setLastChar(const char *bytes, int size)
{
    std::copy(bytes, bytes + size, m_lastChar.begin());
    m_lastCharSize = size;
}

void TerminalInputScreen::replacementCharacter(QByteArray &out)
{
    static constexpr char kReplacement[] = "\xef\xbf\xbd"; // U+FFFD
    out.append(kReplacement, 3);
    setLastChar(kReplacement, 3);
}

void TerminalInputScreen::text(unsigned char c, QByteArray &out)
{
    if (m_utf8Size > 0) {
        if ((c & 0xc0) == 0x80) {
            m_utf8[static_cast<size_t>(m_utf8Size++)] = static_cast<char>(c);
            if (m_utf8Size == m_utf8Length) {
                codepoint(out);
            }
            return;
        }
        replacementCharacter(out); // a sequence cut short
        m_utf8Size = 0;
    }
    if (c == 0x1b) {
        m_scan = Scan::Escape; // held back until the next byte says what follows
        return;
    }
    if (c < 0x80) {
        out += static_cast<char>(c);
        if (c >= 0x20 && c != 0x7f) {
            const char ascii = static_cast<char>(c);
            setLastChar(&ascii, 1);
        }
        return;
    }
    m_utf8Length = utf8Length(c);
    if (m_utf8Length == 0) {
        replacementCharacter(out); // not a lead byte
        return;
    }
    m_utf8[0] = static_cast<char>(c);
    m_utf8Size = 1;
}

void TerminalInputScreen::codepoint(QByteArray &out)
{
    const char32_t cp = decodeUtf8(m_utf8.data(), m_utf8Length);
    m_utf8Size = 0;
    if (!isValidUtf8(cp, m_utf8Length)) {
        replacementCharacter(out);
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
    out.append(m_utf8.data(), m_utf8Length);
    setLastChar(m_utf8.data(), m_utf8Length);
}

void TerminalInputScreen::startString(bool operatingSystemCommand)
{
    m_scan = Scan::String;
    m_string.clear();
    m_stringIsOsc = operatingSystemCommand;
}

void TerminalInputScreen::finishString()
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
    m_title = title;
}

std::optional<QString> TerminalInputScreen::takeTitle()
{
    return std::exchange(m_title, std::nullopt);
}

} // namespace relayfleet
