#pragma once

// A NAT lab set up for benchmarks: N devices behind a relay, each with a hand-made tunnel
// adopted as dev1..devN (label "all"), set up fast on undelayed links; then the cellular
// delays (Mac <-> relay, relay <-> device) are switched on for the measurements.

#include "BenchSupport.h"
#include "LabCli.h"
#include "NatLab.h"

#include <QTemporaryDir>
#include <memory>

namespace relayfleet::bench {

struct BenchLab
{
    std::unique_ptr<lab::NatLab> lab;
    QTemporaryDir dir;
    std::unique_ptr<lab::CliRunner> cli;
    QStringList ids;
    QList<int> ports; // the relay port of each device's tunnel

    // Empty on success, else what went wrong.
    QString start(int devices)
    {
        auto started = lab::NatLab::start({.devices = devices, .relayDeviceDelayMs = 1});
        if (!started) {
            return started.error().message;
        }
        lab = std::move(started.value());
        cli = std::make_unique<lab::CliRunner>(dir.filePath(QStringLiteral("mac")));
        if (lab::addLabRelay(*cli, *lab, true) != 0) {
            return QStringLiteral("relay add/init failed");
        }
        for (int i = 0; i < devices; ++i) {
            const int port = lab->allocateRelayPort();
            if (auto rc = lab->startSeedTunnel(i, port); !rc) {
                return QStringLiteral("the tunnel of device %1 did not come up: %2")
                    .arg(i)
                    .arg(rc.error().message);
            }
            const QString id = QStringLiteral("dev%1").arg(i + 1);
            const auto adopted =
                cli->run({QStringLiteral("adopt"), QStringLiteral("lab:%1").arg(port),
                          QStringLiteral("--id"), id, QStringLiteral("--label"),
                          QStringLiteral("all"), QStringLiteral("--user"), lab->deviceUser(),
                          QStringLiteral("--accept-new-host-key")});
            if (adopted.exitCode != 0) {
                return QStringLiteral("adopting %1 failed: %2")
                    .arg(id, QString::fromUtf8(adopted.err));
            }
            ids << id;
            ports << port;
        }
        return {};
    }

    QString cellular(int macRelayMs, int relayDeviceMs)
    {
        if (auto rc = lab->setMacRelayDelay(macRelayMs); !rc) {
            return rc.error().message;
        }
        if (auto rc = lab->setRelayDeviceDelay(relayDeviceMs); !rc) {
            return rc.error().message;
        }
        return {};
    }

    // The OpenSSH command line that reaches `id` the way Relay Fleet does (ProxyJump through
    // the relay, the same pinned keys), as a program and its arguments.
    QStringList opensshCommand(const QString &id) const
    {
        const auto printed = cli->run({QStringLiteral("ssh-command"), id});
        QStringList words =
            QString::fromUtf8(printed.out).trimmed().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (QString &word : words) { // shell-quoted paths (the lab's have no quote inside)
            if (word.size() >= 2 && word.startsWith(QLatin1Char('\'')) &&
                word.endsWith(QLatin1Char('\''))) {
                word = word.mid(1, word.size() - 2);
            }
        }
        return words;
    }

    // OpenSSH's warm variant: a copy of the config `opensshCommand` uses, with a ControlMaster
    // connection to the relay that every later ProxyJump shares. Empty on failure.
    QString writeControlMasterConfig(const QString &config) const
    {
        const QString masterConfig = dir.filePath(QStringLiteral("ssh_config_master"));
        QFile in(config);
        QFile outFile(masterConfig);
        if (!in.open(QIODevice::ReadOnly) || !outFile.open(QIODevice::WriteOnly)) {
            return {};
        }
        outFile.write(QStringLiteral("Host relayfleet-relay-lab\n    ControlMaster auto\n"
                                     "    ControlPath %1\n    ControlPersist 300\n\n")
                          .arg(dir.filePath(QStringLiteral("cm-%C")))
                          .toUtf8() +
                      in.readAll());
        return masterConfig;
    }

    QString cliProgram() const { return qEnvironmentVariable("RELAYFLEET_CLI"); }
    QStringList cliArguments(const QStringList &arguments) const
    {
        return QStringList{QStringLiteral("--home"), cli->home()} + arguments;
    }

    // Round trips seen on the Mac's link and on the device links while `work` runs.
    struct Flights
    {
        long mac = 0;
        long device = 0;
        QString text() const
        {
            return QStringLiteral("%1 Mac↔relay, %2 relay↔device").arg(mac).arg(device);
        }
    };
    template<typename Work> Flights countFlights(Work work)
    {
        const auto before = snapshot();
        work();
        const auto after = snapshot();
        return Flights{after.mac - before.mac, after.device - before.device};
    }

private:
    Flights snapshot()
    {
        Flights flights;
        if (auto mac = lab->linkStats(lab::NatLab::macRoute())) {
            flights.mac = mac->clientFlights;
        }
        for (int i = 0; i < lab->deviceCount(); ++i) {
            // On a device's link the relay's side is the one answering the tunnel client:
            // what the Mac's sessions send to the device flows as "server" flights.
            if (auto device = lab->linkStats(lab->deviceRoute(i))) {
                flights.device += device->serverFlights;
            }
        }
        return flights;
    }
};

} // namespace relayfleet::bench
