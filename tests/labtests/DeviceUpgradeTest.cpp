// Upgrading an enrolled device's own files through the relay: an older runner is brought up to
// this build's, and a new runner that cannot bring the tunnel up is rolled back by the device
// itself, which is reachable again afterwards.
#include "CliRunner.h"
#include "LabCli.h"
#include "LabFixture.h"
#include "NatLab.h"
#include "registry/DeviceFileVersions.h"
#include "registry/DeviceFiles.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using relayfleet::DeviceFiles;
using relayfleet::lab::CliRunner;
using relayfleet::lab::NatLab;

class DeviceUpgradeTest : public QObject
{
    Q_OBJECT

private:
    QString relayfleetDir() const
    {
        return (m_lab->isolated() ? QStringLiteral("/root") : m_lab->deviceHome(0)) +
               QStringLiteral("/.relayfleet");
    }

    // The runner version the device itself has (0: none declared), read through the relay.
    int deviceRunnerVersion()
    {
        const auto read =
            m_cli->run({QStringLiteral("exec"), QStringLiteral("alpha"), QStringLiteral("--user"),
                        m_lab->deviceUser(), QStringLiteral("--"),
                        QStringLiteral("sed -n 's/^# relayfleet-version: \\([0-9]*\\).*/\\1/p' "
                                       "\"$HOME\"/.relayfleet/tunnel")});
        return read.exitCode == 0 ? read.out.trimmed().toInt() : -1;
    }

    QJsonObject deviceEntry()
    {
        return relayfleet::testing::deviceById(relayfleet::testing::listDevices(*m_cli),
                                               QStringLiteral("alpha"));
    }

    QJsonObject upgrade(const QStringList &extra)
    {
        const auto ran = m_cli->run(QStringList{QStringLiteral("upgrade"), QStringLiteral("alpha"),
                                                QStringLiteral("--user"), m_lab->deviceUser(),
                                                QStringLiteral("--json")} +
                                        extra,
                                    {}, 300000);
        const QJsonArray results = QJsonDocument::fromJson(ran.out).array();
        if (results.size() != 1) {
            qWarning("upgrade printed %s / %s", ran.out.constData(), ran.err.constData());
            return {};
        }
        return results.first().toObject();
    }

    std::unique_ptr<NatLab> m_lab;
    QTemporaryDir m_homes;
    std::unique_ptr<CliRunner> m_cli;

private Q_SLOTS:
    void initTestCase()
    {
        auto fixture = relayfleet::testing::LabFixture::start({.devices = 1});
        QVERIFY2(fixture, relayfleet::testing::failureOf(fixture).constData());
        m_lab = std::move(fixture->lab);
        m_cli = std::make_unique<CliRunner>(m_homes.filePath(QStringLiteral("mac")));
        QCOMPARE(relayfleet::lab::addLabRelay(*m_cli, *m_lab, true), 0);
        const auto enrolled = m_cli->run(
            relayfleet::testing::lanEnrolArguments(*m_lab, 0, QStringLiteral("alpha")), {}, 120000);
        QVERIFY2(enrolled.exitCode == 0, enrolled.err.constData());
    }

    void cleanupTestCase() { m_lab.reset(); }

