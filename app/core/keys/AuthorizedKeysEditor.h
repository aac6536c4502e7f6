#pragma once

#include "base/CommandOutput.h"
#include "base/Result.h"

#include <QCoreApplication>
#include <QString>
#include <functional>

namespace relayfleet {

// Adds or removes one public key in a remote ~/.ssh/authorized_keys with ssh-copy-id's
// semantics done right (resources/device/relayfleet-authorize-key): idempotent, other lines
// kept, atomic replace, right modes, no writing through symbolic links. The script travels
// in the command line, quoted, so the target needs nothing installed beforehand.
class AuthorizedKeysEditor
{
    Q_DECLARE_TR_FUNCTIONS(AuthorizedKeysEditor)
public:
    enum class Outcome
    {
        Added,
        AlreadyPresent,
        Removed,
        WasAbsent
    };
    using Runner =
        std::function<Result<CommandOutput>(const QString &command, const QByteArray &input)>;

    static Result<Outcome> add(const Runner &run, const QString &publicKey);
    static Result<Outcome> remove(const Runner &run, const QString &publicKey);

private:
    static Result<Outcome> edit(const Runner &run, const QString &mode, const QString &publicKey);
};

} // namespace relayfleet
