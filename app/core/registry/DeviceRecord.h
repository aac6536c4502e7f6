#pragma once

#include "base/Result.h"
#include "registry/DeviceFileVersions.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace relayfleet {

// One device in a relay's registry (~/.relayfleet/devices/<id>.conf): "key=value" lines a
// person can read and that a shell never evaluates. The text comes from the relay, which may
// be compromised, so parsing validates every field and caps every size.
struct DeviceRecord
{
    Q_DECLARE_TR_FUNCTIONS(DeviceRecord)

public:
    static constexpr int kFormat = 1;
    static constexpr qsizetype kMaxSize = 16 * 1024;

    QString id;
    QString name;
    int port = 0;
    QString hostKey;   // "ssh-ed25519 AAAA..." pinned at enrolment or adoption
    QString tunnelKey; // SHA256 fingerprint of the device's own tunnel key, if enrolled
    QStringList labels;
    QDateTime enrolled;
    QString user; // who logs in on the device (empty: the app's default)
    // The versions of Relay Fleet's files on the device when it was last enrolled, upgraded or
    // given the overrides module; all 0 for a hand-made tunnel.
    DeviceFileVersions files;

    static bool isValidLabel(const QString &label);
    static bool isValidName(const QString &name);

    static Result<DeviceRecord> parse(const QByteArray &text);
    QByteArray serialize() const;
    Result<void> validate() const;
};

} // namespace relayfleet
