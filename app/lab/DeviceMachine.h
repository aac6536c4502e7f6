#pragma once

#include "base/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>

namespace relayfleet::lab {

// A lab device that is a machine of its own (its own init, sshd and users: a Pi booted with
// systemd) rather than the lab's sshd and runner started as processes of this one. The lab owns
// its network namespace and link; the machine, its disk and its processes. The lab ships as the
// app's demo, whose devices are all the lab's processes: the tests bring their machines
// (tests/labtests/BootedDevice) through NatLab::addMachineDevice.
class DeviceMachine
{
public:
    // What the lab gives a new machine: a folder of its own, a name unique on this host, the
    // user the app logs in as, its host key and the key the app's logins present.
    struct Spec
    {
        QString dir;
        QString name;
        QString user;
        QString hostKeyFile;
        QByteArray authorizedKey;
    };
    using Factory = std::function<Result<std::unique_ptr<DeviceMachine>>(const Spec &spec)>;

    virtual ~DeviceMachine() = default;

    virtual QString user() const = 0;
    // The user's home as this machine sees it (inside the device's disk).
    virtual QString home() const = 0;
    // Boots in `netns`; returns once the device's sshd listens (its boot also starts whatever
    // it starts at boot, an enrolled runner among them).
    virtual Result<void> boot(const QString &netns) = 0;
    // Every process of the device ends at once, as when power is cut.
    virtual void cutPower() = 0;
    // The device's /etc/hosts: its own names, and `name` at `address` unless that is empty.
    virtual Result<void> setHostsEntry(const QString &address, const QString &name) = 0;
    // `argv` run on the device as its user, with a login's environment.
    virtual QStringList commandLine(const QStringList &argv) const = 0;
};

} // namespace relayfleet::lab
