#include "hostkeys/HostKey.h"

#include <QCryptographicHash>
#include <QStringList>
#include <QtEndian>

namespace relayfleet {

namespace {

constexpr qsizetype kMaxBlobSize = 16 * 1024; // far above any RSA-16384 key

bool isKnownKeyType(QStringView type)
{
    static const QStringList types = {
        QStringLiteral("ssh-ed25519"),
        QStringLiteral("ssh-rsa"),
        QStringLiteral("ecdsa-sha2-nistp256"),
        QStringLiteral("ecdsa-sha2-nistp384"),
        QStringLiteral("ecdsa-sha2-nistp521"),
        QStringLiteral("sk-ssh-ed25519@openssh.com"),
        QStringLiteral("sk-ecdsa-sha2-nistp256@openssh.com"),
    };
    return types.contains(type);
}

// The blob starts with its own type as an SSH string; a blob of another type is a forgery.
bool blobNamesType(const QByteArray &blob, const QString &type)
{
    if (blob.size() < 4) {
        return false;
    }
    const quint32 len = qFromBigEndian<quint32>(blob.constData());
    if (len > static_cast<quint32>(blob.size() - 4)) {
        return false;
    }
    return QString::fromLatin1(blob.constData() + 4, static_cast<qsizetype>(len)) == type;
}

} // namespace

HostKey::HostKey(QString type, QByteArray blob)
    : m_type(std::move(type))
    , m_blob(std::move(blob))
{
}

Result<HostKey> HostKey::fromOpenSsh(QStringView text)
{
    const auto parts = text.trimmed().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (parts.size() < 2) {
        return Error::make(Error::Code::InvalidInput,
                           tr("A host key needs a type and a base64 body."));
    }
    const QString type = parts[0].toString();
    if (!isKnownKeyType(type)) {
        return Error::make(Error::Code::InvalidInput,
                           tr("Unsupported host key type \"%1\".").arg(type.left(40)));
    }
    const QByteArray encoded = parts[1].toLatin1();
    if (encoded.size() > kMaxBlobSize * 4 / 3 + 4) {
        return Error::make(Error::Code::InvalidInput, tr("The host key is too long."));
    }
    auto decoded = QByteArray::fromBase64Encoding(encoded, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty() || !blobNamesType(decoded.decoded, type)) {
        return Error::make(Error::Code::InvalidInput,
                           tr("The host key body is not valid base64 of a %1 key.").arg(type));
    }
    return HostKey(type, std::move(decoded.decoded));
}

QString HostKey::base64() const
{
    return QString::fromLatin1(m_blob.toBase64());
}

QString HostKey::toOpenSsh() const
{
    return m_type + QLatin1Char(' ') + base64();
}

QString HostKey::fingerprint() const
{
    const QByteArray digest = QCryptographicHash::hash(m_blob, QCryptographicHash::Sha256);
    return QStringLiteral("SHA256:") +
           QString::fromLatin1(digest.toBase64(QByteArray::OmitTrailingEquals));
}

} // namespace relayfleet
