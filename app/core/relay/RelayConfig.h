#pragma once

#include "base/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace relayfleet {

// A relay the user manages: where it is and how to log in. No secret is ever part of it.
struct RelayConfig
{
    Q_DECLARE_TR_FUNCTIONS(RelayConfig)

public:
    QString name;
    QString user;
    QString host;
    int port = 22;
    QString identityFile; // empty: agent and default identities
    QString sshAlias;     // set when the relay was added as a ~/.ssh/config Host alias

    // Relay names appear in "RELAY:PORT" addresses and file names.
    static bool isValidName(const QString &name);
    // "user@host", "user@host:port", "user@[::1]:port", "host".
    static Result<RelayConfig> fromAddress(const QString &name, const QString &address,
                                           const QString &defaultUser);

    QString displayAddress() const;
    QJsonObject toJson() const;
    static Result<RelayConfig> fromJson(const QJsonObject &json);
};

} // namespace relayfleet
