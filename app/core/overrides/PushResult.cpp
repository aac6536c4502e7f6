#include "overrides/PushResult.h"

namespace relayfleet {

PushResult PushResult::unreached(const DeviceTarget &target, const QString &error)
{
    PushResult result;
    result.target = target;
    result.error = error;
    return result;
}

QList<PushResult::Variable> PushResult::rejected() const
{
    QList<Variable> rejected;
    for (const Variable &variable : variables) {
        if (!variable.applied) {
            rejected << variable;
        }
    }
    return rejected;
}

QString PushResult::outcome() const
{
    return !error.isEmpty() ? error
           : applied        ? QStringLiteral("applied")
                            : QStringLiteral("not applied");
}

QJsonObject PushResult::toJson() const
{
    QJsonObject json{{QStringLiteral("device"), device()},
                     {QStringLiteral("ok"), ok},
                     {QStringLiteral("received"), received},
                     {QStringLiteral("applied"), applied}};
    if (!reached) {
        json.insert(QStringLiteral("error"), error);
        return json;
    }
    json.insert(QStringLiteral("error"), error.isEmpty() ? QJsonValue() : QJsonValue(error));
    json.insert(QStringLiteral("values"), values);
    QJsonArray list;
    for (const Variable &variable : variables) {
        list.append(QJsonObject{{QStringLiteral("name"), variable.name},
                                {QStringLiteral("value"), variable.value},
                                {QStringLiteral("applied"), variable.applied},
                                {QStringLiteral("reason"),
                                 variable.applied ? QJsonValue() : QJsonValue(variable.reason)}});
    }
    json.insert(QStringLiteral("variables"), list);
    if (!accepts.isEmpty()) {
        json.insert(QStringLiteral("accepts"), accepts);
    }
    return json;
}

QJsonArray PushResult::toJson(const QList<PushResult> &results)
{
    QJsonArray array;
    for (const PushResult &result : results) {
        array.append(result.toJson());
    }
    return array;
}

} // namespace relayfleet
