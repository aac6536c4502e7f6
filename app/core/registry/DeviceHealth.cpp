#include "registry/DeviceHealth.h"

#include "compat/QtCompat.h"
#include "registry/RegistryListing.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

namespace relayfleet {

namespace {

// The Pi firmware's bits (vcgencmd get_throttled): now, and since boot.
constexpr quint32 kUnderVoltageNow = 0x1;
constexpr quint32 kThrottledNow = 0x4;
constexpr quint32 kSoftTempLimitNow = 0x8;
constexpr quint32 kUnderVoltageSinceBoot = 0x10000;
constexpr quint32 kThrottledSinceBoot = 0x40000;

// Digits only, at most `maxDigits`, as a number; "-" and anything else: nothing.
std::optional<qint64> number(const QByteArray &word, int maxDigits)
{
    if (word.isEmpty() || word.size() > maxDigits) {
        return std::nullopt;
    }
    for (const char c : word) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
    }
    return word.toLongLong();
}

std::optional<int> percent(const QByteArray &word)
{
    const auto value = number(word, 3);
    return value && *value <= 100 ? std::optional<int>(int(*value)) : std::nullopt;
}

} // namespace

DeviceHealth DeviceHealth::parse(const QByteArray &line)
{
    DeviceHealth health;
    const QList<QByteArray> words = line.left(240).trimmed().split(' ');
    if (words.size() != 8 && words.size() != 9) { // the OS from runner 7
        return health;
    }
    const auto epoch = number(words[0], 11);
    if (!epoch || *epoch <= 0) {
        return health;
    }
    const auto known = [](const QByteArray &word) {
        return word != "-";
    };
    if (known(words[1])) {
        const auto temperature = number(words[1], 7);
        if (!temperature) {
            return health;
        }
        health.temperatureMilliC = int(*temperature);
    }
    if (known(words[2])) {
        bool ok = false;
        const quint32 bits = words[2].startsWith("0x") && words[2].size() <= 10
                                 ? words[2].mid(2).toUInt(&ok, 16)
                                 : 0;
        if (!ok) {
            return health;
        }
        health.throttled = bits;
    }
    if (known(words[3])) {
        const auto load = number(words[3], 7);
        if (!load) {
            return health;
        }
        health.load100 = int(*load);
    }
    for (const auto &[word, field] : {std::pair{words[4], &health.memoryAvailablePercent},
                                      std::pair{words[5], &health.diskFreePercent}}) {
        if (known(word)) {
            const auto value = percent(word);
            if (!value) {
                return DeviceHealth();
            }
            *field = *value;
        }
    }
    if (known(words[6])) {
        health.uptimeSeconds = number(words[6], 10);
        if (!health.uptimeSeconds) {
            return DeviceHealth();
        }
    }
    static const QRegularExpression kernel(QStringLiteral("^[A-Za-z0-9._+-]{1,40}$"));
    static const QRegularExpression os(QStringLiteral("^[A-Za-z0-9._+-]{1,32}$"));
    for (const auto &[index, pattern, field] :
         {std::tuple{7, &kernel, &health.kernel}, std::tuple{8, &os, &health.os}}) {
        if (index < words.size() && known(words[index])) {
            const QString name = QString::fromLatin1(words[index]);
            if (!pattern->match(name).hasMatch()) {
                return DeviceHealth();
            }
            *field = name;
        }
    }
    health.reported = qtcompat::utcFromSecsSinceEpoch(*epoch);
    return health;
}

QList<DeviceHealth> DeviceHealth::parseHistory(const QByteArray &output, const QDateTime &localNow)
{
    QList<DeviceHealth> history;
    qint64 ahead = 0; // how far this machine's clock is ahead of the relay's
    for (const QByteArray &line : output.left(256 * 1024).split('\n')) {
        if (line.startsWith("@now ")) {
            const auto relayNow = number(line.mid(5).trimmed(), 11);
            if (relayNow && localNow.isValid()) {
                ahead = qtcompat::utcFromSecsSinceEpoch(*relayNow).secsTo(localNow);
                if (qAbs(ahead) <= RegistryListing::kClockSlackSeconds) {
                    ahead = 0; // the round trip and whole seconds, not a clock off
                }
            }
            continue;
        }
        DeviceHealth health = parse(line);
        if (health.isValid()) {
            health.reported = health.reported.addSecs(ahead);
            history << health;
        }
    }
    return history;
}

DeviceHealth::Level DeviceHealth::level() const
{
    if (!isValid()) {
        return Level::Unknown;
    }
    const quint32 bits = throttled.value_or(0);
    if ((bits & (kUnderVoltageNow | kThrottledNow)) ||
        temperatureMilliC.value_or(0) >= kHotMilliC ||
        (diskFreePercent && *diskFreePercent < kFullDiskPercent)) {
        return Level::Critical;
    }
    if ((bits & (kSoftTempLimitNow | kUnderVoltageSinceBoot | kThrottledSinceBoot)) ||
        temperatureMilliC.value_or(0) >= kWarmMilliC ||
        (diskFreePercent && *diskFreePercent < kLowDiskPercent) ||
        (memoryAvailablePercent && *memoryAvailablePercent < kLowMemoryPercent)) {
        return Level::Warning;
    }
    return Level::Fine;
}

