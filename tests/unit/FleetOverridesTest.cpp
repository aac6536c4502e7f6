#include "overrides/FleetOverrides.h"

#include "audit/AuditLog.h"
#include "overrides/DesiredOverrides.h"
#include "overrides/OverrideProtocol.h"
#include "overrides/PushHistory.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace relayfleet;

// The overrides service as far as it goes without a relay: what it keeps before anything is
// sent, what it records of each device's answer, and what it says of a device it cannot reach.
// The lab tests (OverridesTest for the CLI, FleetWindowLabTest for the window) send for real.
class FleetOverridesTest : public QObject
{
    Q_OBJECT

private:
    static FleetAccess accessTo(const QString &home)
    {
        FleetAccess access;
        RelayConfig lab;
        lab.name = QStringLiteral("lab");
        lab.host = QStringLiteral("127.0.0.1");
        lab.port = 1; // nothing listens there: refused at once
        lab.user = QStringLiteral("relay");
        access.relays << lab;
        access.credentials = [](const RelayConfig &) {
            return Credentials();
        };
        access.knownHostsPath = QDir(home).filePath(QStringLiteral("known_hosts"));
        access.connectTimeoutMs = 5000;
        access.audit = std::make_shared<const AuditLog>(home, QStringLiteral("test"));
        return access;
    }

    static DeviceTarget device(const QString &relay, const QString &id, int port)
    {
        DeviceTarget target;
        target.relay = relay;
        target.deviceId = id;
        target.port = port;
        return target;
    }

    static QList<OverrideAssignment> values()
    {
        return {OverrideAssignment::parse(QStringLiteral("SPEED=2.5")).value(),
                OverrideAssignment::parse(QStringLiteral("API_TOKEN=\"hunter2\"")).value()};
    }

private Q_SLOTS:
    void keepsWhatIsWantedAndRecordsEachAnswer()
    {
        QTemporaryDir home;
        const FleetOverrides overrides(accessTo(home.path()), home.path());
        auto push =
            OverridePush::prepare(values(), QLatin1String(OverrideProtocol::kDefaultFifo), 5);
        QVERIFY(push);
        const QList<DeviceTarget> devices{
            device(QStringLiteral("nowhere"), QStringLiteral("kitchen"), 4650),
            device(QStringLiteral("nowhere"), QString(), 4651)};
        // A label, a device among those sent to, a RELAY:PORT (nothing to keep for it) and an
        // id that is not among them (kept by nobody: it matched no device).
        const QStringList scope{QStringLiteral("@plant"), QStringLiteral("kitchen"),
                                QStringLiteral("nowhere:4651"), QStringLiteral("garage")};
        auto pushed = overrides.push(scope, devices, push.value(), CancelToken());
        QVERIFY2(pushed, qPrintable(pushed ? QString() : pushed.error().message));
        QVERIFY(!pushed->notInHistory);
        QCOMPARE(pushed->results.size(), 2);
        QVERIFY(!pushed->allApplied());
        for (const PushResult &result : pushed->results) {
            QVERIFY(!result.reached && !result.applied);
            QVERIFY2(result.error.contains(QStringLiteral("nowhere")), qPrintable(result.error));
        }
        QCOMPARE(pushed->results[0].device(), QStringLiteral("kitchen"));
        QCOMPARE(pushed->results[1].device(), QStringLiteral("nowhere:4651"));

        DesiredOverrides desired(home.path());
        QCOMPARE(desired.desiredFor(QStringLiteral("kitchen"), {})
                     ->value(QStringLiteral("SPEED"))
                     .toDouble(),
                 2.5);
        QCOMPARE(desired.desiredFor(QStringLiteral("other"), {QStringLiteral("plant")})
                     ->value(QStringLiteral("SPEED"))
                     .toDouble(),
                 2.5);
        QVERIFY(desired.desiredFor(QStringLiteral("garage"), {})->isEmpty());

        // The history has the push under the words the user named, with each answer.
        const auto history = PushHistory(home.path()).last();
        QVERIFY(history);
        QCOMPARE(history->size(), 1);
        QCOMPARE(history->first().value(QStringLiteral("targets")).toVariant().toStringList(),
                 scope);
        QCOMPARE(history->first().value(QStringLiteral("results")).toArray().size(), 2);
        // The audit log has one entry a device, the secret only as its length.
        const auto audited = AuditLog(home.path(), QStringLiteral("test")).entries();
        QVERIFY(audited);
        QCOMPARE(audited->size(), 2);
        for (const AuditLog::Entry &entry : audited.value()) {
            QCOMPARE(entry.action, AuditLog::Action::Push);
            QVERIFY(!entry.ok);
            const QString values =
                QString::fromUtf8(QJsonDocument(entry.details).toJson(QJsonDocument::Compact));
            QVERIFY2(!values.contains(QStringLiteral("hunter2")), qPrintable(values));
        }
        QCOMPARE(audited->first().device, QStringLiteral("kitchen"));
    }

