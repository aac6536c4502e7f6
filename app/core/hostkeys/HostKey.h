#pragma once

#include "base/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace relayfleet {

// A public host key as OpenSSH writes it ("ssh-ed25519 AAAA..."). Parsing is pure Qt so that
// untrusted text (known_hosts lines, relay output) never reaches libssh's parsers.
class HostKey
{
    Q_DECLARE_TR_FUNCTIONS(HostKey)
public:
    HostKey() = default;
    HostKey(QString type, QByteArray blob);

    // "ssh-ed25519 AAAAC3Nza..." (a trailing comment is ignored).
    static Result<HostKey> fromOpenSsh(QStringView text);

    bool isNull() const { return m_blob.isEmpty(); }
    const QString &type() const { return m_type; }
    const QByteArray &blob() const { return m_blob; }
    QString base64() const;
    QString toOpenSsh() const;
    // "SHA256:..." exactly as `ssh-keygen -lf` and OpenSSH's prompts print it.
    QString fingerprint() const;

    friend bool operator==(const HostKey &a, const HostKey &b)
    {
        return a.m_type == b.m_type && a.m_blob == b.m_blob;
    }

private:
    QString m_type;
    QByteArray m_blob;
};

} // namespace relayfleet
