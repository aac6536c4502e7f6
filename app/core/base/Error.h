#pragma once

#include <QString>

namespace relayfleet {

// What went wrong, in a form a caller can branch on (code) and a person can act on (message).
struct Error
{
    enum class Code
    {
        InvalidInput,
        NotFound,
        Io,
        Timeout,
        Cancelled,
        ConnectionFailed,
        HostKeyUnknown,
        HostKeyChanged,
        AuthenticationFailed,
        ChannelFailed,
        DeviceUnreachable,
        RelayLost,
        Protocol,
        // The system keychain cannot keep a secret (none, locked, refused): the caller may
        // offer another protection, never silently none.
        KeychainUnavailable,
    };

    Code code = Code::Io;
    QString message;

    static Error make(Code code, QString message) { return Error{code, std::move(message)}; }
};

QString errorCodeName(Error::Code code);

} // namespace relayfleet

#include <QMetaType>
Q_DECLARE_METATYPE(relayfleet::Error::Code)
