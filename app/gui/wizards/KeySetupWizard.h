#pragma once

#include "base/AppPaths.h"
#include "wizards/TaskWizard.h"

#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QRadioButton;

namespace relayfleet::gui {

class CheckedWizardPage;
class TaskWizardPage;

// First-time set-up: create (or choose) a key → add a relay → install the key on it with the
// account's password, once, pinning the relay's host key only after the user trusts its
// fingerprint → verify that the key alone logs in, and install the relay helper.
class KeySetupWizard : public TaskWizard
{
    Q_OBJECT

public:
    enum Page
    {
        KeyPage,
        RelayPage,
        InstallPage,
        VerifyPage
    };

    explicit KeySetupWizard(AppPaths paths, QWidget *parent = nullptr);
    ~KeySetupWizard() override;

    // The relay added (empty until the install step succeeded).
    QString relayName() const;

private:
    CheckedWizardPage *createKeyPage();
    CheckedWizardPage *createRelayPage();
    TaskWizardPage *createInstallPage();
    TaskWizardPage *createVerifyPage();

    AppPaths m_paths;
    QRadioButton *m_newKey = nullptr;
    QLineEdit *m_keyName = nullptr;
    QComboBox *m_existingKey = nullptr;
    QLineEdit *m_relayName = nullptr;
    QLineEdit *m_relayAddress = nullptr;
    QLineEdit *m_password = nullptr;
    QCheckBox *m_noPassphrase = nullptr;
    std::shared_ptr<std::atomic_bool> m_abandoned = std::make_shared<std::atomic_bool>(false);
    QString m_addedRelay;
};

} // namespace relayfleet::gui
