#include "openssh/SshConfigAlias.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace relayfleet;

class SshConfigAliasTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resolvesTheSeedsRelayServerAlias()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        // The seed's ~/.ssh/config shape.
        file.write("Host RelayServer\n"
                   "  HostName relay-server.com\n"
                   "  User user\n"
                   "  Port 10000\n"
                   "  IdentityFile /keys/id_rsa\n"
                   "  ServerAliveInterval 60\n"
                   "Host other\n  HostName other.example\n");
        file.close();
        auto relay = SshConfigAlias::resolve(QStringLiteral("main"), QStringLiteral("RelayServer"),
                                             path, QStringLiteral("me"));
        QVERIFY2(relay, qPrintable(relay ? QString() : relay.error().message));
        QCOMPARE(relay->host, QStringLiteral("relay-server.com"));
        QCOMPARE(relay->user, QStringLiteral("user"));
        QCOMPARE(relay->port, 10000);
        QCOMPARE(relay->identityFile, QStringLiteral("/keys/id_rsa"));
        QCOMPARE(relay->sshAlias, QStringLiteral("RelayServer"));
    }

    void missingConfigIsNotFound()
    {
        auto relay =
            SshConfigAlias::resolve(QStringLiteral("r"), QStringLiteral("x"),
                                    QStringLiteral("/nonexistent/config"), QStringLiteral("me"));
        QVERIFY(!relay);
        QCOMPARE(relay.error().code, Error::Code::NotFound);
    }
};

QTEST_GUILESS_MAIN(SshConfigAliasTest)
#include "SshConfigAliasTest.moc"
