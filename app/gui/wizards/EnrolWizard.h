#pragma once

#include "audit/AuditLog.h"
#include "base/AppPaths.h"
#include "enrolment/EnrolmentRequest.h"
#include "fleet/DeviceStatus.h"
#include "relay/RelayConnections.h"
#include "wizards/TaskWizard.h"

#include <atomic>
#include <memory>

class QComboBox;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace relayfleet {
class WorkerTask;
}

namespace relayfleet::gui {

class CheckedWizardPage;
class TaskWizardPage;

// Enrols a device reachable once (on the LAN, or through a hand-made tunnel listed in the
// fleet): who it is → which relay and key → the ten enrolment steps with progress. A failure
// or Cancel undoes every step already done (core Enrolment).
class EnrolWizard : public TaskWizard
{
    Q_OBJECT

public:
    enum Page
    {
        DevicePage,
        RelayPage,
        RunPage
    };

    // `tunnels`: unregistered tunnels the device may be reached through.
    EnrolWizard(AppPaths paths, QList<DeviceStatus> tunnels, QWidget *parent = nullptr);
    ~EnrolWizard() override;

    QString enrolledId() const { return m_enrolledId; }
    // The window's relay connections: the enrolment runs on the shared one (no second login).
    void setRelayConnections(std::shared_ptr<RelayConnections> connections)
    {
        m_connections = std::move(connections);
    }

private:
    CheckedWizardPage *createDevicePage();
    CheckedWizardPage *createRelayPage();
    TaskWizardPage *createRunPage();
    QString deviceProblem() const;
    Result<EnrolmentRequest> requestFromPages();
    static Result<QString>
    enrolOnWorker(WorkerTask &task, const EnrolmentRequest &request, const RelayConfig &relay,
                  const Credentials &relayCredentials, const HostKeyPolicy &relayPolicy,
                  const QString &knownHostsPath,
                  const std::shared_ptr<RelayConnections> &connections, const AuditLog &audit);

    AppPaths m_paths;
    QList<DeviceStatus> m_tunnels;
    QLineEdit *m_id = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_labels = nullptr;
    QLineEdit *m_user = nullptr;
    QRadioButton *m_lan = nullptr;
    QLineEdit *m_lanAddress = nullptr;
    QComboBox *m_tunnel = nullptr;
    QLineEdit *m_password = nullptr;
    QSpinBox *m_deviceSshPort = nullptr;
    QComboBox *m_profile = nullptr;
    QComboBox *m_relay = nullptr;
    QComboBox *m_key = nullptr;
    QLineEdit *m_relayFromDevice = nullptr;
    std::shared_ptr<std::atomic_bool> m_abandoned = std::make_shared<std::atomic_bool>(false);
    QString m_enrolledId;
    std::shared_ptr<RelayConnections> m_connections;
};

} // namespace relayfleet::gui
