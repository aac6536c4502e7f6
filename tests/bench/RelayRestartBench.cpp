// rfbench-restart: a relay restart must not strand the fleet. --devices N (default 100) devices
// are enrolled, so each runs the real tunnel runner; the relay's sshd has its stock MaxStartups
// (10:30:100), as an untuned relay does. The relay is then stopped (its sessions die, as in a
// reboot) and started again, and the benchmark measures how long until every tunnel is back
// and how many connections sshd refused on the way:
//   (a) the runner as shipped: exponential backoff with jitter;
//   (b) for comparison, the same runner held to a flat retry (RETRY_MAX=3, as before).
// Fails (exit 1) when a tunnel is not back within --limit seconds (default 180): none may be
// stuck. --smoke: 10 devices, (a) only.
#include "BenchSupport.h"
#include "LabCli.h"
#include "NatLab.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThread>

using namespace relayfleet;
using namespace relayfleet::bench;

namespace {

struct Round
{
    double allBackMs = -1; // -1: not all back within the limit
    QList<double> backMs;  // each tunnel's return, from the relay's start
    int refused = 0;       // connections sshd dropped past MaxStartups
    int missing = 0;
};

// Stops the relay (its sessions die), starts it again after `downMs`, and follows every
// tunnel's port until all are back or `limitMs` passed.
Round restartRelay(lab::NatLab &lab, const QList<int> &ports, int downMs, int limitMs)
{
    Round round;
    const int refusedBefore = lab.relayMaxStartupsRefusals();
    (void)lab.stopRelay();
    QThread::msleep(static_cast<unsigned long>(downMs));
    if (!lab.startRelay()) {
        round.missing = static_cast<int>(ports.size());
        return round;
    }
    QElapsedTimer timer;
    timer.start();
    QSet<int> waiting(ports.begin(), ports.end());
    while (!waiting.isEmpty() && timer.elapsed() < limitMs) {
        const QSet<int> listening = lab.relayListeningPorts();
        for (auto it = waiting.begin(); it != waiting.end();) {
            if (listening.contains(*it)) {
                round.backMs << static_cast<double>(timer.elapsed());
                it = waiting.erase(it);
            } else {
                ++it;
            }
        }
        QThread::msleep(100);
    }
    round.missing = static_cast<int>(waiting.size());
    if (waiting.isEmpty()) {
        round.allBackMs = round.backMs.isEmpty()
                              ? 0
                              : *std::max_element(round.backMs.begin(), round.backMs.end());
    }
    round.refused = lab.relayMaxStartupsRefusals() - refusedBefore;
    return round;
}

// The runner of every device re-reads its settings: `extra` appended to tunnel.conf (or the
// lines this benchmark added taken out), then `tunnel install` restarts it.
bool reconfigureRunners(lab::NatLab &lab, int devices, const QByteArray &extra)
{
    for (int i = 0; i < devices; ++i) {
        const QString conf = lab.deviceHome(i) + QStringLiteral("/.relayfleet/tunnel.conf");
        QByteArray text = testing::readFile(conf);
        if (const qsizetype at = text.indexOf("# rfbench\n"); at >= 0) {
            text.truncate(at);
        }
        if (!extra.isEmpty()) {
            text += "# rfbench\n" + extra;
        }
        QFile file(conf);
        if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size()) {
            return false;
        }
        file.close();
        const auto restarted = lab.runOnDevice(
            i, {QStringLiteral("sh"),
                testing::homeOnDevice(lab, i) + QStringLiteral("/.relayfleet/tunnel"),
                QStringLiteral("install")});
        if (!restarted || restarted->exitCode != 0) {
            return false;
        }
    }
    return true;
}

