#include "hostkeys/HostKeyVerifier.h"

#include "TestKeys.h"

#include <QTemporaryDir>
#include <QTest>

using namespace relayfleet;

namespace {
HostKey key(const char *text)
{
    return HostKey::fromOpenSsh(QString::fromLatin1(text)).value();
}
const QString kName = QStringLiteral("[127.0.0.1]:2222");
const QString kWho = QStringLiteral("relay lab");
} // namespace

class HostKeyVerifierTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;
    KnownHostsFile freshFile()
    {
        return KnownHostsFile(m_dir.filePath(QString::number(++m_counter)));
    }

private Q_SLOTS:
    void unknownKeyIsRefusedByDefault()
    {
        KnownHostsFile file = freshFile();
        auto rc = HostKeyVerifier(file, HostKeyPolicy{}).verify(kName, key(testkeys::kKeyA), kWho);
        QVERIFY(!rc);
        QCOMPARE(rc.error().code, Error::Code::HostKeyUnknown);
        QVERIFY(rc.error().message.contains(QLatin1String(testkeys::kFingerprintA)));
        QVERIFY(file.keysFor(kName)->isEmpty());
    }

    void acceptedKeyIsPinnedAndThenTrusted()
    {
        KnownHostsFile file = freshFile();
        HostKeyPolicy accept;
        accept.onUnknown = HostKeyPolicy::OnUnknown::AcceptNew;
        QVERIFY(HostKeyVerifier(file, accept).verify(kName, key(testkeys::kKeyA), kWho));
        QVERIFY(HostKeyVerifier(file, HostKeyPolicy{}).verify(kName, key(testkeys::kKeyA), kWho));
    }

    void askingShowsTheKeyAndHonoursNo()
    {
        KnownHostsFile file = freshFile();
        HostKeyPolicy ask;
        ask.onUnknown = HostKeyPolicy::OnUnknown::Ask;
        QString shown;
        ask.ask = [&](const QString &who, const HostKey &presented) {
            shown = who + QLatin1Char(' ') + presented.fingerprint();
            return false;
        };
        QVERIFY(!HostKeyVerifier(file, ask).verify(kName, key(testkeys::kKeyA), kWho));
        QCOMPARE(shown, kWho + QLatin1Char(' ') + QLatin1String(testkeys::kFingerprintA));
        QVERIFY(file.keysFor(kName)->isEmpty());
    }

    void changedKeyIsRefusedEvenWhenAcceptingNewOnes()
    {
        KnownHostsFile file = freshFile();
        QVERIFY(file.add(kName, key(testkeys::kKeyA)));
        HostKeyPolicy accept;
        accept.onUnknown = HostKeyPolicy::OnUnknown::AcceptNew;
        auto rc = HostKeyVerifier(file, accept).verify(kName, key(testkeys::kKeyB), kWho);
        QVERIFY(!rc);
        QCOMPARE(rc.error().code, Error::Code::HostKeyChanged);
        QVERIFY(rc.error().message.contains(QLatin1String(testkeys::kFingerprintA)));
        QVERIFY(rc.error().message.contains(QLatin1String(testkeys::kFingerprintB)));
        QCOMPARE(file.keysFor(kName)->size(), 1);
    }

    void oneShotAcceptanceIsNotWritten()
    {
        KnownHostsFile file = freshFile();
        HostKeyPolicy once;
        once.onUnknown = HostKeyPolicy::OnUnknown::AcceptNew;
        once.persist = false;
        QVERIFY(HostKeyVerifier(file, once).verify(kName, key(testkeys::kKeyA), kWho));
        QVERIFY(file.keysFor(kName)->isEmpty());
    }

    void expectedFingerprintOverridesEverything()
    {
        KnownHostsFile file = freshFile();
        HostKeyPolicy expect;
        expect.expectedFingerprint = QString::fromLatin1(testkeys::kFingerprintB);
        QVERIFY(HostKeyVerifier(file, expect).verify(kName, key(testkeys::kKeyB), kWho));
        auto rc = HostKeyVerifier(file, expect).verify(kName, key(testkeys::kKeyA), kWho);
        QVERIFY(!rc);
        QVERIFY(rc.error().message.contains(QLatin1String(testkeys::kFingerprintA)));
    }
};

QTEST_GUILESS_MAIN(HostKeyVerifierTest)
#include "HostKeyVerifierTest.moc"
