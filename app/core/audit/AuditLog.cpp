#include "audit/AuditLog.h"

#include "base/AppPaths.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace relayfleet {

namespace {

constexpr qint64 kMaxLogBytes = 4 * 1024 * 1024;

struct ActionName
{
    AuditLog::Action action;
    const char *name;
};

constexpr ActionName kActionNames[] = {
    {AuditLog::Action::TerminalOpened, "terminal-opened"},
    {AuditLog::Action::TerminalClosed, "terminal-closed"},
    {AuditLog::Action::Exec, "exec"},
    {AuditLog::Action::Push, "push"},
    {AuditLog::Action::Copy, "copy"},
    {AuditLog::Action::Forward, "forward"},
    {AuditLog::Action::Upgrade, "upgrade"},
    {AuditLog::Action::KeyInstalled, "key-installed"},
    {AuditLog::Action::KeyRotated, "key-rotated"},
    {AuditLog::Action::KeyRevoked, "key-revoked"},
    {AuditLog::Action::Enrolled, "enrolled"},
    {AuditLog::Action::Removed, "removed"},
    {AuditLog::Action::Adopted, "adopted"},
    {AuditLog::Action::Alert, "alert"},
};

QString bounded(const QString &text)
{
    return text.size() > AuditLog::kMaxFieldChars ? text.left(AuditLog::kMaxFieldChars) + u'…'
                                                  : text;
}

QJsonValue boundedValue(const QJsonValue &value, int depth = 0)
{
    if (value.isString()) {
        return bounded(value.toString());
    }
    if (depth > 3) {
        return QJsonValue();
    }
    if (value.isArray()) {
        QJsonArray array;
        for (const QJsonValue &item : value.toArray()) {
            if (array.size() >= 100) {
                break;
            }
            array.append(boundedValue(item, depth + 1));
        }
        return array;
    }
    if (value.isObject()) {
        QJsonObject object;
        const QJsonObject source = value.toObject();
        for (auto it = source.begin(); it != source.end() && object.size() < 100; ++it) {
            object.insert(bounded(it.key()).left(200), boundedValue(it.value(), depth + 1));
        }
        return object;
    }
    return value;
}

} // namespace

AuditLog::AuditLog(QString home, QString program)
    : m_home(std::move(home))
    , m_program(std::move(program))
{
}

JsonLinesFile AuditLog::file() const
{
    return JsonLinesFile(AppPaths(m_home).auditLogFile(), kMaxLogBytes);
}

Result<void> AuditLog::record(Entry entry) const
{
    entry.time = QDateTime::currentDateTimeUtc();
    entry.program = m_program;
    return file().append(toJson(entry));
}

Result<QList<AuditLog::Entry>> AuditLog::entries(const QString &device, int count) const
{
    const auto objects = file().last(count, [&device](const QJsonObject &object) {
        return device.isEmpty() || object.value(QStringLiteral("device")).toString() == device;
    });
    if (!objects) {
        return objects.error();
    }
    QList<Entry> entries;
    for (const QJsonObject &object : objects.value()) {
        if (auto entry = fromJson(object)) {
            entries << *entry;
        }
    }
    return entries;
}

QString AuditLog::actionName(Action action)
{
    for (const ActionName &known : kActionNames) {
        if (known.action == action) {
            return QString::fromLatin1(known.name);
        }
    }
    return {};
}

QString AuditLog::actionLabel(Action action)
{
    switch (action) {
    case Action::TerminalOpened:
        return tr("terminal opened");
    case Action::TerminalClosed:
        return tr("terminal closed");
    case Action::Exec:
        return tr("command");
    case Action::Push:
        return tr("push");
    case Action::Copy:
        return tr("copy");
    case Action::Forward:
        return tr("forward");
    case Action::Upgrade:
        return tr("upgrade");
    case Action::KeyInstalled:
        return tr("key installed");
    case Action::KeyRotated:
        return tr("key rotated");
    case Action::KeyRevoked:
        return tr("key revoked");
    case Action::Enrolled:
        return tr("enrolled");
    case Action::Removed:
        return tr("removed");
    case Action::Adopted:
        return tr("adopted");
    case Action::Alert:
        return tr("alert");
    }
    return actionName(action);
}

