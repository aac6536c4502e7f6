// rfbench-fleet: the whole fleet at once, under cellular latency (Mac <-> relay 50 ms, relay <->
// device 150 ms one way), with --devices N (default 100):
//   status refresh: `relayfleet-cli devices` (one relay login, every port probed in parallel
//   over it)  vs  a sequential `ssh -J relay ... true` loop over the devices (timed over the
//   first --loop K devices and scaled to N, since 100 sequential cold logins take minutes);
//   push: `relayfleet-cli push @all NAME=VALUE` with the applied confirmation of every device's
//   program; and the window's push (FleetOverrides over an already connected relay) to 10, 30
//   and every device, with the processors' load beside each.
// Medians over --runs N (default 3); --smoke for one quick pass with 4 devices.
#include "BenchLab.h"
#include "LabFixture.h"
#include "base/AppPaths.h"
#include "fleet/RelayScanner.h"
#include "overrides/FleetOverrides.h"
#include "overrides/OverrideProtocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace relayfleet;
using namespace relayfleet::bench;

namespace {

// The window's push: the relay connection is already up (RelayConnections, as after a
// refresh), so a push costs only the device sessions. To 10, 30 and every device, with the
// processors' load beside each, to tell round trips from the lab's two cores. Empty on success.
QString warmPushes(BenchLab &bench, const Options &options)
{
    const AppPaths paths(bench.cli->home());
    auto relays = std::make_shared<RelayConnections>();
    FleetAccess access = testing::labAccess(*bench.lab, paths.knownHostsFile());
    access.connections = relays;
    KnownHostsFile knownHosts(access.knownHostsPath);
    auto relay = relays->get(access.relays.first(), access.credentialsFor(access.relays.first()),
                             knownHosts, HostKeyPolicy{}, QDeadlineTimer(30000), CancelToken());
    if (!relay) {
        return relay.error().message;
    }
    auto scanned = RelayScanner::scan(*relay.value(), RelayScanner::Options{}, CancelToken());
    if (!scanned) {
        return scanned.error().message;
    }
    QList<DeviceTarget> targets;
    for (const DeviceStatus &status : scanned.value()) {
        if (!status.id.isEmpty()) {
            targets << status.target();
        }
    }
    if (targets.size() != options.devices) {
        return QStringLiteral("%1 of %2 devices registered")
            .arg(targets.size())
            .arg(options.devices);
    }
    // No wanted values kept (no scope): a push as the window sends it, recorded in the history.
    const FleetOverrides overrides(access, paths.home());
    QList<int> sizes;
    for (int size : {10, 30, options.devices}) {
        if (size <= options.devices && !sizes.contains(size)) {
            sizes << size;
        }
    }
    int sequence = 100;
    for (int size : std::as_const(sizes)) {
        QList<double> times;
        QList<double> loads;
        BenchLab::Flights flights;
        for (int run = 0; run < options.runs; ++run) {
            auto push = OverridePush::prepare(
                {OverrideAssignment::parse(QStringLiteral("SPEED=%1").arg(++sequence)).value()},
                QLatin1String(OverrideProtocol::kDefaultFifo), 5);
            if (!push) {
                return push.error().message;
            }
            QList<PushResult> answers;
            QElapsedTimer timer;
            const MachineLoad load;
            flights = bench.countFlights([&] {
                timer.start();
                auto pushed = overrides.push({}, targets.mid(0, size), push.value(), CancelToken());
                answers = pushed ? pushed->results : QList<PushResult>();
            });
            times << static_cast<double>(timer.elapsed());
            loads << load.busyFraction();
            int applied = 0;
            for (const PushResult &answer : std::as_const(answers)) {
                applied += answer.applied ? 1 : 0;
            }
            if (applied != size) {
                return QStringLiteral("applied on %1 of %2").arg(applied).arg(size);
            }
        }
        const bool whole = size == options.devices;
        printFigure(
            QStringLiteral("push to %1 devices, relay already connected (the window)").arg(size),
            ms(median(times)), QString(), QString(), whole ? QStringLiteral("≤ 3 s") : QString(),
            whole ? (median(times) <= 3000 ? QStringLiteral("yes") : QStringLiteral("no"))
                  : QString(),
            flights.text());
        printFigure(QStringLiteral("… the machine's processors busy during it"),
                    QStringLiteral("%1 %").arg(median(loads) * 100, 0, 'f', 0), QString(),
                    QString(), QString(), QString(), QString());
    }
    if (relays->loginCount() != 1) {
        return QStringLiteral("%1 relay logins, not one").arg(relays->loginCount());
    }
    return {};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    Options options = Options::parse(QCoreApplication::arguments(), 3, 100);
    if (options.smoke) {
        options.devices = 4;
    }
    int loop = std::min(options.devices, 10);
    const QStringList arguments = QCoreApplication::arguments();
    if (const qsizetype at = arguments.indexOf(QStringLiteral("--loop"));
        at > 0 && at + 1 < arguments.size()) {
        loop = std::clamp(arguments[at + 1].toInt(), 1, options.devices);
    }
    const int macDelay = options.macRelayDelayMs();
    const int deviceDelay = options.relayDeviceDelayMs();
    QElapsedTimer setup;
    setup.start();
    BenchLab bench;
    if (const QString problem = bench.start(options.devices); !problem.isEmpty()) {
        out() << "lab: " << problem << Qt::endl;
        return 1;
    }
    // Program A runs on every device, reading its FIFO, so pushes can be confirmed.
    if (bench.cli
            ->run({QStringLiteral("overrides"), QStringLiteral("install-module"),
                   QStringLiteral("@all")},
                  {}, 300000)
            .exitCode != 0) {
        out() << "install-module failed" << Qt::endl;
        return 1;
    }
    for (int i = 0; i < options.devices; ++i) {
        const QString home =
            bench.lab->isolated() ? QStringLiteral("/root") : bench.lab->deviceHome(i);
        if (!bench.lab->startProgram(
                i, QStringLiteral("program-a"),
                {QStringLiteral("python3"),
                 home + QStringLiteral("/.relayfleet/python/example_program_a.py"),
                 home + QStringLiteral("/.relayfleet/overrides.fifo"),
                 home + QStringLiteral("/program.log")})) {
            out() << "program A did not start on device " << i << Qt::endl;
            return 1;
        }
    }
    QList<QStringList> openssh;
    for (int i = 0; i < loop; ++i) {
        openssh << bench.opensshCommand(bench.ids[i]);
    }
    if (const QString problem = bench.cellular(macDelay, deviceDelay); !problem.isEmpty()) {
        out() << "lab: " << problem << Qt::endl;
        return 1;
    }
    out() << "(lab of " << options.devices << " devices set up in " << ms(setup.elapsed()) << ")"
          << Qt::endl
          << Qt::endl;
    printHeader(
        QStringLiteral("The fleet: %1 devices (Mac↔relay %2 ms, relay↔device %3 ms one way)")
            .arg(options.devices)
            .arg(macDelay)
            .arg(deviceDelay),
        options);

    QList<double> refresh;
    QList<double> refreshCpu;
    QList<double> refreshLoad;
    BenchLab::Flights refreshFlights;
    for (int run = 0; run < options.runs; ++run) {
        Timed timed;
        const MachineLoad load;
        refreshFlights = bench.countFlights([&] {
            timed = timeCommand(bench.cliProgram(), bench.cliArguments({QStringLiteral("devices"),
                                                                        QStringLiteral("--json")}));
        });
        refreshLoad << load.busyFraction();
        refreshCpu << timed.cpuMs;
        int online = 0;
        for (const QJsonValue &device : QJsonDocument::fromJson(timed.out).array()) {
            online += device.toObject().value(QStringLiteral("status")).toString() ==
                              QLatin1String("online")
                          ? 1
                          : 0;
        }
        if (timed.exitCode != 0 || online != options.devices) {
            out() << "refresh: " << online << " of " << options.devices << " online; " << timed.err
                  << Qt::endl;
            return 1;
        }
        refresh << timed.ms;
    }
    double loopMs = 0;
    BenchLab::Flights loopFlights = bench.countFlights([&] {
        for (const QStringList &command : std::as_const(openssh)) {
            const Timed timed =
                timeCommand(command.first(), command.mid(1) << QStringLiteral("true"));
            if (timed.exitCode != 0) {
                out() << "ssh: " << timed.err << Qt::endl;
            }
            loopMs += timed.ms;
        }
    });
    const double loopScaled = loopMs / loop * options.devices;
    const double speedup = loopScaled / median(refresh);
    printFigure(
        QStringLiteral("status refresh of %1 devices").arg(options.devices), ms(median(refresh)),
        QStringLiteral("%1 (sequential loop, %2 of %3 devices timed: %4)")
            .arg(ms(loopScaled))
            .arg(loop)
            .arg(options.devices)
            .arg(ms(loopMs)),
        QStringLiteral("%1× faster").arg(speedup, 0, 'f', 0),
        QStringLiteral("≤ 2 s and ≥ 20× faster"),
        median(refresh) <= 2000 && speedup >= 20 ? QStringLiteral("yes") : QStringLiteral("no"),
        QStringLiteral("ours %1; OpenSSH loop %2").arg(refreshFlights.text(), loopFlights.text()));

    printFigure(QStringLiteral("… the machine's processors busy during it (lab and app together)"),
                QStringLiteral("%1 %").arg(median(refreshLoad) * 100, 0, 'f', 0), QString(),
                QString(), QString(), QString(),
                QStringLiteral("relayfleet-cli's own CPU: %1").arg(ms(median(refreshCpu))));

    QList<double> push;
    QList<double> pushCpu;
    QList<double> pushLoad;
    BenchLab::Flights pushFlights;
    for (int run = 0; run < options.runs; ++run) {
        Timed timed;
        const MachineLoad load;
        pushFlights = bench.countFlights([&] {
            timed = timeCommand(bench.cliProgram(),
                                bench.cliArguments({QStringLiteral("push"), QStringLiteral("@all"),
                                                    QStringLiteral("SPEED=%1").arg(run + 1),
                                                    QStringLiteral("--json")}));
        });
        int applied = 0;
        for (const QJsonValue &answer : QJsonDocument::fromJson(timed.out).array()) {
            applied += answer.toObject().value(QStringLiteral("applied")).toBool() ? 1 : 0;
        }
        if (timed.exitCode != 0 || applied != options.devices) {
            out() << "push: applied on " << applied << " of " << options.devices << "; "
                  << timed.err << Qt::endl;
            return 1;
        }
        push << timed.ms;
        pushLoad << load.busyFraction();
        pushCpu << timed.cpuMs;
    }
    printFigure(
        QStringLiteral("push one override to %1 devices, applied confirmed").arg(options.devices),
        ms(median(push)), QString(), QString(), QStringLiteral("≤ 3 s"),
        median(push) <= 3000 ? QStringLiteral("yes") : QStringLiteral("no"), pushFlights.text());
    printFigure(QStringLiteral("… the machine's processors busy during it (lab and app together)"),
                QStringLiteral("%1 %").arg(median(pushLoad) * 100, 0, 'f', 0), QString(), QString(),
                QString(), QString(),
                QStringLiteral("relayfleet-cli's own CPU: %1").arg(ms(median(pushCpu))));
    if (const QString problem = warmPushes(bench, options); !problem.isEmpty()) {
        out() << "push with the relay connected: " << problem << Qt::endl;
        return 1;
    }
    out() << Qt::endl
          << "runs: " << options.runs
          << ", medians; each figure is a whole CLI run (process start, "
          << "relay login, work); isolation: "
          << (bench.lab->isolated() ? "network namespaces" : "loopback") << Qt::endl;
    return 0;
}