bool DeviceHealth::underVoltageNow() const
{
    return isValid() && (throttled.value_or(0) & kUnderVoltageNow);
}

QStringList DeviceHealth::reasons() const
{
    QStringList reasons;
    if (!isValid()) {
        return reasons;
    }
    const quint32 bits = throttled.value_or(0);
    if (bits & kUnderVoltageNow) {
        reasons << tr("under-voltage now (its power supply is too weak)");
    } else if (bits & kUnderVoltageSinceBoot) {
        reasons << tr("under-voltage since it started");
    }
    if (bits & kThrottledNow) {
        reasons << tr("throttled now");
    } else if (bits & kThrottledSinceBoot) {
        reasons << tr("throttled since it started");
    }
    // The values themselves are in summary(): the reasons name the worry.
    if (temperatureMilliC && *temperatureMilliC >= kHotMilliC) {
        reasons << tr("running hot");
    } else if (temperatureMilliC && *temperatureMilliC >= kWarmMilliC) {
        reasons << tr("running warm");
    }
    if (diskFreePercent && *diskFreePercent < kFullDiskPercent) {
        reasons << tr("disk almost full");
    } else if (diskFreePercent && *diskFreePercent < kLowDiskPercent) {
        reasons << tr("disk filling up");
    }
    if (memoryAvailablePercent && *memoryAvailablePercent < kLowMemoryPercent) {
        reasons << tr("memory short");
    }
    return reasons;
}

QString DeviceHealth::levelName(Level level)
{
    switch (level) {
    case Level::Unknown:
        return QStringLiteral("unknown");
    case Level::Fine:
        return QStringLiteral("fine");
    case Level::Warning:
        return QStringLiteral("warning");
    case Level::Critical:
        return QStringLiteral("critical");
    }
    return QStringLiteral("unknown");
}

QString DeviceHealth::levelLabel(Level level)
{
    switch (level) {
    case Level::Unknown:
        return tr("not reported");
    case Level::Fine:
        return tr("fine");
    case Level::Warning:
        return tr("warning");
    case Level::Critical:
        return tr("critical");
    }
    return tr("not reported");
}

QJsonValue DeviceHealth::toJson() const
{
    if (!isValid()) {
        return QJsonValue();
    }
    const auto optional = [](const auto &value) {
        return value ? QJsonValue(double(*value)) : QJsonValue();
    };
    return QJsonObject{
        {QStringLiteral("reported"), reported.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("level"), levelName(level())},
        {QStringLiteral("reasons"), QJsonArray::fromStringList(reasons())},
        {QStringLiteral("temperature_c"),
         temperatureMilliC ? QJsonValue(*temperatureMilliC / 1000.0) : QJsonValue()},
        {QStringLiteral("throttled"),
         throttled ? QJsonValue(QStringLiteral("0x%1").arg(*throttled, 0, 16)) : QJsonValue()},
        {QStringLiteral("load"), load100 ? QJsonValue(*load100 / 100.0) : QJsonValue()},
        {QStringLiteral("memory_available_percent"), optional(memoryAvailablePercent)},
        {QStringLiteral("disk_free_percent"), optional(diskFreePercent)},
        {QStringLiteral("uptime_seconds"), optional(uptimeSeconds)},
        {QStringLiteral("kernel"), kernel.isEmpty() ? QJsonValue() : QJsonValue(kernel)},
        {QStringLiteral("os"), os.isEmpty() ? QJsonValue() : QJsonValue(os)},
    };
}

QString DeviceHealth::summary() const
{
    if (!isValid()) {
        return tr("not reported (its runner is older than version 6)");
    }
    const QLocale locale;
    QStringList parts;
    if (temperatureMilliC) {
        parts << tr("%1 °C").arg(locale.toString(*temperatureMilliC / 1000.0, 'f', 1));
    }
    if (load100) {
        parts << tr("load %1").arg(locale.toString(*load100 / 100.0, 'f', 2));
    }
    if (memoryAvailablePercent) {
        parts << tr("memory %1 % free").arg(*memoryAvailablePercent);
    }
    if (diskFreePercent) {
        parts << tr("disk %1 % free").arg(*diskFreePercent);
    }
    if (uptimeSeconds) {
        parts << tr("up %n h", nullptr, int(*uptimeSeconds / 3600));
    }
    return parts.join(QStringLiteral(", "));
}

QString DeviceHealth::system() const
{
    QStringList parts;
    if (!os.isEmpty()) {
        parts << os;
    }
    if (!kernel.isEmpty()) {
        parts << tr("kernel %1").arg(kernel);
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace relayfleet
