#include "base/JsonFile.h"

#include "base/Error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

namespace relayfleet {

namespace {
const QString kVersionKey = QStringLiteral("version");
} // namespace

JsonFile::JsonFile(QString path, int version)
    : m_path(std::move(path))
    , m_version(version)
{
}

Result<QJsonObject> JsonFile::read() const
{
    QFile file(m_path);
    if (!file.exists()) {
        return QJsonObject{{kVersionKey, m_version}};
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return Error::make(Error::Code::Io,
                           tr("Cannot read %1: %2").arg(m_path, file.errorString()));
    }
    if (file.size() > kMaxBytes) {
        return Error::make(Error::Code::Io,
                           tr("%1 is %2 bytes; the app reads at most %3. Fix or remove it.")
                               .arg(m_path)
                               .arg(file.size())
                               .arg(kMaxBytes));
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        return Error::make(Error::Code::Io,
                           tr("%1 is not valid JSON (%2); fix or remove it.")
                               .arg(m_path, parseError.error == QJsonParseError::NoError
                                                ? tr("not an object")
                                                : parseError.errorString()));
    }
    const int version = doc.object().value(kVersionKey).toInt();
    if (version != m_version) {
        return Error::make(Error::Code::Io,
                           tr("%1 has format version %2; this Relay Fleet reads version %3.")
                               .arg(m_path)
                               .arg(version)
                               .arg(m_version));
    }
    return doc.object();
}

Result<void> JsonFile::write(QJsonObject root) const
{
    root.insert(kVersionKey, m_version);
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
