#include "relay/RelayStore.h"

#include "base/JsonFile.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>

namespace relayfleet {

namespace {
constexpr int kFormatVersion = 1;
} // namespace

RelayStore::RelayStore(QString path)
    : m_path(std::move(path))
{
}

Result<QList<RelayConfig>> RelayStore::load() const
{
    const auto root = JsonFile(m_path, kFormatVersion).read();
    if (!root) {
        return root.error();
    }
    QList<RelayConfig> relays;
    for (const QJsonValue &value : root->value(QStringLiteral("relays")).toArray()) {
        auto relay = RelayConfig::fromJson(value.toObject());
        if (!relay) {
            return Error::make(
                Error::Code::Io,
                tr("%1 holds an invalid relay: %2").arg(m_path, relay.error().message));
        }
        relays.append(relay.value());
    }
    return relays;
}

Result<RelayConfig> RelayStore::find(const QString &name) const
{
    auto relays = load();
    if (!relays) {
        return relays.error();
    }
    return findIn(relays.value(), name);
}

Result<RelayConfig> RelayStore::findIn(const QList<RelayConfig> &relays, const QString &name)
{
    for (const RelayConfig &relay : relays) {
        if (relay.name == name) {
            return relay;
        }
    }
    return Error::make(Error::Code::NotFound, tr("There is no relay named \"%1\"; add it with "
                                                 "`relayfleet-cli relay add`.")
                                                  .arg(name.left(80)));
}

Result<void> RelayStore::save(const RelayConfig &relay)
{
    auto relays = load();
    if (!relays) {
        return relays.error();
    }
    bool replaced = false;
    for (RelayConfig &existing : relays.value()) {
        if (existing.name == relay.name) {
            existing = relay;
            replaced = true;
        }
    }
    if (!replaced) {
        relays->append(relay);
    }
    return write(relays.value());
}

Result<void> RelayStore::remove(const QString &name)
{
    auto relays = load();
    if (!relays) {
        return relays.error();
    }
    const auto removed = relays->removeIf([&](const RelayConfig &r) { return r.name == name; });
    if (removed == 0) {
        return Error::make(Error::Code::NotFound,
                           tr("There is no relay named \"%1\".").arg(name.left(80)));
    }
    return write(relays.value());
}

Result<void> RelayStore::write(const QList<RelayConfig> &relays)
{
    QJsonArray array;
    for (const RelayConfig &relay : relays) {
        array.append(relay.toJson());
    }
    return JsonFile(m_path, kFormatVersion).write(QJsonObject{{QStringLiteral("relays"), array}});
}

} // namespace relayfleet
