#include "hostkeys/HostKeyVerifier.h"

#include <QStringList>

namespace relayfleet {

HostKeyVerifier::HostKeyVerifier(KnownHostsFile &knownHosts, HostKeyPolicy policy)
    : m_knownHosts(knownHosts)
    , m_policy(std::move(policy))
{
}

Result<void> HostKeyVerifier::verify(const QString &name, const HostKey &presented,
                                     const QString &who) const
{
    if (!m_policy.expectedFingerprint.isEmpty()) {
        if (presented.fingerprint() == m_policy.expectedFingerprint) {
            return {};
        }
        return Error::make(Error::Code::HostKeyChanged,
                           tr("The host key of %1 does not match the expected one: "
                              "expected %2, got %3. The connection was refused.")
                               .arg(who, m_policy.expectedFingerprint, presented.fingerprint()));
    }

    auto pinned = m_knownHosts.keysFor(name);
    if (!pinned) {
        return pinned.error();
    }
    if (pinned->contains(presented)) {
        return {};
    }
    if (!pinned->isEmpty()) {
        QStringList known;
        for (const HostKey &key : pinned.value()) {
            known << key.fingerprint();
        }
        return Error::make(Error::Code::HostKeyChanged,
                           tr("The host key of %1 has CHANGED: pinned %2, now presented %3. "
                              "This may be a man-in-the-middle attack; the connection was refused. "
                              "If the host was really reinstalled, remove its line \"%4\" from %5.")
                               .arg(who, known.join(QStringLiteral(", ")), presented.fingerprint(),
                                    name, m_knownHosts.path()));
    }

    bool accepted = false;
    switch (m_policy.onUnknown) {
    case HostKeyPolicy::OnUnknown::Refuse:
        break;
    case HostKeyPolicy::OnUnknown::AcceptNew:
        accepted = true;
        break;
    case HostKeyPolicy::OnUnknown::Ask:
        accepted = m_policy.ask && m_policy.ask(who, presented);
        break;
    }
    if (!accepted) {
        return Error::make(Error::Code::HostKeyUnknown,
                           tr("The host key of %1 is not known yet (%2 %3). Check the "
                              "fingerprint on the host itself, then accept it.")
                               .arg(who, presented.type(), presented.fingerprint()));
    }
    if (m_policy.persist) {
        return m_knownHosts.add(name, presented);
    }
    return {};
}

} // namespace relayfleet
