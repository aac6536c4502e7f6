#include "keys/KeyStore.h"

#include "base/AppPaths.h"
#include "base/JsonFile.h"
#include "compat/SshCompat.h"
#include "ssh/SshHandles.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSaveFile>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace relayfleet {

namespace {

constexpr int kFormat = 1;

Error ioError(const QString &message)
{
    return Error::make(Error::Code::Io, message);
}

// Writes a private key file that is 0600 from the moment it exists (libssh's own writer uses
// the umask, which OpenSSH then rejects), under a temporary name renamed into place.
Result<void> writePrivateFile(const QString &path, const QByteArray &data)
{
    const QByteArray temporary = QFile::encodeName(path + QStringLiteral(".tmp"));
    const int fd = ::open(temporary.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        return ioError(KeyStore::tr("Cannot create %1.").arg(path));
    }
    qsizetype written = 0;
    while (written < data.size()) {
        const ssize_t n =
            ::write(fd, data.constData() + written, static_cast<size_t>(data.size() - written));
        if (n <= 0) {
            ::close(fd);
            ::unlink(temporary.constData());
            return ioError(KeyStore::tr("Cannot write %1.").arg(path));
        }
        written += n;
    }
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (!synced || ::rename(temporary.constData(), QFile::encodeName(path).constData()) != 0) {
        ::unlink(temporary.constData());
        return ioError(KeyStore::tr("Cannot write %1.").arg(path));
    }
    return {};
}

QString randomPassphrase()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return QString::fromLatin1(bytes.toBase64(QByteArray::OmitTrailingEquals));
}

} // namespace

KeyStore::KeyStore(QString home, SecretStore *secrets)
    : m_home(std::move(home))
    , m_secrets(secrets)
{
}

bool KeyStore::isValidName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}\\z"));
    return pattern.match(name).hasMatch();
}

QString KeyStore::protectionName(Protection protection)
{
    switch (protection) {
    case Protection::Keychain:
        return QStringLiteral("keychain");
    case Protection::Prompt:
        return QStringLiteral("passphrase");
    case Protection::None:
        return QStringLiteral("none");
    }
    return QStringLiteral("none");
}

QString KeyStore::keysDir() const
{
    return AppPaths(m_home).keysDir();
}

QString KeyStore::keychainEntry(const Key &key) const
{
    return QStringLiteral("key %1 %2").arg(key.name, key.fingerprint);
}

Result<QList<KeyStore::Key>> KeyStore::list() const
{
    const auto root = JsonFile(AppPaths(m_home).keysFile(), kFormat).read();
    if (!root) {
        return root.error();
    }
    QList<Key> keys;
    for (const QJsonValue &value : root->value(QStringLiteral("keys")).toArray()) {
        const QJsonObject o = value.toObject();
        Key key;
        key.name = o.value(QStringLiteral("name")).toString();
        if (!isValidName(key.name)) {
            continue;
        }
        key.type = o.value(QStringLiteral("type")).toString();
        key.fingerprint = o.value(QStringLiteral("fingerprint")).toString();
        key.comment = o.value(QStringLiteral("comment")).toString();
        key.privateKeyPath = keysDir() + QLatin1Char('/') + key.name;
        QFile pub(key.privateKeyPath + QStringLiteral(".pub"));
        if (pub.open(QIODevice::ReadOnly)) {
            key.publicKey = QString::fromUtf8(pub.readAll()).trimmed();
        }
        const QString protection = o.value(QStringLiteral("protection")).toString();
        key.protection = protection == QLatin1String("none")         ? Protection::None
                         : protection == QLatin1String("passphrase") ? Protection::Prompt
                                                                     : Protection::Keychain;
        for (const QJsonValue &target : o.value(QStringLiteral("installed_on")).toArray()) {
            key.installedOn << target.toString();
        }
        key.created =
            QDateTime::fromString(o.value(QStringLiteral("created")).toString(), Qt::ISODate);
        keys << key;
    }
    return keys;
}

