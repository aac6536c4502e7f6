#include "overrides/OverrideAssignment.h"

#include "overrides/DesiredOverrides.h"
#include "overrides/OverrideComparison.h"
#include "overrides/OverrideMessage.h"
#include "overrides/OverrideProtocol.h"
#include "overrides/PushHistory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace relayfleet;

class OverrideAssignmentTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesLiteralsCanonically_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("number") << "SPEED=2.50" << QByteArray("SPEED=2.5");
        QTest::newRow("integer") << "N=42" << QByteArray("N=42");
        QTest::newRow("string") << "MODE=\"fast\"" << QByteArray("MODE=\"fast\"");
        QTest::newRow("escapes stay escaped")
            << "M=\"a\\nb\\u0000\\\"c\"" << QByteArray("M=\"a\\nb\\u0000\\\"c\"");
        QTest::newRow("shell text is data")
            << "M=\"$(reboot)`id`\"" << QByteArray("M=\"$(reboot)`id`\"");
        QTest::newRow("bool") << "ON= true " << QByteArray("ON=true");
        QTest::newRow("null") << "X=null" << QByteArray("X=null");
        // Qt's parser takes a raw newline inside a string; the canonical form escapes it.
        QTest::newRow("raw newline becomes \\n") << "M=\"a\nb\"" << QByteArray("M=\"a\\nb\"");
        QTest::newRow("unicode") << "名前=1" << QByteArray();
    }

    void parsesLiteralsCanonically()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, line);
        auto assignment = OverrideAssignment::parse(text);
        if (line.isEmpty()) {
            QVERIFY(!assignment); // names are ASCII identifiers
            return;
        }
        QVERIFY2(assignment, qPrintable(assignment ? QString() : assignment.error().message));
        QCOMPARE(assignment->line(), line);
        QVERIFY(!assignment->line().contains('\n'));
    }

    void rejectsWhatIsNotALiteral_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("bare word") << "MODE=fast";
        QTest::newRow("object") << "M={\"a\":1}";
        QTest::newRow("array") << "M=[1]";
        QTest::newRow("two values") << "M=1,2";
        QTest::newRow("no name") << "=1";
        QTest::newRow("bad name") << "1X=1";
        QTest::newRow("long name") << QString(65, QLatin1Char('A')) + QStringLiteral("=1");
    }

    void rejectsWhatIsNotALiteral()
    {
        QFETCH(QString, text);
        QVERIFY(!OverrideAssignment::parse(text));
    }

    void pushFitsOneAtomicWrite()
    {
        QList<OverrideAssignment> values{
            {QStringLiteral("A"), QJsonValue(QString(4000, QLatin1Char('x')))}};
        auto fits = OverrideMessage::payload(7, values);
        QVERIFY(fits);
        QVERIFY(fits->startsWith("#seq 7\nA=\""));
        QVERIFY(fits->size() <= OverrideMessage::kMaxBytes);
        values << OverrideAssignment{QStringLiteral("B"),
                                     QJsonValue(QString(200, QLatin1Char('y')))};
        auto tooBig = OverrideMessage::payload(7, values);
        QVERIFY(!tooBig);
        QVERIFY(tooBig.error().message.contains(QStringLiteral("4096")));
    }

    void fifoPathsAreChecked()
    {
        QVERIFY(OverrideProtocol::isValidFifoPath(QStringLiteral("~/.relayfleet/overrides.fifo")));
        QVERIFY(OverrideProtocol::isValidFifoPath(QStringLiteral("/run/program-a/pipe")));
        QVERIFY(!OverrideProtocol::isValidFifoPath(QStringLiteral("pipe")));
        QVERIFY(!OverrideProtocol::isValidFifoPath(QStringLiteral("/tmp/$(id)")));
        QVERIFY(!OverrideProtocol::isValidFifoPath(QStringLiteral("/tmp/../etc/passwd")));
        QVERIFY(!OverrideProtocol::isValidFifoPath(QStringLiteral("/tmp/a b")));
    }

    void deviceBeatsLabel()
    {
        QTemporaryDir home;
        DesiredOverrides desired(home.path());
        QVERIFY(desired.setForLabel(QStringLiteral("plant"),
                                    {{QStringLiteral("SPEED"), QJsonValue(1.5)},
                                     {QStringLiteral("MODE"), QJsonValue(QStringLiteral("eco"))}}));
        QVERIFY(
            desired.setForDevice(QStringLiteral("p1"), {{QStringLiteral("SPEED"), QJsonValue(3)}}));
        const QJsonObject p1 =
            desired.desiredFor(QStringLiteral("p1"), {QStringLiteral("plant")}).value();
        QCOMPARE(p1.value(QStringLiteral("SPEED")).toDouble(), 3.0);
        QCOMPARE(p1.value(QStringLiteral("MODE")).toString(), QStringLiteral("eco"));
        const QJsonObject p2 =
            desired.desiredFor(QStringLiteral("p2"), {QStringLiteral("plant")}).value();
        QCOMPARE(p2.value(QStringLiteral("SPEED")).toDouble(), 1.5);
        QVERIFY(desired.desiredFor(QStringLiteral("p3"), {}).value().isEmpty());
    }
    void comparisonNamesEveryVariable()
    {
        const QJsonObject desired{{QStringLiteral("SPEED"), 2},
                                  {QStringLiteral("MODE"), 1},
                                  {QStringLiteral("LIMIT"), 5}};
        const QJsonObject applied{{QStringLiteral("SPEED"), 2},
                                  {QStringLiteral("MODE"), 3},
                                  {QStringLiteral("DEBUG"), true}};
        const OverrideComparison comparison = OverrideComparison::of(desired, applied);
        QHash<QString, QString> status;
        for (const OverrideComparison::Row &row : comparison.rows) {
            status.insert(row.name, OverrideComparison::statusName(row.status));
        }
        // As `overrides DEVICE --json` prints it: a side without the variable is null.
        QCOMPARE(
            QJsonDocument(comparison.rowsJson()).toJson(QJsonDocument::Compact),
            QByteArray("[{\"applied\":null,\"desired\":5,\"name\":\"LIMIT\",\"status\":"
                       "\"missing\"},{\"applied\":3,\"desired\":1,\"name\":\"MODE\",\"status\":"
                       "\"drift\"},{\"applied\":2,\"desired\":2,\"name\":\"SPEED\",\"status\":"
                       "\"ok\"},{\"applied\":true,\"desired\":null,\"name\":\"DEBUG\","
                       "\"status\":\"extra\"}]"));
        QCOMPARE(status.value(QStringLiteral("SPEED")), QStringLiteral("ok"));
        QCOMPARE(status.value(QStringLiteral("MODE")), QStringLiteral("drift"));
        QCOMPARE(status.value(QStringLiteral("LIMIT")), QStringLiteral("missing"));
        QCOMPARE(status.value(QStringLiteral("DEBUG")), QStringLiteral("extra"));
        QVERIFY(comparison.problem.isEmpty());
        QVERIFY(!comparison.inSync());
        QCOMPARE(OverrideComparison::drifted(desired, applied).size(), 2);

        const QJsonObject matching{{QStringLiteral("SPEED"), 2},
                                   {QStringLiteral("MODE"), 1},
                                   {QStringLiteral("LIMIT"), 5},
                                   {QStringLiteral("DEBUG"), 1}};
        QVERIFY(OverrideComparison::of(desired, matching).inSync()); // extra is not drift

        const Result<QJsonObject> notRunning =
            Error::make(Error::Code::NotFound, QStringLiteral("not running"));
        const OverrideComparison unknown = OverrideComparison::of(desired, notRunning);
        QCOMPARE(unknown.problem, QStringLiteral("not running"));
        QVERIFY(!unknown.inSync());
        QCOMPARE(OverrideComparison::drifted(desired, notRunning).size(), 3);
    }

    // What `push --json` prints and the history keeps, in the shape scripts already read.
    void aPushResultIsWrittenAsBefore()
    {
        PushResult refused;
        refused.target.relay = QStringLiteral("lab");
        refused.target.port = 4650;
        refused.target.deviceId = QStringLiteral("kitchen");
        refused.reached = refused.ok = refused.received = true;
        refused.error = QStringLiteral("the program rejected MODE (not in the allowlist)");
        refused.variables = {{QStringLiteral("SPEED"), QJsonValue(2.5), true, {}},
                             {QStringLiteral("MODE"), QJsonValue(QStringLiteral("x")), false,
                              QStringLiteral("not in the allowlist")}};
        refused.values = QJsonObject{{QStringLiteral("SPEED"), 2.5}};
        QCOMPARE(QJsonDocument(refused.toJson()).toJson(QJsonDocument::Compact),
                 QByteArray("{\"applied\":false,\"device\":\"kitchen\",\"error\":\"the program "
                            "rejected MODE (not in the allowlist)\",\"ok\":true,\"received\":true,"
                            "\"values\":{\"SPEED\":2.5},\"variables\":[{\"applied\":true,\"name\":"
                            "\"SPEED\",\"reason\":null,\"value\":2.5},{\"applied\":false,\"name\":"
                            "\"MODE\",\"reason\":\"not in the allowlist\",\"value\":\"x\"}]}"));
        QCOMPARE(refused.rejected().size(), 1);
        QCOMPARE(refused.outcome(), refused.error);
        refused.target.deviceId.clear();
        const PushResult unreached = PushResult::unreached(refused.target, QStringLiteral("gone"));
        QCOMPARE(QJsonDocument(unreached.toJson()).toJson(QJsonDocument::Compact),
                 QByteArray("{\"applied\":false,\"device\":\"lab:4650\",\"error\":\"gone\","
                            "\"ok\":false,\"received\":false}"));
    }

    void historyKeepsTheNewestPushes()
    {
        QTemporaryDir home;
        PushHistory history(home.path());
        QVERIFY(history.last().value().isEmpty());
        for (int seq = 1; seq <= 5; ++seq) {
            QVERIFY(history.record(seq, {QStringLiteral("p1")},
                                   {{QStringLiteral("SPEED"), QJsonValue(seq)}}, {}));
        }
        // A torn line (a crash mid-append) is skipped, not fatal.
        QFile file(home.path() + QStringLiteral("/push-history.jsonl"));
        QVERIFY(file.open(QIODevice::Append));
        file.write("{\"seq\": \"6\", \"targ");
        file.close();
        const auto newest = history.last(2);
        QVERIFY(newest);
        QCOMPARE(newest->size(), 2);
        QCOMPARE(newest->at(0).value(QStringLiteral("seq")).toString(), QStringLiteral("4"));
        QCOMPARE(newest->at(1).value(QStringLiteral("seq")).toString(), QStringLiteral("5"));
        QCOMPARE(newest->at(1)[QStringLiteral("values")][QStringLiteral("SPEED")].toInt(), 5);
        // The next push after a torn line is kept whole.
        QVERIFY(history.record(7, {QStringLiteral("p1")},
                               {{QStringLiteral("SPEED"), QJsonValue(7)}}, {}));
        const auto after = history.last(2);
        QCOMPARE(after->at(0).value(QStringLiteral("seq")).toString(), QStringLiteral("5"));
        QCOMPARE(after->at(1).value(QStringLiteral("seq")).toString(), QStringLiteral("7"));
    }
};

QTEST_GUILESS_MAIN(OverrideAssignmentTest)
#include "OverrideAssignmentTest.moc"
