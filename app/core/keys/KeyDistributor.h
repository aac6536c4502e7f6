#pragma once

#include "base/CancelToken.h"
#include "base/Credentials.h"
#include "hostkeys/HostKeyPolicy.h"
#include "hostkeys/KnownHostsFile.h"
#include "keys/KeyStore.h"
#include "relay/DeviceTarget.h"
#include "relay/RelayConfig.h"

#include <QCoreApplication>
#include <QList>

namespace relayfleet {

class RelayConnection;

// Installs, rotates and revokes a public key on a relay and on devices reached through it,
// reporting per target. Every install is verified by logging in with the key alone, and an
// old key is removed only after the new one has been seen to work, so no target is ever left
// without a working key.
class KeyDistributor
{
    Q_DECLARE_TR_FUNCTIONS(KeyDistributor)
public:
    struct Target
    {
        bool isRelay = false;
        DeviceTarget device; // when !isRelay
        QString describe(const QString &relayName) const;
    };

    struct Report
    {
        QString target;
        bool ok = false;
        QString message;
    };

    KeyDistributor(const RelayConfig &relay, KnownHostsFile &knownHosts, HostKeyPolicy policy,
                   int timeoutMs, CancelToken cancel = {});

    // `current` logs in today (a key, the agent, or a password for first contact).
    QList<Report> install(const Credentials &current, const KeyStore::Key &key,
                          const Credentials &keyOnly, const QList<Target> &targets);
    QList<Report> rotate(const Credentials &oldKeyOnly, const KeyStore::Key &oldKey,
                         const KeyStore::Key &newKey, const Credentials &newKeyOnly,
                         const QList<Target> &targets);
    QList<Report> revoke(const Credentials &current, const KeyStore::Key &key,
                         const QList<Target> &targets);

    // True when the relay itself was rotated (its login must now use the new key).
    bool relayRotated() const { return m_relayRotated; }

private:
    Result<std::unique_ptr<RelayConnection>> connectRelay(const Credentials &credentials);

    RelayConfig m_relay;
    KnownHostsFile &m_knownHosts;
    HostKeyPolicy m_policy;
    int m_timeoutMs;
    CancelToken m_cancel;
    bool m_relayRotated = false;
};

} // namespace relayfleet
