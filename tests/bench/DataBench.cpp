// rfbench-data: what a device's SIM is billed for, counted on the device's only link in the
// NAT lab (every frame both ways, from the counters of its eth0), billed as a carrier bills:
// IP bytes plus 54 B of the carrier's own per packet (SORACOM publishes 50-54 B), i.e. the
// link's bytes - 14 B of Ethernet header + 54 B, per packet.
//
// Side by side in one run: a device enrolled in the cellular profile (the lean runner), one in
// the lan profile (a heartbeat every 5 s, ssh's keepalive every 10 s), and the hand-made tunnel
// they replace (ssh -R with ServerAliveInterval 60, adopted). Figures: idle (scaled to 30
// days), one refresh of the window (the relays' view) and one check of every device (a probe
// each), one exec, one push of a variable to a running program, a terminal open and idle for
// a minute, and a month of one device (30 days idle, the window open 8 h on 22 working days
// with its refresh every 30 s, 20 execs, 5 pushes). Needs the namespace lab (root); --smoke: a
// 20 s idle and a 10 s terminal.
//
// The cellular runner's idle month is its heartbeat's cost times the heartbeats of a month at
// the interval it learns: measured over the idle window with the interval fixed short
// (KEEPALIVE= a tenth of the window), then counted at 28 min (a carrier whose NAT keeps an idle
// connection for 30 min or more: the runner's ceiling) and at 108 s (a NAT that forgets after
// 2 min: where the learner settles, within 10% below it).
#include "BenchSupport.h"
#include "LabCli.h"
#include "LabFixture.h"
#include "NatLab.h"
#include "exec/TerminalSession.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <algorithm>

using namespace relayfleet;
using namespace relayfleet::bench;

namespace {

constexpr double kEthernetHeader = 14;
constexpr double kCarrierOverhead = 54;
constexpr double kMonthSeconds = 30.0 * 24 * 3600;
// The window refreshes every 30 s; open 8 h on 22 working days.
constexpr double kRefreshesAMonth = 22.0 * 8 * 3600 / 30;
constexpr double kExecsAMonth = 20;
constexpr double kPushesAMonth = 5;
constexpr double kReportsAMonth = 30.0 * 24; // the runner's data and health report, hourly
constexpr int kDevices = 3;                  // cellular, lan, hand-made
constexpr int kCellular = 0;
// Where the cellular runner's learned interval settles: at its ceiling, and behind a NAT that
// forgets after 120 s (the learner stops within 10% below the loss).
constexpr double kCeilingInterval = 1680;
constexpr double kShortNatInterval = 108;

// Bytes and packets on one link between two readings.
struct Traffic
{
    double bytes = 0;
    double packets = 0;

    double billed() const { return bytes + packets * (kCarrierOverhead - kEthernetHeader); }
    Traffic minus(const Traffic &other) const
    {
        return {bytes - other.bytes, packets - other.packets};
    }
    Traffic scaled(double factor) const { return {bytes * factor, packets * factor}; }
};

Traffic between(const lab::NatLab::LinkCounters &before, const lab::NatLab::LinkCounters &after)
{
    return {static_cast<double>(after.rxBytes - before.rxBytes + after.txBytes - before.txBytes),
            static_cast<double>(after.rxPackets - before.rxPackets + after.txPackets -
                                before.txPackets)};
}

QString count(double packets)
{
    return QString::number(packets, 'f', packets >= 100 ? 0 : 1);
}

QString size(double bytes)
{
    if (bytes >= 1e6) {
        return QString::number(bytes / 1e6, 'f', 1) + QStringLiteral(" MB");
    }
    if (bytes >= 1e3) {
        return QString::number(bytes / 1e3, 'f', 1) + QStringLiteral(" KB");
    }
    return QString::number(bytes, 'f', 0) + QStringLiteral(" B");
}

class DataBench
{
public:
    explicit DataBench(const Options &options)
        : m_options(options)
    {
    }

