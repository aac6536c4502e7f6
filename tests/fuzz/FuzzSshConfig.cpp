// ~/.ssh/config, imported when a relay is added by its alias (libssh's parser and ours).
#include "FuzzInput.h"
#include "openssh/SshConfigAlias.h"

#include <QTemporaryFile>

using namespace relayfleet;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // Include and Match exec would reach outside the input: not what is being tested.
    const QByteArray input = fuzz::bytes(data, size);
    if (input.contains("nclude") || input.contains("xec") || input.contains("INCLUDE") ||
        input.contains("EXEC") || input.contains("roxy") || input.contains("ROXY")) {
        return 0;
    }
    QTemporaryFile file;
    if (!file.open() || file.write(input) != input.size() || !file.flush()) {
        return 0;
    }
    auto relay = SshConfigAlias::resolve(QStringLiteral("main"), QStringLiteral("RelayServer"),
                                         file.fileName(), QStringLiteral("pi"));
    if (relay) {
        fuzz::require(relay->port > 0 && relay->port <= 65535);
        fuzz::require(!relay->host.isEmpty());
    }
    return 0;
}
