#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <optional>

namespace relayfleet::gui {

// The window's own settings, typed, in <home>/gui.ini (so `--home` isolates them as well).
// Nothing secret is ever kept here: passphrases live in the keychain, passwords nowhere.
class AppSettings
{
public:
    explicit AppSettings(const QString &home);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);
    // "" follows the system; otherwise a language code such as "en" or "ja".
    QString language() const;
    void setLanguage(const QString &language);
    int refreshIntervalSeconds() const;
    void setRefreshIntervalSeconds(int seconds);
    // How often the window checks every device itself (a probe each, about 5 KB of a device's
    // data); 0: never, only when asked. Its refresh asks the relays alone.
    int checkDevicesEveryMinutes() const;
    void setCheckDevicesEveryMinutes(int minutes);
    // The offline alert's minutes kept here before alerts.json (AlertRules) held them, removed
    // as it is read: the window moves it into the rules once.
    std::optional<int> takeLegacyAlertOfflineMinutes();
    bool demoOffered() const;
    void setDemoOffered(bool offered);

    static constexpr int kMinRefreshSeconds = 5;
    static constexpr int kMaxRefreshSeconds = 3600;

private:
    QSettings m_settings;
};

} // namespace relayfleet::gui
