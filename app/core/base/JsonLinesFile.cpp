#include "base/JsonLinesFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLockFile>

namespace relayfleet {

namespace {
// Longer than any entry this program writes: a longer line is damage, not an entry.
constexpr qint64 kMaxLineBytes = 1024 * 1024;
// Another program holds the lock for one write; a lock older than this was left by a crash.
constexpr int kLockWaitMs = 3000;
constexpr int kStaleLockMs = 10000;
} // namespace

JsonLinesFile::JsonLinesFile(QString path, qint64 maxBytes)
    : m_path(std::move(path))
    , m_maxBytes(maxBytes)
{
}

Result<void> JsonLinesFile::append(const QJsonObject &entry) const
{
    const auto cannotWrite = [this] {
        return Error::make(Error::Code::Io, tr("Cannot write %1.").arg(m_path));
    };
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath())) {
        return cannotWrite();
    }
    QLockFile lock(m_path + QStringLiteral(".lock"));
    lock.setStaleLockTime(kStaleLockMs);
    if (!lock.tryLock(kLockWaitMs)) {
        return Error::make(Error::Code::Io,
                           tr("Cannot write %1: another program keeps it locked.").arg(m_path));
    }
    if (QFileInfo(m_path).size() >= m_maxBytes) {
        QFile::remove(previousPath());
        if (!QFile::rename(m_path, previousPath())) {
            return cannotWrite();
        }
    }
    QFile file(m_path);
    if (!file.open(QIODevice::ReadWrite | QIODevice::Append)) {
        return cannotWrite();
    }
    QByteArray line = QJsonDocument(entry).toJson(QJsonDocument::Compact) + '\n';
    char lastByte = '\n';
    if (file.size() > 0 && file.seek(file.size() - 1) && file.getChar(&lastByte) &&
        lastByte != '\n') {
        line.prepend('\n');
    }
    if (file.write(line) != line.size() || !file.flush()) {
        return cannotWrite();
    }
    return {};
}

Result<void> JsonLinesFile::read(const QString &path, QList<QJsonObject> &entries,
                                 const std::function<bool(const QJsonObject &)> &keep) const
{
    QFile file(path);
    if (!file.exists()) {
        return {};
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return Error::make(Error::Code::Io, tr("Cannot read %1.").arg(path));
    }
    // Only the newest part of a file grown past its bound by hand or by another version.
    if (file.size() > 2 * m_maxBytes) {
        file.seek(file.size() - 2 * m_maxBytes);
        file.readLine(kMaxLineBytes); // the rest of a line cut by the seek
    }
    while (!file.atEnd()) {
        const QByteArray line = file.readLine(kMaxLineBytes);
        const QJsonDocument document = QJsonDocument::fromJson(line);
        if (document.isObject() && (!keep || keep(document.object()))) {
            entries << document.object();
        }
    }
    return {};
}

Result<QList<QJsonObject>>
JsonLinesFile::last(int count, const std::function<bool(const QJsonObject &)> &keep) const
{
    QList<QJsonObject> entries;
    for (const QString &path : {previousPath(), m_path}) {
        if (auto read = this->read(path, entries, keep); !read) {
            return read.error();
        }
    }
    return entries.mid(std::max<qsizetype>(0, entries.size() - std::max(count, 0)));
}

} // namespace relayfleet
