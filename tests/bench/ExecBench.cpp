// rfbench-exec: one command on one device through the relay, under cellular latency (Mac <->
// relay 50 ms, relay <-> device 150 ms one way), against OpenSSH in the same run:
//   cold: `relayfleet-cli exec DEV -- true`  vs  `ssh -J relay ... true` (the command Relay
//         Fleet prints for the system terminal, so the same keys and pins)
//   held: device connect + exec over a relay session already open (what the window does)
//         vs  OpenSSH with a ControlMaster connection to the relay and ProxyJump through it.
// Medians over --runs N (default 7); --smoke for one quick pass.
#include "BenchLab.h"
#include "exec/RelayExec.h"
#include "hostkeys/KnownHostsFile.h"
#include "relay/RelayConnection.h"
#include "relay/RelayStore.h"
#include "ssh/SshRuntime.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace relayfleet;
using namespace relayfleet::bench;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    initializeSshRuntime();
    const Options options = Options::parse(QCoreApplication::arguments(), 7, 1);
    const int macDelay = options.macRelayDelayMs();
    const int deviceDelay = options.relayDeviceDelayMs();
    BenchLab bench;
    if (const QString problem = bench.start(1); !problem.isEmpty()) {
        out() << "lab: " << problem << Qt::endl;
        return 1;
    }
    const QString id = bench.ids.first();
    QStringList openssh = bench.opensshCommand(id);
    if (openssh.size() < 3) {
        out() << "no OpenSSH command for " << id << Qt::endl;
        return 1;
    }
    // A second config for OpenSSH's ControlMaster variant: the relay's connection is shared.
    const QString config = openssh.at(2);
    const QString masterConfig = bench.writeControlMasterConfig(config);
    if (masterConfig.isEmpty()) {
        out() << "cannot read " << config << " or write its ControlMaster copy" << Qt::endl;
        return 1;
    }
    if (const QString problem = bench.cellular(macDelay, deviceDelay); !problem.isEmpty()) {
        out() << "lab: " << problem << Qt::endl;
        return 1;
    }
    printHeader(
        QStringLiteral("One command on one device (Mac↔relay %1 ms, relay↔device %2 ms one way)")
            .arg(macDelay)
            .arg(deviceDelay),
        options);

    // Cold: a new process, a new relay login, a new device login, each time. Once with the
    // device's last location known here (any earlier listing or exec leaves it), once without
    // (the registry is asked first).
    const QString locations = bench.cli->home() + QStringLiteral("/device-locations.json");
    QList<double> oursCold, oursUnknown, theirsCold;
    BenchLab::Flights oursColdFlights, oursUnknownFlights, theirsColdFlights;
    for (int run = 0; run < options.runs; ++run) {
        const QStringList exec = bench.cliArguments(
            {QStringLiteral("exec"), id, QStringLiteral("--"), QStringLiteral("true")});
        Timed unknown;
        QFile::remove(locations);
        oursUnknownFlights =
            bench.countFlights([&] { unknown = timeCommand(bench.cliProgram(), exec); });
        Timed ours;
        oursColdFlights = bench.countFlights([&] { ours = timeCommand(bench.cliProgram(), exec); });
        if (unknown.exitCode != 0 || !QFile::exists(locations)) {
            out() << "a cold exec without a location failed: " << unknown.err << Qt::endl;
            return 1;
        }
        oursUnknown << unknown.ms;
        Timed theirs;
        theirsColdFlights = bench.countFlights([&] {
            theirs = timeCommand(openssh.first(), openssh.mid(1) << QStringLiteral("true"));
        });
        if (ours.exitCode != 0 || theirs.exitCode != 0) {
            out() << "a cold exec failed: " << ours.err << theirs.err << Qt::endl;
            return 1;
        }
        oursCold << ours.ms;
        theirsCold << theirs.ms;
    }
    const double coldRatio = median(oursCold) / median(theirsCold);
    printFigure(QStringLiteral("cold exec `true`"), ms(median(oursCold)), ms(median(theirsCold)),
                QStringLiteral("%1×").arg(coldRatio, 0, 'f', 2), QStringLiteral("≤ 0.6×"),
                coldRatio <= 0.6 ? QStringLiteral("yes") : QStringLiteral("no"),
                QStringLiteral("ours %1; OpenSSH %2")
                    .arg(oursColdFlights.text(), theirsColdFlights.text()));
    const double unknownRatio = median(oursUnknown) / median(theirsCold);
    printFigure(QStringLiteral("cold exec `true`, device location not known yet"),
                ms(median(oursUnknown)), ms(median(theirsCold)),
                QStringLiteral("%1×").arg(unknownRatio, 0, 'f', 2), QStringLiteral("—"),
                QStringLiteral("—"), QStringLiteral("ours %1").arg(oursUnknownFlights.text()));

    // Held: the relay session stays open; each run is a device login and an exec.
    auto relay =
        RelayStore(bench.cli->home() + QStringLiteral("/relays.json")).find(QStringLiteral("lab"));
    KnownHostsFile knownHosts(bench.cli->home() + QStringLiteral("/known_hosts"));
    Credentials credentials;
    credentials.identityFile = relay->identityFile;
    auto connection = RelayConnection::open(relay.value(), credentials, knownHosts, HostKeyPolicy{},
                                            QDeadlineTimer(30000), CancelToken());
    if (!connection) {
        out() << "relay: " << connection.error().message << Qt::endl;
        return 1;
    }
    DeviceTarget target;
    target.relay = QStringLiteral("lab");
    target.deviceId = id;
    target.user = bench.lab->deviceUser();
    auto listing = bench.cli->run({QStringLiteral("devices"), QStringLiteral("--json")});
    target.port = QJsonDocument::fromJson(listing.out)
                      .array()
                      .first()
                      .toObject()
                      .value(QStringLiteral("port"))
                      .toInt();
    // OpenSSH's master connection to the relay, opened once (as the window's session is).
    const QString master = openssh.first();
    const auto started =
        timeCommand(master, {QStringLiteral("-F"), masterConfig, QStringLiteral("-fN"),
                             QStringLiteral("relayfleet-relay-lab")});
    if (started.exitCode != 0) {
        out() << "OpenSSH master: " << started.err << Qt::endl;
        return 1;
    }
    QStringList viaMaster = openssh;
    viaMaster[2] = masterConfig;
    QList<double> oursHeld, theirsHeld;
    BenchLab::Flights oursHeldFlights, theirsHeldFlights;
    for (int run = 0; run < options.runs; ++run) {
        QElapsedTimer timer;
        QList<RelayExec::DeviceResult> results;
        oursHeldFlights = bench.countFlights([&] {
            timer.start();
            results = RelayExec::run(*connection.value(), {target}, QStringLiteral("true"),
                                     credentials, knownHosts, HostKeyPolicy{}, {}, CancelToken());
            oursHeld << static_cast<double>(timer.nsecsElapsed()) / 1e6;
        });
        if (results.first().error || results.first().output.exitStatus != 0) {
            out() << "held exec failed: "
                  << (results.first().error ? results.first().error->message : QString())
                  << Qt::endl;
            return 1;
        }
        Timed theirs;
        theirsHeldFlights = bench.countFlights([&] {
            theirs = timeCommand(viaMaster.first(), viaMaster.mid(1) << QStringLiteral("true"));
        });
        if (theirs.exitCode != 0) {
            out() << "OpenSSH via master failed: " << theirs.err << Qt::endl;
            return 1;
        }
        theirsHeld << theirs.ms;
    }
    (void)timeCommand(master, {QStringLiteral("-F"), masterConfig, QStringLiteral("-O"),
                               QStringLiteral("exit"), QStringLiteral("relayfleet-relay-lab")});
    const double heldRatio = median(oursHeld) / median(theirsHeld);
    printFigure(QStringLiteral("device connect + exec, relay session held"), ms(median(oursHeld)),
                ms(median(theirsHeld)), QStringLiteral("%1×").arg(heldRatio, 0, 'f', 2),
                QStringLiteral("≤ 0.8×"),
                heldRatio <= 0.8 ? QStringLiteral("yes") : QStringLiteral("no"),
                QStringLiteral("ours %1; OpenSSH %2")
                    .arg(oursHeldFlights.text(), theirsHeldFlights.text()));
    out() << Qt::endl
          << "runs: " << options.runs
          << ", medians; isolation: " << (bench.lab->isolated() ? "network namespaces" : "loopback")
          << Qt::endl;
    return 0;
}