    void sendsNothingWhenWhatIsWantedCannotBeKept()
    {
        QTemporaryDir home;
        // overrides.json is a folder: it can be neither read nor written.
        QVERIFY(QDir(home.path()).mkdir(QStringLiteral("overrides.json")));
        const FleetOverrides overrides(accessTo(home.path()), home.path());
        auto push =
            OverridePush::prepare(values(), QLatin1String(OverrideProtocol::kDefaultFifo), 5);
        QVERIFY(push);
        auto pushed =
            overrides.push({QStringLiteral("@plant")},
                           {device(QStringLiteral("lab"), QStringLiteral("kitchen"), 4650)},
                           push.value(), CancelToken());
        QVERIFY(!pushed);
        QVERIFY(!pushed.error().message.isEmpty());
        QVERIFY(!QFile::exists(QDir(home.path()).filePath(QStringLiteral("push-history.jsonl"))));
        QVERIFY(AuditLog(home.path(), QStringLiteral("test")).entries()->isEmpty());
    }

    void saysWhyADeviceCannotBeRead()
    {
        QTemporaryDir home;
        const FleetOverrides overrides(accessTo(home.path()), home.path());
        // An unknown relay, and a known one where nothing listens.
        for (const QString &relay : {QStringLiteral("nowhere"), QStringLiteral("lab")}) {
            const FleetOverrides::Reading reading =
                overrides.read(device(relay, QStringLiteral("kitchen"), 4650), {},
                               QLatin1String(OverrideProtocol::kDefaultFifo), CancelToken());
            QVERIFY(reading.unreachable);
            QVERIFY(!reading.inSync());
            QVERIFY2(reading.unreachable->message.contains(relay),
                     qPrintable(reading.unreachable->message));
            QCOMPARE(reading.target.deviceId, QStringLiteral("kitchen"));
        }
        // A FIFO path the device's shell could misread is refused before anything is sent.
        const FleetOverrides::Reading refused =
            overrides.read(device(QStringLiteral("lab"), QStringLiteral("kitchen"), 4650), {},
                           QStringLiteral("/tmp/x;reboot"), CancelToken());
        QVERIFY(refused.unreachable);
    }

    void reappliesOnlyWhereValuesAreWanted()
    {
        QTemporaryDir home;
        QVERIFY(DesiredOverrides(home.path()).setForLabel(QStringLiteral("plant"), values()));
        const FleetOverrides overrides(accessTo(home.path()), home.path());
        const QList<DeviceTarget> devices{
            device(QStringLiteral("nowhere"), QStringLiteral("kitchen"), 4650),
            device(QStringLiteral("nowhere"), QStringLiteral("garage"), 4651)};
        QList<Error> notInHistory;
        const auto reapplied = overrides.reapply(devices, {{QStringLiteral("plant")}, {}},
                                                 QLatin1String(OverrideProtocol::kDefaultFifo),
                                                 CancelToken(), &notInHistory);
        // Only the kitchen carries the label; its relay is unknown, so nothing was pushed.
        QCOMPARE(reapplied.size(), 1);
        QCOMPARE(reapplied.first().result.device(), QStringLiteral("kitchen"));
        QVERIFY(!reapplied.first().result.applied);
        QCOMPARE(reapplied.first().pushed, 0);
        QVERIFY2(reapplied.first().result.error.contains(QStringLiteral("nowhere")),
                 qPrintable(reapplied.first().result.error));
        QVERIFY(notInHistory.isEmpty());
    }
};

QTEST_GUILESS_MAIN(FleetOverridesTest)
#include "FleetOverridesTest.moc"
