#include "enrolment/EnrolmentRequest.h"

#include "relay/RelayConfig.h"

namespace relayfleet {

Result<void> EnrolmentRequest::setLanAddress(const QString &address)
{
    auto parsed = RelayConfig::fromAddress(QStringLiteral("device"), address.trimmed(), deviceUser);
    if (!parsed) {
        return parsed.error();
    }
    access = Access::Lan;
    lanHost = parsed->host;
    lanPort = parsed->port;
    deviceUser = parsed->user;
    return {};
}

Result<void> EnrolmentRequest::setRelayAddressFromDevice(const QString &address)
{
    auto parsed = RelayConfig::fromAddress(QStringLiteral("relay"), address.trimmed(),
                                           QStringLiteral("relay"));
    if (!parsed) {
        return parsed.error();
    }
    relayHostFromDevice = parsed->host;
    relayPortFromDevice = parsed->port;
    return {};
}

} // namespace relayfleet
