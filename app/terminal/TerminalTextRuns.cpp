#include "terminal/TerminalTextRuns.h"

#include <QByteArrayView>

namespace relayfleet {

namespace {

bool printableAscii(char c)
{
    return c >= 0x20 && c < 0x7f;
}

// Whether the semicolon-separated parameters hold `value` (no sub-parameters matter here).
bool hasParameter(QByteArrayView parameters, QByteArrayView value)
{
    qsizetype start = 0;
    while (start <= parameters.size()) {
        qsizetype end = parameters.indexOf(';', start);
        if (end < 0) {
            end = parameters.size();
        }
        if (parameters.sliced(start, end - start) == value) {
            return true;
        }
        start = end + 1;
    }
    return false;
}

} // namespace

QList<TerminalTextRuns::Run> TerminalTextRuns::find(const QByteArray &screened)
{
    QList<Run> runs;
    const char *data = screened.constData();
    const qsizetype size = screened.size();
    qsizetype i = 0;
    while (i < size) {
        const char c = data[i];
        if (printableAscii(c)) {
            const qsizetype start = i;
            while (i < size && printableAscii(data[i])) {
                ++i;
            }
            if (plainPrinting() && i - start >= kMinLength) {
                runs.append({start, i - start});
            }
        } else if (c == '\x1b') {
            i = sequence(data, i, size);
        } else {
            // SO and the locking shifts to G2 and G3 bring in another character set (SI
            // brings back G0, which stays ASCII while no other was designated).
            if (c == '\x0e') {
                m_otherCharset = true;
            }
            ++i; // other controls and UTF-8 text leave printing as it was
        }
    }
    return runs;
}

qsizetype TerminalTextRuns::sequence(const char *data, qsizetype at, qsizetype size)
{
    qsizetype i = at + 1;
    if (i < size && data[i] == '[') {
        const qsizetype from = ++i;
        while (i < size && !(data[i] >= 0x40 && data[i] <= 0x7e)) {
            ++i;
        }
        if (i < size) {
            csi(data, from, i);
        }
        return i + 1;
    }
    const qsizetype intermediates = i;
    while (i < size && data[i] >= 0x20 && data[i] <= 0x2f) {
        ++i;
    }
    if (i >= size) {
        return size;
    }
    const QByteArrayView inter(data + intermediates, i - intermediates);
    const char final = data[i];
    if (inter.isEmpty()) {
        if (final == 'c') { // RIS: everything back to its default
            *this = TerminalTextRuns();
        } else if (final == 'n' || final == 'o' || final == '~' || final == '}' || final == '|') {
            m_otherCharset = true; // LS2, LS3 and their right-hand forms
        }
    } else if (inter.size() == 1 && QByteArrayView("()*+-./").contains(inter.at(0))) {
        // A designation: only G0 as ASCII (ESC ( B, what `tput sgr0` sends) changes nothing.
        if (!(inter.at(0) == '(' && final == 'B')) {
            m_otherCharset = true;
        }
    }
    return i + 1;
}

void TerminalTextRuns::csi(const char *data, qsizetype from, qsizetype to)
{
    const char final = data[to];
    QByteArrayView parameters(data + from, to - from);
    if (final == 'p' && parameters.endsWith('!')) {
        m_softReset = true; // DECSTR
        return;
    }
    if (final != 'h' && final != 'l') {
        return;
    }
    const bool set = final == 'h';
    if (parameters.startsWith('?')) {
        if (hasParameter(parameters.sliced(1), "69")) {
            m_margins = set; // DECLRMM
        }
        if (set && hasParameter(parameters.sliced(1), "6")) {
            // DECOM: libvterm then keeps its cursor inside the scroll region after every CSI,
            // the one that moves it past a run included; sticky, since ESC 8 may bring it back.
            m_originMode = true;
        }
    } else if (hasParameter(parameters, "4")) {
        m_insertMode = set; // IRM
    }
}

} // namespace relayfleet
