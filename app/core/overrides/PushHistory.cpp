#include "overrides/PushHistory.h"

#include "base/AppPaths.h"

#include <QDateTime>

namespace relayfleet {

namespace {
// Pushes are a few hundred bytes: tens of thousands of them, and as many in the file before.
constexpr qint64 kMaxHistoryBytes = 8 * 1024 * 1024;
} // namespace

PushHistory::PushHistory(QString home)
    : m_home(std::move(home))
{
}

Result<void> PushHistory::record(qint64 seq, const QStringList &targets,
                                 const QList<OverrideAssignment> &assignments,
                                 const QList<PushResult> &results)
{
    QJsonObject values;
    for (const OverrideAssignment &assignment : assignments) {
        values.insert(assignment.name, assignment.value);
    }
    const QJsonObject entry{
        {QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
        {QStringLiteral("seq"), QString::number(seq)},
        {QStringLiteral("targets"), QJsonArray::fromStringList(targets)},
        {QStringLiteral("values"), values},
        {QStringLiteral("results"), PushResult::toJson(results)}};
    return file().append(entry);
}

Result<QList<QJsonObject>> PushHistory::last(int count) const
{
    return file().last(count);
}

JsonLinesFile PushHistory::file() const
{
    return JsonLinesFile(AppPaths(m_home).pushHistoryFile(), kMaxHistoryBytes);
}

} // namespace relayfleet
