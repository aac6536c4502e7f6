#include "overrides/OverrideAssignment.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace relayfleet {

bool OverrideAssignment::isValidName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]{0,63}\\z"));
    return pattern.match(name).hasMatch();
}

Result<QJsonValue> OverrideAssignment::parseValue(const QString &json)
{
    // Qt 6.4 parses only objects and arrays at the top level: wrap the literal in an array.
    QJsonParseError error;
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray("[" + json.toUtf8() + "]"), &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray() || doc.array().size() != 1) {
        return Error::make(Error::Code::InvalidInput,
                           tr("\"%1\" is not a JSON literal: write numbers as 2.5, strings in "
                              "double quotes (MODE='\"fast\"' in a shell), or true, false, null.")
                               .arg(json.left(80)));
    }
    const QJsonValue value = doc.array().first();
    if (value.isObject() || value.isArray()) {
        return Error::make(Error::Code::InvalidInput,
                           tr("Only numbers, strings, true, false and null can be pushed."));
    }
    return value;
}

Result<OverrideAssignment> OverrideAssignment::parse(const QString &text)
{
    const qsizetype eq = text.indexOf(QLatin1Char('='));
    if (eq <= 0) {
        return Error::make(Error::Code::InvalidInput,
                           tr("\"%1\" is not NAME=VALUE.").arg(text.left(80)));
    }
    OverrideAssignment assignment;
    assignment.name = text.left(eq);
    if (!isValidName(assignment.name)) {
        return Error::make(Error::Code::InvalidInput,
                           tr("\"%1\" is not a valid variable name ([A-Za-z_][A-Za-z0-9_]*, at "
                              "most 64).")
                               .arg(assignment.name.left(80)));
    }
    auto value = parseValue(text.mid(eq + 1));
    if (!value) {
        return value.error();
    }
    assignment.value = value.value();
    return assignment;
}

QByteArray OverrideAssignment::canonical(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

QByteArray OverrideAssignment::line() const
{
    return name.toUtf8() + '=' + canonical(value);
}

} // namespace relayfleet