Result<void> KeyStore::saveAll(const QList<Key> &keys)
{
    QJsonArray array;
    for (const Key &key : keys) {
        array.append(QJsonObject{
            {QStringLiteral("name"), key.name},
            {QStringLiteral("type"), key.type},
            {QStringLiteral("fingerprint"), key.fingerprint},
            {QStringLiteral("comment"), key.comment},
            {QStringLiteral("protection"), protectionName(key.protection)},
            {QStringLiteral("installed_on"), QJsonArray::fromStringList(key.installedOn)},
            {QStringLiteral("created"), key.created.toUTC().toString(Qt::ISODate)}});
    }
    return JsonFile(AppPaths(m_home).keysFile(), kFormat)
        .write(QJsonObject{{QStringLiteral("keys"), array}});
}

Result<KeyStore::Key> KeyStore::find(const QString &name) const
{
    auto keys = list();
    if (!keys) {
        return keys.error();
    }
    for (const Key &key : keys.value()) {
        if (key.name == name) {
            return key;
        }
    }
    return Error::make(Error::Code::NotFound, tr("There is no key named \"%1\"; create one with "
                                                 "`relayfleet-cli keys generate %1`.")
                                                  .arg(name.left(64)));
}

std::optional<KeyStore::Key> KeyStore::findByPath(const QString &path) const
{
    auto keys = list();
    if (!keys) {
        return std::nullopt;
    }
    const QString wanted = QFileInfo(path).absoluteFilePath();
    for (const Key &key : keys.value()) {
        if (QFileInfo(key.privateKeyPath).absoluteFilePath() == wanted) {
            return key;
        }
    }
    return std::nullopt;
}

Result<QString> KeyStore::passphrase(const Key &key) const
{
    if (key.protection == Protection::None) {
        return QString();
    }
    if (key.protection == Protection::Prompt || !m_secrets) {
        return Error::make(
            Error::Code::NotFound,
            tr("The passphrase of key %1 is not kept in the keychain.").arg(key.name));
    }
    return m_secrets->read(keychainEntry(key));
}

Result<KeyStore::Key>
KeyStore::generate(const QString &name, const QString &comment, Protection protection,
                   const std::function<std::optional<QString>()> &askPassphrase)
{
    auto existing = list();
    if (!existing) {
        return existing.error();
    }
    auto key = newEntry(name, comment, protection);
    if (!key) {
        return key.error();
    }
    auto pair = createPair(key.value());
    if (!pair) {
        return pair.error();
    }
    auto secret = newSecret(key.value(), askPassphrase);
    if (!secret) {
        return secret.error();
    }
    auto written = writeKeyFiles(key.value(), pair.value(), secret.value());
    if (written) {
        existing->append(key.value());
        written = saveAll(existing.value());
    }
    if (!written) {
        // Nothing of a key that is not in the list stays behind: files, keychain entry.
        QFile::remove(key->privateKeyPath);
        QFile::remove(key->privateKeyPath + QStringLiteral(".pub"));
        if (protection == Protection::Keychain) {
            (void)m_secrets->remove(keychainEntry(key.value()));
        }
        return written.error();
    }
    return key;
}

