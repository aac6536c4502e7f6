#include "overrides/OverrideComparison.h"

namespace relayfleet {

OverrideComparison OverrideComparison::of(const QJsonObject &desired,
                                          const Result<QJsonObject> &applied)
{
    QStringList names = desired.keys();
    if (applied) {
        for (const QString &name : applied->keys()) {
            if (!names.contains(name)) {
                names << name;
            }
        }
    }
    QJsonArray table;
    for (const QString &name : names) {
        const bool wanted = desired.contains(name);
        const bool has = applied && applied->contains(name);
        const QString status = !wanted ? QStringLiteral("extra")
                               : !has  ? QStringLiteral("missing")
                               : applied->value(name) == desired.value(name)
                                   ? QStringLiteral("ok")
                                   : QStringLiteral("drift");
        table.append(
            QJsonObject{{QStringLiteral("name"), name},
                        {QStringLiteral("desired"), wanted ? desired.value(name) : QJsonValue()},
                        {QStringLiteral("applied"), has ? applied->value(name) : QJsonValue()},
                        {QStringLiteral("status"), status}});
    }
    return OverrideComparison{table, applied ? QString() : applied.error().message, {}};
}

bool OverrideComparison::inSync() const
{
    for (const QJsonValue &row : rows) {
        const QString status = row.toObject().value(QStringLiteral("status")).toString();
        if (status != QLatin1String("ok") && status != QLatin1String("extra")) {
            return false;
        }
    }
    return true;
}

QList<OverrideAssignment> OverrideComparison::drifted(const QJsonObject &desired,
                                                      const Result<QJsonObject> &applied)
{
    QList<OverrideAssignment> drifted;
    for (auto it = desired.begin(); it != desired.end(); ++it) {
        if (!applied || applied->value(it.key()) != it.value()) {
            drifted << OverrideAssignment{it.key(), it.value()};
        }
    }
    return drifted;
}

} // namespace relayfleet
