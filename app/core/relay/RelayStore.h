#pragma once

#include "base/Result.h"
#include "relay/RelayConfig.h"

#include <QCoreApplication>
#include <QList>

namespace relayfleet {

// The relays the user added, kept in one JSON file written atomically.
class RelayStore
{
    Q_DECLARE_TR_FUNCTIONS(RelayStore)
public:
    explicit RelayStore(QString path);

    Result<QList<RelayConfig>> load() const;
    Result<RelayConfig> find(const QString &name) const;
    // The relay named `name` in `relays`, or an error that says how to add it.
    static Result<RelayConfig> findIn(const QList<RelayConfig> &relays, const QString &name);
    // Adds, or replaces the relay of the same name.
    Result<void> save(const RelayConfig &relay);
    Result<void> remove(const QString &name);

private:
    Result<void> write(const QList<RelayConfig> &relays);
    QString m_path;
};

} // namespace relayfleet
