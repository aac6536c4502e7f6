#include "hostkeys/KnownHostsFile.h"

#include "TestKeys.h"

#include <QFile>
#include <QMessageAuthenticationCode>
#include <QTemporaryDir>
#include <QTest>

using relayfleet::HostKey;
using relayfleet::KnownHostsFile;

namespace {
HostKey key(const char *text)
{
    return HostKey::fromOpenSsh(QString::fromLatin1(text)).value();
}
} // namespace

class KnownHostsFileTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesFollowOpenSsh()
    {
        QCOMPARE(KnownHostsFile::hostName(QStringLiteral("relay.example"), 22),
                 QStringLiteral("relay.example"));
        QCOMPARE(KnownHostsFile::hostName(QStringLiteral("127.0.0.1"), 2222),
                 QStringLiteral("[127.0.0.1]:2222"));
        QCOMPARE(KnownHostsFile::deviceAlias(QStringLiteral("pi-1")),
                 QStringLiteral("relayfleet-pi-1"));
    }

    void parsesPlainListsPortsAndHashed()
    {
        const QByteArray salt = "0123456789abcdefghij";
        const QByteArray hash =
            QMessageAuthenticationCode::hash("hashed.example", salt, QCryptographicHash::Sha1);
        const QByteArray contents =
            QByteArray("# comment\n\n") + "a.example,b.example " + testkeys::kKeyA + "\n" +
            "[127.0.0.1]:2222 " + testkeys::kKeyB + " comment\n" + "@revoked c.example " +
            testkeys::kKeyA + "\n" + "|1|" + salt.toBase64() + "|" + hash.toBase64() + " " +
            testkeys::kKeyB + "\n" + "garbage line\n" + "relayfleet-pi " + testkeys::kKeyA;
        QCOMPARE(KnownHostsFile::keysIn(contents, QStringLiteral("b.example")),
                 QList<HostKey>{key(testkeys::kKeyA)});
        QCOMPARE(KnownHostsFile::keysIn(contents, QStringLiteral("[127.0.0.1]:2222")),
                 QList<HostKey>{key(testkeys::kKeyB)});
        QVERIFY(KnownHostsFile::keysIn(contents, QStringLiteral("127.0.0.1")).isEmpty());
        QVERIFY(KnownHostsFile::keysIn(contents, QStringLiteral("c.example")).isEmpty());
        QCOMPARE(KnownHostsFile::keysIn(contents, QStringLiteral("hashed.example")),
                 QList<HostKey>{key(testkeys::kKeyB)});
        QCOMPARE(KnownHostsFile::keysIn(contents, QStringLiteral("relayfleet-pi")),
                 QList<HostKey>{key(testkeys::kKeyA)});
    }

    void wildcardsAreNotPins()
    {
        const QByteArray contents =
            QByteArray("* ") + testkeys::kKeyA + "\n*.example " + testkeys::kKeyB + "\n";
        QVERIFY(KnownHostsFile::keysIn(contents, QStringLiteral("relay.example")).isEmpty());
    }

    void addKeepsOtherLinesByteForByte()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("known_hosts"));
        const QByteArray original =
            QByteArray("# mine\r\nother.example ") + testkeys::kKeyB + " no-newline";
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(original);
        }
        KnownHostsFile knownHosts(path);
        QVERIFY(knownHosts.add(QStringLiteral("relayfleet-pi"), key(testkeys::kKeyA)));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray after = file.readAll();
        QVERIFY(after.startsWith(QByteArray(original + "\n")));
        QVERIFY(after.endsWith(QByteArray(QByteArray("relayfleet-pi ") + testkeys::kKeyA + "\n")));
        QCOMPARE(knownHosts.keysFor(QStringLiteral("relayfleet-pi")).value(),
                 QList<HostKey>{key(testkeys::kKeyA)});

        QVERIFY(knownHosts.removeAll(QStringLiteral("relayfleet-pi")));
        QVERIFY(knownHosts.keysFor(QStringLiteral("relayfleet-pi")).value().isEmpty());
        QCOMPARE(knownHosts.keysFor(QStringLiteral("other.example")).value(),
                 QList<HostKey>{key(testkeys::kKeyB)});
    }

    void missingFileIsEmpty()
    {
        QTemporaryDir dir;
        KnownHostsFile knownHosts(dir.filePath(QStringLiteral("none")));
        auto keys = knownHosts.keysFor(QStringLiteral("x"));
        QVERIFY(keys);
        QVERIFY(keys->isEmpty());
    }
};

QTEST_GUILESS_MAIN(KnownHostsFileTest)
#include "KnownHostsFileTest.moc"
