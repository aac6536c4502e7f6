#include "openssh/SshConfigAlias.h"

#include "ssh/SshHandles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <libssh/libssh.h>

namespace relayfleet {

Result<RelayConfig> SshConfigAlias::resolve(const QString &relayName, const QString &alias,
                                            const QString &configFile, const QString &defaultUser)
{
    const QString file =
        configFile.isEmpty() ? QDir::homePath() + QStringLiteral("/.ssh/config") : configFile;
    if (!QFileInfo::exists(file)) {
        return Error::make(Error::Code::NotFound,
                           tr("The SSH config file %1 does not exist.").arg(file));
    }
    SessionHandle session(ssh_new());
    const bool no = false;
    ssh_options_set(session.get(), SSH_OPTIONS_PROCESS_CONFIG, &no);
    const QByteArray aliasBytes = alias.toUtf8();
    if (ssh_options_set(session.get(), SSH_OPTIONS_HOST, aliasBytes.constData()) != SSH_OK) {
        return Error::make(Error::Code::InvalidInput,
                           tr("\"%1\" is not a valid host alias.").arg(alias.left(80)));
    }
    const QByteArray path = QFile::encodeName(file);
    if (ssh_options_parse_config(session.get(), path.constData()) != SSH_OK) {
        return Error::make(Error::Code::InvalidInput,
                           tr("Cannot parse the SSH config file %1: %2")
                               .arg(file, QString::fromUtf8(ssh_get_error(session.get()))));
    }
    auto option = [&](ssh_options_e which) {
        char *value = nullptr;
        if (ssh_options_get(session.get(), which, &value) != SSH_OK || value == nullptr) {
            return QString();
        }
        SshCharHandle owned(value);
        return QString::fromUtf8(value);
    };
    unsigned int port = 22;
    ssh_options_get_port(session.get(), &port);
    const QString host = option(SSH_OPTIONS_HOST);
    const QString user = option(SSH_OPTIONS_USER);
    const QString address =
        QStringLiteral("%1@%2:%3")
            .arg(user.isEmpty() ? defaultUser : user,
                 host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(host) : host)
            .arg(port);
    auto relay = RelayConfig::fromAddress(relayName, address, defaultUser);
    if (!relay) {
        return relay;
    }
    QString identity = option(SSH_OPTIONS_IDENTITY);
    if (identity.startsWith(QStringLiteral("~/"))) {
        identity = QDir::homePath() + identity.mid(1);
    }
    if (!identity.isEmpty() && !identity.contains(QLatin1Char('%'))) {
        relay->identityFile = identity;
    }
    relay->sshAlias = alias;
    return relay;
}

} // namespace relayfleet
