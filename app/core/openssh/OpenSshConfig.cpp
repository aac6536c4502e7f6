#include "openssh/OpenSshConfig.h"

#include "base/AppPaths.h"
#include "base/ShellQuote.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSaveFile>

namespace relayfleet {

namespace {

// ssh_config values are not shell-parsed, but spaces and quotes still matter: quote paths.
QString quoted(const QString &value)
{
    return QLatin1Char('"') + value + QLatin1Char('"');
}

QString block(const QString &host, const QStringList &lines)
{
    QString text = QStringLiteral("Host ") + host + QLatin1Char('\n');
    for (const QString &line : lines) {
        text += QStringLiteral("    ") + line + QLatin1Char('\n');
    }
    return text;
}

} // namespace

Result<QString> OpenSshConfig::commandFor(const QString &home, const RelayConfig &relay,
                                          const DeviceTarget &device)
{
    if (!DeviceTarget::isValidId(device.deviceId)) {
        return Error::make(
            Error::Code::InvalidInput,
            tr("Only a registered device has a pinned host key to check; adopt or enrol "
               "it first."));
    }
    static const QRegularExpression safe(QStringLiteral("^[^\"\\n\\r]*\\z"));
    const AppPaths paths(home);
    const QString knownHosts = paths.knownHostsFile();
    if (!safe.match(home).hasMatch() || !safe.match(relay.identityFile).hasMatch()) {
        return Error::make(Error::Code::InvalidInput, tr("A path contains a quote or a newline."));
    }
    const QString relayHost = QStringLiteral("relayfleet-relay-") + relay.name;
    QStringList common{QStringLiteral("UserKnownHostsFile ") + quoted(knownHosts),
                       QStringLiteral("GlobalKnownHostsFile /dev/null"),
                       QStringLiteral("StrictHostKeyChecking yes"),
                       QStringLiteral("ServerAliveInterval 15"),
                       QStringLiteral("ServerAliveCountMax 3")};
    if (!relay.identityFile.isEmpty()) {
        common << QStringLiteral("IdentityFile ") + quoted(relay.identityFile)
               << QStringLiteral("IdentitiesOnly yes");
    }
    const QString relayBlock =
        block(relayHost, QStringList{QStringLiteral("HostName ") + relay.host,
                                     QStringLiteral("Port %1").arg(relay.port),
                                     QStringLiteral("User ") + relay.user} +
                             common);
    const QString deviceBlock =
        block(hostFor(device), QStringList{QStringLiteral("HostName 127.0.0.1"),
                                           QStringLiteral("Port %1").arg(device.port),
                                           QStringLiteral("User ") + device.user,
                                           QStringLiteral("ProxyJump ") + relayHost,
                                           QStringLiteral("HostKeyAlias ") + hostFor(device)} +
                                   common);
    const QString path = paths.sshConfigFile();
    // Keep the other hosts' blocks; replace these two.
    QString existing;
    QFile current(path);
    if (current.open(QIODevice::ReadOnly)) {
        existing = QString::fromUtf8(current.readAll());
    }
    QStringList kept;
    for (const QString &part : existing.split(QStringLiteral("\nHost "), Qt::SkipEmptyParts)) {
        if (part.startsWith(QLatin1Char('#'))) {
            continue; // our header, written again below
        }
        const QString withHost =
            part.startsWith(QStringLiteral("Host ")) ? part : QStringLiteral("Host ") + part;
        const QString name = withHost.section(QLatin1Char('\n'), 0, 0).mid(5).trimmed();
        if (name != relayHost && name != hostFor(device) && !name.isEmpty() &&
            !withHost.startsWith(QLatin1Char('#'))) {
            kept << withHost.trimmed() + QLatin1Char('\n');
        }
    }
    const QString text =
        QStringLiteral(
            "# Written by Relay Fleet; host keys are checked against its known_hosts.\n") +
        kept.join(QLatin1Char('\n')) + (kept.isEmpty() ? QString() : QStringLiteral("\n")) +
        relayBlock + QLatin1Char('\n') + deviceBlock;
    QSaveFile file(path);
    if (!QDir().mkpath(home) || !file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 ||
        !file.commit()) {
        return Error::make(Error::Code::Io, tr("Cannot write %1.").arg(path));
    }
    return QStringLiteral("ssh -F %1 %2").arg(shellQuote(path), hostFor(device));
}

} // namespace relayfleet
