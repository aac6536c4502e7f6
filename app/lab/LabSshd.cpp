#include "LabSshd.h"

#include "LabCommand.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace relayfleet::lab {

namespace {

// OpenSSH 9.8 and later (Debian 13) penalise a source address for failed logins and for
// connections that never try one, and refuse it once the penalties add up. Every lab host
// reaches the others from one address (127.0.0.1 without namespaces, and through a tunnel
// always), and the tests fail logins and probe on purpose, so the lab turns that off where
// sshd has it (the installed client's version is the server's: one source package).
bool sshdPenalisesSources()
{
    static const bool penalises = [] {
        QProcess ssh;
        ssh.start(QStringLiteral("ssh"), {QStringLiteral("-V")});
        if (!ssh.waitForFinished(5000)) {
            ssh.kill();
            ssh.waitForFinished(1000);
            return false;
        }
        const auto match = QRegularExpression(QStringLiteral("OpenSSH_(\\d+)\\.(\\d+)"))
                               .match(QString::fromLatin1(ssh.readAllStandardError() +
                                                          ssh.readAllStandardOutput()));
        const int major = match.captured(1).toInt();
        const int minor = match.captured(2).toInt();
        return match.hasMatch() && (major > 9 || (major == 9 && minor >= 8));
    }();
    return penalises;
}

} // namespace

QString LabSshd::config(const Settings &settings)
{
    const QString &dir = settings.hostDir;
    QString config;
    config += QStringLiteral("Port %1\nListenAddress %2\n").arg(settings.port).arg(settings.listen);
    config += QStringLiteral("HostKey %1/ssh_host_ed25519_key\n").arg(dir);
    config += QStringLiteral("PidFile none\n");
    // One SetEnv line: sshd keeps only the first of a repeated option.
    QString environment = QStringLiteral("LAB_HOST=%1").arg(QFileInfo(dir).fileName());
    if (!settings.isolated) {
        // No mount namespace here: sessions get the lab's home as $HOME, so nothing a test
        // does through SSH touches the real user's files.
        environment += QStringLiteral(" HOME=%1/home").arg(dir);
    }
    config += QStringLiteral("SetEnv %1\n").arg(environment);
    if (settings.isolated) {
        config += QStringLiteral("AuthorizedKeysFile .ssh/authorized_keys\nStrictModes yes\n");
    } else {
        config += QStringLiteral("AuthorizedKeysFile %1/home/.ssh/authorized_keys\n"
                                 "StrictModes no\n")
                      .arg(dir);
    }
    if (!settings.maxStartups.isEmpty()) {
        config += QStringLiteral("MaxStartups %1\n").arg(settings.maxStartups);
    }
    if (settings.maxSessions > 0) {
        config += QStringLiteral("MaxSessions %1\n").arg(settings.maxSessions);
    }
    config += QStringLiteral("PermitRootLogin prohibit-password\n"
                             "PasswordAuthentication no\n"
                             "KbdInteractiveAuthentication no\n"
                             "UsePAM no\n"
                             "AllowTcpForwarding yes\n"
                             "GatewayPorts no\n"
                             "X11Forwarding no\n"
                             "PerSourceMaxStartups none\n"
                             "UseDNS no\n"
                             "LogLevel VERBOSE\n"
                             "Subsystem sftp internal-sftp\n");
    if (sshdPenalisesSources()) {
        config += QStringLiteral("PerSourcePenalties no\n");
    }
    return config;
}

Result<void> LabSshd::generateKey(const QString &path, const QString &comment)
{
    QFile::remove(path);
    QFile::remove(path + QStringLiteral(".pub"));
    auto rc =
        LabCommand::check({QStringLiteral("ssh-keygen"), QStringLiteral("-q"), QStringLiteral("-t"),
                           QStringLiteral("ed25519"), QStringLiteral("-N"), QString(),
                           QStringLiteral("-C"), comment, QStringLiteral("-f"), path});
    if (!rc) {
        return rc.error();
    }
    return {};
}

Result<void> LabSshd::waitUntilListening(QProcess &sshd, const QString &logPath, qint64 logStart,
                                         const QString &host)
{
    auto newLog = [&] {
        QFile file(logPath);
        if (!file.open(QIODevice::ReadOnly) || !file.seek(logStart)) {
            return QByteArray();
        }
        return file.readAll();
    };
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < kStartTimeoutMs) {
        if (sshd.state() == QProcess::NotRunning && !sshd.waitForStarted(10)) {
            return LabCommand::error(
                QStringLiteral("sshd for %1 did not start: %2 %3")
                    .arg(host, sshd.errorString(),
                         QString::fromLocal8Bit(newLog() + sshd.readAllStandardError())));
        }
        sshd.waitForFinished(50);
        if (newLog().contains("Server listening on")) {
            return {};
        }
        if (sshd.state() == QProcess::NotRunning) {
            return LabCommand::error(
                QStringLiteral("sshd for %1 exited: %2")
                    .arg(host, QString::fromLocal8Bit(newLog() + sshd.readAllStandardError())));
        }
    }
    return LabCommand::error(QStringLiteral("sshd for %1 did not listen within %2 ms: %3")
                                 .arg(host)
                                 .arg(kStartTimeoutMs)
                                 .arg(QString::fromLocal8Bit(newLog())));
}

} // namespace relayfleet::lab
