#pragma once

#include "base/Result.h"

#include <QProcess>
#include <QString>
#include <QStringList>
#include <memory>

namespace relayfleet::lab {

// A lab device that boots as a Pi does: systemd as PID 1 (`systemd-nspawn -b`), its own sshd,
// cron and a non-root user `pi`, from the lab's Debian 12 device root
// (tools/relayfleet-device-root). Its disk is a writable layer over that root, kept across its
// power cycles and removed with it, so the shared root never changes. It lives in a network
// namespace the lab made; the lab owns the link. Root only.
class BootedDevice
{
public:
    // Prepares the disk in `dir` (mounted at dir/root): host name, host key, and `user`'s
    // authorized_keys holding `authorizedKey`.
    static Result<std::unique_ptr<BootedDevice>> create(const QString &dir, const QString &name,
                                                        const QString &user,
                                                        const QString &hostKeyFile,
                                                        const QByteArray &authorizedKey);
    ~BootedDevice();
    BootedDevice(const BootedDevice &) = delete;
    BootedDevice &operator=(const BootedDevice &) = delete;

    QString user() const { return m_user; }
    // The user's home as this machine sees it (inside the device's disk).
    QString home() const;
    bool running() const { return m_init > 0; }

    // Boots in `netns`; returns once the device's sshd listens (its boot also starts whatever
    // systemd or cron start there, an enrolled runner among them).
    Result<void> boot(const QString &netns);
    // Every process of the device ends at once (its PID 1 killed), as when power is cut.
    void cutPower();
    // The device's /etc/hosts: its own names, and `name` at `address` unless that is empty.
    Result<void> setHostsEntry(const QString &address, const QString &name);
    // `argv` run on the device as its user, with a login's environment.
    QStringList commandLine(const QStringList &argv) const;

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

} // namespace relayfleet::lab
