#include "hostkeys/HostKey.h"

#include "TestKeys.h"

#include <QTest>

using relayfleet::HostKey;

class HostKeyTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fingerprintMatchesSshKeygen()
    {
        auto key = HostKey::fromOpenSsh(QString::fromLatin1(testkeys::kKeyA));
        QVERIFY(key);
        QCOMPARE(key->fingerprint(), QString::fromLatin1(testkeys::kFingerprintA));
        QCOMPARE(key->type(), QStringLiteral("ssh-ed25519"));
        QCOMPARE(key->toOpenSsh(), QString::fromLatin1(testkeys::kKeyA));
    }

    void commentIsIgnored()
    {
        auto key = HostKey::fromOpenSsh(
            QString(QString::fromLatin1(testkeys::kKeyB) + QStringLiteral(" root@pi")));
        QVERIFY(key);
        QCOMPARE(key->fingerprint(), QString::fromLatin1(testkeys::kFingerprintB));
    }

    void rejectsMalformed_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("type only") << QStringLiteral("ssh-ed25519");
        QTest::newRow("unknown type") << QStringLiteral("ssh-dss AAAAB3NzaC1kc3M=");
        QTest::newRow("bad base64") << QStringLiteral("ssh-ed25519 !!!notbase64");
        // A blob that names another type than the line claims is a forgery.
        QTest::newRow("type mismatch") << QStringLiteral(
            "ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIN5sHEnrcVvb13Bi/jgXqvLSCVb6D5bOV0VGWs4ka3A5");
        QTest::newRow("huge") << QString(QStringLiteral("ssh-ed25519 ") +
                                         QString(100000, QLatin1Char('A')));
    }

    void rejectsMalformed()
    {
        QFETCH(QString, text);
        auto key = HostKey::fromOpenSsh(text);
        QVERIFY(!key);
        QVERIFY(!key.error().message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(HostKeyTest)
#include "HostKeyTest.moc"