    void anOlderDeviceIsBroughtUpToThisVersion()
    {
        const int current = DeviceFiles::versionOf(DeviceFiles::builtIn(QStringLiteral("tunnel")));
        QVERIFY(current >= 2);
        QCOMPARE(deviceRunnerVersion(), current);
        QCOMPARE(upgrade({}).value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("current"));
        // As a device enrolled before files had versions: the line gone (a new file, renamed
        // over the old one, so the running runner is not disturbed).
        const QString runner = relayfleetDir() + QStringLiteral("/tunnel");
        QVERIFY(m_lab->runOnDevice(0, {QStringLiteral("sed"), QStringLiteral("-i"),
                                       QStringLiteral("/^# relayfleet-version/d"), runner}));
        QCOMPARE(deviceRunnerVersion(), 0);
        // ... and its registry record from before versions.
        auto edited = m_lab->runOnRelay(
            QStringLiteral("sed -i '/^device_files=/d' \"$HOME\"/.relayfleet/devices/alpha.conf"));
        QVERIFY(edited && edited->exitCode == 0);
        QJsonObject listed = deviceEntry();
        QVERIFY2(listed.value(QStringLiteral("device_files_outdated")).toBool(),
                 QJsonDocument(listed).toJson().constData());
        QCOMPARE(listed.value(QStringLiteral("device_files")).toInt(), 0);
        QElapsedTimer timer;
        timer.start();
        const QJsonObject result = upgrade({});
        qInfo("upgraded in %lld ms: %s", timer.elapsed(),
              qPrintable(result.value(QStringLiteral("detail")).toString()));
        QCOMPARE(result.value(QStringLiteral("outcome")).toString(), QStringLiteral("upgraded"));
        QCOMPARE(result.value(QStringLiteral("from_version")).toInt(), 0);
        QCOMPARE(result.value(QStringLiteral("to_version")).toInt(), current);
        QCOMPARE(deviceRunnerVersion(), current);
        listed = deviceEntry(); // the registry names the new version
        QCOMPARE(listed.value(QStringLiteral("device_files")).toInt(), current);
        const QJsonObject versions =
            listed.value(QStringLiteral("device_file_versions")).toObject();
        QCOMPARE(versions.value(QStringLiteral("runner")).toInt(), current);
        QCOMPARE(versions.value(QStringLiteral("key_helper")).toInt(),
                 relayfleet::DeviceFileVersions::current().keyHelper);
        QVERIFY(versions.value(QStringLiteral("overrides_module")).isNull()); // never installed
        QVERIFY(!listed.value(QStringLiteral("device_files_outdated")).toBool());
        // The new runner holds the tunnel: one runner, and it answers through the relay.
        const auto status =
            m_lab->runOnDevice(0, {QStringLiteral("sh"), runner, QStringLiteral("status")}, 10000);
        QVERIFY(status && status->exitCode == 0);
    }

    // A runner that cannot reach the relay, as a file for --runner.
    QString writeBrokenRunner()
    {
        return relayfleet::testing::writeBrokenRunner(
            m_homes.filePath(QStringLiteral("broken-runner")));
    }

    // The overrides module is replaced in place while a program runs on it: the program keeps
    // the module it loaded (its state file says which) and takes the new one at its next start.
    void theOverridesModuleIsUpgradedWithoutStoppingTheProgram()
    {
        const auto installed =
            m_cli->run({QStringLiteral("overrides"), QStringLiteral("install-module"),
                        QStringLiteral("alpha"), QStringLiteral("--user"), m_lab->deviceUser()});
        QVERIFY2(installed.exitCode == 0, installed.err.constData());
        auto moduleListed = [this] {
            return deviceEntry()
                .value(QStringLiteral("device_file_versions"))
                .toObject()
                .value(QStringLiteral("overrides_module"))
                .toInt();
        };
        QCOMPARE(moduleListed(), relayfleet::DeviceFileVersions::current().overridesModule);
        // As an earlier version of Relay Fleet installed it.
        const QString module = relayfleetDir() + QStringLiteral("/python/relayfleet_overrides.py");
        QVERIFY(m_lab->runOnDevice(
            0, {QStringLiteral("sed"), QStringLiteral("-i"),
                QStringLiteral("s/^# relayfleet-version: [0-9]*/# relayfleet-version: 1/; "
                               "s/^MODULE_VERSION = .*/MODULE_VERSION = 1/"),
                module}));
        QVERIFY(relayfleet::testing::startProgramA(*m_lab, 0));
        auto state = [this] {
            return QJsonDocument::fromJson(relayfleet::testing::readFile(
                                               relayfleet::testing::overridesStateFile(*m_lab, 0)))
                .object();
        };
        QCOMPARE(state().value(QStringLiteral("module_version")).toInt(), 1);
        const qint64 pid = state().value(QStringLiteral("pid")).toInteger();
        const QJsonObject result = upgrade({});
        QCOMPARE(result.value(QStringLiteral("outcome")).toString(), QStringLiteral("upgraded"));
        QCOMPARE(result.value(QStringLiteral("module_from_version")).toInt(), 1);
        const int current = DeviceFiles::versionOf(DeviceFiles::builtInModule());
        QVERIFY(current >= 2);
        QCOMPARE(result.value(QStringLiteral("module_to_version")).toInt(), current);
        QCOMPARE(moduleListed(), current);
        QVERIFY2(result.value(QStringLiteral("detail"))
                     .toString()
                     .contains(QStringLiteral("next start")),
                 qPrintable(result.value(QStringLiteral("detail")).toString()));
        const QString onHost =
            m_lab->deviceHome(0) + QStringLiteral("/.relayfleet/python/relayfleet_overrides.py");
        QCOMPARE(DeviceFiles::versionOf(relayfleet::testing::readFile(onHost)), current);
        // The program was not stopped: the same process, on the module it loaded.
        QCOMPARE(::kill(static_cast<pid_t>(pid), 0), 0);
        QCOMPARE(state().value(QStringLiteral("pid")).toInteger(), pid);
        QCOMPARE(state().value(QStringLiteral("module_version")).toInt(), 1);
        // Its next start loads the new one.
        QVERIFY(relayfleet::testing::startProgramA(*m_lab, 0));
        QCOMPARE(state().value(QStringLiteral("module_version")).toInt(), current);
        m_lab->stopProgram(0, QStringLiteral("program-a"));
        // Now nothing is older than this build's.
        QCOMPARE(upgrade({}).value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("current"));
    }

