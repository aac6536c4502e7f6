#pragma once

#include "base/Result.h"

#include <QString>

namespace relayfleet {

// Where secrets (key passphrases) live: the OS keychain in the app, something else in a
// test. Calls block the calling thread, never a GUI thread (the GUI calls from workers).
class SecretStore
{
public:
    virtual ~SecretStore() = default;
    // Error::Code::NotFound when there is no such entry; Io when no keychain is available.
    virtual Result<QString> read(const QString &key) = 0;
    virtual Result<void> write(const QString &key, const QString &secret) = 0;
    virtual Result<void> remove(const QString &key) = 0;
};

} // namespace relayfleet
