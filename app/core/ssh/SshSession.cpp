#include "ssh/SshSession.h"

#include "ssh/SshWait.h"

#include <QDir>
#include <QFileInfo>
#include <libssh/libssh.h>
#include <poll.h>

namespace relayfleet {

namespace {

Result<HostKey> presentedHostKey(ssh_session session)
{
    ssh_key raw = nullptr;
    if (ssh_get_server_publickey(session, &raw) != SSH_OK) {
        return Error::make(Error::Code::Protocol,
                           SshSession::tr("The server did not present a host key."));
    }
    KeyHandle key(raw);
    char *b64 = nullptr;
    if (ssh_pki_export_pubkey_base64(key.get(), &b64) != SSH_OK) {
        return Error::make(Error::Code::Protocol,
                           SshSession::tr("The server's host key could not be read."));
    }
    SshCharHandle owned(b64);
    const QString type = QString::fromLatin1(ssh_key_type_to_char(ssh_key_type(key.get())));
    return HostKey::fromOpenSsh(QString(type + QLatin1Char(' ') + QString::fromLatin1(b64)));
}

} // namespace

Result<ChannelHandle> SshSession::openSessionChannel(const QDeadlineTimer &deadline,
                                                     const CancelToken &cancel)
{
    ssh_session session = m_session.get();
    ChannelHandle channel(ssh_channel_new(session));
    if (!channel) {
        return Error::make(Error::Code::ChannelFailed, tr("Cannot create a channel."));
    }
    ssh_channel ch = channel.get();
    auto opened = driveSshStep(
        session, [ch] { return ssh_channel_open_session(ch); }, deadline, cancel,
        tr("opening a session channel"));
    if (!opened) {
        return opened.error();
    }
    if (opened.value() != SSH_OK) {
        return Error::make(Error::Code::ChannelFailed,
                           tr("%1 refused a session channel: %2")
                               .arg(m_target.who, QString::fromUtf8(ssh_get_error(session))));
    }
    return channel;
}

bool SshSession::isIdleAndConnected() const
{
    if (!m_session || ssh_is_connected(m_session.get()) == 0) {
        return false;
    }
    pollfd fd{ssh_get_fd(m_session.get()), POLLIN, 0};
    return ::poll(&fd, 1, 0) == 0;
}

QString SshSession::lastSshError() const
{
    if (!m_session) {
        return {};
    }
    return QString::fromUtf8(ssh_get_error(m_session.get()));
}

Result<void> SshSession::connect(const Target &target, const QString &knownHostsPath,
                                 const QDeadlineTimer &deadline, const CancelToken &cancel)
{
    m_target = target;
    m_session.reset();
    m_stream = HandedOverFd();
    m_session.reset(ssh_new());
    if (!m_session) {
        return Error::make(Error::Code::Io, tr("Out of memory creating an SSH session."));
    }
    ssh_session s = m_session.get();
    // Never read ~/.ssh/config or ~/.ssh/known_hosts behind the user's back: the app's own
    // files are the only source of truth (aliases are resolved explicitly, see SshConfigAlias).
    const bool no = false;
    const int yes = 1;
    ssh_options_set(s, SSH_OPTIONS_PROCESS_CONFIG, &no);
    const QByteArray knownHosts = QFile::encodeName(knownHostsPath);
    ssh_options_set(s, SSH_OPTIONS_KNOWNHOSTS, knownHosts.constData());
    ssh_options_set(s, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, "/dev/null");
    const QByteArray sshDir = QFile::encodeName(QFileInfo(knownHostsPath).absolutePath());
    ssh_options_set(s, SSH_OPTIONS_SSH_DIR, sshDir.constData());
    ssh_options_set(s, SSH_OPTIONS_NODELAY, &yes);
    // libssh picks host key algorithms from known_hosts entries for HOST (and PORT), so the
    // host option carries the pinned name; the real address is only needed for TCP.
    if (target.streamFd >= 0) {
        const QByteArray alias = target.knownHostsName.toUtf8();
        ssh_options_set(s, SSH_OPTIONS_HOST, alias.constData());
        m_stream = HandedOverFd(target.streamFd);
        socket_t fd = target.streamFd;
        ssh_options_set(s, SSH_OPTIONS_FD, &fd);
    } else {
        const QByteArray host = target.host.toUtf8();
        ssh_options_set(s, SSH_OPTIONS_HOST, host.constData());
        const unsigned int port = static_cast<unsigned int>(target.port);
        ssh_options_set(s, SSH_OPTIONS_PORT, &port);
    }
    const long timeoutSeconds =
        deadline.isForever() ? 30 : std::max<qint64>(1, (deadline.remainingTime() + 999) / 1000);
    ssh_options_set(s, SSH_OPTIONS_TIMEOUT, &timeoutSeconds);
    ssh_set_blocking(s, 0);

    auto rc = driveSshStep(
        s, [s] { return ssh_connect(s); }, deadline, cancel,
        tr("the SSH handshake with %1").arg(target.who));
    if (!rc) {
        return rc.error();
    }
    if (rc.value() != SSH_OK) {
        const QString detail = lastSshError();
        const Error::Code code =
            target.streamFd >= 0 ? Error::Code::DeviceUnreachable : Error::Code::ConnectionFailed;
        if (target.streamFd >= 0 && ssh_get_serverbanner(s) == nullptr) {
            // The relay took the channel (its tunnel port is there) and the connection closed
            // before a single byte came back: the device's tunnel client could not reach the
            // device's own SSH server on the address it forwards to. (Or the relay's connection
            // died just then: not DeviceUnreachable, so the caller asks the relay first.)
            return Error::make(Error::Code::ConnectionFailed,
                               tr("The tunnel of %1 is up (the relay holds its port), but the "
                                  "device's own SSH server did not answer on the forwarded "
                                  "address (127.0.0.1, port 22 unless configured otherwise): "
                                  "is sshd running on the device? (%2)")
                                   .arg(target.who, detail));
        }
        if (target.streamFd >= 0) {
            return Error::make(
                code, tr("Cannot talk SSH to %1 through the relay: %2").arg(target.who, detail));
        }
        return Error::make(code, tr("Cannot connect to %1 at %2:%3: %4")
                                     .arg(target.who, target.host)
                                     .arg(target.port)
                                     .arg(detail));
    }
    auto key = presentedHostKey(s);
    if (!key) {
        return key.error();
    }
    m_hostKey = key.value();
    return {};
}

Result<void> SshSession::verifyHostKey(const HostKeyVerifier &verifier)
{
    return verifier.verify(m_target.knownHostsName, m_hostKey, m_target.who);
}

Result<bool> SshSession::tryKey(ssh_key key, const QDeadlineTimer &deadline,
                                const CancelToken &cancel)
{
    ssh_session s = m_session.get();
    // Straight to the signed request: the optional "would you accept this key?" query costs a
    // round trip, which is what makes cellular links slow.
    auto rc = driveSshStep(
        s, [s, key] { return ssh_userauth_publickey(s, nullptr, key); }, deadline, cancel,
        tr("public key authentication with %1").arg(m_target.who));
    if (!rc) {
        return rc.error();
    }
    if (rc.value() == SSH_AUTH_ERROR) {
        return Error::make(Error::Code::ConnectionFailed,
                           tr("Connection to %1 failed during authentication: %2")
                               .arg(m_target.who, lastSshError()));
    }
    return rc.value() == SSH_AUTH_SUCCESS;
}

Result<void> SshSession::authenticateWithKeyFile(const Credentials &credentials,
                                                 const QDeadlineTimer &deadline,
                                                 const CancelToken &cancel)
{
    const QByteArray path = QFile::encodeName(credentials.identityFile);
    if (!QFileInfo::exists(credentials.identityFile)) {
        return Error::make(
            Error::Code::NotFound,
            tr("The identity file %1 does not exist.").arg(credentials.identityFile));
    }
    ssh_key raw = nullptr;
    int rc = ssh_pki_import_privkey_file(path.constData(), nullptr, nullptr, nullptr, &raw);
    if (rc != SSH_OK && credentials.passphrase) {
        const auto passphrase = credentials.passphrase(credentials.identityFile);
        if (passphrase) {
            const QByteArray pass = passphrase->toUtf8();
            rc = ssh_pki_import_privkey_file(path.constData(), pass.constData(), nullptr, nullptr,
                                             &raw);
        }
    }
    if (rc != SSH_OK) {
        return Error::make(Error::Code::AuthenticationFailed,
                           tr("Cannot load the private key %1 (wrong passphrase, or "
                              "not an OpenSSH/PEM private key).")
                               .arg(credentials.identityFile));
    }
    KeyHandle key(raw);
    auto accepted = tryKey(key.get(), deadline, cancel);
    if (!accepted) {
        return accepted.error();
    }
    if (!accepted.value()) {
        return Error::make(Error::Code::AuthenticationFailed,
                           tr("%1 refused the key %2 for user \"%3\". Install the "
                              "public key there first.")
                               .arg(m_target.who, credentials.identityFile, credentials.user));
    }
    return {};
}

Result<void> SshSession::authenticate(const Credentials &credentials,
                                      const QDeadlineTimer &deadline, const CancelToken &cancel)
{
    ssh_session s = m_session.get();
    const QByteArray user = credentials.user.toUtf8();
    ssh_options_set(s, SSH_OPTIONS_USER, user.constData());

    if (!credentials.identityFile.isEmpty()) {
        return authenticateWithKeyFile(credentials, deadline, cancel);
    }
    const QString what = tr("authentication with %1").arg(m_target.who);
    if (credentials.useAgent && qEnvironmentVariableIsSet("SSH_AUTH_SOCK")) {
        auto rc = driveSshStep(
            s, [s] { return ssh_userauth_agent(s, nullptr); }, deadline, cancel, what);
        if (!rc) {
            return rc.error();
        }
        if (rc.value() == SSH_AUTH_SUCCESS) {
            return {};
        }
    }
    if (credentials.useDefaultIdentities) {
        const QString sshDir = QDir::homePath() + QStringLiteral("/.ssh/");
        for (const char *name : {"id_ed25519", "id_ecdsa", "id_rsa"}) {
            const QString file = sshDir + QLatin1String(name);
            if (!QFileInfo::exists(file)) {
                continue;
            }
            Credentials one = credentials;
            one.identityFile = file;
            auto rc = authenticateWithKeyFile(one, deadline, cancel);
            if (rc) {
                return {};
            }
            if (rc.error().code != Error::Code::AuthenticationFailed) {
                return rc;
            }
        }
    }
    if (credentials.password) {
        const auto password = credentials.password(m_target.who);
        if (password) {
            const QByteArray pass = password->toUtf8();
            auto rc = driveSshStep(
                s, [s, &pass] { return ssh_userauth_password(s, nullptr, pass.constData()); },
                deadline, cancel, what);
            if (!rc) {
                return rc.error();
            }
            if (rc.value() == SSH_AUTH_SUCCESS) {
                return {};
            }
            return Error::make(
                Error::Code::AuthenticationFailed,
                tr("%1 refused the password for user \"%2\".").arg(m_target.who, credentials.user));
        }
    }
    return Error::make(Error::Code::AuthenticationFailed,
                       tr("%1 accepted none of the keys offered for user \"%2\". "
                          "Pass --identity FILE, start ssh-agent, or install your "
                          "public key there.")
                           .arg(m_target.who, credentials.user));
}

} // namespace relayfleet
