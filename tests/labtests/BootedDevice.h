#pragma once

#include "DeviceMachine.h"
#include "base/Result.h"

#include <QProcess>
#include <QString>
#include <QStringList>
#include <memory>

namespace relayfleet::lab {

class NatLab;

// A lab device that boots as a Pi does: systemd as PID 1 (`systemd-nspawn -b`), its own sshd,
// cron and a non-root user `pi`, from the lab's Debian 12 device root
// (tools/relayfleet-device-root). Its disk is a writable layer over that root, kept across its
// power cycles and removed with it, so the shared root never changes. It lives in a network
// namespace the lab made; the lab owns the link. Root only. Test support, never shipped: the lab
// takes it as a DeviceMachine (addBootedDevice below).
class BootedDevice : public DeviceMachine
{
public:
    // Prepares the disk in `dir` (mounted at dir/root): host name, host key, and `user`'s
    // authorized_keys holding `authorizedKey`.
    static Result<std::unique_ptr<BootedDevice>> create(const QString &dir, const QString &name,
                                                        const QString &user,
                                                        const QString &hostKeyFile,
                                                        const QByteArray &authorizedKey);
    ~BootedDevice() override;
    BootedDevice(const BootedDevice &) = delete;
    BootedDevice &operator=(const BootedDevice &) = delete;

    QString user() const override { return m_user; }
    QString home() const override;
    bool running() const { return m_init > 0; }

    // Boots with systemd as PID 1 (systemd and cron start what they start there).
    Result<void> boot(const QString &netns) override;
    // Its PID 1 killed.
    void cutPower() override;
    Result<void> setHostsEntry(const QString &address, const QString &name) override;
    QStringList commandLine(const QStringList &argv) const override;

private:
    BootedDevice(QString dir, QString name, QString user);
    QString rootDir() const;
    QString homeOnDevice() const;

    QString m_dir;
    QString m_name;
    QString m_user;
    bool m_mounted = false;
    std::unique_ptr<QProcess> m_container;
    qint64 m_init = 0;
};

// A device booted with systemd as PID 1 from a Debian 12 root, with its own sshd, cron and user
// `pi`, added to `lab`; the app logs in as `user` (pi, or root for the systemd unit's way of
// starting the runner). Namespaces only. Power loss and boot work as for the lab's other
// devices, and its boot starts what systemd or cron start there. The device's index.
Result<int> addBootedDevice(NatLab &lab, const QString &user);

} // namespace relayfleet::lab
