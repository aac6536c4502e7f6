// `relayfleet-cli keys` end to end: a real keyring, the NAT lab's relay and two devices behind
// it. Installs are idempotent and keep every other authorized_keys line; rotation removes the
// old key only where the new one was seen to work; the password path is real.
#include "CliRunner.h"
#include "LabCli.h"
#include "LabFixture.h"
#include "NatLab.h"
#include "TestKeys.h"
#include "keys/KeyStore.h"
#include "keys/KeychainSecretStore.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

using relayfleet::lab::CliRunner;
using relayfleet::lab::NatLab;

using relayfleet::testing::readFile;

namespace {
bool writeAll(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}
} // namespace

class KeysCliTest : public QObject
{
    Q_OBJECT

private:
    QString keyPath(const QString &name) const
    {
        return m_cli->home() + QStringLiteral("/keys/") + name;
    }
    QString publicKey(const QString &name) const
    {
        return QString::fromUtf8(readFile(keyPath(name) + QStringLiteral(".pub"))).trimmed();
    }
    QString keyBody(const QString &name) const
    {
        return publicKey(name).section(QLatin1Char(' '), 1, 1);
    }

    // Logs in to a device through the relay (with the relay's current key) using one key only.
    int execWith(const QString &key, const QString &device)
    {
        return m_cli
            ->run({QStringLiteral("exec"), device, QStringLiteral("--user"), m_lab->deviceUser(),
                   QStringLiteral("--device-identity"), keyPath(key), QStringLiteral("-n"),
                   QStringLiteral("--"), QStringLiteral("true")})
            .exitCode;
    }

    std::unique_ptr<NatLab> m_lab;
    QTemporaryDir m_homes;
    std::unique_ptr<CliRunner> m_cli;
    QString m_unusual;
    QList<int> m_ports;

private Q_SLOTS:
    void initTestCase()
    {
        auto fixture = relayfleet::testing::LabFixture::start({.devices = 2});
        QVERIFY2(fixture, relayfleet::testing::failureOf(fixture).constData());
        m_lab = std::move(fixture->lab);
        m_cli = std::make_unique<CliRunner>(m_homes.filePath(QStringLiteral("mac")));
        auto cli = [this](const QStringList &args) {
            const auto result = m_cli->run(args);
            if (result.exitCode != 0) {
                qWarning("%s: %s", qPrintable(args.join(QLatin1Char(' '))), result.err.constData());
            }
            return result.exitCode;
        };
        QCOMPARE(relayfleet::lab::addLabRelay(*m_cli, *m_lab, true), 0);
        for (int i = 0; i < 2; ++i) {
            const int port = m_lab->allocateRelayPort();
            m_ports << port;
            QVERIFY(m_lab->startSeedTunnel(i, port));
            QCOMPARE(
                cli({QStringLiteral("adopt"), QStringLiteral("lab:%1").arg(port),
                     QStringLiteral("--id"), QStringLiteral("d%1").arg(i + 1),
                     QStringLiteral("--label"), QStringLiteral("fleet"), QStringLiteral("--user"),
                     m_lab->deviceUser(), QStringLiteral("--accept-new-host-key")}),
                0);
        }
        // d2 has a hand-kept authorized_keys: options, comments, CRLF, no final newline.
        m_unusual = QString::fromUtf8(
            readFile(m_lab->deviceHome(1) + QStringLiteral("/.ssh/authorized_keys")));
        const QByteArray unusual =
            readFile(m_lab->deviceHome(1) + QStringLiteral("/.ssh/authorized_keys")) +
            "# a comment kept by hand\r\n"
            "from=\"10.0.0.0/8\",no-pty " +
            QByteArray(testkeys::kKeyA) + " ops\r\n" + QByteArray(testkeys::kKeyB) +
            " last-line-no-newline";
        QVERIFY(writeAll(m_lab->deviceHome(1) + QStringLiteral("/.ssh/authorized_keys"), unusual));
        m_unusual = QString::fromUtf8(unusual);
    }

    void cleanupTestCase() { m_lab.reset(); }

