// known_hosts lines (the app's own file, which the user or OpenSSH may also edit), and host
// keys as OpenSSH writes them ("ssh-ed25519 AAAA... comment"), also read from registries.
#include "FuzzInput.h"
#include "hostkeys/HostKey.h"
#include "hostkeys/KnownHostsFile.h"

using namespace relayfleet;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    for (const QString &name :
         {QStringLiteral("relayfleet-kitchen"), QStringLiteral("[127.0.0.1]:2222"),
          QStringLiteral("relay.example.com")}) {
        for (const HostKey &key : KnownHostsFile::keysIn(input, name)) {
            fuzz::require(key.fingerprint().startsWith(QStringLiteral("SHA256:")));
        }
    }
    if (auto key = HostKey::fromOpenSsh(QString::fromUtf8(input))) {
        auto again = HostKey::fromOpenSsh(key->toOpenSsh());
        fuzz::require(again.ok() && again->fingerprint() == key->fingerprint());
    }
    return 0;
}
