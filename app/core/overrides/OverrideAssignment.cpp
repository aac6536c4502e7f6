#include "overrides/OverrideAssignment.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
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

Result<QByteArray> OverridePush::payload(qint64 seq, const QList<OverrideAssignment> &assignments)
{
    if (assignments.isEmpty()) {
        return Error::make(Error::Code::InvalidInput, tr("Nothing to push."));
    }
    QByteArray out = "#seq " + QByteArray::number(seq) + '\n';
    for (const OverrideAssignment &assignment : assignments) {
        out += assignment.line() + '\n';
    }
    if (out.size() > kMaxBytes) {
        return Error::make(Error::Code::InvalidInput,
                           tr("This push is %1 bytes; at most %2 fit in one atomic write to a "
                              "FIFO. Push fewer or shorter values at a time.")
                               .arg(out.size())
                               .arg(kMaxBytes));
    }
    return out;
}

qint64 OverridePush::newSequence()
{
    return QDateTime::currentMSecsSinceEpoch() * 1000 + QRandomGenerator::global()->bounded(1000);
}

} // namespace relayfleet
