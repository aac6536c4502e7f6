#pragma once

#include "fleet/DeviceStatus.h"
#include "relay/FleetAccess.h"

#include <QDialog>
#include <atomic>
#include <memory>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace relayfleet {
class WorkerTask;
}

namespace relayfleet::gui {

// Registers a hand-made tunnel (an "unregistered" row) as a device: id, name, labels and
// login user, then DeviceAdoption on a worker. Its host key is pinned only after the user
// trusts the fingerprint shown. The adoption (or why it failed) goes to the audit log.
class AdoptDialog : public QDialog
{
    Q_OBJECT

public:
    AdoptDialog(FleetAccess access, DeviceStatus tunnel, QWidget *parent = nullptr);
    ~AdoptDialog() override;

    void setFields(const QString &id, const QString &name, const QString &labels,
                   const QString &user);
    void adopt();
    QString message() const;

Q_SIGNALS:
    void adopted(const QString &id);

private:
    void validate();

    FleetAccess m_access;
    DeviceStatus m_tunnel;
    QLineEdit *m_id = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_labels = nullptr;
    QLineEdit *m_user = nullptr;
    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    WorkerTask *m_task = nullptr;
    std::shared_ptr<std::atomic_bool> m_abandoned = std::make_shared<std::atomic_bool>(false);
};

} // namespace relayfleet::gui