    void noKeychainIsSaidPlainly()
    {
        QProcessEnvironment noBus;
        noBus.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                     QStringLiteral("unix:path=/nonexistent"));
        CliRunner other(m_homes.filePath(QStringLiteral("nobus")));
        const auto result =
            other.run({QStringLiteral("keys"), QStringLiteral("generate"), QStringLiteral("k")}, {},
                      60000, noBus);
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains("keychain"), result.err.constData());
        QVERIFY2(result.err.contains("passphrase"), result.err.constData());
        QVERIFY(!QFile::exists(other.home() + QStringLiteral("/keys/k")));
        // The fallback is decided by the error's code, not its English words: the same in Japanese.
        noBus.insert(QStringLiteral("RELAYFLEET_LANGUAGE"), QStringLiteral("ja"));
        const auto japanese =
            other.run({QStringLiteral("keys"), QStringLiteral("generate"), QStringLiteral("k")}, {},
                      60000, noBus);
        QCOMPARE(japanese.exitCode, 1);
        const QString err = QString::fromUtf8(japanese.err);
        QVERIFY2(err.contains(QStringLiteral("キーチェーン")), japanese.err.constData());
        QVERIFY2(err.contains(QStringLiteral("選んだパスフレーズで鍵を保護します")),
                 japanese.err.constData());
        QVERIFY2(err.contains(QStringLiteral("パスフレーズを尋ねる端末がありません")),
                 japanese.err.constData());
        QVERIFY(!QFile::exists(other.home() + QStringLiteral("/keys/k")));
    }

    void generateAndList()
    {
        for (const QString &name : {QStringLiteral("main"), QStringLiteral("next")}) {
            const auto generated =
                m_cli->run({QStringLiteral("keys"), QStringLiteral("generate"), name});
            QVERIFY2(generated.exitCode == 0, generated.err.constData());
            QVERIFY(generated.out.contains("keychain"));
        }
        const auto plain = m_cli->run({QStringLiteral("keys"), QStringLiteral("generate"),
                                       QStringLiteral("plain"), QStringLiteral("--no-passphrase")});
        QVERIFY2(plain.exitCode == 0, plain.err.constData());
        const auto listed =
            m_cli->run({QStringLiteral("keys"), QStringLiteral("list"), QStringLiteral("--json")});
        const QJsonArray keys = QJsonDocument::fromJson(listed.out).array();
        QCOMPARE(keys.size(), 3);
        QCOMPARE(keys[0].toObject().value(QStringLiteral("type")).toString(),
                 QStringLiteral("ssh-ed25519"));
        QVERIFY(keys[0]
                    .toObject()
                    .value(QStringLiteral("fingerprint"))
                    .toString()
                    .startsWith(QStringLiteral("SHA256:")));
        const auto exported = m_cli->run(
            {QStringLiteral("keys"), QStringLiteral("export-public"), QStringLiteral("main")});
        QCOMPARE(QString::fromUtf8(exported.out).trimmed(), publicKey(QStringLiteral("main")));
    }

    void installOnRelayAndDevicesIsIdempotent()
    {
        const QStringList install{QStringLiteral("keys"),   QStringLiteral("install"),
                                  QStringLiteral("main"),   QStringLiteral("lab"),
                                  QStringLiteral("@fleet"), QStringLiteral("--user"),
                                  m_lab->deviceUser()};
        const auto first = m_cli->run(install);
        QVERIFY2(first.exitCode == 0, QByteArray(first.err + first.out).constData());
        QCOMPARE(first.out.count("\tok\t"), 3);
        const QStringList files{m_lab->relayHome() + QStringLiteral("/.ssh/authorized_keys"),
                                m_lab->deviceHome(0) + QStringLiteral("/.ssh/authorized_keys"),
                                m_lab->deviceHome(1) + QStringLiteral("/.ssh/authorized_keys")};
        QList<QByteArray> after;
        for (const QString &file : files) {
            after << readFile(file);
            QVERIFY(after.last().contains(keyBody(QStringLiteral("main")).toUtf8()));
        }
        // Again without --user: the devices were adopted with their user, and keys log in as that
        // user as exec does (they logged in as pi, and failed, whatever the registry said).
        const auto second = m_cli->run(install.mid(0, install.size() - 2));
        QVERIFY2(second.exitCode == 0, QByteArray(second.err + second.out).constData());
        QVERIFY(second.out.contains("already installed"));
        for (int i = 0; i < files.size(); ++i) {
            QCOMPARE(readFile(files[i]), after[i]);
        }
        // Every hand-kept line survived, byte for byte; only the missing final newline was added.
        QVERIFY(after[2].startsWith(QByteArray(m_unusual.toUtf8() + "\n")));
        QVERIFY(after[2].contains("\r\n"));
        QCOMPARE(execWith(QStringLiteral("main"), QStringLiteral("d2")), 0);
        const auto listed = m_cli->run({QStringLiteral("keys"), QStringLiteral("list")});
        QVERIFY2(listed.out.contains("relay:lab") && listed.out.contains("d1") &&
                     listed.out.contains("d2"),
                 listed.out.constData());
    }

    void openSshLogsInWithAnAppKey()
    {
        const auto installed = m_cli->run({QStringLiteral("keys"), QStringLiteral("install"),
                                           QStringLiteral("plain"), QStringLiteral("lab")});
        QVERIFY2(installed.exitCode == 0, installed.err.constData());
        const QString knownHosts = m_homes.filePath(QStringLiteral("openssh_known_hosts"));
        QVERIFY(writeAll(knownHosts, readFile(m_cli->home() + QStringLiteral("/known_hosts"))));
        QProcess ssh;
        ssh.start(QStringLiteral("ssh"),
                  {QStringLiteral("-F"), QStringLiteral("/dev/null"), QStringLiteral("-i"),
                   keyPath(QStringLiteral("plain")), QStringLiteral("-o"),
                   QStringLiteral("IdentitiesOnly=yes"), QStringLiteral("-o"),
                   QStringLiteral("BatchMode=yes"), QStringLiteral("-o"),
                   QStringLiteral("UserKnownHostsFile=") + knownHosts, QStringLiteral("-o"),
                   QStringLiteral("StrictHostKeyChecking=yes"), QStringLiteral("-p"),
                   QString::number(m_lab->relayPort()),
                   QStringLiteral("%1@%2").arg(m_lab->relayUser(), m_lab->relayHost()),
                   QStringLiteral("echo openssh-ok")});
        QVERIFY(ssh.waitForFinished(20000));
        QCOMPARE(ssh.readAllStandardOutput(), QByteArray("openssh-ok\n"));
    }

    void rotationNeverLocksATargetOut()
    {
        // d2 fails mid-rotation: its authorized_keys is a symbolic link, which the editor
        // refuses to write through (sshd still reads it, so the old key keeps working).
        const QString ak = m_lab->deviceHome(1) + QStringLiteral("/.ssh/authorized_keys");
        QVERIFY(QFile::rename(ak, ak + QStringLiteral(".real")));
        QVERIFY(QFile::link(QStringLiteral("authorized_keys.real"), ak));
        const auto rotated =
            m_cli->run({QStringLiteral("keys"), QStringLiteral("rotate"), QStringLiteral("main"),
                        QStringLiteral("next"), QStringLiteral("lab"), QStringLiteral("d1"),
                        QStringLiteral("d2"), QStringLiteral("--user"), m_lab->deviceUser(),
                        QStringLiteral("--json")});
        QCOMPARE(rotated.exitCode, 1);
        QMap<QString, QJsonObject> report;
        for (const QJsonValue &v : QJsonDocument::fromJson(rotated.out).array()) {
            report.insert(v.toObject().value(QStringLiteral("target")).toString(), v.toObject());
        }
        QVERIFY2(report.value(QStringLiteral("relay:lab")).value(QStringLiteral("ok")).toBool(),
                 rotated.out.constData());
        QVERIFY(report.value(QStringLiteral("d1")).value(QStringLiteral("ok")).toBool());
        QVERIFY(!report.value(QStringLiteral("d2")).value(QStringLiteral("ok")).toBool());
        QVERIFY(report.value(QStringLiteral("d2"))
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("kept the old key")));

        // Whatever happened, each target has a key that works: next where rotated, main on d2.
        QCOMPARE(execWith(QStringLiteral("next"), QStringLiteral("d1")), 0);
        QVERIFY(execWith(QStringLiteral("main"), QStringLiteral("d1")) != 0);
        QCOMPARE(execWith(QStringLiteral("main"), QStringLiteral("d2")), 0);
        const QByteArray relayKeys =
            readFile(m_lab->relayHome() + QStringLiteral("/.ssh/authorized_keys"));
        QVERIFY(relayKeys.contains(keyBody(QStringLiteral("next")).toUtf8()));
        QVERIFY(!relayKeys.contains(keyBody(QStringLiteral("main")).toUtf8()));
        // The relay's login now uses the new key.
        QVERIFY(readFile(m_cli->home() + QStringLiteral("/relays.json"))
                    .contains(keyPath(QStringLiteral("next")).toUtf8()));
        QVERIFY(QFile::remove(ak));
        QVERIFY(QFile::rename(ak + QStringLiteral(".real"), ak));
    }

    void revokeRemovesAKey()
    {
        // No target named: everywhere the key was installed (the relay).
        const auto revoked =
            m_cli->run({QStringLiteral("keys"), QStringLiteral("revoke"), QStringLiteral("plain")});
        QVERIFY2(revoked.exitCode == 0, revoked.err.constData());
        QVERIFY(!readFile(m_lab->relayHome() + QStringLiteral("/.ssh/authorized_keys"))
                     .contains(keyBody(QStringLiteral("plain")).toUtf8()));
        const auto self = m_cli->run({QStringLiteral("keys"), QStringLiteral("revoke"),
                                      QStringLiteral("next"), QStringLiteral("lab")});
        QCOMPARE(self.exitCode, 1);
        QVERIFY2(self.out.contains("the key you revoke"), self.out.constData());
    }

    void passwordFirstContactThenKey()
    {
        if (geteuid() != 0) {
            QSKIP("a throwaway account needs root");
        }
        const QString password = QStringLiteral("first contact only");
        auto user = m_lab->createPasswordUser(password);
        QVERIFY2(user, qPrintable(user ? QString() : user.error().message));
        QCOMPARE(m_cli
                     ->run({QStringLiteral("relay"), QStringLiteral("add"), QStringLiteral("pw"),
                            QStringLiteral("%1@%2:%3")
                                .arg(user.value(), m_lab->relayHost())
                                .arg(m_lab->relayPort())})
                     .exitCode,
                 0);
        // While it runs, no process on the machine shows the password (it goes in on stdin
        // and over the SSH connection only); afterwards no file, output or log holds it.
        QStringList showing{QStringLiteral("not looked")};
        const auto installed = m_cli->runWithFault(
            {QStringLiteral("keys"), QStringLiteral("install"), QStringLiteral("main"),
             QStringLiteral("pw"), QStringLiteral("--password-stdin")},
            // Early, so it looks while the CLI is surely still at work (the whole install can
            // take less than 300 ms, and a look after it ended would prove nothing).
            {[](const QByteArray &, const QByteArray &, qint64 ms) { return ms >= 40; },
             [&] {
                 showing = relayfleet::testing::processesShowing(password);
             }},
            60000, password.toUtf8() + '\n');
        QVERIFY2(installed.exitCode == 0, QByteArray(installed.err + installed.out).constData());
        QVERIFY(installed.out.contains("login verified"));
        QVERIFY(installed.faultAtMs >= 0 && installed.faultAtMs < installed.elapsedMs);
        QCOMPARE(showing, QStringList());
        QVERIFY(!installed.out.contains(password.toUtf8()) &&
                !installed.err.contains(password.toUtf8()));
        QCOMPARE(relayfleet::testing::filesContaining(m_cli->home(), password), QStringList());
        QVERIFY(!readFile(m_lab->dir() + QStringLiteral("/relay/sshd.log"))
                     .contains(password.toUtf8()));
    }

    void relayKilledDuringRotationLocksNothingOut()
    {
        // The relay goes down part way through rotating back from `next` to `main`: right after
        // the new key reached its authorized_keys, before the old one is removed. Every target
        // must still take a key this Mac has, and the relay's entry must name one that works.
        const QString relayKeys = m_lab->relayHome() + QStringLiteral("/.ssh/authorized_keys");
        const QByteArray mainKey = keyBody(QStringLiteral("main")).toUtf8();
        QVERIFY(!readFile(relayKeys).contains(mainKey));
        const auto rotated = m_cli->runWithFault(
            {QStringLiteral("keys"), QStringLiteral("rotate"), QStringLiteral("next"),
             QStringLiteral("main"), QStringLiteral("lab"), QStringLiteral("d1"),
             QStringLiteral("--user"), m_lab->deviceUser(), QStringLiteral("--json")},
            {[&](const QByteArray &, const QByteArray &, qint64) {
                 return readFile(relayKeys).contains(mainKey);
             },
             [this] {
                 QVERIFY(m_lab->stopRelay());
             }},
            60000);
        QVERIFY(rotated.faultAtMs >= 0);
        qInfo("| relay sshd killed | keys rotate next main lab d1 | exit %d: %s | %lld ms |",
              rotated.exitCode,
              QByteArray(rotated.out + rotated.err).simplified().left(200).constData(),
              rotated.elapsedMs - rotated.faultAtMs);
        QCOMPARE(rotated.exitCode, 1);
        QVERIFY(rotated.elapsedMs - rotated.faultAtMs < 20000);
        QVERIFY(m_lab->startRelay());
        for (int i = 0; i < 2; ++i) {
            m_lab->stopTunnel(i);
            QVERIFY(m_lab->startSeedTunnel(i, m_ports[i]));
        }
        const auto check =
            m_cli->run({QStringLiteral("relay"), QStringLiteral("check"), QStringLiteral("lab")});
        QVERIFY2(check.exitCode == 0, check.err.constData()); // the key relays.json names logs in
        QVERIFY(execWith(QStringLiteral("main"), QStringLiteral("d1")) == 0 ||
                execWith(QStringLiteral("next"), QStringLiteral("d1")) == 0);
        QCOMPARE(execWith(QStringLiteral("main"), QStringLiteral("d2")), 0);
    }
};

QTEST_GUILESS_MAIN(KeysCliTest)
#include "KeysCliTest.moc"