std::optional<AuditLog::Action> AuditLog::actionFromName(const QString &name)
{
    for (const ActionName &known : kActionNames) {
        if (name == QLatin1String(known.name)) {
            return known.action;
        }
    }
    return std::nullopt;
}

QJsonObject AuditLog::toJson(const Entry &entry)
{
    QJsonObject object{
        {QStringLiteral("time"), entry.time.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("action"), actionName(entry.action)},
        {QStringLiteral("device"), bounded(entry.device)},
        {QStringLiteral("relay"), bounded(entry.relay)},
        {QStringLiteral("key"), bounded(entry.key)},
        {QStringLiteral("program"), bounded(entry.program)},
        {QStringLiteral("ok"), entry.ok},
        {QStringLiteral("result"), bounded(entry.result)},
    };
    if (!entry.details.isEmpty()) {
        object.insert(QStringLiteral("details"), boundedValue(entry.details));
    }
    return object;
}

std::optional<AuditLog::Entry> AuditLog::fromJson(const QJsonObject &object)
{
    const auto action = actionFromName(object.value(QStringLiteral("action")).toString());
    const QDateTime time =
        QDateTime::fromString(object.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
    if (!action || !time.isValid()) {
        return std::nullopt;
    }
    Entry entry;
    entry.time = time.toUTC();
    entry.action = *action;
    entry.device = bounded(object.value(QStringLiteral("device")).toString());
    entry.relay = bounded(object.value(QStringLiteral("relay")).toString());
    entry.key = bounded(object.value(QStringLiteral("key")).toString());
    entry.program = bounded(object.value(QStringLiteral("program")).toString());
    entry.ok = object.value(QStringLiteral("ok")).toBool();
    entry.result = bounded(object.value(QStringLiteral("result")).toString());
    entry.details = boundedValue(object.value(QStringLiteral("details"))).toObject();
    return entry;
}

QString AuditLog::keyFingerprint(const QString &identityFile)
{
    if (identityFile.isEmpty()) {
        return {};
    }
    QFile file(identityFile + QStringLiteral(".pub"));
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    // "ssh-ed25519 AAAA… comment": the fingerprint is of the decoded middle field.
    const QList<QByteArray> fields = file.readLine(16 * 1024).trimmed().split(' ');
    if (fields.size() < 2) {
        return {};
    }
    const auto blob =
        QByteArray::fromBase64Encoding(fields.at(1), QByteArray::AbortOnBase64DecodingErrors);
    if (!blob || blob.decoded.isEmpty()) {
        return {};
    }
    QByteArray digest =
        QCryptographicHash::hash(blob.decoded, QCryptographicHash::Sha256).toBase64();
    while (digest.endsWith('=')) {
        digest.chop(1);
    }
    return QStringLiteral("SHA256:") + QString::fromLatin1(digest);
}

bool AuditLog::looksSecret(const QString &name)
{
    static const QRegularExpression secret(
        QStringLiteral("TOKEN|SECRET|PASS|PWD|KEY|CREDENTIAL|AUTH|PRIVATE|CERT"),
        QRegularExpression::CaseInsensitiveOption);
    return secret.match(name).hasMatch();
}

QJsonObject AuditLog::pushedValues(const QList<QPair<QString, QJsonValue>> &values)
{
    QJsonObject kept;
    for (const auto &[name, value] : values) {
        if (!looksSecret(name)) {
            kept.insert(name, value);
            continue;
        }
        const qsizetype length =
            value.isString()
                ? value.toString().size()
                : QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).size() - 2;
        kept.insert(name, tr("(secret, %n character(s))", nullptr, int(length)));
    }
    return kept;
}

} // namespace relayfleet
