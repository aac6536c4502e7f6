#pragma once

#include "base/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

namespace relayfleet {

// What the user wants to be told of (<home>/alerts.json, one file for the window and for
// `relayfleet-cli watch`): how long a device may be unreachable, overall and per label (a
// kiosk at once, a field sensor after a day), the disk and temperature limits, under-voltage,
// and the webhook each alert is also posted to.
struct AlertRules
{
    Q_DECLARE_TR_FUNCTIONS(AlertRules)

public:
    static constexpr qint64 kMaxSeconds = 7 * 24 * 3600;
    // Seconds a device may be unreachable before it is told (0: at once); nothing: never.
    using Limit = std::optional<qint64>;

    Limit offlineSeconds = 600;
    // A label's own limit, which replaces offlineSeconds for its devices.
    QMap<QString, Limit> offlineSecondsByLabel;
    int diskFreeBelowPercent = 10; // 0: not told
    int temperatureAboveC = 80;    // 0: not told
    bool underVoltage = true;
    QString webhookUrl; // http(s)://…; empty: none

    // How long a device with `labels` may be unreachable, or nothing: never told. Of several
    // labels with a limit the shortest wins: the most urgent thing the device is.
    Limit offlineLimit(const QStringList &labels) const;
    // Whether anything at all can be told.
    bool tellsSomething() const;

    // The rules in `path`; the defaults when the file does not exist. An error when it cannot
    // be read or holds a value out of range (never replaced silently).
    static Result<AlertRules> load(const QString &path);
    Result<void> save(const QString &path) const;

    QJsonObject toJson() const;
    static Result<AlertRules> fromJson(const QJsonObject &object);
    // Why `url` cannot be a webhook, in the user's language, or nothing when it can.
    static std::optional<QString> webhookProblem(const QString &url);
};

} // namespace relayfleet
