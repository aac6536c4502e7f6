#include "overrides/DesiredOverrides.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace relayfleet {

namespace {
constexpr int kFormat = 1;
} // namespace

DesiredOverrides::DesiredOverrides(QString home)
    : m_home(std::move(home))
{
}

Result<QJsonObject> DesiredOverrides::load() const
{
    QFile file(m_home + QStringLiteral("/overrides.json"));
    if (!file.exists()) {
        return QJsonObject{{QStringLiteral("version"), kFormat}};
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return Error::make(Error::Code::Io, tr("Cannot read %1.").arg(file.fileName()));
    }
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
    if (!doc.isObject() || doc.object().value(QStringLiteral("version")).toInt() != kFormat) {
        return Error::make(Error::Code::Io, tr("%1 is not a desired-state file this version "
                                               "reads; fix or remove it.")
                                                .arg(file.fileName()));
    }
    return doc.object();
}

Result<void> DesiredOverrides::save(const QJsonObject &root)
{
    QSaveFile file(m_home + QStringLiteral("/overrides.json"));
    const QByteArray data = QJsonDocument(root).toJson();
    if (!QDir().mkpath(m_home) || !file.open(QIODevice::WriteOnly) ||
        file.write(data) != data.size() || !file.commit()) {
        return Error::make(Error::Code::Io, tr("Cannot write %1.").arg(file.fileName()));
    }
    return {};
}

Result<void> DesiredOverrides::set(const QString &scope, const QString &key,
                                   const QList<OverrideAssignment> &assignments)
{
    auto root = load();
    if (!root) {
        return root.error();
    }
    QJsonObject scoped = root->value(scope).toObject();
    QJsonObject values = scoped.value(key).toObject();
    for (const OverrideAssignment &assignment : assignments) {
        values.insert(assignment.name, assignment.value);
    }
    scoped.insert(key, values);
    root->insert(scope, scoped);
    return save(root.value());
}

Result<void> DesiredOverrides::setForDevice(const QString &id,
                                            const QList<OverrideAssignment> &assignments)
{
    return set(QStringLiteral("devices"), id, assignments);
}

Result<void> DesiredOverrides::setForLabel(const QString &label,
                                           const QList<OverrideAssignment> &assignments)
{
    return set(QStringLiteral("labels"), label, assignments);
}

Result<QJsonObject> DesiredOverrides::desiredFor(const QString &id, const QStringList &labels) const
{
    auto root = load();
    if (!root) {
        return root.error();
    }
    QJsonObject desired;
    QStringList sorted = labels;
    sorted.sort();
    const QJsonObject byLabel = root->value(QStringLiteral("labels")).toObject();
    for (const QString &label : sorted) {
        const QJsonObject values = byLabel.value(label).toObject();
        for (auto it = values.begin(); it != values.end(); ++it) {
            desired.insert(it.key(), it.value());
        }
    }
    const QJsonObject own = root->value(QStringLiteral("devices")).toObject().value(id).toObject();
    for (auto it = own.begin(); it != own.end(); ++it) {
        desired.insert(it.key(), it.value());
    }
    return desired;
}

} // namespace relayfleet