Result<KeyStore::Key> KeyStore::newEntry(const QString &name, const QString &comment,
                                         Protection protection) const
{
    if (!isValidName(name)) {
        return Error::make(Error::Code::InvalidInput,
                           tr("\"%1\" is not a valid key name (letters, digits, '.', '_', '-').")
                               .arg(name.left(64)));
    }
    Key key;
    key.name = name;
    key.comment = comment.isEmpty() ? QStringLiteral("relayfleet-%1").arg(name) : comment;
    key.protection = protection;
    key.privateKeyPath = keysDir() + QLatin1Char('/') + name;
    key.created = QDateTime::currentDateTimeUtc();
    if (QFile::exists(key.privateKeyPath) ||
        QFile::exists(key.privateKeyPath + QStringLiteral(".pub"))) {
        return Error::make(
            Error::Code::InvalidInput,
            tr("A key file %1 already exists; it is left alone.").arg(key.privateKeyPath));
    }
    if (!QDir().mkpath(keysDir()) ||
        !QFile::setPermissions(keysDir(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner)) {
        return ioError(tr("Cannot create %1.").arg(keysDir()));
    }
    return key;
}

Result<KeyHandle> KeyStore::createPair(Key &key)
{
    ssh_key raw = nullptr;
    if (sshcompat::generateEd25519(&raw) != SSH_OK) {
        return ioError(tr("libssh could not generate an ed25519 key."));
    }
    KeyHandle pair(raw);
    char *pub = nullptr;
    if (ssh_pki_export_pubkey_base64(pair.get(), &pub) != SSH_OK) {
        return ioError(tr("libssh could not export the public key."));
    }
    SshCharHandle pubOwner(pub);
    key.type = QStringLiteral("ssh-ed25519");
    key.publicKey = QStringLiteral("ssh-ed25519 %1 %2").arg(QString::fromLatin1(pub), key.comment);
    key.fingerprint = QStringLiteral("SHA256:") +
                      QString::fromLatin1(QCryptographicHash::hash(QByteArray::fromBase64(pub),
                                                                   QCryptographicHash::Sha256)
                                              .toBase64(QByteArray::OmitTrailingEquals));
    return pair;
}

Result<QString> KeyStore::newSecret(const Key &key,
                                    const std::function<std::optional<QString>()> &askPassphrase)
{
    switch (key.protection) {
    case Protection::Keychain: {
        if (!m_secrets) {
            return Error::make(Error::Code::KeychainUnavailable, tr("No keychain is available."));
        }
        const QString secret = randomPassphrase();
        if (auto rc = m_secrets->write(keychainEntry(key), secret); !rc) {
            return Error::make(Error::Code::KeychainUnavailable, rc.error().message);
        }
        return secret;
    }
    case Protection::Prompt: {
        const auto asked = askPassphrase ? askPassphrase() : std::nullopt;
        if (!asked || asked->size() < 8) {
            return Error::make(Error::Code::InvalidInput,
                               tr("A passphrase of at least 8 characters is needed."));
        }
        return *asked;
    }
    case Protection::None:
        break;
    }
    return QString();
}

Result<void> KeyStore::writeKeyFiles(const Key &key, const KeyHandle &pairHandle,
                                     const QString &secret)
{
    ssh_key pair = pairHandle.get();
    char *b64 = nullptr;
    const QByteArray secretBytes = secret.toUtf8();
    if (ssh_pki_export_privkey_base64(pair, secret.isEmpty() ? nullptr : secretBytes.constData(),
                                      nullptr, nullptr, &b64) != SSH_OK) {
        return ioError(tr("libssh could not export the private key."));
    }
    SshCharHandle privateOwner(b64);
    QByteArray privateText(b64);
    if (!privateText.endsWith('\n')) {
        privateText.append('\n');
    }
    if (auto written = writePrivateFile(key.privateKeyPath, privateText); !written) {
        return written;
    }
    QSaveFile pubFile(key.privateKeyPath + QStringLiteral(".pub"));
    const QByteArray pubText = key.publicKey.toUtf8() + '\n';
    if (!pubFile.open(QIODevice::WriteOnly) || pubFile.write(pubText) != pubText.size() ||
        !pubFile.commit()) {
        return ioError(tr("Cannot write %1.pub.").arg(key.privateKeyPath));
    }
    return {};
}

Result<void> KeyStore::setInstalled(const QString &name, const QString &target, bool installed)
{
    auto keys = list();
    if (!keys) {
        return keys.error();
    }
    for (Key &key : keys.value()) {
        if (key.name == name) {
            key.installedOn.removeAll(target);
            if (installed) {
                key.installedOn << target;
            }
        }
    }
    return saveAll(keys.value());
}

} // namespace relayfleet
