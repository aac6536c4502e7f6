#include "settings/AppSettings.h"

#include <QDir>
#include <QRegularExpression>
#include <algorithm>

namespace relayfleet::gui {

namespace {
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kLanguage = QStringLiteral("general/language");
const QString kRefresh = QStringLiteral("fleet/refreshSeconds");
const QString kCheckDevices = QStringLiteral("fleet/checkDevicesMinutes");
const QString kAlertOffline = QStringLiteral("alerts/offlineMinutes");
const QString kDemoOffered = QStringLiteral("general/demoOffered");
constexpr int kDefaultRefreshSeconds = 30;
} // namespace

AppSettings::AppSettings(const QString &home)
    : m_settings(QDir(home).filePath(QStringLiteral("gui.ini")), QSettings::IniFormat)
{
}

QByteArray AppSettings::windowGeometry() const
{
    return m_settings.value(kGeometry).toByteArray();
}
void AppSettings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings.setValue(kGeometry, geometry);
}
QByteArray AppSettings::windowState() const
{
    return m_settings.value(kState).toByteArray();
}
void AppSettings::setWindowState(const QByteArray &state)
{
    m_settings.setValue(kState, state);
}

QString AppSettings::language() const
{
    const QString language = m_settings.value(kLanguage).toString();
    // Only a plain language code is honoured; anything else follows the system.
    static const QRegularExpression valid(QStringLiteral("^[a-z]{2}(_[A-Z]{2})?\\z"));
    return valid.match(language).hasMatch() ? language : QString();
}

void AppSettings::setLanguage(const QString &language)
{
    m_settings.setValue(kLanguage, language);
}

int AppSettings::refreshIntervalSeconds() const
{
    bool ok = false;
    const int seconds = m_settings.value(kRefresh, kDefaultRefreshSeconds).toInt(&ok);
    return ok ? std::clamp(seconds, kMinRefreshSeconds, kMaxRefreshSeconds)
              : kDefaultRefreshSeconds;
}

void AppSettings::setRefreshIntervalSeconds(int seconds)
{
    m_settings.setValue(kRefresh, std::clamp(seconds, kMinRefreshSeconds, kMaxRefreshSeconds));
}

int AppSettings::checkDevicesEveryMinutes() const
{
    bool ok = false;
    const int minutes = m_settings.value(kCheckDevices, 0).toInt(&ok);
    return ok ? std::clamp(minutes, 0, 24 * 60) : 0;
}

void AppSettings::setCheckDevicesEveryMinutes(int minutes)
{
    m_settings.setValue(kCheckDevices, std::clamp(minutes, 0, 24 * 60));
}

std::optional<int> AppSettings::takeLegacyAlertOfflineMinutes()
{
    if (!m_settings.contains(kAlertOffline)) {
        return std::nullopt;
    }
    bool ok = false;
    const int minutes = m_settings.value(kAlertOffline).toInt(&ok);
    m_settings.remove(kAlertOffline);
    return ok ? std::optional<int>(std::clamp(minutes, 0, 24 * 60)) : std::nullopt;
}

bool AppSettings::demoOffered() const
{
    return m_settings.value(kDemoOffered, false).toBool();
}
void AppSettings::setDemoOffered(bool offered)
{
    m_settings.setValue(kDemoOffered, offered);
}

} // namespace relayfleet::gui
