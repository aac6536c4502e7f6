#pragma once

#include "base/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace relayfleet {

// One of the app's JSON files (relays, keys, desired overrides, device locations): an object
// with a format "version". Every store reads and writes through this, so all of them have the
// same size limit, the same errors and the same atomic write: a crash or a full disk leaves the
// old file or the new one, never half of one, and a file that cannot be read is reported,
// never silently replaced.
class JsonFile
{
    Q_DECLARE_TR_FUNCTIONS(JsonFile)
public:
    static constexpr qint64 kMaxBytes = 4 * 1024 * 1024;

    JsonFile(QString path, int version);

    // The file's object; {"version": N} alone when the file does not exist yet. Io when it
    // cannot be read, is larger than kMaxBytes, is not a JSON object or has another version.
    Result<QJsonObject> read() const;
    // Writes `root` with "version" set, creating the folder; the old file stays until the new
    // one is complete.
    Result<void> write(QJsonObject root) const;

    const QString &path() const { return m_path; }

private:
    QString m_path;
    int m_version;
};

} // namespace relayfleet
