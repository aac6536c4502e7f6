#include "enrolment/DeviceAdoption.h"

#include "fleet/DeviceProbe.h"
#include "hostkeys/HostKeyVerifier.h"
#include "registry/RelayRegistry.h"
#include "relay/RelayConnection.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace relayfleet {

Result<DeviceRecord> DeviceAdoption::adopt(RelayConnection &relay, KnownHostsFile &knownHosts,
                                           DeviceRecord record, const HostKeyPolicy &policy,
                                           int timeoutMs, const CancelToken &cancel)
{
    record.enrolled = QDateTime::currentDateTimeUtc();
    if (auto valid = record.validate(); !valid) {
        return valid.error();
    }
    RelayRegistry registry(relay, QDeadlineTimer(2 * timeoutMs), cancel);
    if (auto existing = registry.find(record.id); existing) {
        return Error::make(
            Error::Code::InvalidInput,
            QCoreApplication::translate("DeviceAdoption", "Relay %1 already has a device \"%2\".")
                .arg(relay.config().name, record.id));
    }
    const QString address = QStringLiteral("%1:%2").arg(relay.config().name).arg(record.port);
    const auto probe = DeviceProbe::probe(relay, record.port, timeoutMs, cancel);
    if (probe.outcome != DeviceProbe::Outcome::Answered) {
        return Error::make(
            Error::Code::DeviceUnreachable,
            QCoreApplication::translate("DeviceAdoption", "Nothing speaks SSH on %1: %2")
                .arg(address, probe.detail));
    }
    const QString alias = KnownHostsFile::deviceAlias(record.id);
    if (auto pinned = knownHosts.keysFor(alias); pinned && !pinned->isEmpty()) {
        return Error::make(Error::Code::InvalidInput,
                           QCoreApplication::translate("DeviceAdoption",
                                                       "A host key is already pinned for device "
                                                       "\"%1\" in %2; remove the device first.")
                               .arg(record.id, knownHosts.path()));
    }
    const QString who = QCoreApplication::translate("DeviceAdoption", "device %1").arg(record.id);
    if (auto verified = HostKeyVerifier(knownHosts, policy).verify(alias, probe.hostKey, who);
        !verified) {
        return verified.error();
    }
    // A key required by fingerprint is accepted without a question, so pin it here.
    if (!policy.expectedFingerprint.isEmpty()) {
        (void)knownHosts.add(alias, probe.hostKey);
    }
    record.hostKey = probe.hostKey.toOpenSsh();
    auto reserved = registry.reservePort(record.port, record.id);
    auto saved = reserved ? registry.save(record) : Result<void>(reserved.error());
    if (!saved) {
        if (reserved) {
            (void)registry.releasePort(record.port, record.id);
        }
        (void)knownHosts.removeAll(alias);
        return saved.error();
    }
    return record;
}

QJsonObject DeviceAdoption::auditDetails(const DeviceRecord &record)
{
    QJsonObject details{{QStringLiteral("port"), record.port},
                        {QStringLiteral("name"), record.name},
                        {QStringLiteral("labels"), QJsonArray::fromStringList(record.labels)},
                        {QStringLiteral("user"), record.user}};
    if (const auto key = HostKey::fromOpenSsh(record.hostKey)) {
        details.insert(QStringLiteral("host_key"), key->fingerprint());
    }
    return details;
}

} // namespace relayfleet