    void aBrokenRunnerIsRolledBackByTheDevice()
    {
        // The device must go back to the previous runner by itself and come back through the
        // relay.
        const QString path = writeBrokenRunner();
        QVERIFY(!path.isEmpty());
        const int before = deviceRunnerVersion();
        QElapsedTimer timer;
        timer.start();
        const QJsonObject result = upgrade(
            {QStringLiteral("--runner"), path, QStringLiteral("--watchdog"), QStringLiteral("20")});
        qInfo("verdict after %lld ms: %s", timer.elapsed(),
              qPrintable(result.value(QStringLiteral("detail")).toString()));
        QCOMPARE(result.value(QStringLiteral("outcome")).toString(), QStringLiteral("rolled-back"));
        QVERIFY2(result.value(QStringLiteral("detail"))
                     .toString()
                     .contains(QStringLiteral("relay refused the connection on port 1")),
                 qPrintable(result.value(QStringLiteral("detail")).toString()));
        QCOMPARE(deviceRunnerVersion(), before); // reachable, on the old runner
        const auto exec =
            m_cli->run({QStringLiteral("exec"), QStringLiteral("alpha"), QStringLiteral("--user"),
                        m_lab->deviceUser(), QStringLiteral("--"), QStringLiteral("true")});
        QVERIFY2(exec.exitCode == 0, exec.err.constData());
    }

    // Power lost while the device tries a new runner (a broken one here): it boots into the
    // runner that worked, since the new one was never switched in.
    void aPowerLossDuringTheTrialBootsIntoTheOldRunner()
    {
        const QString path = writeBrokenRunner();
        QVERIFY(!path.isEmpty());
        const int before = deviceRunnerVersion();
        const QString dir = m_lab->deviceHome(0) + QStringLiteral("/.relayfleet");
        CliRunner::Fault fault;
        fault.when = [&](const QByteArray &, const QByteArray &, qint64 elapsedMs) {
            return elapsedMs > 3000 && relayfleet::testing::upgradeTrialPending(dir);
        };
        fault.inject = [&] {
            QVERIFY(m_lab->powerLoss(0));
            QVERIFY(m_lab->boot(0)); // starts ~/.relayfleet/tunnel as its boot would
        };
        const auto ran = m_cli->runWithFault(
            {QStringLiteral("upgrade"), QStringLiteral("alpha"), QStringLiteral("--user"),
             m_lab->deviceUser(), QStringLiteral("--runner"), path, QStringLiteral("--watchdog"),
             QStringLiteral("60"), QStringLiteral("--json")},
            fault, 25000);
        QVERIFY2(ran.faultAtMs >= 0, ran.err.constData());
        // Reachable through the relay, on the runner it had, with the new one still beside it.
        QElapsedTimer timer;
        timer.start();
        int version = -1;
        while (timer.elapsed() < 40000 && version != before) {
            version = deviceRunnerVersion();
        }
        QCOMPARE(version, before);
        QVERIFY(QFile::exists(dir + QStringLiteral("/tunnel.new")));
        // Asked again, the upgrade (to this build's runner) goes through.
        const QJsonObject again = upgrade({QStringLiteral("--force")});
        QCOMPARE(again.value(QStringLiteral("outcome")).toString(), QStringLiteral("upgraded"));
    }

