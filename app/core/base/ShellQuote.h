#pragma once

#include <QString>

namespace relayfleet {

// Quotes one word for a POSIX shell: 'it'\''s'. Whatever the text, the shell sees one literal
// word, so data never turns into code on a remote host.
inline QString shellQuote(const QString &word)
{
    QString quoted = word;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

} // namespace relayfleet
