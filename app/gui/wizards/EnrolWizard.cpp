#include "wizards/EnrolWizard.h"

#include "HostKeyDialog.h"
#include "base/WorkerTask.h"
#include "enrolment/Enrolment.h"
#include "keys/AppCredentials.h"
#include "keys/KeyStore.h"
#include "keys/KeychainSecretStore.h"
#include "registry/DeviceRecord.h"
#include "relay/DeviceTarget.h"
#include "relay/RelayStore.h"
#include "wizards/CheckedWizardPage.h"
#include "wizards/TaskWizardPage.h"

#include <QComboBox>
#include <QDebug>
#include <QFile>
#include <QFormLayout>
#include <QJsonObject>
#include <QLineEdit>
#include <QRadioButton>
#include <QSpinBox>

namespace relayfleet::gui {

namespace {

constexpr int kTimeoutMs = 20000;

QStringList splitLabels(const QString &text)
{
    QStringList labels;
    for (const QString &label : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!label.trimmed().isEmpty()) {
            labels << label.trimmed();
        }
    }
    return labels;
}

} // namespace

EnrolWizard::EnrolWizard(AppPaths paths, QList<DeviceStatus> tunnels, QWidget *parent)
    : TaskWizard(parent)
    , m_paths(std::move(paths))
    , m_tunnels(std::move(tunnels))
{
    setObjectName(QStringLiteral("enrolWizard"));
    setWindowTitle(tr("Enrol a device"));
    setOption(QWizard::NoBackButtonOnLastPage);
    setPage(DevicePage, createDevicePage());
    setPage(RelayPage, createRelayPage());
    setPage(RunPage, createRunPage());
    resize(680, 520);
}

EnrolWizard::~EnrolWizard()
{
    m_abandoned->store(true);
}

CheckedWizardPage *EnrolWizard::createDevicePage()
{
    auto *page = new CheckedWizardPage(this);
    page->setObjectName(QStringLiteral("devicePage"));
    page->setTitle(tr("The device"));
    page->setSubTitle(tr(
        "It must be reachable once: on your network, or through a tunnel someone made by hand."));
    m_id = new QLineEdit(page);
    m_id->setObjectName(QStringLiteral("enrolId"));
    m_id->setPlaceholderText(tr("kitchen-pi"));
    m_name = new QLineEdit(page);
    m_name->setObjectName(QStringLiteral("enrolName"));
    m_labels = new QLineEdit(page);
    m_labels->setObjectName(QStringLiteral("enrolLabels"));
    m_labels->setPlaceholderText(tr("sensors, home"));
    m_user = new QLineEdit(DeviceTarget().user, page);
    m_user->setObjectName(QStringLiteral("enrolUser"));
    m_lan = new QRadioButton(tr("On the LAN at"), page);
    m_lan->setObjectName(QStringLiteral("lanRadio"));
    m_lan->setChecked(true);
    m_lanAddress = new QLineEdit(page);
    m_lanAddress->setObjectName(QStringLiteral("lanAddress"));
    m_lanAddress->setPlaceholderText(tr("192.168.1.20 or raspberrypi.local:22"));
    auto *viaTunnel = new QRadioButton(tr("Through the hand-made tunnel"), page);
    viaTunnel->setObjectName(QStringLiteral("tunnelRadio"));
    m_tunnel = new QComboBox(page);
    m_tunnel->setObjectName(QStringLiteral("tunnelChoice"));
    for (const DeviceStatus &tunnel : std::as_const(m_tunnels)) {
        m_tunnel->addItem(QStringLiteral("%1:%2  %3")
                              .arg(tunnel.relay)
                              .arg(tunnel.port)
                              .arg(tunnel.hostKeyFingerprint),
                          tunnel.port);
    }
    viaTunnel->setEnabled(m_tunnel->count() > 0);
    m_password = new QLineEdit(page);
    m_password->setObjectName(QStringLiteral("devicePassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("empty when your key already logs in"));
    page->form()->addRow(tr("Device id"), m_id);
    page->form()->addRow(tr("Name"), m_name);
    page->form()->addRow(tr("Labels"), m_labels);
    page->form()->addRow(tr("Login user"), m_user);
    page->form()->addRow(m_lan, m_lanAddress);
    page->form()->addRow(viaTunnel, m_tunnel);
    page->form()->addRow(tr("Device password"), m_password);
    m_deviceSshPort = new QSpinBox(page);
    m_deviceSshPort->setObjectName(QStringLiteral("deviceSshPort"));
    m_deviceSshPort->setRange(1, 65535);
    m_deviceSshPort->setValue(22);
    m_deviceSshPort->setToolTip(
        tr("Where the device's own sshd listens, as the device sees it; the tunnel leads there."));
    page->form()->addRow(tr("SSH port on the device"), m_deviceSshPort);
    m_profile = new QComboBox(page);
    m_profile->setObjectName(QStringLiteral("tunnelProfile"));
    for (const TunnelProfile::Kind kind :
         {TunnelProfile::Kind::Cellular, TunnelProfile::Kind::Lan}) {
        m_profile->addItem(TunnelProfile::label(kind), static_cast<int>(kind));
        m_profile->setItemData(m_profile->count() - 1, TunnelProfile::description(kind),
                               Qt::ToolTipRole);
    }
    m_profile->setToolTip(tr("How the device keeps its tunnel: what its link costs decides."));
    page->form()->addRow(tr("Device's link"), m_profile);
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_id, m_labels, m_user, m_lan, m_lanAddress, m_tunnel}) {
        page->watch(w);
    }
    page->setCheck([this] { return deviceProblem(); });
    return page;
}

