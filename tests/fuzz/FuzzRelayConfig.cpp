// Relay addresses as typed ("user@host:port", "[::1]:22") and relays.json as stored.
#include "FuzzInput.h"
#include "relay/RelayConfig.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace relayfleet;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    if (auto relay = RelayConfig::fromAddress(QStringLiteral("main"), QString::fromUtf8(input),
                                              QStringLiteral("pi"))) {
        fuzz::require(relay->port > 0 && relay->port <= 65535 && !relay->host.isEmpty());
        auto again = RelayConfig::fromJson(relay->toJson());
        fuzz::require(again.ok() && again->host == relay->host && again->port == relay->port);
    }
    const QJsonDocument json = QJsonDocument::fromJson(input);
    if (json.isObject()) {
        if (auto relay = RelayConfig::fromJson(json.object())) {
            fuzz::require(RelayConfig::isValidName(relay->name));
        }
    }
    return 0;
}
