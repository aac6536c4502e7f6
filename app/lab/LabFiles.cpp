#include "LabFiles.h"

namespace relayfleet::lab {

bool LabFiles::write(const QString &path, const QByteArray &data, QFile::Permissions permissions)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        return false;
    }
    const bool ok = file.write(data) == data.size();
    file.close();
    return ok && file.setPermissions(permissions);
}

bool LabFiles::append(const QString &path, const QByteArray &data)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append)) {
        return false;
    }
    const bool ok = file.write(data) == data.size();
    file.close();
    return ok && file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
}

QByteArray LabFiles::read(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace relayfleet::lab
