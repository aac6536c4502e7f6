#include "alerts/AlertSettingsDialog.h"

#include "LoopbackHttpServer.h"
#include "base/AppPaths.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace relayfleet;
using relayfleet::gui::AlertSettingsDialog;
using relayfleet::testing::LoopbackHttpServer;

// View -> Alerts: what the user sets is what alerts.json holds, a wrong value keeps the dialog
// open with the reason, and the test button says whether the webhook took its post.
class AlertSettingsDialogTest : public QObject
{
    Q_OBJECT

    template<typename T> static T *child(const QObject &parent, const char *name)
    {
        T *found = parent.findChild<T *>(QLatin1String(name));
        if (!found) {
            qFatal("no %s", name);
        }
        return found;
    }

private Q_SLOTS:
    void whatIsSetIsSaved()
    {
        QTemporaryDir home;
        const QString path = AppPaths(home.path()).alertRulesFile();
        AlertSettingsDialog dialog(AlertRules{},
                                   {QStringLiteral("kiosk"), QStringLiteral("garden")}, path);
        dialog.show();
        QCOMPARE(child<QSpinBox>(dialog, "alertOfflineMinutes")->value(), 10);
        child<QSpinBox>(dialog, "alertOfflineMinutes")->setValue(30);
        child<QPushButton>(dialog, "alertAddLabel")->click();
        auto *labels = child<QTableWidget>(dialog, "alertLabelLimits");
        QCOMPARE(labels->rowCount(), 1);
        qobject_cast<QComboBox *>(labels->cellWidget(0, 0))
            ->setCurrentText(QStringLiteral("kiosk"));
        qobject_cast<QSpinBox *>(labels->cellWidget(0, 1))->setValue(2);
        child<QPushButton>(dialog, "alertAddLabel")->click();
        qobject_cast<QComboBox *>(labels->cellWidget(1, 0))
            ->setCurrentText(QStringLiteral("bench"));
        qobject_cast<QSpinBox *>(labels->cellWidget(1, 1))->setValue(0); // never
        child<QSpinBox>(dialog, "alertDiskPercent")->setValue(15);
        child<QSpinBox>(dialog, "alertTemperature")->setValue(0); // not told
        child<QCheckBox>(dialog, "alertUnderVoltage")->setChecked(false);
        child<QLineEdit>(dialog, "alertWebhookUrl")
            ->setText(QStringLiteral(" https://hooks.example.com/services/T/B/x "));
        if (const QByteArray dir = qgetenv("RELAYFLEET_SCREENSHOTS"); !dir.isEmpty()) {
            dialog.grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/alert-settings.png"));
        }
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const auto saved = AlertRules::load(path);
        QVERIFY(saved);
        QCOMPARE(saved->offlineSeconds, AlertRules::Limit(1800));
        QCOMPARE(saved->offlineSecondsByLabel.value(QStringLiteral("kiosk")),
                 AlertRules::Limit(120));
        QVERIFY(saved->offlineSecondsByLabel.contains(QStringLiteral("bench")));
        QCOMPARE(saved->offlineSecondsByLabel.value(QStringLiteral("bench")), AlertRules::Limit());
        QCOMPARE(saved->diskFreeBelowPercent, 15);
        QCOMPARE(saved->temperatureAboveC, 0);
        QVERIFY(!saved->underVoltage);
        QCOMPARE(saved->webhookUrl, QStringLiteral("https://hooks.example.com/services/T/B/x"));
        QCOMPARE(dialog.rules().offlineSeconds, saved->offlineSeconds);

        // Opened again, it shows what was saved.
        AlertSettingsDialog again(saved.value(), {}, path);
        QCOMPARE(child<QSpinBox>(again, "alertOfflineMinutes")->value(), 30);
        QCOMPARE(child<QTableWidget>(again, "alertLabelLimits")->rowCount(), 2);
        QCOMPARE(child<QSpinBox>(again, "alertTemperature")->text(), QStringLiteral("never"));
    }

    void aWrongValueKeepsTheDialogOpen_data()
    {
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("webhook");
        QTest::addColumn<QString>("said");
        QTest::newRow("label") << QStringLiteral("Front Door") << QString()
                               << QStringLiteral("not a label");
        QTest::newRow("twice") << QStringLiteral("kiosk") << QString() << QStringLiteral("twice");
        QTest::newRow("webhook") << QString() << QStringLiteral("hooks.slack.com/x")
                                 << QStringLiteral("https://");
    }

    void aWrongValueKeepsTheDialogOpen()
    {
        QFETCH(QString, label);
        QFETCH(QString, webhook);
        QFETCH(QString, said);
        QTemporaryDir home;
        const QString path = AppPaths(home.path()).alertRulesFile();
        AlertRules rules;
        rules.offlineSecondsByLabel.insert(QStringLiteral("kiosk"), 60);
        AlertSettingsDialog dialog(rules, {}, path);
        dialog.show();
        if (!label.isEmpty()) {
            child<QPushButton>(dialog, "alertAddLabel")->click();
            auto *labels = child<QTableWidget>(dialog, "alertLabelLimits");
            qobject_cast<QComboBox *>(labels->cellWidget(1, 0))->setCurrentText(label);
        }
        child<QLineEdit>(dialog, "alertWebhookUrl")->setText(webhook);
        dialog.accept();
        QVERIFY(dialog.isVisible());
        QVERIFY2(child<QLabel>(dialog, "alertProblem")->text().contains(said),
                 qPrintable(child<QLabel>(dialog, "alertProblem")->text()));
        QVERIFY(!QFile::exists(path));
    }

    void theTestButtonSaysWhatTheWebhookAnswered()
    {
        QTemporaryDir home;
        LoopbackHttpServer hook(200);
        AlertSettingsDialog dialog(AlertRules{}, {}, AppPaths(home.path()).alertRulesFile());
        dialog.show();
        auto *result = child<QLabel>(dialog, "alertWebhookResult");
        auto *test = child<QPushButton>(dialog, "alertWebhookTest");
        test->click();
        QVERIFY(result->text().contains(QStringLiteral("address")));
        child<QLineEdit>(dialog, "alertWebhookUrl")->setText(hook.url());
        test->click();
        QVERIFY(!test->isEnabled()); // one test at a time
        QTRY_VERIFY_WITH_TIMEOUT(result->text().contains(QStringLiteral("HTTP 200")), 20000);
        QVERIFY(test->isEnabled());
        QCOMPARE(hook.requests().size(), 1);
        hook.setStatus(503);
        test->click();
        QTRY_VERIFY_WITH_TIMEOUT(result->text().contains(QStringLiteral("503")), 20000);
        QVERIFY(result->text().contains(QStringLiteral("did not arrive")));
    }
};

QTEST_MAIN(AlertSettingsDialogTest)
#include "AlertSettingsDialogTest.moc"
