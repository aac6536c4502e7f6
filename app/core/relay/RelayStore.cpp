#include "relay/RelayStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace relayfleet {

namespace {
constexpr int kFormatVersion = 1;
constexpr qint64 kMaxFileSize = 4 * 1024 * 1024;
} // namespace

RelayStore::RelayStore(QString path)
    : m_path(std::move(path))
{
}

Result<QList<RelayConfig>> RelayStore::load() const
{
    QFile file(m_path);
    if (!file.exists()) {
        return QList<RelayConfig>();
    }
    if (!file.open(QIODevice::ReadOnly) || file.size() > kMaxFileSize) {
        return Error::make(Error::Code::Io,
                           tr("Cannot read %1: %2").arg(m_path, file.errorString()));
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        return Error::make(Error::Code::Io, tr("%1 is not valid JSON (%2); fix or "
                                               "remove it.")
                                                .arg(m_path, parseError.errorString()));
    }
    const int version = doc.object().value(QStringLiteral("version")).toInt();
    if (version != kFormatVersion) {
        return Error::make(Error::Code::Io, tr("%1 has format version %2; this Relay Fleet reads "
                                               "version %3.")
                                                .arg(m_path)
                                                .arg(version)
                                                .arg(kFormatVersion));
    }
    QList<RelayConfig> relays;
    for (const QJsonValue &value : doc.object().value(QStringLiteral("relays")).toArray()) {
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
    for (const RelayConfig &relay : relays.value()) {
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
    const QJsonObject root{{QStringLiteral("version"), kFormatVersion},
                           {QStringLiteral("relays"), array}};
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath())) {
        return Error::make(Error::Code::Io, tr("Cannot create the folder of %1.").arg(m_path));
    }
    QSaveFile file(m_path);
    const QByteArray data = QJsonDocument(root).toJson(QJsonDocument::Indented);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        return Error::make(Error::Code::Io,
                           tr("Cannot write %1: %2").arg(m_path, file.errorString()));
    }
    return {};
}

} // namespace relayfleet
