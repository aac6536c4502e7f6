// The first-time set-up wizard end to end, offscreen, with a real GNOME Keyring and a real
// relay: a new key whose random passphrase goes to the keychain, a relay account that only
// takes a password, the relay's host key trusted on an explicit click, the key installed with
// the password once, then proven to log in alone and the relay helper installed.
#include "wizards/KeySetupWizard.h"

#include "LabCli.h"
#include "NatLab.h"
#include "hostkeys/KnownHostsFile.h"
#include "keys/AppCredentials.h"
#include "keys/KeyStore.h"
#include "keys/KeychainSecretStore.h"
#include "relay/RelayConnection.h"
#include "relay/RelayStore.h"
#include "ssh/SshRuntime.h"
#include "wizards/TaskWizardPage.h"

#include <QAbstractButton>
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <unistd.h>

using namespace relayfleet;
using relayfleet::lab::NatLab;

class KeySetupWizardTest : public QObject
{
    Q_OBJECT

    // Clicks `button` in the next message box named `name`; returns its text. Bounded.
    QString answerDialog(const QString &name, const QString &button)
    {
        QString text;
        QTimer poll;
        connect(&poll, &QTimer::timeout, this, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!text.isEmpty() || !box || box->objectName() != name) {
                return;
            }
            text = box->text() + QLatin1Char('\n') + box->informativeText();
            box->findChild<QAbstractButton *>(button)->click();
        });
        poll.start(50);
        QElapsedTimer timer;
        timer.start();
        while (text.isEmpty() && timer.elapsed() < 20000) {
            QTest::qWait(50);
        }
        return text;
    }

private Q_SLOTS:
    void initTestCase() { initializeSshRuntime(); }

    void firstTimeSetUp()
    {
        if (geteuid() != 0) {
            QSKIP("a throwaway relay account with a password needs root");
        }
        auto lab = NatLab::start({});
        QVERIFY2(lab, qPrintable(lab ? QString() : lab.error().message));
        const QString password = QStringLiteral("typed once");
        auto user = lab.value()->createPasswordUser(password);
        QVERIFY2(user, qPrintable(user ? QString() : user.error().message));
        QTemporaryDir home;
        const AppPaths paths = AppPaths::resolve(home.path());

        gui::KeySetupWizard wizard(paths);
        wizard.show();
        wizard.findChild<QLineEdit *>(QStringLiteral("keyName"))->setText(QStringLiteral("laptop"));
        wizard.next();
        wizard.findChild<QLineEdit *>(QStringLiteral("relayName"))->setText(QStringLiteral("lab"));
        wizard.findChild<QLineEdit *>(QStringLiteral("relayAddress"))
            ->setText(QStringLiteral("%1@%2:%3")
                          .arg(user.value(), lab.value()->relayHost())
                          .arg(lab.value()->relayPort()));
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
        wizard.next();
        auto *install = qobject_cast<gui::TaskWizardPage *>(wizard.currentPage());
        QVERIFY(install);
        wizard.findChild<QLineEdit *>(QStringLiteral("relayPassword"))->setText(password);
        QSignalSpy installed(install, &gui::TaskWizardPage::taskFinished);
        install->findChild<QPushButton *>(QStringLiteral("startTaskButton"))->click();
        const QString asked =
            answerDialog(QStringLiteral("hostKeyUnknownDialog"), QStringLiteral("trustButton"));
        QVERIFY2(asked.contains(lab.value()->relayHostKeyFingerprint()), qPrintable(asked));
        QVERIFY(installed.count() == 1 || installed.wait(60000));
        QVERIFY2(installed.first().first().toBool(), qPrintable(install->outcome()));

        // The key: encrypted, 0600, its passphrase in the keychain and nowhere in the home.
        KeychainSecretStore keychain;
        KeyStore keys(paths.home(), &keychain);
        auto key = keys.find(QStringLiteral("laptop"));
        QVERIFY(key);
        QCOMPARE(key->protection, KeyStore::Protection::Keychain);
        QVERIFY(key->installedOn.contains(QStringLiteral("relay:lab")));
        const auto passphrase = keys.passphrase(key.value());
        QVERIFY(passphrase && passphrase->size() >= 20);
        QVERIFY(QFile(key->privateKeyPath).open(QIODevice::ReadOnly));
        QCOMPARE(testing::filesContaining(paths.home(), passphrase.value()), QStringList());
        QCOMPARE(testing::filesContaining(paths.home(), password), QStringList());
        QCOMPARE(RelayStore(paths.relaysFile()).find(QStringLiteral("lab"))->identityFile,
                 key->privateKeyPath);

        // The last page logs in with the key alone and installs the helper.
        auto *verify = wizard.findChild<gui::TaskWizardPage *>(QStringLiteral("verifyPage"));
        QSignalSpy verified(verify, &gui::TaskWizardPage::taskFinished);
        wizard.next();
        QVERIFY(verified.wait(60000));
        QVERIFY2(verified.first().first().toBool(), qPrintable(verify->outcome()));
        QVERIFY(verify->outcome().contains(QStringLiteral("helper version")));
        QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());
        QCOMPARE(wizard.relayName(), QStringLiteral("lab"));

        // And the app's own login (keychain passphrase, no password) works from now on.
        KnownHostsFile knownHosts(paths.knownHostsFile());
        auto connection = RelayConnection::open(
            RelayStore(paths.relaysFile()).find(QStringLiteral("lab")).value(),
            AppCredentials::keyOnly(paths.home(), key->privateKeyPath), knownHosts, HostKeyPolicy{},
            QDeadlineTimer(15000), CancelToken());
        QVERIFY2(connection, qPrintable(connection ? QString() : connection.error().message));
    }
};

QTEST_MAIN(KeySetupWizardTest)
#include "KeySetupWizardTest.moc"
