// The wizards' page flow and the overrides editor's checks, offscreen: Next is enabled only
// when a page is right, what is wrong is said as the user types, and nothing reaches the
// network before every field is valid. The only address contacted is 127.0.0.1:1 (closed).
#include "base/AppPaths.h"
#include "keys/KeyStore.h"
#include "overrides/OverridesEditor.h"
#include "relay/RelayStore.h"
#include "ssh/SshRuntime.h"
#include "wizards/CheckedWizardPage.h"
#include "wizards/EnrolWizard.h"
#include "wizards/KeySetupWizard.h"
#include "wizards/TaskWizardPage.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace relayfleet;

class WizardFlowTest : public QObject
{
    Q_OBJECT

    static bool nextEnabled(QWizard &wizard)
    {
        return wizard.button(QWizard::NextButton)->isEnabled();
    }

private Q_SLOTS:
    void initTestCase() { initializeSshRuntime(); }

    void keySetupPages()
    {
        QTemporaryDir home;
        const AppPaths paths = AppPaths::resolve(home.path());
        gui::KeySetupWizard wizard(paths);
        wizard.show();
        QCOMPARE(wizard.currentId(), int(gui::KeySetupWizard::KeyPage));
        // No key yet: "use an existing key" is not offered, a new one is named "main".
        QVERIFY(!wizard.findChild<QRadioButton *>(QStringLiteral("existingKeyRadio"))->isEnabled());
        QVERIFY(nextEnabled(wizard));
        auto *keyName = wizard.findChild<QLineEdit *>(QStringLiteral("keyName"));
        keyName->setText(QStringLiteral("bad name/"));
        QVERIFY(!nextEnabled(wizard));
        QVERIFY(!wizard.currentPage()
                     ->findChild<QLabel *>(QStringLiteral("pageProblem"))
                     ->text()
                     .isEmpty());
        keyName->setText(QStringLiteral("wizard-test"));
        QVERIFY(nextEnabled(wizard));
        wizard.next();

        QCOMPARE(wizard.currentId(), int(gui::KeySetupWizard::RelayPage));
        QVERIFY(!nextEnabled(wizard)); // no address yet
        auto *address = wizard.findChild<QLineEdit *>(QStringLiteral("relayAddress"));
        address->setText(QStringLiteral("relay.example.com"));
        QVERIFY(!nextEnabled(wizard)); // no user
        address->setText(QStringLiteral("pi@127.0.0.1:99999"));
        QVERIFY(!nextEnabled(wizard)); // no such port
        address->setText(QStringLiteral("pi@127.0.0.1:1"));
        QVERIFY(nextEnabled(wizard));
        wizard.next();

        // Installing needs the relay; it is closed, so the page says why and offers a retry.
        QCOMPARE(wizard.currentId(), int(gui::KeySetupWizard::InstallPage));
        auto *install = qobject_cast<gui::TaskWizardPage *>(wizard.currentPage());
        QVERIFY(!nextEnabled(wizard));
        // No keychain in this test: the key is stored unencrypted only because it is asked.
        wizard.findChild<QCheckBox *>(QStringLiteral("noPassphrase"))->setChecked(true);
        QSignalSpy finished(install, &gui::TaskWizardPage::taskFinished);
        install->findChild<QPushButton *>(QStringLiteral("startTaskButton"))->click();
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY2(install->outcome().contains(QStringLiteral("127.0.0.1")),
                 qPrintable(install->outcome()));
        QVERIFY(!nextEnabled(wizard));
        QCOMPARE(install->findChild<QPushButton *>(QStringLiteral("startTaskButton"))->text(),
                 QStringLiteral("Try again"));
        // The key exists (reused by a retry), private and 0600; no relay was saved.
        const QString keyFile = home.filePath(QStringLiteral("keys/wizard-test"));
        QVERIFY(QFile::exists(keyFile));
        QCOMPARE(QFile::permissions(keyFile),
                 QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser); // 0600
        QVERIFY(RelayStore(paths.relaysFile()).load()->isEmpty());
    }

