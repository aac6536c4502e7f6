// rfbench-data: what a device's SIM is billed for, counted on the device's only link in the
// NAT lab (every frame both ways, from the counters of its eth0), billed as a carrier bills:
// IP bytes plus 54 B of the carrier's own per packet (SORACOM publishes 50-54 B), i.e. the
// link's bytes - 14 B of Ethernet header + 54 B, per packet.
//
// Side by side in one run: a device enrolled by Relay Fleet (its runner keeps the tunnel) and
// the hand-made tunnel it replaces (ssh -R with ServerAliveInterval 60, adopted). Figures: idle
// (scaled to 30 days), one status refresh of the fleet (what each device pays for it), one
// exec, and a month of one device (30 days idle, the window open 8 h on 22 working days with
// its refresh every 30 s, 20 execs). Needs the namespace lab (root); --smoke: a 20 s idle.
#include "BenchSupport.h"
#include "LabCli.h"
#include "NatLab.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThread>

using namespace relayfleet;
using namespace relayfleet::bench;

namespace {

constexpr double kEthernetHeader = 14;
constexpr double kCarrierOverhead = 54;
constexpr double kMonthSeconds = 30.0 * 24 * 3600;
// The window refreshes every 30 s; open 8 h on 22 working days.
constexpr double kRefreshesAMonth = 22.0 * 8 * 3600 / 30;
constexpr double kExecsAMonth = 20;

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
        const int idleSeconds = m_options.smoke ? 20 : 300;
        QList<lab::NatLab::LinkCounters> before;
        if (QString failed = read(before); !failed.isEmpty()) {
            return failed;
        }
        QThread::sleep(static_cast<unsigned long>(idleSeconds));
        QList<lab::NatLab::LinkCounters> after;
        if (QString failed = read(after); !failed.isEmpty()) {
            return failed;
        }
        for (int device = 0; device < 2; ++device) {
            m_idlePerSecond[device] =
                between(before[device], after[device]).scaled(1.0 / idleSeconds);
        }
        QList<Traffic> refresh[2];
        QList<Traffic> exec[2];
        for (int run = 0; run < m_options.runs; ++run) {
            if (QString failed =
                    measure({QStringLiteral("devices"), QStringLiteral("--json")}, refresh);
                !failed.isEmpty()) {
                return failed;
            }
            for (int device = 0; device < 2; ++device) {
                if (QString failed = measureOne(device, exec[device]); !failed.isEmpty()) {
                    return failed;
                }
            }
        }
        print(idleSeconds, refresh, exec);
        return {};
    }

private:
    QString setUp()
    {
        auto started = lab::NatLab::start({.devices = 2});
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
        if (auto rc = m_lab->startSeedTunnel(1, port); !rc) {
            return rc.error().message;
        }
        const auto adopted =
            m_cli->run({QStringLiteral("adopt"), QStringLiteral("lab:%1").arg(port),
                        QStringLiteral("--id"), m_ids[1], QStringLiteral("--user"),
                        m_lab->deviceUser(), QStringLiteral("--accept-new-host-key")});
        if (adopted.exitCode != 0) {
            return QStringLiteral("adopting the hand-made tunnel failed: ") +
                   QString::fromUtf8(adopted.err);
        }
        // The relay gives the enrolled device a port of its own, not the hand-made one's.
        const auto enrolled =
            m_cli->run(testing::lanEnrolArguments(*m_lab, 0, m_ids[0]), {}, 120000);
        if (enrolled.exitCode != 0) {
            return QStringLiteral("enrolling a device failed: ") + QString::fromUtf8(enrolled.err);
        }
        // Enrolment's and adoption's own traffic, and the runner's first minute, are over.
        QThread::sleep(m_options.smoke ? 2 : 20);
        return {};
    }

    QString read(QList<lab::NatLab::LinkCounters> &counters) const
    {
        counters.clear();
        for (int device = 0; device < 2; ++device) {
            auto read = m_lab->deviceLinkCounters(device);
            if (!read) {
                return read.error().message;
            }
            counters << read.value();
        }
        return {};
    }

    // What one CLI run cost each device's link, less what the device spends idle meanwhile.
    QString measure(const QStringList &arguments, QList<Traffic> (&costs)[2])
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
        for (int device = 0; device < 2; ++device) {
            costs[device] << between(before[device], after[device])
                                 .minus(m_idlePerSecond[device].scaled(seconds));
        }
        return {};
    }

    QString measureOne(int device, QList<Traffic> &costs)
    {
        QList<Traffic> both[2];
        if (QString failed =
                measure({QStringLiteral("exec"), m_ids[device], QStringLiteral("--user"),
                         m_lab->deviceUser(), QStringLiteral("--"), QStringLiteral("true")},
                        both);
            !failed.isEmpty()) {
            return failed;
        }
        costs << both[device].first();
        return {};
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

    void print(int idleSeconds, const QList<Traffic> (&refresh)[2],
               const QList<Traffic> (&exec)[2]) const
    {
        Traffic idleMonth[2];
        Traffic refreshOnce[2];
        Traffic execOnce[2];
        double month[2];
        for (int device = 0; device < 2; ++device) {
            idleMonth[device] = m_idlePerSecond[device].scaled(kMonthSeconds);
            refreshOnce[device] = medianOf(refresh[device]);
            execOnce[device] = medianOf(exec[device]);
            month[device] = idleMonth[device].billed() +
                            kRefreshesAMonth * refreshOnce[device].billed() +
                            kExecsAMonth * execOnce[device].billed();
        }
        const auto row = [](const QString &what, const Traffic &enrolled, const Traffic &seed,
                            const QString &goal) {
            out() << "| " << what << " | " << size(enrolled.billed()) << " ("
                  << count(enrolled.packets) << " packets) | " << size(seed.billed()) << " ("
                  << count(seed.packets) << " packets) | " << goal << " |" << Qt::endl;
        };
        out() << "## A device's SIM data, billed (IP bytes + 54 B a packet)"
              << (m_options.smoke ? " (smoke pass: figures not meaningful)" : "") << Qt::endl
              << Qt::endl
              << "Idle measured over " << idleSeconds << " s; refresh and exec: medians of "
              << m_options.runs << ", each less the device's idle traffic meanwhile." << Qt::endl
              << Qt::endl
              << "| figure | enrolled (Relay Fleet's runner) | hand-made tunnel "
                 "(ServerAliveInterval 60) | goal (issue 28) |"
              << Qt::endl
              << "|---|---|---|---|" << Qt::endl;
        row(QStringLiteral("idle, 30 days"), idleMonth[0], idleMonth[1], QStringLiteral("≤ 1 MB"));
        row(QStringLiteral("one status refresh of the fleet"), refreshOnce[0], refreshOnce[1],
            QStringLiteral("0, or ≤ 600 B"));
        row(QStringLiteral("one exec (`true`)"), execOnce[0], execOnce[1], QStringLiteral("—"));
        out() << "| a month: idle + the window open 8 h × 22 days (refresh every 30 s) + 20 "
                 "execs | "
              << size(month[0]) << " | " << size(month[1]) << " | ≤ 3 MB (pushes not counted "
              << "yet) |" << Qt::endl;
    }

    const Options m_options;
    std::unique_ptr<lab::NatLab> m_lab;
    QTemporaryDir m_dir;
    std::unique_ptr<lab::CliRunner> m_cli;
    const QStringList m_ids{QStringLiteral("enrolled"), QStringLiteral("handmade")};
    Traffic m_idlePerSecond[2];
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
