#include "fleet/AdoptDialog.h"

#include "HostKeyDialog.h"
#include "base/WorkerTask.h"
#include "enrolment/DeviceAdoption.h"
#include "keys/AppCredentials.h"
#include "relay/DeviceTarget.h"
#include "relay/RelayConnection.h"
#include "relay/RelayStore.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace relayfleet::gui {

namespace {
constexpr int kTimeoutMs = 15000;
}

AdoptDialog::AdoptDialog(FleetAccess access, DeviceStatus tunnel, QWidget *parent)
    : QDialog(parent)
    , m_access(std::move(access))
    , m_tunnel(std::move(tunnel))
    , m_task(new WorkerTask(this))
{
    setObjectName(QStringLiteral("adoptDialog"));
    setWindowTitle(tr("Adopt a hand-made tunnel"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        tr("The tunnel on %1:%2 answers with host key %3. Adopting registers it as a device "
           "and pins that key under the device's id.")
            .arg(m_tunnel.relay)
            .arg(m_tunnel.port)
            .arg(m_tunnel.hostKeyFingerprint.isEmpty() ? tr("(not read yet)")
                                                       : m_tunnel.hostKeyFingerprint),
        this);
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    m_id = new QLineEdit(this);
    m_id->setObjectName(QStringLiteral("adoptId"));
    m_id->setPlaceholderText(tr("kitchen-pi"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("adoptName"));
    m_labels = new QLineEdit(this);
    m_labels->setObjectName(QStringLiteral("adoptLabels"));
    m_labels->setPlaceholderText(tr("sensors, home"));
    m_user = new QLineEdit(DeviceTarget().user, this);
    m_user->setObjectName(QStringLiteral("adoptUser"));
    form->addRow(tr("Device id"), m_id);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Labels"), m_labels);
    form->addRow(tr("Login user"), m_user);
    layout->addLayout(form);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("adoptMessage"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Adopt"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("adoptButton"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AdoptDialog::adopt);
    connect(m_buttons, &QDialogButtonBox::rejected, this, [this] {
        m_task->cancel();
        reject();
    });
    for (QLineEdit *edit : {m_id, m_name, m_labels, m_user}) {
        connect(edit, &QLineEdit::textChanged, this, &AdoptDialog::validate);
    }
    validate();
}

AdoptDialog::~AdoptDialog()
{
    m_abandoned->store(true);
}

void AdoptDialog::setFields(const QString &id, const QString &name, const QString &labels,
                            const QString &user)
{
    m_id->setText(id);
    m_name->setText(name);
    m_labels->setText(labels);
    m_user->setText(user);
}

QString AdoptDialog::message() const
{
    return m_message->text();
}

void AdoptDialog::validate()
{
    QString problem;
    const QString id = m_id->text().trimmed();
    if (!id.isEmpty() && !DeviceTarget::isValidId(id)) {
        problem = tr(
            "An id is 1–63 lower-case letters, digits or dashes, starting with a letter or digit.");
    }
    for (const QString &label : m_labels->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!DeviceRecord::isValidLabel(label.trimmed())) {
            problem = tr("\"%1\" is not a valid label.").arg(label.trimmed());
        }
    }
    m_message->setText(problem);
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(problem.isEmpty() && !id.isEmpty() && !m_user->text().trimmed().isEmpty() &&
                     !m_task->isRunning());
}

void AdoptDialog::adopt()
{
    if (m_task->isRunning()) {
        return;
    }
    auto relay = m_access.relay(m_tunnel.relay);
    if (!relay) {
        m_message->setText(relay.error().message);
        return;
    }
    DeviceRecord record;
    record.id = m_id->text().trimmed();
    record.name = m_name->text().trimmed().isEmpty() ? record.id : m_name->text().trimmed();
    record.port = m_tunnel.port;
    for (const QString &label : m_labels->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        record.labels << label.trimmed();
    }
    record.user = m_user->text().trimmed();
    const HostKeyPolicy policy = HostKeyDialog::askingPolicy(this, true, m_abandoned);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    m_message->setText(tr("Adopting…"));
    m_task->start<Result<DeviceRecord>>(
        [relay = relay.value(), access = m_access, policy,
         record](WorkerTask &task) -> Result<DeviceRecord> {
            KnownHostsFile knownHosts(access.knownHostsPath);
            auto connection = RelayConnections::connect(
                access.connections.get(), relay, access.credentialsFor(relay), knownHosts, policy,
                QDeadlineTimer(kTimeoutMs), task.cancelToken());
            if (!connection) {
                return connection.error();
            }
            return DeviceAdoption::adopt(*connection.value(), knownHosts, record, policy,
                                         kTimeoutMs, task.cancelToken());
        },
        [this, record](const Result<DeviceRecord> &result) {
            m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
            DeviceTarget target = m_tunnel.target();
            target.deviceId = record.id;
            m_access.record(AuditLog::Action::Adopted, target, result.ok(),
                            result ? QStringLiteral("adopted") : result.error().message,
                            DeviceAdoption::auditDetails(result ? result.value() : record));
            if (!result) {
                m_message->setText(result.error().message);
                return;
            }
            Q_EMIT adopted(result->id);
            accept();
        });
}

} // namespace relayfleet::gui
