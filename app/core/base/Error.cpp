#include "base/Error.h"

namespace relayfleet {

QString errorCodeName(Error::Code code)
{
    switch (code) {
    case Error::Code::InvalidInput:
        return QStringLiteral("invalid-input");
    case Error::Code::NotFound:
        return QStringLiteral("not-found");
    case Error::Code::Io:
        return QStringLiteral("io");
    case Error::Code::Timeout:
        return QStringLiteral("timeout");
    case Error::Code::Cancelled:
        return QStringLiteral("cancelled");
    case Error::Code::ConnectionFailed:
        return QStringLiteral("connection-failed");
    case Error::Code::HostKeyUnknown:
        return QStringLiteral("host-key-unknown");
    case Error::Code::HostKeyChanged:
        return QStringLiteral("host-key-changed");
    case Error::Code::AuthenticationFailed:
        return QStringLiteral("authentication-failed");
    case Error::Code::ChannelFailed:
        return QStringLiteral("channel-failed");
    case Error::Code::DeviceUnreachable:
        return QStringLiteral("device-unreachable");
    case Error::Code::RelayLost:
        return QStringLiteral("relay-lost");
    case Error::Code::Protocol:
        return QStringLiteral("protocol");
    case Error::Code::KeychainUnavailable:
        return QStringLiteral("keychain-unavailable");
    }
    return QStringLiteral("unknown");
}

} // namespace relayfleet
