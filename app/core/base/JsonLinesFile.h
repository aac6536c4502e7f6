#pragma once

#include "base/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <functional>

namespace relayfleet {

// An append-only file of JSON objects, one a line (push-history.jsonl, audit.jsonl). The
// window and the CLI may append at the same moment: each append is one whole line written
// under a lock file. A line torn by a crash or a full disk is skipped on reading, and the next
// append starts on a line of its own, so nothing after it is lost. Bounded: once the file
// passes `maxBytes` it is moved aside to NAME.1 (dropping the one there), so the two together
// stay under about twice `maxBytes`; reading takes the newest entries of both.
class JsonLinesFile
{
    Q_DECLARE_TR_FUNCTIONS(JsonLinesFile)
public:
    JsonLinesFile(QString path, qint64 maxBytes);

    Result<void> append(const QJsonObject &entry) const;
    // The newest `count` entries that `keep` accepts (all when it is empty), oldest first.
    Result<QList<QJsonObject>>
    last(int count, const std::function<bool(const QJsonObject &)> &keep = {}) const;

    const QString &path() const { return m_path; }
    QString previousPath() const { return m_path + QStringLiteral(".1"); }

private:
    Result<void> read(const QString &path, QList<QJsonObject> &entries,
                      const std::function<bool(const QJsonObject &)> &keep) const;

    QString m_path;
    qint64 m_maxBytes;
};

} // namespace relayfleet
