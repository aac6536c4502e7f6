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
    QList<Row> rows;
    for (const QString &name : names) {
        const bool wanted = desired.contains(name);
        const bool has = applied && applied->contains(name);
        const Status status = !wanted                                       ? Status::Extra
                              : !has                                        ? Status::Missing
                              : applied->value(name) == desired.value(name) ? Status::Ok
                                                                            : Status::Drift;
        rows << Row{name, wanted ? desired.value(name) : QJsonValue(QJsonValue::Undefined),
                    has ? applied->value(name) : QJsonValue(QJsonValue::Undefined), status};
    }
    return OverrideComparison{rows, applied ? QString() : applied.error().message, {}};
}

bool OverrideComparison::inSync() const
{
    return std::all_of(rows.cbegin(), rows.cend(), [](const Row &row) {
        return row.status == Status::Ok || row.status == Status::Extra;
    });
}

QString OverrideComparison::statusName(Status status)
{
    switch (status) {
    case Status::Ok:
        return QStringLiteral("ok");
    case Status::Drift:
        return QStringLiteral("drift");
    case Status::Missing:
        return QStringLiteral("missing");
    case Status::Extra:
        return QStringLiteral("extra");
    }
    return QStringLiteral("ok");
}

QJsonArray OverrideComparison::rowsJson() const
{
    QJsonArray table;
    const auto side = [](const QJsonValue &value) {
        return value.isUndefined() ? QJsonValue() : value;
    };
    for (const Row &row : rows) {
        table.append(QJsonObject{{QStringLiteral("name"), row.name},
                                 {QStringLiteral("desired"), side(row.desired)},
                                 {QStringLiteral("applied"), side(row.applied)},
                                 {QStringLiteral("status"), statusName(row.status)}});
    }
    return table;
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