    // Empty on success, else what went wrong.
    QString run()
    {
        if (QString failed = setUp(); !failed.isEmpty()) {
            return failed;
        }
        const int idleSeconds = idleWindow();
        QList<Traffic> idle;
        if (QString failed = idleTraffic(idleSeconds, idle); !failed.isEmpty()) {
            return failed;
        }
        for (int device = 0; device < kDevices; ++device) {
            m_idlePerSecond[device] = idle[device].scaled(1.0 / idleSeconds);
        }
        Figures figures;
        for (int run = 0; run < m_options.runs; ++run) {
            if (QString failed =
                    measure({QStringLiteral("devices"), QStringLiteral("--json")}, figures.refresh);
                !failed.isEmpty()) {
                return failed;
            }
            if (QString failed = measure({QStringLiteral("devices"), QStringLiteral("--json"),
                                          QStringLiteral("--probe")},
                                         figures.check);
                !failed.isEmpty()) {
                return failed;
            }
            for (int device = 0; device < kDevices; ++device) {
                const QStringList exec{QStringLiteral("exec"),   m_ids[device],
                                       QStringLiteral("--user"), m_lab->deviceUser(),
                                       QStringLiteral("--"),     QStringLiteral("true")};
                const QStringList push{QStringLiteral("push"), m_ids[device],
                                       QStringLiteral("SPEED=%1").arg(run + 2),
                                       QStringLiteral("--user"), m_lab->deviceUser()};
                if (QString failed = measureOne(device, exec, figures.exec[device]);
                    !failed.isEmpty()) {
                    return failed;
                }
                if (QString failed = measureOne(device, push, figures.push[device]);
                    !failed.isEmpty()) {
                    return failed;
                }
            }
        }
        const int terminalSeconds = m_options.smoke ? 10 : 60;
        for (int device = 0; device < kDevices; ++device) {
            if (QString failed = idleTerminal(device, terminalSeconds, figures.terminal[device]);
                !failed.isEmpty()) {
                return failed;
            }
        }
        if (QString failed = measureReports(figures.report, figures.reportPayload);
            !failed.isEmpty()) {
            return failed;
        }
        print(idleSeconds, terminalSeconds, figures);
        return {};
    }

private:
    // The cellular runner's hourly report (its data and its health, in the heartbeat's write),
    // two ways: its payload (the two lines as the relay kept the last of them), and the idle
    // window again with a report on every heartbeat, less the window without, per report the
    // relay received. The second is within a heartbeat's own variance (an ACK more or less).
    QString measureReports(Traffic &perReport, double &payload)
    {
        if (QString failed = restartCellular(QByteArrayLiteral("USAGE_EVERY=") +
                                             QByteArray::number(heartbeatEvery()) + '\n');
            !failed.isEmpty()) {
            return failed;
        }
        QThread::sleep(m_options.smoke ? 2 : 20);
        const QString id = m_ids[kCellular];
        const auto reportsKept = [this, &id]() -> qint64 {
            auto lines = m_lab->runOnRelay(
                QStringLiteral("wc -l < \"$HOME/.relayfleet/health/%1\"").arg(id));
            return lines && lines->exitCode == 0 ? lines->out.trimmed().toLongLong() : -1;
        };
        const qint64 reportsBefore = reportsKept();
        const int idleSeconds = idleWindow();
        QList<Traffic> idle;
        if (QString failed = idleTraffic(idleSeconds, idle); !failed.isEmpty()) {
            return failed;
        }
        const qint64 reports = reportsKept() - reportsBefore;
        if (reportsBefore < 0 || reports <= 0) {
            return QStringLiteral("the relay kept no health report of %1 in the window").arg(id);
        }
        const Traffic without = m_idlePerSecond[kCellular].scaled(idleSeconds);
        perReport = {std::max(0.0, (idle[kCellular].bytes - without.bytes) / reports),
                     std::max(0.0, (idle[kCellular].packets - without.packets) / reports)};
        // "EPOCH ..." as kept; sent as "usage ..." and "health ...", each with its newline.
        auto kept = m_lab->runOnRelay(
            QStringLiteral("cd \"$HOME/.relayfleet\" && tail -n 1 health/%1 && head -n 1 usage/%1")
                .arg(id));
        if (!kept || kept->exitCode != 0) {
            return QStringLiteral("cannot read the relay's copy of %1's report").arg(id);
        }
        payload = 0;
        for (const QByteArray &line : kept->out.trimmed().split('\n')) {
            const qsizetype epoch = line.indexOf(' ');
            payload += double(line.size() - epoch) + 6 + 1; // "health"/"usage " and '\n'
        }
        return {};
    }

