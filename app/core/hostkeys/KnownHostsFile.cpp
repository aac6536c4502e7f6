#include "hostkeys/KnownHostsFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageAuthenticationCode>
#include <QSaveFile>

namespace relayfleet {

namespace {

constexpr qint64 kMaxFileSize = 8 * 1024 * 1024;

bool hashedNameMatches(QByteArrayView pattern, const QString &name)
{
    // |1|base64(salt)|base64(HMAC-SHA1(salt, name))
    const QList<QByteArray> parts = pattern.toByteArray().split('|');
    if (parts.size() != 4 || !parts[0].isEmpty() || parts[1] != "1") {
        return false;
    }
    const QByteArray salt = QByteArray::fromBase64(parts[2]);
    const QByteArray expected = QByteArray::fromBase64(parts[3]);
    if (salt.isEmpty() || expected.isEmpty()) {
        return false;
    }
    return QMessageAuthenticationCode::hash(name.toUtf8(), salt, QCryptographicHash::Sha1) ==
           expected;
}

bool patternListMatches(QByteArrayView patterns, const QString &name)
{
    if (patterns.startsWith("|")) {
        return hashedNameMatches(patterns, name);
    }
    const QByteArray wanted = name.toUtf8();
    bool matched = false;
    for (const QByteArray &raw : patterns.toByteArray().split(',')) {
        // Wildcards are deliberately not honoured: a pin is for one exact name.
        if (raw.startsWith('!')) {
            if (raw.mid(1) == wanted) {
                return false;
            }
        } else if (raw == wanted) {
            matched = true;
        }
    }
    return matched;
}

} // namespace

KnownHostsFile::KnownHostsFile(QString path)
    : m_path(std::move(path))
{
}

QString KnownHostsFile::hostName(const QString &host, int port)
{
    if (port == 22) {
        return host;
    }
    return QStringLiteral("[%1]:%2").arg(host).arg(port);
}

QString KnownHostsFile::deviceAlias(const QString &deviceId)
{
    return QStringLiteral("relayfleet-") + deviceId;
}

QList<HostKey> KnownHostsFile::keysIn(const QByteArray &contents, const QString &name)
{
    QList<HostKey> keys;
    for (const QByteArray &rawLine : contents.split('\n')) {
        const QByteArray line = rawLine.trimmed();
        if (line.isEmpty() || line.startsWith('#') || line.startsWith('@')) {
            continue; // markers (@revoked, @cert-authority) are not pins
        }
        const auto fields = line.simplified().split(' ');
        if (fields.size() < 3 || !patternListMatches(fields[0], name)) {
            continue;
        }
        const QString keyText = QString::fromLatin1(fields[1] + ' ' + fields[2]);
        if (auto key = HostKey::fromOpenSsh(keyText)) {
            keys.append(key.value());
        }
    }
    return keys;
}

Result<QList<HostKey>> KnownHostsFile::keysFor(const QString &name) const
{
    auto contents = readAll();
    if (!contents) {
        return contents.error();
    }
    return keysIn(contents.value(), name);
}

Result<void> KnownHostsFile::add(const QString &name, const HostKey &key)
{
    std::lock_guard lock(m_writeMutex);
    auto contents = readAll();
    if (!contents) {
        return contents.error();
    }
    QByteArray updated = contents.value();
    if (!updated.isEmpty() && !updated.endsWith('\n')) {
        updated.append('\n');
    }
    updated.append(name.toUtf8() + ' ' + key.toOpenSsh().toLatin1() + '\n');
    return writeAll(updated);
}

Result<void> KnownHostsFile::removeAll(const QString &name)
{
    std::lock_guard lock(m_writeMutex);
    auto contents = readAll();
    if (!contents) {
        return contents.error();
    }
    QByteArray kept;
    for (const QByteArray &line : contents.value().split('\n')) {
        const auto fields = line.simplified().split(' ');
        if (fields.size() >= 3 && !line.startsWith('#') && !line.startsWith('@') &&
            patternListMatches(fields[0], name)) {
            continue;
        }
        kept.append(line + '\n');
    }
    kept.chop(1); // split() yields one more element than there were newlines
    return writeAll(kept);
}

Result<QByteArray> KnownHostsFile::readAll() const
{
    QFile file(m_path);
    if (!file.exists()) {
        return QByteArray();
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return Error::make(
            Error::Code::Io,
            tr("Cannot read the known hosts file %1: %2").arg(m_path, file.errorString()));
    }
    if (file.size() > kMaxFileSize) {
        return Error::make(Error::Code::Io,
                           tr("The known hosts file %1 is larger than 8 MiB.").arg(m_path));
    }
    return file.readAll();
}

Result<void> KnownHostsFile::writeAll(const QByteArray &contents)
{
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath())) {
        return Error::make(Error::Code::Io, tr("Cannot create the folder for %1.").arg(m_path));
    }
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size() ||
        !file.commit()) {
        return Error::make(
            Error::Code::Io,
            tr("Cannot write the known hosts file %1: %2").arg(m_path, file.errorString()));
    }
    return {};
}

} // namespace relayfleet
