#pragma once

#include <QDateTime>
#include <QSortFilterProxyModel>
#include <QtGlobal>
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
#include <QTimeZone>
#endif

// The one place where Qt's versions differ for us: 6.4 (Debian 12) to 6.11 (Debian testing,
// Homebrew). Qt 6.5 brought QTimeZone::UTC and later versions deprecate the Qt::TimeSpec
// overloads that 6.4 needs; Qt 6.10 replaced invalidateRowsFilter() (which 6.11 deprecates)
// with a change bracketed by beginFilterChange() and endFilterChange().

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

// A proxy model whose row filter depends on state of its own: changeRowFilter() applies a
// change of that state and refilters the rows, as each Qt version wants it done.
class RowFilterProxyModel : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

protected:
    template<typename Change> void changeRowFilter(Change change)
    {
#if QT_VERSION >= QT_VERSION_CHECK(6, 10, 0)
        beginFilterChange();
        change();
        endFilterChange(QSortFilterProxyModel::Direction::Rows);
#else
        change();
        invalidateRowsFilter();
#endif
    }
};

} // namespace relayfleet::qtcompat
