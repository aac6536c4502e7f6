#include "registry/DeviceFiles.h"

#include <QFile>
#include <QRegularExpression>

namespace relayfleet {

QByteArray DeviceFiles::builtIn(const QString &name)
{
    QFile file(QStringLiteral(":/relayfleet/device/relayfleet-") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray DeviceFiles::builtInModule()
{
    QFile file(QStringLiteral(":/relayfleet/device/python/relayfleet_overrides.py"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

int DeviceFiles::versionOf(const QByteArray &script)
{
    static const QRegularExpression line(QStringLiteral("^# relayfleet-version: (\\d{1,6})"),
                                         QRegularExpression::MultilineOption);
    const auto match = line.match(QString::fromUtf8(script.left(4096)));
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

int DeviceFiles::currentVersion()
{
    static const int version = versionOf(builtIn(QStringLiteral("tunnel")));
    return version;
}

} // namespace relayfleet