// What is wrong with the device page's fields, or nothing.
QString EnrolWizard::deviceProblem() const
{
    if (!DeviceTarget::isValidId(m_id->text().trimmed())) {
        return tr("A device id is 1–63 lower-case letters, digits or dashes, starting with a "
                  "letter or digit.");
    }
    for (const QString &label : splitLabels(m_labels->text())) {
        if (!DeviceRecord::isValidLabel(label)) {
            return tr("\"%1\" is not a valid label.").arg(label);
        }
    }
    if (m_user->text().trimmed().isEmpty()) {
        return tr("Say which user logs in on the device.");
    }
    if (m_lan->isChecked()) {
        EnrolmentRequest request;
        request.deviceUser = m_user->text().trimmed();
        const auto set = request.setLanAddress(m_lanAddress->text());
        return m_lanAddress->text().trimmed().isEmpty()
                   ? tr("Enter the device's address on your network.")
               : set ? QString()
                     : set.error().message;
    }
    return m_tunnel->currentIndex() < 0 ? tr("Choose a tunnel.") : QString();
}

CheckedWizardPage *EnrolWizard::createRelayPage()
{
    auto *page = new CheckedWizardPage(this);
    page->setObjectName(QStringLiteral("enrolRelayPage"));
    page->setTitle(tr("Relay and key"));
    page->setSubTitle(
        tr("The device gets its own tunnel key, made on the device; your key below is installed "
           "on it so that you can log in through the relay."));
    m_relay = new QComboBox(page);
    m_relay->setObjectName(QStringLiteral("enrolRelay"));
    auto relays = RelayStore(m_paths.relaysFile()).load();
    if (relays) {
        for (const RelayConfig &relay : relays.value()) {
            m_relay->addItem(QStringLiteral("%1 (%2)").arg(relay.name, relay.displayAddress()),
                             relay.name);
        }
    }
    m_key = new QComboBox(page);
    m_key->setObjectName(QStringLiteral("enrolKey"));
    auto fillKeys = [this] {
        m_key->clear();
        auto relay = RelayStore(m_paths.relaysFile()).find(m_relay->currentData().toString());
        if (relay && !relay->identityFile.isEmpty()) {
            m_key->addItem(tr("The relay's key (%1)").arg(relay->identityFile),
                           relay->identityFile);
        }
        KeychainSecretStore keychain;
        if (const auto keys = KeyStore(m_paths.home(), &keychain).list()) {
            for (const auto &key : keys.value()) {
                if (!relay || key.privateKeyPath != relay->identityFile) {
                    m_key->addItem(QStringLiteral("%1 (%2)").arg(key.name, key.fingerprint),
                                   key.privateKeyPath);
                }
            }
        }
    };
    fillKeys();
    connect(m_relay, &QComboBox::currentIndexChanged, this, fillKeys);
    m_relayFromDevice = new QLineEdit(page);
    m_relayFromDevice->setObjectName(QStringLiteral("relayFromDevice"));
    m_relayFromDevice->setPlaceholderText(tr("as Relay Fleet reaches it"));
    page->form()->addRow(tr("Relay"), m_relay);
    page->form()->addRow(tr("Your key"), m_key);
    page->form()->addRow(tr("Relay address seen from the device"), m_relayFromDevice);
    page->watch(m_relay);
    page->watch(m_key);
    page->watch(m_relayFromDevice);
    page->setCheck([this] {
        if (m_relay->count() == 0) {
            return tr("No relay is configured yet: set one up first (Set up keys).");
        }
        if (m_key->currentIndex() < 0) {
            return tr("Relay Fleet has no key to install: set up keys first.");
        }
        if (!m_relayFromDevice->text().trimmed().isEmpty()) {
            if (const auto set =
                    EnrolmentRequest().setRelayAddressFromDevice(m_relayFromDevice->text());
                !set) {
                return set.error().message;
            }
        }
        return QString();
    });
    return page;
}

