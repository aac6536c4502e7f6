#include "relay/RelayConfig.h"

#include <QRegularExpression>

namespace relayfleet {

namespace {

Error invalid(const QString &message)
{
    return Error::make(Error::Code::InvalidInput, message);
}

bool isValidHost(const QString &host)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9._:-]{1,253}\\z"));
    return pattern.match(host).hasMatch() && !host.startsWith(QLatin1Char('-'));
}

bool isValidUser(const QString &user)
{
    static const QRegularExpression pattern(
        QStringLiteral("^[A-Za-z0-9._][A-Za-z0-9._-]{0,63}\\z"));
    return pattern.match(user).hasMatch();
}

} // namespace

bool RelayConfig::isValidName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}\\z"));
    return pattern.match(name).hasMatch();
}

Result<RelayConfig> RelayConfig::fromAddress(const QString &name, const QString &address,
                                             const QString &defaultUser)
{
    if (!isValidName(name)) {
        return invalid(tr("\"%1\" is not a valid relay name: use letters, digits, "
                          "'.', '_' and '-' (at most 63).")
                           .arg(name.left(80)));
    }
    RelayConfig config;
    config.name = name;
    QString rest = address;
    const qsizetype at = rest.lastIndexOf(QLatin1Char('@'));
    config.user = at >= 0 ? rest.left(at) : defaultUser;
    rest = at >= 0 ? rest.mid(at + 1) : rest;
    QString portText;
    if (rest.startsWith(QLatin1Char('['))) {
        const qsizetype close = rest.indexOf(QLatin1Char(']'));
        if (close < 0) {
            return invalid(tr("Missing ']' in the address \"%1\".").arg(address));
        }
        config.host = rest.mid(1, close - 1);
        const QString after = rest.mid(close + 1);
        if (!after.isEmpty()) {
            if (!after.startsWith(QLatin1Char(':'))) {
                return invalid(tr("Unexpected text after ']' in \"%1\".").arg(address));
            }
            portText = after.mid(1);
        }
    } else if (rest.count(QLatin1Char(':')) == 1) {
        config.host = rest.section(QLatin1Char(':'), 0, 0);
        portText = rest.section(QLatin1Char(':'), 1);
    } else {
        config.host = rest;
    }
    if (!portText.isEmpty()) {
        bool ok = false;
        config.port = portText.toInt(&ok);
        if (!ok || config.port < 1 || config.port > 65535) {
            return invalid(tr("\"%1\" is not a valid port number.").arg(portText));
        }
    }
    if (!isValidHost(config.host)) {
        return invalid(tr("\"%1\" is not a valid host name or address.").arg(config.host.left(80)));
    }
    if (!isValidUser(config.user)) {
        return invalid(tr("\"%1\" is not a valid user name.").arg(config.user.left(80)));
    }
    return config;
}

QString RelayConfig::displayAddress() const
{
    const QString shownHost =
        host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(host) : host;
    return QStringLiteral("%1@%2:%3").arg(user, shownHost).arg(port);
}

QJsonObject RelayConfig::toJson() const
{
    QJsonObject json{{QStringLiteral("name"), name},
                     {QStringLiteral("user"), user},
                     {QStringLiteral("host"), host},
                     {QStringLiteral("port"), port}};
    if (!identityFile.isEmpty()) {
        json.insert(QStringLiteral("identity_file"), identityFile);
    }
    if (!sshAlias.isEmpty()) {
        json.insert(QStringLiteral("ssh_alias"), sshAlias);
    }
    return json;
}

Result<RelayConfig> RelayConfig::fromJson(const QJsonObject &json)
{
    const QString name = json.value(QStringLiteral("name")).toString();
    const QString user = json.value(QStringLiteral("user")).toString();
    const QString host = json.value(QStringLiteral("host")).toString();
    const int port = json.value(QStringLiteral("port")).toInt(22);
    const QString address =
        QStringLiteral("%1@%2:%3")
            .arg(user, host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(host) : host)
            .arg(port);
    auto config = fromAddress(name, address, user);
    if (!config) {
        return config;
    }
    config->identityFile = json.value(QStringLiteral("identity_file")).toString();
    config->sshAlias = json.value(QStringLiteral("ssh_alias")).toString();
    return config;
}

} // namespace relayfleet
