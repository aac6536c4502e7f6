#include "overrides/DesiredOverrides.h"

#include "base/AppPaths.h"
#include "base/JsonFile.h"

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
    return JsonFile(AppPaths(m_home).overridesFile(), kFormat).read();
}

Result<void> DesiredOverrides::save(const QJsonObject &root)
{
    return JsonFile(AppPaths(m_home).overridesFile(), kFormat).write(root);
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