    void enrolPages()
    {
        QTemporaryDir home;
        const AppPaths paths = AppPaths::resolve(home.path());
        DeviceStatus tunnel;
        tunnel.relay = QStringLiteral("main");
        tunnel.port = 4700;
        tunnel.state = DeviceStatus::State::Unregistered;
        gui::EnrolWizard wizard(paths, {tunnel});
        wizard.show();
        QCOMPARE(wizard.currentId(), int(gui::EnrolWizard::DevicePage));
        QVERIFY(!nextEnabled(wizard));
        wizard.findChild<QLineEdit *>(QStringLiteral("enrolId"))
            ->setText(QStringLiteral("Kitchen Pi"));
        QVERIFY(!nextEnabled(wizard)); // not a valid id
        wizard.findChild<QLineEdit *>(QStringLiteral("enrolId"))
            ->setText(QStringLiteral("kitchen"));
        QVERIFY(!nextEnabled(wizard)); // no LAN address yet
        wizard.findChild<QLineEdit *>(QStringLiteral("enrolLabels"))
            ->setText(QStringLiteral("ok, not ok!"));
        wizard.findChild<QLineEdit *>(QStringLiteral("lanAddress"))
            ->setText(QStringLiteral("127.0.0.1:2222"));
        QVERIFY(!nextEnabled(wizard)); // a bad label
        wizard.findChild<QLineEdit *>(QStringLiteral("enrolLabels"))
            ->setText(QStringLiteral("sensors, home"));
        QVERIFY(nextEnabled(wizard));
        // Through the hand-made tunnel instead: the one offered is chosen.
        wizard.findChild<QRadioButton *>(QStringLiteral("tunnelRadio"))->setChecked(true);
        QCOMPARE(
            wizard.findChild<QComboBox *>(QStringLiteral("tunnelChoice"))->currentData().toInt(),
            4700);
        QVERIFY(nextEnabled(wizard));
        wizard.next();
        // Without a relay there is nothing to enrol with, and the page says what to do.
        QCOMPARE(wizard.currentId(), int(gui::EnrolWizard::RelayPage));
        QVERIFY(!nextEnabled(wizard));
        QVERIFY(wizard.currentPage()
                    ->findChild<QLabel *>(QStringLiteral("pageProblem"))
                    ->text()
                    .contains(QStringLiteral("No relay")));
    }

    void overridesAreValidatedBeforeAnythingIsSent()
    {
        QTemporaryDir home;
        const AppPaths paths = AppPaths::resolve(home.path());
        DeviceStatus device;
        device.relay = QStringLiteral("nowhere");
        device.id = QStringLiteral("kitchen");
        device.port = 4700;
        gui::OverridesEditor editor(paths, FleetAccess{}, {device}, {});
        editor.show();
        QSignalSpy pushed(&editor, &gui::OverridesEditor::pushFinished);
        auto *message = editor.findChild<QLabel *>(QStringLiteral("overridesMessage"));
        editor.push();
        QVERIFY(message->text().contains(QStringLiteral("at least one")));
        editor.setValues({{QStringLiteral("SPEED"), QStringLiteral("2.5")},
                          {QStringLiteral("MODE"), QStringLiteral("fast")}});
        editor.push(); // "fast" is not JSON: row 2 is refused, nothing is sent
        QVERIFY2(message->text().startsWith(QStringLiteral("Row 2")), qPrintable(message->text()));
        editor.setValues({{QStringLiteral("bad name"), QStringLiteral("1")}});
        editor.push();
        QVERIFY2(message->text().startsWith(QStringLiteral("Row 1")), qPrintable(message->text()));
        QCOMPARE(pushed.count(), 0);
        QVERIFY(!QFile::exists(home.filePath(QStringLiteral("push-history.jsonl"))));
        // Valid values to an unknown relay: the device's answer says why, and it is recorded.
        editor.setValues({{QStringLiteral("SPEED"), QStringLiteral("2.5")},
                          {QStringLiteral("MODE"), QStringLiteral("\"fast\"")}});
        editor.push();
        QVERIFY(pushed.wait(20000));
        QCOMPARE(editor.lastPush().size(), 1);
        QCOMPARE(editor.lastPush().first().applied, false);
        QVERIFY2(editor.lastPush().first().error.contains(QStringLiteral("nowhere")),
                 qPrintable(editor.lastPush().first().error));
        QVERIFY(QFile::exists(home.filePath(QStringLiteral("push-history.jsonl"))));
        // The desired values are kept and come back in a new editor.
        gui::OverridesEditor again(paths, FleetAccess{}, {device}, {});
        auto *table = again.findChild<QTableWidget *>(QStringLiteral("overrideValues"));
        QCOMPARE(table->rowCount(), 2);
    }
};

QTEST_MAIN(WizardFlowTest)
#include "WizardFlowTest.moc"
