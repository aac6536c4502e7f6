#include "LabRelaySetup.h"

namespace relayfleet::lab {

int addLabRelay(const CliRunner &cli, const NatLab &lab, bool init, bool withIdentity)
{
    QStringList add{
        QStringLiteral("relay"), QStringLiteral("add"), QStringLiteral("lab"),
        QStringLiteral("%1@%2:%3").arg(lab.relayUser(), lab.relayHost()).arg(lab.relayPort())};
    if (withIdentity) {
        add << QStringLiteral("--identity") << lab.clientKey();
    }
    const auto added = cli.run(add);
    if (added.exitCode != 0 || !init) {
        return added.exitCode;
    }
    return cli
        .run({QStringLiteral("relay"), QStringLiteral("init"), QStringLiteral("lab"),
              QStringLiteral("--accept-new-host-key")})
        .exitCode;
}

} // namespace relayfleet::lab
