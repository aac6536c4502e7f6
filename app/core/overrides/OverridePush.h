#pragma once

#include "base/CancelToken.h"
#include "base/Credentials.h"
#include "base/Result.h"
#include "hostkeys/HostKeyPolicy.h"
#include "hostkeys/KnownHostsFile.h"
#include "overrides/OverrideAssignment.h"
#include "overrides/PushResult.h"
#include "relay/DeviceTarget.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>

namespace relayfleet {

class RelayConnection;

// One push of variable overrides, validated and encoded once, then sent to any number of
// devices, each of which answers with a PushResult.
class OverridePush
{
public:
    static Result<OverridePush> prepare(const QList<OverrideAssignment> &assignments,
                                        const QString &fifo, int waitSeconds);

    // In parallel over the relay's one connection; one device's failure does not stop others.
    QList<PushResult> sendTo(RelayConnection &relay, const QList<DeviceTarget> &devices,
                             const Credentials &credentials, KnownHostsFile &knownHosts,
                             const HostKeyPolicy &policy, int connectTimeoutMs,
                             const CancelToken &cancel) const;

    qint64 sequence() const { return m_sequence; }
    const QList<OverrideAssignment> &assignments() const { return m_assignments; }

private:
    OverridePush() = default;

    qint64 m_sequence = 0;
    QList<OverrideAssignment> m_assignments;
    QByteArray m_payload;
    QString m_command;
};

} // namespace relayfleet
