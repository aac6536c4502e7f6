#pragma once

#include "exec/TerminalSession.h"

#include <QWidget>
#include <atomic>
#include <memory>

class QLabel;
class QPushButton;

namespace relayfleet {
class TerminalEmulator;
}

namespace relayfleet::gui {

class TerminalWidget;

// One device's shell in a tab: the emulator, its widget and the SSH session behind them.
// When the link drops it says why and offers to reconnect; nothing blocks the window.
class TerminalTab : public QWidget
{
    Q_OBJECT

public:
    // `warm`: device connections logged in ahead (the selected devices); null: none.
    TerminalTab(FleetAccess access, DeviceTarget target,
                std::shared_ptr<WarmDeviceConnections> warm = {}, QWidget *parent = nullptr);
    ~TerminalTab() override;

    TerminalEmulator *emulator() const { return m_emulator; }
    TerminalWidget *terminal() const { return m_terminal; }
    void connectSession();

Q_SIGNALS:
    void titleChanged(const QString &title);
    void sessionConnected();
    void sessionClosed(const QString &error);

private:
    FleetAccess m_access;
    DeviceTarget m_target;
    std::shared_ptr<WarmDeviceConnections> m_warm;
    TerminalEmulator *m_emulator = nullptr;
    TerminalWidget *m_terminal = nullptr;
    QWidget *m_banner = nullptr;
    QLabel *m_bannerText = nullptr;
    QPushButton *m_reconnect = nullptr;
    std::shared_ptr<std::atomic_bool> m_abandoned = std::make_shared<std::atomic_bool>(false);
    std::unique_ptr<TerminalSession> m_session;
};

} // namespace relayfleet::gui