// The enrolment the pages describe (their fields were checked as they were filled in).
Result<EnrolmentRequest> EnrolWizard::requestFromPages()
{
    EnrolmentRequest request;
    request.deviceId = m_id->text().trimmed();
    request.name = m_name->text().trimmed();
    request.labels = splitLabels(m_labels->text());
    request.deviceUser = m_user->text().trimmed();
    request.deviceSshPort = m_deviceSshPort->value();
    request.profile = static_cast<TunnelProfile::Kind>(m_profile->currentData().toInt());
    // Both addresses were checked on the earlier pages.
    if (m_lan->isChecked()) {
        (void)request.setLanAddress(m_lanAddress->text());
    } else {
        request.access = EnrolmentRequest::Access::Tunnel;
        request.tunnelPort = m_tunnel->currentData().toInt();
    }
    if (!m_relayFromDevice->text().trimmed().isEmpty()) {
        (void)request.setRelayAddressFromDevice(m_relayFromDevice->text());
    }
    const QString identity = m_key->currentData().toString();
    request.deviceCredentials = AppCredentials::forIdentity(m_paths.home(), identity);
    const QString password = m_password->text();
    request.deviceCredentials.password = [password](const QString &) -> std::optional<QString> {
        return password.isEmpty() ? std::nullopt : std::optional<QString>(password);
    };
    request.deviceHostKeyPolicy = HostKeyDialog::askingPolicy(this, true, m_abandoned);
    QFile publicKey(identity + QStringLiteral(".pub"));
    if (!publicKey.open(QIODevice::ReadOnly) || publicKey.size() > 16384) {
        return Error::make(Error::Code::NotFound,
                           tr("Cannot read the public key %1.").arg(publicKey.fileName()));
    }
    request.userPublicKey = QString::fromUtf8(publicKey.readAll()).trimmed();
    return request;
}

