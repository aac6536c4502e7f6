#include "registry/DataUsage.h"

#include "compat/QtCompat.h"

#include <QJsonObject>
#include <QList>
#include <QLocale>

namespace relayfleet {

namespace {

// A count of at most 15 digits and nothing else, or -1.
qint64 count(const QByteArray &word)
{
    if (word.isEmpty() || word.size() > 15) {
        return -1;
    }
    for (const char c : word) {
        if (c < '0' || c > '9') {
            return -1;
        }
    }
    return word.toLongLong();
}

} // namespace

DataUsage DataUsage::parse(const QByteArray &line)
{
    DataUsage usage;
    const QList<QByteArray> words = line.left(128).trimmed().split(' ');
    if (words.size() != 3) {
        return usage;
    }
    const qint64 epoch = count(words[0]);
    const qint64 bytes = count(words[1]);
    if (epoch <= 0 || bytes < 0) {
        return usage;
    }
    if (words[2] != "none") {
        const qsizetype colon = words[2].indexOf(':');
        const qint64 signal = colon > 0 ? count(words[2].left(colon)) : -1;
        const qint64 modemBytes = colon > 0 ? count(words[2].mid(colon + 1)) : -1;
        if (signal < 0 || signal > 100 || modemBytes < 0) {
            return usage;
        }
        usage.hasModem = true;
        usage.modemSignal = static_cast<int>(signal);
        usage.modemBytes = modemBytes;
    }
    usage.tunnelMonth = bytes;
    usage.reported = qtcompat::utcFromSecsSinceEpoch(epoch);
    return usage;
}

QJsonValue DataUsage::toJson() const
{
    if (!isValid()) {
        return QJsonValue();
    }
    return QJsonObject{
        {QStringLiteral("reported"), reported.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("tunnel_month_bytes"), static_cast<double>(tunnelMonth)},
        {QStringLiteral("modem"),
         hasModem ? QJsonValue(QJsonObject{
                        {QStringLiteral("signal_percent"), modemSignal},
                        {QStringLiteral("bytes_since_boot"), static_cast<double>(modemBytes)}})
                  : QJsonValue(QStringLiteral("none"))}};
}

QString DataUsage::size(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

QString DataUsage::summary() const
{
    if (!isValid()) {
        return tr("not reported (a runner older than version 4, or no report yet)");
    }
    const QString tunnel = tr("%1 this month by its tunnel (reported %2)")
                               .arg(size(tunnelMonth), QLocale().toString(reported.toLocalTime(),
                                                                          QLocale::ShortFormat));
    return hasModem ? tr("%1; modem: signal %2 %, %3 since boot")
                          .arg(tunnel)
                          .arg(modemSignal)
                          .arg(size(modemBytes))
                    : tr("%1; no modem found (ModemManager)").arg(tunnel);
}

} // namespace relayfleet
