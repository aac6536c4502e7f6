#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace relayfleet {

// What a device last reported of its health (runner 6: hourly with its data report, and at once
// when a worry starts or ends), kept by the relay as "EPOCH TEMP THROTTLED LOAD MEM DISK UPTIME
// KERNEL [OS]": the CPU's temperature, the Pi firmware's throttling bits, the load, memory
// available, disk free on /, the uptime, the kernel and (runner 7) the OS, as os-release's ID
// and VERSION_ID ("debian-12"). Untrusted: parse() takes only what is well formed
// and in range; a value the device could not tell ("-") stays unknown.
struct DeviceHealth
{
    Q_DECLARE_TR_FUNCTIONS(DeviceHealth)

public:
    enum class Level
    {
        Unknown, // nothing reported (a runner older than 6)
        Fine,
        Warning,
        Critical,
    };

    QDateTime reported; // the relay's time, moved to this machine's clock; invalid: none
    std::optional<int> temperatureMilliC;
    std::optional<quint32> throttled; // vcgencmd get_throttled's bits
    std::optional<int> load100;       // the 1-minute load x100
    std::optional<int> memoryAvailablePercent;
    std::optional<int> diskFreePercent;
    std::optional<qint64> uptimeSeconds;
    QString kernel;
    QString os; // "debian-12", "raspbian-11"; empty: not told (a runner older than 7)

    // Where the window and `health` draw the line (the device tells a change of its own
    // coarser "worry" at once, the rest hourly).
    static constexpr int kWarmMilliC = 70000;
    static constexpr int kHotMilliC = 80000;
    static constexpr int kLowDiskPercent = 15;
    static constexpr int kFullDiskPercent = 5;
    static constexpr int kLowMemoryPercent = 10;

    bool isValid() const { return reported.isValid(); }
    // One line as the relay keeps it ("EPOCH ..."), or an invalid health.
    static DeviceHealth parse(const QByteArray &line);
    // Every well-formed line of `health ID`'s output, oldest first, its times moved from the
    // relay's clock (its "@now" line) to `localNow`.
    static QList<DeviceHealth> parseHistory(const QByteArray &output, const QDateTime &localNow);

    // The Pi's firmware sees its supply too weak at the moment of the report.
    bool underVoltageNow() const;
    Level level() const;
    // Why the level is what it is, in the user's language ("under-voltage now", "running
    // hot"); the values are in summary().
    QStringList reasons() const;
    static QString levelName(Level level);  // "fine", "warning"... (JSON)
    static QString levelLabel(Level level); // for people, translated
    QJsonValue toJson() const;              // null when nothing was reported
    // "48.3 °C, load 1.15, memory 95 % free, disk 28 % free, up 10 h"
    QString summary() const;
    // "debian-12, kernel 6.12.47+rpt-rpi-v8"; empty when the device told neither.
    QString system() const;
};

} // namespace relayfleet