    // Every device's traffic over `seconds` with nothing asked of it.
    QString idleTraffic(int seconds, QList<Traffic> &perDevice) const
    {
        QList<lab::NatLab::LinkCounters> before;
        if (QString failed = read(before); !failed.isEmpty()) {
            return failed;
        }
        QThread::sleep(static_cast<unsigned long>(seconds));
        QList<lab::NatLab::LinkCounters> after;
        if (QString failed = read(after); !failed.isEmpty()) {
            return failed;
        }
        perDevice.clear();
        for (int device = 0; device < kDevices; ++device) {
            perDevice << between(before[device], after[device]);
        }
        return {};
    }

    // Appends `extra` to the cellular runner's settings and restarts it; back once its
    // heartbeat is at the measuring interval again (bounded: a minute).
    QString restartCellular(const QByteArray &extra)
    {
        const QString conf =
            m_lab->deviceHome(kCellular) + QStringLiteral("/.relayfleet/tunnel.conf");
        QFile file(conf);
        if (!file.open(QIODevice::Append) || file.write(extra) < 0) {
            return QStringLiteral("cannot change the cellular runner's settings in ") + conf;
        }
        file.close();
        const auto restarted =
            m_lab->runOnDevice(kCellular, {QStringLiteral("sh"),
                                           testing::homeOnDevice(*m_lab, kCellular) +
                                               QStringLiteral("/.relayfleet/tunnel"),
                                           QStringLiteral("install")});
        if (!restarted || restarted->exitCode != 0) {
            return QStringLiteral("cannot restart the cellular runner");
        }
        QDeadlineTimer back(60000);
        while (heartbeatOf(m_ids[kCellular]) != heartbeatEvery()) {
            if (back.hasExpired()) {
                return QStringLiteral("the cellular runner did not come back within a minute");
            }
            QThread::msleep(500);
        }
        return {};
    }

    int idleWindow() const { return m_options.smoke ? 20 : 300; }
    int heartbeatEvery() const { return std::max(5, idleWindow() / 10); }

    QString setUp()
    {
        auto started = lab::NatLab::start({.devices = kDevices});
        if (!started) {
            return started.error().message;
        }
        m_lab = std::move(started.value());
        if (!m_lab->isolated()) {
            return QStringLiteral("the data benchmark counts a device's own link: it needs the "
                                  "namespace lab (run it as root)");
        }
        m_cli = std::make_unique<lab::CliRunner>(m_dir.filePath(QStringLiteral("mac")));
        if (lab::addLabRelay(*m_cli, *m_lab, true) != 0) {
            return QStringLiteral("relay add/init failed");
        }
        const int port = m_lab->allocateRelayPort();
        if (auto rc = m_lab->startSeedTunnel(2, port); !rc) {
            return rc.error().message;
        }
        const auto adopted =
            m_cli->run({QStringLiteral("adopt"), QStringLiteral("lab:%1").arg(port),
                        QStringLiteral("--id"), m_ids[2], QStringLiteral("--user"),
                        m_lab->deviceUser(), QStringLiteral("--accept-new-host-key")});
        if (adopted.exitCode != 0) {
            return QStringLiteral("adopting the hand-made tunnel failed: ") +
                   QString::fromUtf8(adopted.err);
        }
        // The relay gives each enrolled device a port of its own, not the hand-made one's.
        for (int device = 0; device < 2; ++device) {
            const auto enrolled =
                m_cli->run(testing::lanEnrolArguments(*m_lab, device, m_ids[device], m_ids[device]),
                           {}, 120000);
            if (enrolled.exitCode != 0) {
                return QStringLiteral("enrolling a device failed: ") +
                       QString::fromUtf8(enrolled.err);
            }
        }
        // The cellular runner's heartbeat at a fixed, short interval: a tenth of the idle window,
        // so that the window holds ten of them (see the top of this file).
        if (QString failed = restartCellular(QByteArrayLiteral("KEEPALIVE=") +
                                             QByteArray::number(heartbeatEvery()) + '\n');
            !failed.isEmpty()) {
            return failed;
        }
        // The example program that takes overrides, on both (its installation not counted).
        for (int device = 0; device < kDevices; ++device) {
            const auto installed =
                m_cli->run({QStringLiteral("overrides"), QStringLiteral("install-module"),
                            m_ids[device], QStringLiteral("--user"), m_lab->deviceUser()});
            if (installed.exitCode != 0) {
                return QStringLiteral("installing the overrides module on %1 failed (exit %2): %3")
                    .arg(m_ids[device])
                    .arg(installed.exitCode)
                    .arg(QString::fromUtf8(installed.err + installed.out));
            }
            if (auto program = testing::startProgramA(*m_lab, device); !program) {
                return program.error().message;
            }
        }
        // Enrolment's and adoption's own traffic, and the runner's first minute, are over.
        QThread::sleep(m_options.smoke ? 2 : 20);
        return {};
    }

