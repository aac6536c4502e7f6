#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

namespace relayfleet::lab {

// The small files the lab writes for its hosts (configs, keys, /etc files of a booted device)
// and reads back. Each answer says whether the whole file was written.
class LabFiles
{
public:
    static bool write(const QString &path, const QByteArray &data, QFile::Permissions permissions);
    // Appended, and left readable and writable by the owner only (authorized_keys).
    static bool append(const QString &path, const QByteArray &data);
    // The whole file, or nothing when it cannot be read.
    static QByteArray read(const QString &path);
};

} // namespace relayfleet::lab
