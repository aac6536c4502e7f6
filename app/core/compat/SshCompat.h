#pragma once

#include <libssh/libssh.h>
#include <optional>

// The one place where libssh's versions differ for us: 0.10 (Debian 12) and 0.11-0.12
// (Debian 13, Homebrew). 0.11 deprecates ssh_channel_get_exit_status, 0.12 ssh_pki_generate;
// their replacements do not exist in 0.10.

namespace relayfleet::sshcompat {

// The remote command's exit status once it is known: its code, or 255 when a signal ended it
// (what OpenSSH's client returns then). Empty while no status has arrived yet.
inline std::optional<int> exitStatus(ssh_channel channel)
{
#if LIBSSH_VERSION_INT >= SSH_VERSION_INT(0, 11, 0)
    uint32_t code = 0;
    char *signal = nullptr;
    int coreDumped = 0;
    if (ssh_channel_get_exit_state(channel, &code, &signal, &coreDumped) != SSH_OK) {
        return std::nullopt;
    }
    if (signal != nullptr) {
        ssh_string_free_char(signal);
        return 255;
    }
    return static_cast<int>(code & 0xff);
#else
    // 0.10 records only "exit-status"; a command ended by a signal has none (-1) until the
    // channel closes, and the caller then reports 255 as well.
    const int status = ssh_channel_get_exit_status(channel);
    if (status < 0) {
        return std::nullopt;
    }
    return status;
#endif
}

// A new ed25519 key pair, or SSH_ERROR.
inline int generateEd25519(ssh_key *key)
{
#if LIBSSH_VERSION_INT >= SSH_VERSION_INT(0, 12, 0)
    return ssh_pki_generate_key(SSH_KEYTYPE_ED25519, nullptr, key);
#else
    return ssh_pki_generate(SSH_KEYTYPE_ED25519, 0, key);
#endif
}

} // namespace relayfleet::sshcompat