// Runs on the worker: logs in to the relay (or shares the window's connection) and enrols.
Result<QString> EnrolWizard::enrolOnWorker(WorkerTask &task, const EnrolmentRequest &request,
                                           const RelayConfig &relay,
                                           const Credentials &relayCredentials,
                                           const HostKeyPolicy &relayPolicy,
                                           const QString &knownHostsPath,
                                           const std::shared_ptr<RelayConnections> &connections,
                                           const AuditLog &audit)
{
    AuditLog::Entry entry;
    entry.action = AuditLog::Action::Enrolled;
    entry.device = request.deviceId;
    entry.relay = relay.name;
    entry.key = AuditLog::keyFingerprint(relayCredentials.identityFile);
    auto recorded = [&](const Result<QString> &outcome) {
        entry.ok = bool(outcome);
        entry.result = outcome ? QStringLiteral("enrolled") : outcome.error().message;
        if (auto written = audit.record(entry); !written) {
            qWarning().noquote() << written.error().message;
        }
        return outcome;
    };
    KnownHostsFile knownHosts(knownHostsPath);
    task.reportProgress(0, Enrolment::kSteps, tr("Logging in to relay %1…").arg(relay.name));
    auto connection =
        RelayConnections::connect(connections.get(), relay, relayCredentials, knownHosts,
                                  relayPolicy, QDeadlineTimer(kTimeoutMs), task.cancelToken());
    if (!connection) {
        return recorded(connection.error());
    }
    Enrolment enrolment(
        *connection.value(), knownHosts, request,
        [&task](int step, int steps, const QString &what) {
            task.reportProgress(step, steps, what);
        },
        task.cancelToken());
    // An undo after the relay dropped logs in again (shared with the window).
    enrolment.setReconnect([&] {
        return RelayConnections::connect(connections.get(), relay, relayCredentials, knownHosts,
                                         relayPolicy, QDeadlineTimer(kTimeoutMs), CancelToken());
    });
    auto record = enrolment.run();
    if (!record) {
        const QString message =
            enrolment.leftovers().isEmpty()
                ? tr("Enrolment of %1 failed and was undone: %2")
                : tr("Enrolment of %1 failed and could not be fully undone: %2");
        return recorded(Error::make(record.error().code,
                                    message.arg(request.deviceId, record.error().message)));
    }
    entry.details =
        QJsonObject{{QStringLiteral("port"), record->port}, {QStringLiteral("user"), record->user}};
    return recorded(tr("Enrolled %1 on relay %2, port %3. %4")
                        .arg(record->id, relay.name)
                        .arg(record->port)
                        .arg(enrolment.serviceNote()));
}

TaskWizardPage *EnrolWizard::createRunPage()
{
    auto *page = new TaskWizardPage(this);
    page->setObjectName(QStringLiteral("runPage"));
    page->setTitle(tr("Enrolling"));
    page->setSubTitle(
        tr("Nine steps; if one fails, or you cancel, every step already done is undone."));
    page->setTask(
        [this]() -> TaskWizardPage::Job {
            auto relay = RelayStore(m_paths.relaysFile()).find(m_relay->currentData().toString());
            if (!relay) {
                return [error = relay.error()](WorkerTask &) -> Result<QString> {
                    return error;
                };
            }
            auto built = requestFromPages();
            if (!built) {
                return [error = built.error()](WorkerTask &) -> Result<QString> {
                    return error;
                };
            }
            const EnrolmentRequest request = std::move(built.value());
            const HostKeyPolicy relayPolicy = HostKeyDialog::askingPolicy(this, true, m_abandoned);
            const Credentials relayCredentials =
                AppCredentials::forIdentity(m_paths.home(), relay->identityFile);
            const QString knownHostsPath = m_paths.knownHostsFile();
            const AuditLog audit(m_paths.home(), QStringLiteral("relayfleet"));
            return [=, relay = relay.value(),
                    connections = m_connections](WorkerTask &task) -> Result<QString> {
                return enrolOnWorker(task, request, relay, relayCredentials, relayPolicy,
                                     knownHostsPath, connections, audit);
            };
        },
        tr("Enrol"), true);
    connect(page, &TaskWizardPage::taskFinished, this, [this](bool ok) {
        if (ok) {
            m_enrolledId = m_id->text().trimmed();
        }
    });
    return page;
}

} // namespace relayfleet::gui
