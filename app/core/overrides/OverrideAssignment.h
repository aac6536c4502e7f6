#pragma once

#include "base/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace relayfleet {

// One variable override, NAME=VALUE with VALUE a JSON literal (docs/OVERRIDES.md). Values are
// kept in canonical compact JSON, which cannot contain a raw newline, so a value can never
// add a line of its own; whatever characters it holds stay data.
struct OverrideAssignment
{
    Q_DECLARE_TR_FUNCTIONS(OverrideAssignment)

public:
    QString name;
    QJsonValue value;

    static bool isValidName(const QString &name);
    // "SPEED=2.5", "MODE=\"fast\"", "ENABLED=true", "LIMIT=null".
    static Result<OverrideAssignment> parse(const QString &text);
    static Result<QJsonValue> parseValue(const QString &json);
    QByteArray line() const; // NAME=VALUE, no newline
    static QByteArray canonical(const QJsonValue &value);
};

} // namespace relayfleet
