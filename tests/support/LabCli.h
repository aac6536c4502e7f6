#pragma once

#include "CliRunner.h"
#include "LabRelaySetup.h"
#include "NatLab.h"
#include "registry/DeviceFiles.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

namespace relayfleet::testing {

inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Every file below `dir` (hidden ones too) that holds `secret`: for showing that a password
// or passphrase was used and never kept.
inline QStringList filesContaining(const QString &dir, const QString &secret)
{
    QStringList found;
    QDirIterator files(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString path = files.next();
        if (readFile(path).contains(secret.toUtf8())) {
            found << path;
        }
    }
    return found;
}

// `devices --json`: every device the CLI's relays list (empty, with a warning, on failure),
// each confirmed by a probe unless `probe` is false (then as the relay sees it).
inline QJsonArray listDevices(const lab::CliRunner &cli, int timeoutSeconds = 3, bool probe = true)
{
    QStringList arguments{QStringLiteral("devices"), QStringLiteral("--json"),
                          QStringLiteral("--timeout"), QString::number(timeoutSeconds)};
    if (probe) {
        arguments << QStringLiteral("--probe");
    }
    const auto result = cli.run(arguments);
    if (result.exitCode != 0) {
        qWarning("devices failed: %s", result.err.constData());
    }
    return QJsonDocument::fromJson(result.out).array();
}

// The entry for device `id` in a `devices --json` list, or an empty object.
inline QJsonObject deviceById(const QJsonArray &list, const QString &id)
{
    for (const QJsonValue &v : list) {
        if (v.toObject().value(QStringLiteral("id")).toString() == id) {
            return v.toObject();
        }
    }
    return {};
}

// The processes whose command line or environment shows `secret` (what `ps e` would show
// any user on the machine). Linux /proc; a process that ends meanwhile is skipped.
inline QStringList processesShowing(const QString &secret)
{
    QStringList found;
    const QByteArray needle = secret.toUtf8();
    for (const QString &pid :
         QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (pid.toInt() <= 0) {
            continue;
        }
        for (const QString &what : {QStringLiteral("cmdline"), QStringLiteral("environ")}) {
            if (readFile(QStringLiteral("/proc/%1/%2").arg(pid, what)).contains(needle)) {
                found << QStringLiteral("%1 (%2)").arg(pid, what);
            }
        }
    }
    return found;
}

// `enroll ID --lan USER@127.0.0.1:PORT ...` for lab device `device`, as from its LAN; empty
// if the lab cannot give the device a LAN port. The runner's profile is lan unless asked: the
// lab's tests of faults and recovery count on a lost link being noticed within seconds.
inline QStringList lanEnrolArguments(lab::NatLab &lab, int device, const QString &id,
                                     const QString &profile = QStringLiteral("lan"))
{
    auto lan = lab.lanPort(device);
    if (!lan) {
        qWarning("%s", qPrintable(lan.error().message));
        return {};
    }
    return {QStringLiteral("enroll"),
            id,
            QStringLiteral("--lan"),
            QStringLiteral("%1@127.0.0.1:%2").arg(lab.deviceUser(device)).arg(lan.value()),
            QStringLiteral("--relay-address"),
            QStringLiteral("%1:%2")
                .arg(lab.relayHostForDevice(device))
                .arg(lab.relayPortForDevice(device)),
            QStringLiteral("--device-ssh-port"),
            QString::number(lab.deviceSshPort(device)),
            QStringLiteral("--profile"),
            profile,
            QStringLiteral("--accept-new-host-key")};
}

// This build's runner made unable to reach the relay (its port forced to 1) and carrying a
// higher version, written to `path` for `upgrade --runner`; empty when it cannot be.
inline QString writeBrokenRunner(const QString &path)
{
    QByteArray broken = DeviceFiles::builtIn(QStringLiteral("tunnel"));
    // Wherever it reads its settings (at start and before every connection).
    const QByteArray reading = "        RELAY_PORT) RELAY_PORT=$value ;;\n";
    if (!broken.contains(reading)) {
        return {};
    }
    broken.replace(reading, "        RELAY_PORT) RELAY_PORT=1 ;;\n");
    broken.replace("# relayfleet-version: ", "# relayfleet-version: 99");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(broken) != broken.size()) {
        return {};
    }
    return path;
}

// The device (its ~/.relayfleet at `dir` as this machine sees it) is trying a new runner that
// has not had a working tunnel yet: the moment an upgrade can be cut short.
inline bool upgradeTrialPending(const QString &dir)
{
    QFile result(dir + QStringLiteral("/upgrade.result"));
    return result.open(QIODevice::ReadOnly) && result.readAll().startsWith("pending") &&
           !QFile::exists(dir + QStringLiteral("/tunnel.up"));
}

// The device's home as its own programs see it.
inline QString homeOnDevice(const lab::NatLab &lab, int device)
{
    if (lab.isBooted(device)) {
        return lab.deviceUser(device) == QLatin1String("root")
                   ? QStringLiteral("/root")
                   : QStringLiteral("/home/") + lab.deviceUser(device);
    }
    return lab.isolated() ? QStringLiteral("/root") : lab.deviceHome(device);
}

// Where program A keeps the overrides it applied (read from the lab's side).
inline QString overridesStateFile(const lab::NatLab &lab, int device)
{
    return lab.deviceHome(device) + QStringLiteral("/.relayfleet/overrides.fifo.state.json");
}

// Starts the example program A on the device (the overrides module must be installed) and
// waits until it has written its state.
inline Result<void> startProgramA(lab::NatLab &lab, int device)
{
    QFile::remove(overridesStateFile(lab, device));
    const QString home = homeOnDevice(lab, device);
    auto started =
        lab.startProgram(device, QStringLiteral("program-a"),
                         {QStringLiteral("python3"),
                          home + QStringLiteral("/.relayfleet/python/example_program_a.py"),
                          home + QStringLiteral("/.relayfleet/overrides.fifo"),
                          home + QStringLiteral("/program.log")});
    if (!started) {
        return started;
    }
    QElapsedTimer timer;
    timer.start();
    while (!QFile::exists(overridesStateFile(lab, device)) && timer.elapsed() < 10000) {
        QThread::msleep(50);
    }
    if (!QFile::exists(overridesStateFile(lab, device))) {
        return Error::make(Error::Code::Timeout,
                           QStringLiteral("program A did not start on device %1").arg(device));
    }
    return {};
}

} // namespace relayfleet::testing