    QString read(QList<lab::NatLab::LinkCounters> &counters) const
    {
        counters.clear();
        for (int device = 0; device < kDevices; ++device) {
            auto read = m_lab->deviceLinkCounters(device);
            if (!read) {
                return read.error().message;
            }
            counters << read.value();
        }
        return {};
    }

    // What one CLI run cost each device's link, less what the device spends idle meanwhile.
    QString measure(const QStringList &arguments, QList<Traffic> (&costs)[kDevices])
    {
        QList<lab::NatLab::LinkCounters> before;
        if (QString failed = read(before); !failed.isEmpty()) {
            return failed;
        }
        const Timed ran =
            timeCommand(qEnvironmentVariable("RELAYFLEET_CLI"),
                        QStringList{QStringLiteral("--home"), m_cli->home()} + arguments);
        if (ran.exitCode != 0) {
            return arguments.join(QLatin1Char(' ')) + QStringLiteral(" failed: ") +
                   QString::fromUtf8(ran.err);
        }
        // The listing must have reached both devices for its cost to be theirs.
        if (arguments.first() == QLatin1String("devices")) {
            for (const QJsonValue &device : QJsonDocument::fromJson(ran.out).array()) {
                const QString status = device.toObject().value(QStringLiteral("status")).toString();
                if (status != QLatin1String("online")) {
                    return QStringLiteral("a device was %1 during the refresh: %2")
                        .arg(status, QString::fromUtf8(ran.out.left(400)));
                }
            }
        }
        QList<lab::NatLab::LinkCounters> after;
        if (QString failed = read(after); !failed.isEmpty()) {
            return failed;
        }
        const double seconds = ran.ms / 1000;
        for (int device = 0; device < kDevices; ++device) {
            // Less the idle traffic expected meanwhile; what nothing reached comes out as a few
            // bytes either side of 0 (a heartbeat falls in the window or not): counted as 0.
            const Traffic cost = between(before[device], after[device])
                                     .minus(m_idlePerSecond[device].scaled(seconds));
            costs[device] << (cost.packets < 1 ? Traffic{} : cost);
        }
        return {};
    }

    // What one CLI run aimed at one device cost that device's link.
    QString measureOne(int device, const QStringList &arguments, QList<Traffic> &costs)
    {
        QList<Traffic> both[kDevices];
        if (QString failed = measure(arguments, both); !failed.isEmpty()) {
            return failed;
        }
        costs << both[device].first();
        return {};
    }

    // A device's entry in the fleet's listing (the relays' view; empty: not listed).
    QJsonObject entryOf(const QString &id) const
    {
        const Timed listed = timeCommand(qEnvironmentVariable("RELAYFLEET_CLI"),
                                         {QStringLiteral("--home"), m_cli->home(),
                                          QStringLiteral("devices"), QStringLiteral("--json")});
        for (const QJsonValue &entry : QJsonDocument::fromJson(listed.out).array()) {
            if (entry.toObject().value(QStringLiteral("id")).toString() == id) {
                return entry.toObject();
            }
        }
        return {};
    }

    // The relay port a device's tunnel listens on, as the fleet lists it (0: not listed).
    int portOf(const QString &id) const
    {
        return entryOf(id).value(QStringLiteral("port")).toInt();
    }

    // The interval an online device's heartbeat comes at, as the relay lists it (0: none).
    int heartbeatOf(const QString &id) const
    {
        const QJsonObject entry = entryOf(id);
        return entry.value(QStringLiteral("status")).toString() == QLatin1String("online")
                   ? entry.value(QStringLiteral("heartbeat_every")).toInt()
                   : 0;
    }

