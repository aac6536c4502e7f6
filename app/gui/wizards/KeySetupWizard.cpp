#include "wizards/KeySetupWizard.h"

#include "HostKeyDialog.h"
#include "audit/AuditLog.h"
#include "base/WorkerTask.h"
#include "keys/AppCredentials.h"
#include "keys/KeyDistributor.h"
#include "keys/KeyStore.h"
#include "keys/KeychainSecretStore.h"
#include "registry/RelayRegistry.h"
#include "relay/RelayConnection.h"
#include "relay/RelayStore.h"
#include "wizards/CheckedWizardPage.h"
#include "wizards/TaskWizardPage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDebug>
#include <QFormLayout>
#include <QJsonObject>
#include <QLineEdit>
#include <QRadioButton>
#include <QSysInfo>

namespace relayfleet::gui {

namespace {
constexpr int kTimeoutMs = 20000;
}

KeySetupWizard::KeySetupWizard(AppPaths paths, QWidget *parent)
    : TaskWizard(parent)
    , m_paths(std::move(paths))
{
    setObjectName(QStringLiteral("keySetupWizard"));
    setWindowTitle(tr("Set up keys and a relay"));
    setOption(QWizard::NoBackButtonOnLastPage);
    setPage(KeyPage, createKeyPage());
    setPage(RelayPage, createRelayPage());
    setPage(InstallPage, createInstallPage());
    setPage(VerifyPage, createVerifyPage());
    resize(640, 480);
}

KeySetupWizard::~KeySetupWizard()
{
    m_abandoned->store(true); // a host key question still open answers "no"
}

QString KeySetupWizard::relayName() const
{
    return m_addedRelay;
}

CheckedWizardPage *KeySetupWizard::createKeyPage()
{
    auto *page = new CheckedWizardPage(this);
    page->setObjectName(QStringLiteral("keyPage"));
    page->setTitle(tr("Your key"));
    page->setSubTitle(
        tr("Relay Fleet logs in with an ed25519 key. Its passphrase is random and kept in the "
           "system keychain, so you never type it."));
    m_newKey = new QRadioButton(tr("Create a new key"), page);
    m_newKey->setObjectName(QStringLiteral("newKeyRadio"));
    auto *existing = new QRadioButton(tr("Use a key Relay Fleet already has"), page);
    existing->setObjectName(QStringLiteral("existingKeyRadio"));
    m_keyName = new QLineEdit(QStringLiteral("main"), page);
    m_keyName->setObjectName(QStringLiteral("keyName"));
    m_existingKey = new QComboBox(page);
    m_existingKey->setObjectName(QStringLiteral("existingKey"));
    KeychainSecretStore keychain;
    const auto keys = KeyStore(m_paths.home(), &keychain).list(); // reads keys.json only
    if (keys) {
        for (const auto &key : keys.value()) {
            m_existingKey->addItem(QStringLiteral("%1 (%2)").arg(key.name, key.fingerprint),
                                   key.name);
        }
    }
    existing->setEnabled(m_existingKey->count() > 0);
    // Only the fields of the chosen way are editable.
    connect(m_newKey, &QRadioButton::toggled, this, [this](bool create) {
        m_keyName->setEnabled(create);
        m_noPassphrase->setEnabled(create);
        m_existingKey->setEnabled(!create);
    });
    page->form()->addRow(m_newKey);
    page->form()->addRow(tr("Key name"), m_keyName);
    page->form()->addRow(existing);
    page->form()->addRow(tr("Key"), m_existingKey);
    m_noPassphrase = new QCheckBox(
        tr("Store the new key without a passphrase (only if no keychain works here)"), page);
    m_noPassphrase->setObjectName(QStringLiteral("noPassphrase"));
    page->form()->addRow(m_noPassphrase);
    (m_existingKey->count() > 0 ? existing : m_newKey)->setChecked(true);
    m_keyName->setEnabled(m_newKey->isChecked());
    m_noPassphrase->setEnabled(m_newKey->isChecked());
    m_existingKey->setEnabled(existing->isChecked());
    for (QWidget *w : {static_cast<QWidget *>(m_newKey), static_cast<QWidget *>(m_keyName),
                       static_cast<QWidget *>(existing), static_cast<QWidget *>(m_existingKey)}) {
        page->watch(w);
    }
    const QStringList taken = [&] {
        QStringList names;
        for (int i = 0; i < m_existingKey->count(); ++i) {
            names << m_existingKey->itemData(i).toString();
        }
        return names;
    }();
    page->setCheck([this, taken] {
        if (!m_newKey->isChecked()) {
            return m_existingKey->currentIndex() < 0 ? tr("Choose a key.") : QString();
        }
        const QString name = m_keyName->text().trimmed();
        if (!KeyStore::isValidName(name)) {
            return tr("A key name is letters, digits, dots, dashes or underscores.");
        }
        if (taken.contains(name)) {
            return tr("There is already a key named %1: choose it below, or another name.")
                .arg(name);
        }
        return QString();
    });
    return page;
}

CheckedWizardPage *KeySetupWizard::createRelayPage()
{
    auto *page = new CheckedWizardPage(this);
    page->setObjectName(QStringLiteral("relayPage"));
    page->setTitle(tr("Your relay server"));
    page->setSubTitle(
        tr("The server your devices keep their tunnels open to. Plain OpenSSH is enough; no root "
           "is needed there."));
    m_relayName = new QLineEdit(QStringLiteral("main"), page);
    m_relayName->setObjectName(QStringLiteral("relayName"));
    m_relayAddress = new QLineEdit(page);
    m_relayAddress->setObjectName(QStringLiteral("relayAddress"));
    m_relayAddress->setPlaceholderText(tr("user@relay.example.com:22"));
    page->form()->addRow(tr("Name in Relay Fleet"), m_relayName);
    page->form()->addRow(tr("Login (user@host[:port])"), m_relayAddress);
    page->watch(m_relayName);
    page->watch(m_relayAddress);
    page->setCheck([this] {
        if (!RelayConfig::isValidName(m_relayName->text().trimmed())) {
            return tr("A relay name is letters, digits, dashes or underscores.");
        }
        if (m_relayAddress->text().trimmed().isEmpty()) {
            return tr("Enter the relay's login, for example pi@relay.example.com.");
        }
        auto relay = RelayConfig::fromAddress(m_relayName->text().trimmed(),
                                              m_relayAddress->text().trimmed(), {});
        if (!relay) {
            return relay.error().message;
        }
        return relay->user.isEmpty() ? tr("Say which user logs in: user@host.") : QString();
    });
    return page;
}

TaskWizardPage *KeySetupWizard::createInstallPage()
{
    auto *page = new TaskWizardPage(this);
    page->setObjectName(QStringLiteral("installPage"));
    page->setTitle(tr("Install the key on the relay"));
    page->setSubTitle(
        tr("The key is added to ~/.ssh/authorized_keys on the relay, keeping every other line. The "
           "password is used for this one login and never stored."));
    m_password = new QLineEdit(page);
    m_password->setObjectName(QStringLiteral("relayPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("empty when another key of yours already logs in"));
    page->form()->addRow(tr("Relay password"), m_password);
    page->setTask(
        [this]() -> TaskWizardPage::Job {
            auto relay = RelayConfig::fromAddress(m_relayName->text().trimmed(),
                                                  m_relayAddress->text().trimmed(), {});
            if (!relay) {
                return {};
            }
            const QString home = m_paths.home();
            const QString knownHostsPath = m_paths.knownHostsFile();
            const QString relaysFile = m_paths.relaysFile();
            const bool create = m_newKey->isChecked();
            const QString keyName =
                create ? m_keyName->text().trimmed() : m_existingKey->currentData().toString();
            const bool noPassphrase = m_noPassphrase->isChecked();
            const QString password = m_password->text();
            const HostKeyPolicy policy = HostKeyDialog::askingPolicy(this, true, m_abandoned);
            return [=, relay = relay.value()](WorkerTask &task) mutable -> Result<QString> {
                KeychainSecretStore keychain;
                KeyStore keys(home, &keychain);
                auto key = keys.find(keyName);
                if (!key && create) {
                    task.reportProgress(1, 3, tr("Creating the key %1…").arg(keyName));
                    const QString comment =
                        QStringLiteral("relayfleet@%1").arg(QSysInfo::machineHostName());
                    key = keys.generate(keyName, comment,
                                        noPassphrase ? KeyStore::Protection::None
                                                     : KeyStore::Protection::Keychain);
                }
                if (!key) {
                    return key.error();
                }
                task.reportProgress(
                    2, 3, tr("Logging in to %1 and adding the key…").arg(relay.displayAddress()));
                Credentials current = AppCredentials::forIdentity(home, {});
                current.password = [password](const QString &) -> std::optional<QString> {
                    return password.isEmpty() ? std::nullopt : std::optional<QString>(password);
                };
                KnownHostsFile knownHosts(knownHostsPath);
                KeyDistributor distributor(relay, knownHosts, policy, kTimeoutMs,
                                           task.cancelToken());
                const auto reports = distributor.install(
                    current, key.value(), AppCredentials::keyOnly(home, key->privateKeyPath),
                    {KeyDistributor::Target{true, {}}});
                AuditLog::Entry entry;
                entry.action = AuditLog::Action::KeyInstalled;
                entry.device = QStringLiteral("relay:%1").arg(relay.name);
                entry.relay = relay.name;
                entry.key = AuditLog::keyFingerprint(current.identityFile);
                entry.ok = !reports.isEmpty() && reports.first().ok;
                entry.result = reports.isEmpty() ? QStringLiteral("nothing was installed")
                                                 : reports.first().message;
                entry.details = QJsonObject{{QStringLiteral("key"), key->name},
                                            {QStringLiteral("fingerprint"), key->fingerprint}};
                if (auto written = AuditLog(home, QStringLiteral("relayfleet")).record(entry);
                    !written) {
                    qWarning().noquote() << written.error().message;
                }
                if (reports.isEmpty() || !reports.first().ok) {
                    return Error::make(Error::Code::AuthenticationFailed,
                                       reports.isEmpty() ? tr("Nothing was installed.")
                                                         : reports.first().message);
                }
                task.reportProgress(3, 3, tr("Saving the relay…"));
                (void)keys.setInstalled(key->name, QStringLiteral("relay:%1").arg(relay.name),
                                        true);
                relay.identityFile = key->privateKeyPath;
                if (auto saved = RelayStore(relaysFile).save(relay); !saved) {
                    return saved.error();
                }
                return tr("Key %1 (%2) is installed on %3.")
                    .arg(key->name, key->fingerprint, relay.displayAddress());
            };
        },
        tr("Install key"), false);
    connect(page, &TaskWizardPage::taskFinished, this, [this](bool ok) {
        if (ok) {
            m_addedRelay = m_relayName->text().trimmed();
        }
    });
    return page;
}

TaskWizardPage *KeySetupWizard::createVerifyPage()
{
    auto *page = new TaskWizardPage(this);
    page->setObjectName(QStringLiteral("verifyPage"));
    page->setTitle(tr("Check"));
    page->setSubTitle(
        tr("Relay Fleet logs in with the new key alone and installs its helper in ~/.relayfleet "
           "on the relay."));
    page->setTask(
        [this]() -> TaskWizardPage::Job {
            auto relay = RelayStore(m_paths.relaysFile()).find(m_relayName->text().trimmed());
            if (!relay) {
                return [error = relay.error()](WorkerTask &) -> Result<QString> {
                    return error;
                };
            }
            const QString home = m_paths.home();
            const QString knownHostsPath = m_paths.knownHostsFile();
            return
                [relay = relay.value(), home, knownHostsPath](WorkerTask &task) -> Result<QString> {
                    KnownHostsFile knownHosts(knownHostsPath);
                    task.reportProgress(1, 2, tr("Logging in with the key alone…"));
                    auto connection = RelayConnection::open(
                        relay, AppCredentials::keyOnly(home, relay.identityFile), knownHosts,
                        HostKeyPolicy{}, QDeadlineTimer(kTimeoutMs), task.cancelToken());
                    if (!connection) {
                        return connection.error();
                    }
                    task.reportProgress(2, 2, tr("Installing the relay helper…"));
                    auto version = RelayRegistry(*connection.value(), QDeadlineTimer(kTimeoutMs),
                                                 task.cancelToken())
                                       .install();
                    if (!version) {
                        return version.error();
                    }
                    return tr("Relay %1 is ready: the key logs in on its own, helper version %2 is "
                              "installed. "
                              "Enrol your first device next.")
                        .arg(relay.name)
                        .arg(version.value());
                };
        },
        tr("Check"), true);
    return page;
}

} // namespace relayfleet::gui
