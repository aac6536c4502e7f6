// Keys against a real GNOME Keyring (see tests/support/with-test-keyring): the passphrase
// round-trips through the keychain, the private key is encrypted OpenSSH format that OpenSSH
// reads, its file is 0600 from birth, and the secret is nowhere in the app's files.
#include "keys/KeyStore.h"

#include "LabCli.h"
#include "LabCommand.h"
#include "keys/KeychainSecretStore.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <signal.h>
#include <sys/stat.h>

using namespace relayfleet;

class KeyStoreTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keychainRoundTrip()
    {
        KeychainSecretStore keychain(QStringLiteral("Relay Fleet test"));
        QVERIFY2(keychain.write(QStringLiteral("probe"), QStringLiteral("s3cret")),
                 "the test keyring is not up");
        QCOMPARE(keychain.read(QStringLiteral("probe")).value(), QStringLiteral("s3cret"));
        QVERIFY(keychain.remove(QStringLiteral("probe")));
        auto gone = keychain.read(QStringLiteral("probe"));
        QVERIFY(!gone);
        QCOMPARE(gone.error().code, Error::Code::NotFound);
    }

    void aKeychainThatDoesNotAnswerIsAnError()
    {
        // The keyring daemon stopped (SIGSTOP) answers nothing, as a keychain waiting for a
        // prompt nobody sees: the read must fail with a timeout, never return "" as the secret.
        KeychainSecretStore keychain(QStringLiteral("Relay Fleet test"),
                                     std::chrono::milliseconds(1500));
        QVERIFY2(keychain.write(QStringLiteral("probe"), QStringLiteral("s3cret")),
                 "the test keyring is not up");
        const auto owner = QDBusConnection::sessionBus().interface()->servicePid(
            QStringLiteral("org.freedesktop.secrets"));
        QVERIFY2(owner.isValid() && owner.value() > 0, "nobody owns org.freedesktop.secrets");
        const auto keyring = static_cast<pid_t>(owner.value());
        QCOMPARE(::kill(keyring, SIGSTOP), 0);
        QElapsedTimer clock;
        clock.start();
        auto read = keychain.read(QStringLiteral("probe"));
        const qint64 took = clock.elapsed();
        QCOMPARE(::kill(keyring, SIGCONT), 0);
        QVERIFY2(!read, qPrintable(QStringLiteral("a silent keychain gave \"%1\"")
                                       .arg(read ? read.value() : QString())));
        QCOMPARE(read.error().code, Error::Code::Timeout);
        QVERIFY2(took >= 1400 && took < 10000, qPrintable(QString::number(took)));
        // Awake again, it answers as before.
        QCOMPARE(keychain.read(QStringLiteral("probe")).value(), QStringLiteral("s3cret"));
        QVERIFY(keychain.remove(QStringLiteral("probe")));
    }

    void generatedKeyIsEncryptedWithAKeychainPassphrase()
    {
        QTemporaryDir home;
        KeychainSecretStore keychain;
        KeyStore store(home.path(), &keychain);
        auto key = store.generate(QStringLiteral("main"), QStringLiteral("me@mac"),
                                  KeyStore::Protection::Keychain);
        QVERIFY2(key, qPrintable(key ? QString() : key.error().message));
        struct stat st
        {
        };
        QCOMPARE(::stat(QFile::encodeName(key->privateKeyPath).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, mode_t(0600));
        QFile file(key->privateKeyPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray pem = file.readAll();
        QVERIFY(pem.startsWith("-----BEGIN OPENSSH PRIVATE KEY-----"));

        auto passphrase = store.passphrase(key.value());
        QVERIFY2(passphrase, qPrintable(passphrase ? QString() : passphrase.error().message));
        QVERIFY(passphrase->size() >= 40);
        // OpenSSH reads it with that passphrase, and only with it.
        auto withPass = lab::LabCommand::run({QStringLiteral("ssh-keygen"), QStringLiteral("-y"),
                                              QStringLiteral("-P"), passphrase.value(),
                                              QStringLiteral("-f"), key->privateKeyPath});
        QVERIFY(withPass);
        QCOMPARE(withPass->exitCode, 0);
        QCOMPARE(QString::fromUtf8(withPass->out).trimmed().section(QLatin1Char(' '), 0, 1),
                 key->publicKey.section(QLatin1Char(' '), 0, 1));
        auto withoutPass = lab::LabCommand::run({QStringLiteral("ssh-keygen"), QStringLiteral("-y"),
                                                 QStringLiteral("-P"), QString(),
                                                 QStringLiteral("-f"), key->privateKeyPath});
        QVERIFY(withoutPass);
        QVERIFY(withoutPass->exitCode != 0);

        // No secret in any file the app wrote.
        QCOMPARE(relayfleet::testing::filesContaining(home.path(), passphrase.value()),
                 QStringList());
        auto listed = store.list();
        QVERIFY(listed);
        QCOMPARE(listed->size(), 1);
        QCOMPARE(listed->first().fingerprint, key->fingerprint);
        QCOMPARE(listed->first().protection, KeyStore::Protection::Keychain);

        // An existing key is never overwritten.
        auto again = store.generate(QStringLiteral("main"), {}, KeyStore::Protection::None);
        QVERIFY(!again);
        file.close();
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), pem);
    }

    void unencryptedOnlyWhenAskedFor()
    {
        QTemporaryDir home;
        KeyStore store(home.path(), nullptr);
        auto key = store.generate(QStringLiteral("plain"), {}, KeyStore::Protection::None);
        QVERIFY(key);
        auto read = lab::LabCommand::run({QStringLiteral("ssh-keygen"), QStringLiteral("-y"),
                                          QStringLiteral("-P"), QString(), QStringLiteral("-f"),
                                          key->privateKeyPath});
        QVERIFY(read);
        QCOMPARE(read->exitCode, 0);
        auto refused = store.generate(QStringLiteral("other"), {}, KeyStore::Protection::Keychain);
        QVERIFY(!refused);
        QVERIFY(!QFile::exists(home.filePath(QStringLiteral("keys/other"))));
    }
};

QTEST_GUILESS_MAIN(KeyStoreTest)
#include "KeyStoreTest.moc"
