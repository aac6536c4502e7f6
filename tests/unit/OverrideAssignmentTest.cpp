#include "overrides/OverrideAssignment.h"

#include "overrides/DesiredOverrides.h"
#include "overrides/DeviceOverrides.h"

#include <QJsonArray>
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
        auto fits = OverridePush::payload(7, values);
        QVERIFY(fits);
        QVERIFY(fits->startsWith("#seq 7\nA=\""));
        QVERIFY(fits->size() <= OverridePush::kMaxBytes);
        values << OverrideAssignment{QStringLiteral("B"),
                                     QJsonValue(QString(200, QLatin1Char('y')))};
        auto tooBig = OverridePush::payload(7, values);
        QVERIFY(!tooBig);
        QVERIFY(tooBig.error().message.contains(QStringLiteral("4096")));
    }

    void fifoPathsAreChecked()
    {
        QVERIFY(DeviceOverrides::isValidFifoPath(QStringLiteral("~/.relayfleet/overrides.fifo")));
        QVERIFY(DeviceOverrides::isValidFifoPath(QStringLiteral("/run/program-a/pipe")));
        QVERIFY(!DeviceOverrides::isValidFifoPath(QStringLiteral("pipe")));
        QVERIFY(!DeviceOverrides::isValidFifoPath(QStringLiteral("/tmp/$(id)")));
        QVERIFY(!DeviceOverrides::isValidFifoPath(QStringLiteral("/tmp/../etc/passwd")));
        QVERIFY(!DeviceOverrides::isValidFifoPath(QStringLiteral("/tmp/a b")));
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
};

QTEST_GUILESS_MAIN(OverrideAssignmentTest)
#include "OverrideAssignmentTest.moc"