    // A device that is off when the upgrade runs is reported as not reached, stays listed as
    // outdated, and is upgraded when asked again once it is back.
    void anOfflineDeviceIsUpgradedWhenAskedAgain()
    {
        const QString runner = relayfleetDir() + QStringLiteral("/tunnel");
        QVERIFY(m_lab->runOnDevice(
            0, {QStringLiteral("sed"), QStringLiteral("-i"),
                QStringLiteral("s/^# relayfleet-version: .*/# relayfleet-version: 1/"), runner}));
        auto edited =
            m_lab->runOnRelay(QStringLiteral("sed -i 's/^device_files=.*/device_files=1/' "
                                             "\"$HOME\"/.relayfleet/devices/alpha.conf"));
        QVERIFY(edited && edited->exitCode == 0);
        QVERIFY(deviceEntry().value(QStringLiteral("device_files_outdated")).toBool());
        QVERIFY(m_lab->powerLoss(0));
        QElapsedTimer timer;
        timer.start();
        const QJsonObject offline = upgrade({});
        qInfo("verdict for the device that was off, after %lld ms: %s", timer.elapsed(),
              qPrintable(offline.value(QStringLiteral("detail")).toString()));
        // Not reached, so nothing changed on it ("unreachable" is for a device lost after the
        // switch); the detail says why.
        QCOMPARE(offline.value(QStringLiteral("outcome")).toString(), QStringLiteral("failed"));
        QVERIFY2(offline.value(QStringLiteral("detail"))
                     .toString()
                     .contains(QStringLiteral("did not answer")),
                 qPrintable(offline.value(QStringLiteral("detail")).toString()));
        QVERIFY(deviceEntry().value(QStringLiteral("device_files_outdated")).toBool());
        QVERIFY(m_lab->boot(0));
        QElapsedTimer back;
        back.start();
        QJsonObject again;
        while (back.elapsed() < 60000 &&
               again.value(QStringLiteral("outcome")).toString() != QLatin1String("upgraded")) {
            again = upgrade({});
        }
        QCOMPARE(again.value(QStringLiteral("outcome")).toString(), QStringLiteral("upgraded"));
        QCOMPARE(again.value(QStringLiteral("from_version")).toInt(), 1);
        QVERIFY(!deviceEntry().value(QStringLiteral("device_files_outdated")).toBool());
    }

    void badOptionsChangeNothing()
    {
        const auto tooShort = m_cli->run({QStringLiteral("upgrade"), QStringLiteral("alpha"),
                                          QStringLiteral("--watchdog"), QStringLiteral("5")});
        QCOMPARE(tooShort.exitCode, 2);
        const auto noTarget = m_cli->run({QStringLiteral("upgrade")});
        QCOMPARE(noTarget.exitCode, 2);
        const auto missing =
            m_cli->run({QStringLiteral("upgrade"), QStringLiteral("alpha"),
                        QStringLiteral("--runner"), m_homes.filePath(QStringLiteral("none"))});
        QCOMPARE(missing.exitCode, 2);
        const auto nobody = m_cli->run({QStringLiteral("upgrade"), QStringLiteral("nosuch")});
        QCOMPARE(nobody.exitCode, 1);
        QVERIFY2(nobody.err.contains("No device matches"), nobody.err.constData());
    }
};

QTEST_GUILESS_MAIN(DeviceUpgradeTest)
#include "DeviceUpgradeTest.moc"
