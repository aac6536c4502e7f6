#include "fleet/AlertRules.h"

#include "base/JsonFile.h"
#include "registry/DeviceRecord.h"

#include <QUrl>
#include <algorithm>

namespace relayfleet {

namespace {
constexpr int kFormatVersion = 1;
constexpr int kMaxLabels = 200;
constexpr int kMaxUrlChars = 2000;

const QString kOffline = QStringLiteral("offline_after_seconds");
const QString kLabels = QStringLiteral("offline_after_seconds_by_label");
const QString kDisk = QStringLiteral("disk_free_below_percent");
const QString kTemperature = QStringLiteral("temperature_above_c");
const QString kUnderVoltage = QStringLiteral("under_voltage");
const QString kWebhook = QStringLiteral("webhook_url");

// A whole number from `min` to `max`, or nothing.
std::optional<qint64> number(const QJsonValue &value, qint64 min, qint64 max)
{
    const double number = value.toDouble(-1);
    if (!value.isDouble() || number != double(qint64(number)) || number < double(min) ||
        number > double(max)) {
        return std::nullopt;
    }
    return qint64(number);
}

// The number under `key`, or `fallback` when the key is missing.
std::optional<qint64> number(const QJsonObject &object, const QString &key, qint64 fallback,
                             qint64 min, qint64 max)
{
    const QJsonValue value = object.value(key);
    return value.isUndefined() ? fallback : number(value, min, max);
}

// A limit: seconds, or null for never; nothing when it is neither.
std::optional<AlertRules::Limit> limit(const QJsonValue &value)
{
    if (value.isNull()) {
        return AlertRules::Limit();
    }
    const auto seconds = number(value, 0, AlertRules::kMaxSeconds);
    return seconds ? std::optional<AlertRules::Limit>(*seconds) : std::nullopt;
}

QJsonValue limitJson(const AlertRules::Limit &limit)
{
    return limit ? QJsonValue(double(*limit)) : QJsonValue(QJsonValue::Null);
}
} // namespace

AlertRules::Limit AlertRules::offlineLimit(const QStringList &labels) const
{
    Limit byLabel;
    bool labelled = false;
    for (const QString &label : labels) {
        const auto it = offlineSecondsByLabel.constFind(label);
        if (it == offlineSecondsByLabel.constEnd()) {
            continue;
        }
        labelled = true;
        if (*it) {
            byLabel = byLabel ? std::min(*byLabel, **it) : **it;
        }
    }
    // "Never" only when every limit its labels have says never.
    return labelled ? byLabel : offlineSeconds;
}

bool AlertRules::tellsSomething() const
{
    if (offlineSeconds || diskFreeBelowPercent > 0 || temperatureAboveC > 0 || underVoltage) {
        return true;
    }
    return std::any_of(offlineSecondsByLabel.cbegin(), offlineSecondsByLabel.cend(),
                       [](const Limit &limit) { return limit.has_value(); });
}

std::optional<QString> AlertRules::webhookProblem(const QString &url)
{
    const QUrl parsed(url, QUrl::StrictMode);
    if (url.size() > kMaxUrlChars || !parsed.isValid() ||
        (parsed.scheme() != QLatin1String("https") && parsed.scheme() != QLatin1String("http")) ||
        parsed.host().isEmpty()) {
        return tr("A webhook is an address starting with https:// (or http://) and a host name, "
                  "such as https://hooks.slack.com/services/…");
    }
    return std::nullopt;
}

QJsonObject AlertRules::toJson() const
{
    QJsonObject labels;
    for (auto it = offlineSecondsByLabel.constBegin(); it != offlineSecondsByLabel.constEnd();
         ++it) {
        labels.insert(it.key(), limitJson(it.value()));
    }
    return QJsonObject{
        {kOffline, limitJson(offlineSeconds)}, {kLabels, labels},
        {kDisk, diskFreeBelowPercent},         {kTemperature, temperatureAboveC},
        {kUnderVoltage, underVoltage},         {kWebhook, webhookUrl},
    };
}

Result<AlertRules> AlertRules::fromJson(const QJsonObject &object)
{
    AlertRules rules;
    const auto bad = [](const QString &key) {
        return Error::make(Error::Code::InvalidInput,
                           tr("The alert setting \"%1\" is not a number in range.").arg(key));
    };
    const auto offline = object.contains(kOffline) ? limit(object.value(kOffline))
                                                   : std::optional<Limit>(rules.offlineSeconds);
    const auto disk = number(object, kDisk, rules.diskFreeBelowPercent, 0, 99);
    const auto temperature = number(object, kTemperature, rules.temperatureAboveC, 0, 120);
    if (!offline) {
        return bad(kOffline);
    }
    if (!disk) {
        return bad(kDisk);
    }
    if (!temperature) {
        return bad(kTemperature);
    }
    rules.offlineSeconds = *offline;
    rules.diskFreeBelowPercent = int(*disk);
    rules.temperatureAboveC = int(*temperature);
    const QJsonValue underVoltage = object.value(kUnderVoltage);
    if (!underVoltage.isUndefined() && !underVoltage.isBool()) {
        return Error::make(Error::Code::InvalidInput,
                           tr("The alert setting \"%1\" is not true or false.").arg(kUnderVoltage));
    }
    rules.underVoltage = underVoltage.toBool(rules.underVoltage);
    const QJsonObject labels = object.value(kLabels).toObject();
    if (labels.size() > kMaxLabels) {
        return Error::make(Error::Code::InvalidInput,
                           tr("Alerts name more than %1 labels.").arg(kMaxLabels));
    }
    for (auto it = labels.constBegin(); it != labels.constEnd(); ++it) {
        const auto seconds = limit(it.value());
        if (!DeviceRecord::isValidLabel(it.key()) || !seconds) {
            return Error::make(Error::Code::InvalidInput,
                               tr("The alert limit for the label \"%1\" is not a label and a "
                                  "number of seconds.")
                                   .arg(it.key().left(80)));
        }
        rules.offlineSecondsByLabel.insert(it.key(), *seconds);
    }
    rules.webhookUrl = object.value(kWebhook).toString().trimmed();
    if (!rules.webhookUrl.isEmpty()) {
        if (const auto problem = webhookProblem(rules.webhookUrl)) {
            return Error::make(Error::Code::InvalidInput, *problem);
        }
    }
    return rules;
}

Result<AlertRules> AlertRules::load(const QString &path)
{
    const auto root = JsonFile(path, kFormatVersion).read();
    if (!root) {
        return root.error();
    }
    auto rules = fromJson(root.value());
    if (!rules) {
        return Error::make(
            Error::Code::Io,
            tr("The alert settings in %1 cannot be used: %2").arg(path, rules.error().message));
    }
    return rules;
}

Result<void> AlertRules::save(const QString &path) const
{
    return JsonFile(path, kFormatVersion).write(toJson());
}

} // namespace relayfleet