    // A terminal (a PTY and a shell, as the window's tab opens) open and idle for `seconds`:
    // everything on the device's link meanwhile, per minute. Not less the idle traffic: a
    // keepalive every 60 s falls in a window of a minute or not, and the difference of two such
    // counts says nothing; beside the idle minute it shows what the terminal adds.
    QString idleTerminal(int device, int seconds, Traffic &perMinute)
    {
        DeviceTarget target;
        target.relay = m_lab->relayConfig().name;
        target.port = portOf(m_ids[device]);
        target.deviceId = m_ids[device];
        target.user = m_lab->deviceUser(device);
        if (target.port == 0) {
            return QStringLiteral("%1 was not listed with a port").arg(m_ids[device]);
        }
        FleetAccess access =
            testing::labAccess(*m_lab, m_dir.filePath(QStringLiteral("terminal_known_hosts")));
        TerminalSession session(access, target, QSize(80, 24));
        QString failure;
        QEventLoop opening;
        QObject::connect(&session, &TerminalSession::connected, &opening, &QEventLoop::quit);
        QObject::connect(&session, &TerminalSession::failed, &opening,
                         [&](Error::Code, const QString &message) {
                             failure = message;
                             opening.quit();
                         });
        QTimer::singleShot(30000, &opening, [&] {
            failure = QStringLiteral("it did not open within 30 s");
            opening.quit();
        });
        session.start();
        opening.exec();
        if (!failure.isEmpty()) {
            return QStringLiteral("a terminal on %1: %2").arg(m_ids[device], failure);
        }
        wait(2000); // the shell's prompt has arrived
        QList<lab::NatLab::LinkCounters> before;
        if (QString failed = read(before); !failed.isEmpty()) {
            return failed;
        }
        wait(seconds * 1000);
        QList<lab::NatLab::LinkCounters> after;
        if (QString failed = read(after); !failed.isEmpty()) {
            return failed;
        }
        session.close();
        perMinute = between(before[device], after[device]).scaled(60.0 / seconds);
        return {};
    }

    // Runs the event loop for `ms` (the terminal's signals are delivered meanwhile).
    static void wait(int ms)
    {
        QEventLoop loop;
        QTimer::singleShot(ms, &loop, &QEventLoop::quit);
        loop.exec();
    }

    static Traffic medianOf(const QList<Traffic> &traffic)
    {
        QList<double> bytes;
        QList<double> packets;
        for (const Traffic &one : traffic) {
            bytes << one.bytes;
            packets << one.packets;
        }
        return {median(bytes), median(packets)};
    }

    struct Figures
    {
        QList<Traffic> refresh[kDevices];
        QList<Traffic> check[kDevices];
        QList<Traffic> exec[kDevices];
        QList<Traffic> push[kDevices];
        Traffic terminal[kDevices];
        Traffic report;           // the cellular runner's hourly data and health report
        double reportPayload = 0; // its two lines' bytes
    };

