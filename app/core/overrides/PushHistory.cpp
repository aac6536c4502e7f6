#include "overrides/PushHistory.h"

#include "base/AppPaths.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>

namespace relayfleet {

namespace {
constexpr qint64 kMaxHistoryRead = 16 * 1024 * 1024;
} // namespace

PushHistory::PushHistory(QString home)
    : m_home(std::move(home))
{
}

Result<void> PushHistory::record(qint64 seq, const QStringList &targets,
                                 const QList<OverrideAssignment> &assignments,
                                 const QJsonArray &results)
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
        {QStringLiteral("results"), results}};
    QFile file(AppPaths(m_home).pushHistoryFile());
    if (!QDir().mkpath(m_home) || !file.open(QIODevice::ReadWrite | QIODevice::Append)) {
        return Error::make(Error::Code::Io, tr("Cannot write %1.").arg(file.fileName()));
    }
    QByteArray line = QJsonDocument(entry).toJson(QJsonDocument::Compact) + '\n';
    // A write cut short (a crash, a full disk) leaves a line without its end; this entry
    // starts on a line of its own so that only the torn one is lost.
    char last = '\n';
    if (file.size() > 0 && file.seek(file.size() - 1) && file.getChar(&last) && last != '\n') {
        line.prepend('\n');
    }
    if (file.write(line) != line.size() || !file.flush()) {
        return Error::make(Error::Code::Io, tr("Cannot write %1.").arg(file.fileName()));
    }
    return {};
}

Result<QList<QJsonObject>> PushHistory::last(int count) const
{
    QFile file(AppPaths(m_home).pushHistoryFile());
    QList<QJsonObject> entries;
    if (!file.exists()) {
        return entries;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return Error::make(Error::Code::Io, tr("Cannot read %1.").arg(file.fileName()));
    }
    if (file.size() > kMaxHistoryRead) {
        file.seek(file.size() - kMaxHistoryRead);
        file.readLine(); // skip the partial line
    }
    while (!file.atEnd()) {
        const QJsonDocument doc = QJsonDocument::fromJson(file.readLine());
        if (doc.isObject()) {
            entries << doc.object();
        }
    }
    return entries.mid(std::max<qsizetype>(0, entries.size() - count));
}

} // namespace relayfleet
