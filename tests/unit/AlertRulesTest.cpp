#include "fleet/AlertRules.h"

#include "base/AppPaths.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace relayfleet;

// The user's alert settings: defaults when there are none, kept as written, and a file that is
// wrong is said, not replaced.
class AlertRulesTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noFileMeansTheDefaults()
    {
        QTemporaryDir home;
        const auto rules = AlertRules::load(AppPaths(home.path()).alertRulesFile());
        QVERIFY(rules);
        QCOMPARE(rules->offlineSeconds, AlertRules::Limit(600));
        QCOMPARE(rules->diskFreeBelowPercent, 10);
        QCOMPARE(rules->temperatureAboveC, 80);
        QVERIFY(rules->underVoltage);
        QVERIFY(rules->webhookUrl.isEmpty());
        QVERIFY(rules->tellsSomething());
    }

    void whatIsSavedIsWhatIsRead()
    {
        QTemporaryDir home;
        const QString path = AppPaths(home.path()).alertRulesFile();
        AlertRules rules;
        rules.offlineSeconds = std::nullopt;
        rules.offlineSecondsByLabel.insert(QStringLiteral("kiosk"), 120);
        rules.offlineSecondsByLabel.insert(QStringLiteral("bench"), std::nullopt);
        rules.diskFreeBelowPercent = 0;
        rules.temperatureAboveC = 70;
        rules.underVoltage = false;
        rules.webhookUrl = QStringLiteral("https://hooks.example.com/services/T0/B0/x");
        QVERIFY(rules.save(path));
        const auto read = AlertRules::load(path);
        QVERIFY2(read, qPrintable(read ? QString() : read.error().message));
        QCOMPARE(read->offlineSeconds, AlertRules::Limit());
        QCOMPARE(read->offlineSecondsByLabel, rules.offlineSecondsByLabel);
        QCOMPARE(read->diskFreeBelowPercent, 0);
        QCOMPARE(read->temperatureAboveC, 70);
        QVERIFY(!read->underVoltage);
        QCOMPARE(read->webhookUrl, rules.webhookUrl);
        QVERIFY(read->tellsSomething()); // the kiosk label still tells
        AlertRules quiet = read.value();
        quiet.offlineSecondsByLabel.clear();
        QVERIFY(quiet.tellsSomething()); // the temperature does
        quiet.temperatureAboveC = 0;
        QVERIFY(!quiet.tellsSomething());
    }

    void aWrongFileIsSaidAndLeftAlone_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("negative") << QByteArray("{\"version\":1,\"offline_after_seconds\":-5}");
        QTest::newRow("fraction") << QByteArray("{\"version\":1,\"offline_after_seconds\":1.5}");
        QTest::newRow("too long") << QByteArray("{\"version\":1,\"offline_after_seconds\":9e12}");
        QTest::newRow("text") << QByteArray("{\"version\":1,\"disk_free_below_percent\":\"10\"}");
        QTest::newRow("disk 100") << QByteArray("{\"version\":1,\"disk_free_below_percent\":100}");
        QTest::newRow("hot") << QByteArray("{\"version\":1,\"temperature_above_c\":500}");
        QTest::newRow("voltage") << QByteArray("{\"version\":1,\"under_voltage\":\"yes\"}");
        QTest::newRow("label") << QByteArray(
            "{\"version\":1,\"offline_after_seconds_by_label\":{\"Bad Label\":60}}");
        QTest::newRow("label limit") << QByteArray(
            "{\"version\":1,\"offline_after_seconds_by_label\":{\"kiosk\":\"soon\"}}");
        QTest::newRow("webhook") << QByteArray("{\"version\":1,\"webhook_url\":\"file:///etc/x\"}");
        QTest::newRow("no host") << QByteArray("{\"version\":1,\"webhook_url\":\"https://\"}");
        QTest::newRow("version") << QByteArray("{\"version\":9}");
        QTest::newRow("not json") << QByteArray("offline=60");
    }

    void aWrongFileIsSaidAndLeftAlone()
    {
        QFETCH(QByteArray, json);
        QTemporaryDir home;
        const QString path = AppPaths(home.path()).alertRulesFile();
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(json);
        file.close();
        const auto rules = AlertRules::load(path);
        QVERIFY(!rules);
        QVERIFY(rules.error().message.contains(path));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), json);
    }

    void webhooksAreWebAddresses()
    {
        QVERIFY(!AlertRules::webhookProblem(QStringLiteral("https://hooks.slack.com/services/x")));
        QVERIFY(!AlertRules::webhookProblem(QStringLiteral("http://127.0.0.1:8080/hook")));
        QVERIFY(AlertRules::webhookProblem(QStringLiteral("hooks.slack.com/services/x")));
        QVERIFY(AlertRules::webhookProblem(QStringLiteral("ftp://example.com/")));
        QVERIFY(AlertRules::webhookProblem(QStringLiteral("https://")));
        QVERIFY(AlertRules::webhookProblem(QStringLiteral("https://example.com/") +
                                           QString(3000, QLatin1Char('a'))));
    }
};

QTEST_GUILESS_MAIN(AlertRulesTest)
#include "AlertRulesTest.moc"