    void print(int idleSeconds, int terminalSeconds, const Figures &figures) const
    {
        Traffic idleMonth[kDevices];
        Traffic refreshOnce[kDevices];
        Traffic checkOnce[kDevices];
        Traffic execOnce[kDevices];
        Traffic pushOnce[kDevices];
        for (int device = 0; device < kDevices; ++device) {
            idleMonth[device] = m_idlePerSecond[device].scaled(kMonthSeconds);
            refreshOnce[device] = medianOf(figures.refresh[device]);
            checkOnce[device] = medianOf(figures.check[device]);
            execOnce[device] = medianOf(figures.exec[device]);
            pushOnce[device] = medianOf(figures.push[device]);
        }
        // The cellular runner: one heartbeat's cost (its window held idle / interval of them),
        // counted at the intervals it settles at.
        const Traffic perHeartbeat =
            m_idlePerSecond[kCellular].scaled(static_cast<double>(heartbeatEvery()));
        // With its hourly report (data used and health), 720 a month: what it was measured to
        // add, or its payload where that is more (the measure is within a heartbeat's variance).
        const Traffic reports =
            Traffic{std::max(figures.report.bytes, figures.reportPayload), figures.report.packets}
                .scaled(kReportsAMonth);
        idleMonth[kCellular] = perHeartbeat.scaled(kMonthSeconds / kCeilingInterval);
        idleMonth[kCellular] = {idleMonth[kCellular].bytes + reports.bytes,
                                idleMonth[kCellular].packets + reports.packets};
        const Traffic shortNat = perHeartbeat.scaled(kMonthSeconds / kShortNatInterval);
        const Traffic idleShortNat = {shortNat.bytes + reports.bytes,
                                      shortNat.packets + reports.packets};
        const auto month = [&](int device, const Traffic &idle) {
            return idle.billed() + kRefreshesAMonth * refreshOnce[device].billed() +
                   kExecsAMonth * execOnce[device].billed() +
                   kPushesAMonth * pushOnce[device].billed();
        };
        const auto cell = [](const Traffic &traffic) -> QString {
            return size(traffic.billed()) + QStringLiteral(" (") + count(traffic.packets) +
                   QStringLiteral(" packets)");
        };
        const auto row = [&](const QString &what, const Traffic(&traffic)[kDevices],
                             const QString &goal) {
            out() << "| " << what << " | " << cell(traffic[0]) << " | " << cell(traffic[1]) << " | "
                  << cell(traffic[2]) << " | " << goal << " |" << Qt::endl;
        };
        out() << "## A device's SIM data, billed (IP bytes + 54 B a packet)"
              << (m_options.smoke ? " (smoke pass: figures not meaningful)" : "") << Qt::endl
              << Qt::endl
              << "Idle measured over " << idleSeconds << " s (the cellular runner's heartbeat "
              << "every " << heartbeatEvery() << " s meanwhile: " << cell(perHeartbeat)
              << " each, counted at its learned interval); refresh, check, exec and push: "
              << "medians of " << m_options.runs << ", each less the device's idle traffic "
              << "meanwhile; the terminal over " << terminalSeconds << " s." << Qt::endl
              << Qt::endl
              << "| figure | cellular profile (lean runner) | lan profile | hand-made tunnel "
                 "(ServerAliveInterval 60) | goal (issue 28) |"
              << Qt::endl
              << "|---|---|---|---|---|" << Qt::endl;
        row(QStringLiteral("idle, 30 days (cellular: a heartbeat every 28 min, the NAT keeping "
                           "idle connections ≥ 30 min, and the hourly report)"),
            idleMonth, QStringLiteral("≤ 1 MB"));
        out() << "| idle, 30 days, behind a NAT that forgets after 2 min (a heartbeat every "
              << kShortNatInterval << " s) | " << cell(idleShortNat) << " | — | — | — |"
              << Qt::endl;
        row(QStringLiteral("one refresh of the window (the relays' view)"), refreshOnce,
            QStringLiteral("0, or ≤ 600 B"));
        row(QStringLiteral("one check of every device (`devices --probe`)"), checkOnce,
            QStringLiteral("—"));
        row(QStringLiteral("one exec (`true`)"), execOnce, QStringLiteral("—"));
        row(QStringLiteral("one push (a variable to a running program)"), pushOnce,
            QStringLiteral("—"));
        out() << "| the hourly report (data used + health, in a heartbeat's write): its "
                 "payload; measured added to a heartbeat; 720 a month | "
              << size(figures.reportPayload) << "; " << cell(figures.report) << "; "
              << size(reports.billed()) << " a month | — | — | in the idle month's budget |"
              << Qt::endl;
        row(QStringLiteral("a minute with a terminal open and idle (the link's whole traffic)"),
            figures.terminal, QStringLiteral("—"));
        Traffic idleMinute[kDevices];
        for (int device = 0; device < kDevices; ++device) {
            idleMinute[device] = m_idlePerSecond[device].scaled(60);
        }
        row(QStringLiteral("a minute idle, for comparison (cellular: at the measuring interval)"),
            idleMinute, QStringLiteral("—"));
        out() << "| a month: idle + the window open 8 h × 22 days (refresh every 30 s) + 20 "
                 "execs + 5 pushes | "
              << size(month(0, idleMonth[0])) << " | " << size(month(1, idleMonth[1])) << " | "
              << size(month(2, idleMonth[2])) << " | ≤ 3 MB |" << Qt::endl;
    }

    const Options m_options;
    std::unique_ptr<lab::NatLab> m_lab;
    QTemporaryDir m_dir;
    std::unique_ptr<lab::CliRunner> m_cli;
    // The ids are the profiles' names too (the enrolled two are enrolled in them).
    const QStringList m_ids{QStringLiteral("cellular"), QStringLiteral("lan"),
                            QStringLiteral("handmade")};
    Traffic m_idlePerSecond[kDevices];
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const Options options = Options::parse(QCoreApplication::arguments(), 3, 2);
    DataBench bench(options);
    const QString failed = bench.run();
    if (!failed.isEmpty()) {
        out() << "rfbench-data: " << failed << Qt::endl;
        return 1;
    }
    return 0;
}
