#include "registry/DeviceRecord.h"

#include "hostkeys/HostKey.h"
#include "relay/DeviceTarget.h"

#include <QRegularExpression>
#include <algorithm>

namespace relayfleet {

namespace {

Error invalid(const QString &message)
{
    return Error::make(Error::Code::InvalidInput, message);
}

} // namespace

bool DeviceRecord::isValidLabel(const QString &label)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9][a-z0-9_-]{0,31}\\z"));
    return pattern.match(label).hasMatch();
}

bool DeviceRecord::isValidName(const QString &name)
{
    if (name.isEmpty() || name.size() > 64) {
        return false;
    }
    for (const QChar c : name) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format ||
            c == QChar::ReplacementCharacter || c.isSurrogate()) {
            return false;
        }
    }
    return true;
}

Result<void> DeviceRecord::validate() const
{
    if (!DeviceTarget::isValidId(id)) {
        return invalid(tr("The device id \"%1\" is not valid (a-z, 0-9 and '-', at "
                          "most 63).")
                           .arg(id.left(64).toHtmlEscaped()));
    }
    if (!isValidName(name)) {
        return invalid(tr("Device %1 has an invalid name.").arg(id));
    }
    if (port < 1024 || port > 65535) {
        return invalid(tr("Device %1 has an invalid port %2 (1024-65535).").arg(id).arg(port));
    }
    if (!hostKey.isEmpty() && !HostKey::fromOpenSsh(hostKey)) {
        return invalid(tr("Device %1 has an invalid host key.").arg(id));
    }
    static const QRegularExpression fingerprint(QStringLiteral("^SHA256:[A-Za-z0-9+/]{43}\\z"));
    if (!tunnelKey.isEmpty() && !fingerprint.match(tunnelKey).hasMatch()) {
        return invalid(tr("Device %1 has an invalid tunnel key fingerprint.").arg(id));
    }
    static const QRegularExpression userPattern(
        QStringLiteral("^[A-Za-z0-9._][A-Za-z0-9._-]{0,31}\\z"));
    if (!user.isEmpty() && !userPattern.match(user).hasMatch()) {
        return invalid(tr("Device %1 has an invalid user name.").arg(id));
    }
    if (labels.size() > 32) {
        return invalid(tr("Device %1 has more than 32 labels.").arg(id));
    }
    for (const QString &label : labels) {
        if (!isValidLabel(label)) {
            return invalid(tr("Device %1 has an invalid label.").arg(id));
        }
    }
    return {};
}

Result<DeviceRecord> DeviceRecord::parse(const QByteArray &text)
{
    if (text.size() > kMaxSize) {
        return invalid(tr("A registry entry is larger than 16 KiB."));
    }
    const QString decoded = QString::fromUtf8(text);
    if (decoded.contains(QChar::ReplacementCharacter) || decoded.contains(QChar(0))) {
        return invalid(tr("A registry entry is not valid UTF-8 text."));
    }
    DeviceRecord record;
    int format = 0;
    for (const QString &rawLine : decoded.split(QLatin1Char('\n'))) {
        const QString line = rawLine.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#'))) {
            continue;
        }
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            return invalid(tr("A registry entry has a line without '='."));
        }
        const QString key = line.left(eq);
        const QString value = line.mid(eq + 1);
        if (key == QLatin1String("format")) {
            format = value.toInt();
        } else if (key == QLatin1String("id")) {
            record.id = value;
        } else if (key == QLatin1String("name")) {
            record.name = value;
        } else if (key == QLatin1String("port")) {
            bool ok = false;
            record.port = value.toInt(&ok);
            if (!ok) {
                record.port = 0;
            }
        } else if (key == QLatin1String("host_key")) {
            record.hostKey = value;
        } else if (key == QLatin1String("tunnel_key")) {
            record.tunnelKey = value;
        } else if (key == QLatin1String("labels")) {
            record.labels = value.split(QLatin1Char(','), Qt::SkipEmptyParts);
        } else if (key == QLatin1String("user")) {
            record.user = value;
        } else if (key == QLatin1String("device_files")) { // the runner's, as it was first named
            record.files.runner = std::clamp(value.toInt(), 0, 1000000);
        } else if (key == QLatin1String("key_helper")) {
            record.files.keyHelper = std::clamp(value.toInt(), 0, 1000000);
        } else if (key == QLatin1String("overrides_module")) {
            record.files.overridesModule = std::clamp(value.toInt(), 0, 1000000);
        } else if (key == QLatin1String("enrolled")) {
            record.enrolled = QDateTime::fromString(value, Qt::ISODate);
        }
        // Unknown keys are kept out, so a newer helper's additions do not break older apps.
    }
    if (format != kFormat) {
        return invalid(tr("A registry entry has format %1; this Relay Fleet reads "
                          "format %2.")
                           .arg(format)
                           .arg(kFormat));
    }
    if (record.name.isEmpty()) {
        record.name = record.id;
    }
    if (auto rc = record.validate(); !rc) {
        return rc.error();
    }
    return record;
}

QByteArray DeviceRecord::serialize() const
{
    QByteArray out =
        "# Relay Fleet device registry entry; written by relayfleet, read by people too.\n";
    out += "format=" + QByteArray::number(kFormat) + '\n';
    out += "id=" + id.toUtf8() + '\n';
    out += "name=" + name.toUtf8() + '\n';
    out += "port=" + QByteArray::number(port) + '\n';
    if (!hostKey.isEmpty()) {
        out += "host_key=" + hostKey.toUtf8() + '\n';
    }
    if (files.runner > 0) {
        out += "device_files=" + QByteArray::number(files.runner) + '\n';
    }
    if (files.keyHelper > 0) {
        out += "key_helper=" + QByteArray::number(files.keyHelper) + '\n';
    }
    if (files.overridesModule > 0) {
        out += "overrides_module=" + QByteArray::number(files.overridesModule) + '\n';
    }
    if (!tunnelKey.isEmpty()) {
        out += "tunnel_key=" + tunnelKey.toUtf8() + '\n';
    }
    out += "labels=" + labels.join(QLatin1Char(',')).toUtf8() + '\n';
    if (!user.isEmpty()) {
        out += "user=" + user.toUtf8() + '\n';
    }
    if (enrolled.isValid()) {
        out += "enrolled=" + enrolled.toUTC().toString(Qt::ISODate).toUtf8() + '\n';
    }
    return out;
}

} // namespace relayfleet
