#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonValue>

namespace relayfleet {

// What a device last reported of the data it uses (runner 4 and later, at most hourly, kept by
// the relay as "EPOCH BYTES MODEM"): its tunnel's this month, billed as a carrier bills it, and
// its modem's signal and bytes since boot where ModemManager runs one. Untrusted: parse()
// takes only what is well formed and in range, and leaves everything unknown otherwise.
struct DataUsage
{
    Q_DECLARE_TR_FUNCTIONS(DataUsage)

public:
    QDateTime reported;      // the relay's time of the report; invalid: none
    qint64 tunnelMonth = -1; // bytes, billed (IP bytes + 54 B a packet)
    bool hasModem = false;   // the device has a modem ModemManager knows
    int modemSignal = -1;    // percent
    qint64 modemBytes = -1;  // both ways, since the device booted

    static constexpr qint64 kMaxBytes = 999999999999999; // 15 digits, as the helper checks

    bool isValid() const { return reported.isValid(); }
    static DataUsage parse(const QByteArray &line);
    QJsonValue toJson() const; // null when nothing was reported
    // For people: "612 KB this month (reported 12:03); modem: signal 67 %, 123 MB since boot".
    QString summary() const;
    // "1.2 MB", as sizes are written here.
    static QString size(qint64 bytes);
};

} // namespace relayfleet
