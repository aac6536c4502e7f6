#pragma once

#include <QDateTime>
#include <QtGlobal>
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
#include <QTimeZone>
#endif

// The one place where Qt's versions differ for us: 6.4 (Debian 12) and 6.8-6.10 (Debian 13,
// Homebrew). Qt 6.5 brought QTimeZone::UTC and later versions deprecate the Qt::TimeSpec
// overloads that 6.4 needs.

namespace relayfleet::qtcompat {

inline QDateTime utcFromSecsSinceEpoch(qint64 seconds)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    return QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::UTC);
#else
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
#endif
}

inline QDateTime utcDateTime(QDate date, QTime time)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    return QDateTime(date, time, QTimeZone::UTC);
#else
    return QDateTime(date, time, Qt::UTC);
#endif
}

} // namespace relayfleet::qtcompat