void printRound(const QString &name, const Round &round, int devices, bool isGoal)
{
    const QString back = round.allBackMs < 0
                             ? QStringLiteral("%1 of %2 not back").arg(round.missing).arg(devices)
                             : ms(round.allBackMs);
    out() << QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 |")
                 .arg(name, back, ms(median(round.backMs)), QString::number(round.refused),
                      isGoal ? QStringLiteral("≤ 30 s, none stuck") : QStringLiteral("—"),
                      !isGoal                                            ? QStringLiteral("—")
                      : round.allBackMs >= 0 && round.allBackMs <= 30000 ? QStringLiteral("yes")
                                                                         : QStringLiteral("no"))
          << Qt::endl;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    Options options = Options::parse(QCoreApplication::arguments(), 1, 100);
    if (options.smoke) {
        options.devices = 10;
    }
    int limitSeconds = 180;
    const QStringList arguments = QCoreApplication::arguments();
    if (const qsizetype at = arguments.indexOf(QStringLiteral("--limit"));
        at > 0 && at + 1 < arguments.size()) {
        limitSeconds = std::clamp(arguments[at + 1].toInt(), 10, 900);
    }
    auto started = lab::NatLab::start(
        {.devices = options.devices, .relayDeviceDelayMs = 1, .relayMaxStartups = QString()});
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
    // Enrolled one after another, as a person would: each device gets the runner as shipped.
    QElapsedTimer setup;
    setup.start();
    QList<int> ports;
    for (int i = 0; i < options.devices; ++i) {
        const QString id = QStringLiteral("dev%1").arg(i + 1);
        const QStringList enrol = testing::lanEnrolArguments(lab, i, id);
        const auto enrolled =
            cli.run(enrol + QStringList{QStringLiteral("--json"), QStringLiteral("--user"),
                                        lab.deviceUser()},
                    {}, 120000);
        if (enrolled.exitCode != 0) {
            out() << "enrolling " << id << " failed: " << enrolled.err << Qt::endl;
            return 1;
        }
        ports
            << QJsonDocument::fromJson(enrolled.out).object().value(QStringLiteral("port")).toInt();
    }
    const qint64 setupMs = setup.elapsed();
    // Every tunnel up before the restart.
    const QSet<int> up = [&] {
        QElapsedTimer wait;
        wait.start();
        QSet<int> listening;
        while (wait.elapsed() < 60000) {
            listening = lab.relayListeningPorts();
            if (std::all_of(ports.begin(), ports.end(),
                            [&](int port) { return listening.contains(port); })) {
                break;
            }
            QThread::msleep(200);
        }
        return listening;
    }();
    if (!std::all_of(ports.begin(), ports.end(), [&](int port) { return up.contains(port); })) {
        out() << "not every enrolled tunnel came up" << Qt::endl;
        return 1;
    }

    constexpr int kDownMs = 2000;
    const int limitMs = limitSeconds * 1000;
    MachineLoad load;
    const Round shipped = restartRelay(lab, ports, kDownMs, limitMs);
    const double shippedLoad = load.busyFraction();
    std::optional<Round> flat;
    if (!options.smoke && shipped.missing == 0) {
        if (!reconfigureRunners(lab, options.devices, "RETRY_MAX=3\n")) {
            out() << "could not set the flat retry on the runners" << Qt::endl;
            return 1;
        }
        QThread::msleep(5000); // every runner reconnected with its new settings
        flat = restartRelay(lab, ports, kDownMs, limitMs);
        (void)reconfigureRunners(lab, options.devices, {});
    }

    out() << "## Relay restart: " << options.devices << " tunnels, sshd MaxStartups 10:30:100"
          << (options.smoke ? " (smoke pass: figures not meaningful)" : "") << Qt::endl
          << Qt::endl
          << "| runner | all tunnels back | median tunnel back | connections refused | goal "
             "| met |"
          << Qt::endl
          << "|---|---|---|---|---|---|" << Qt::endl;
    printRound(QStringLiteral("backoff with jitter (as shipped)"), shipped, options.devices, true);
    if (flat) {
        printRound(QStringLiteral("flat retry, 1.5–3 s (RETRY_MAX=3)"), *flat, options.devices,
                   false);
    }
    out() << Qt::endl
          << "Relay down " << kDownMs << " ms; times from its start. " << options.devices
          << " devices enrolled in " << ms(static_cast<double>(setupMs)) << "; processors busy "
          << QString::number(shippedLoad * 100, 'f', 0) << " % during the shipped round."
          << Qt::endl;
    return shipped.missing == 0 && (!flat || flat->missing == 0) ? 0 : 1;
}
