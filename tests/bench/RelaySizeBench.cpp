// rfbench-relay-size: what each tunnel costs a relay, to size one. The lab's relay carries
// 100, then 300 hand-made tunnels (one per device, as the runner keeps them): its sshd
// processes, their memory (PSS) and open files are read from /proc at each size, with the
// time of a status refresh of all of them (`relayfleet-cli devices`: one login, every port
// probed over it). --smoke: 10 and 30 tunnels.
#include "BenchSupport.h"
#include "LabCli.h"
#include "NatLab.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QThread>

using namespace relayfleet;
using namespace relayfleet::bench;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const Options options = Options::parse(QCoreApplication::arguments(), 3, 300);
    const int small = options.smoke ? 10 : 100;
    const int large = options.smoke ? 30 : std::max(options.devices, small);
    auto started = lab::NatLab::start({.devices = large, .relayDeviceDelayMs = 1});
    if (!started) {
        out() << "lab: " << started.error().message << Qt::endl;
        return 1;
    }
    lab::NatLab &lab = *started.value();
    QTemporaryDir dir;
    lab::CliRunner cli(dir.filePath(QStringLiteral("mac")));
    if (lab::addLabRelay(cli, lab, true) != 0) {
        out() << "relay add/init failed" << Qt::endl;
        return 1;
    }
    const lab::NatLab::RelayCost idle = lab.relayCost();
    out() << "## Sizing a relay: what each tunnel costs it"
          << (options.smoke ? " (smoke pass: figures not meaningful)" : "") << Qt::endl
          << Qt::endl
          << "| tunnels | sshd processes | their memory (PSS) | open files | per tunnel | "
             "status refresh of all (median of "
          << options.runs << ") |" << Qt::endl
          << "|---|---|---|---|---|---|" << Qt::endl;
    out() << "| 0 | " << idle.processes << " | " << QString::number(idle.pssMegabytes, 'f', 1)
          << " MB | " << idle.openFiles << " | — | — |" << Qt::endl;
    int up = 0;
    for (const int size : {small, large}) {
        for (; up < size; ++up) {
            if (auto rc = lab.startSeedTunnel(up, lab.allocateRelayPort()); !rc) {
                out() << "tunnel " << up << ": " << rc.error().message << Qt::endl;
                return 1;
            }
        }
        QThread::msleep(2000); // every session settled
        const lab::NatLab::RelayCost cost = lab.relayCost();
        QList<double> refresh;
        for (int run = 0; run < options.runs; ++run) {
            const Timed listed = timeCommand(qEnvironmentVariable("RELAYFLEET_CLI"),
                                             {QStringLiteral("--home"), cli.home(),
                                              QStringLiteral("devices"), QStringLiteral("--json")});
            const qsizetype listedCount = QJsonDocument::fromJson(listed.out).array().size();
            if (listed.exitCode != 0 || listedCount != size) {
                out() << "the refresh listed " << listedCount << " of " << size << ": "
                      << listed.err << Qt::endl;
                return 1;
            }
            refresh << listed.ms;
        }
        const int tunnels = size;
        out() << "| " << tunnels << " | " << cost.processes << " | "
              << QString::number(cost.pssMegabytes, 'f', 1) << " MB | " << cost.openFiles << " | "
              << QString::number(double(cost.processes - idle.processes) / tunnels, 'f', 1)
              << " processes, "
              << QString::number((cost.pssMegabytes - idle.pssMegabytes) / tunnels, 'f', 2)
              << " MB, "
              << QString::number(double(cost.openFiles - idle.openFiles) / tunnels, 'f', 1)
              << " files | " << ms(median(refresh)) << " |" << Qt::endl;
    }
    return 0;
}
