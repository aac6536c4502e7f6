#include "wizards/TaskWizard.h"

#include "wizards/TaskWizardPage.h"

#include <QAbstractButton>

namespace relayfleet::gui {

void TaskWizard::reject()
{
    for (auto *page : findChildren<TaskWizardPage *>()) {
        if (page->isRunning()) {
            page->cancel();
            button(QWizard::CancelButton)->setEnabled(false);
            connect(
                page, &TaskWizardPage::taskFinished, this, [this] { QWizard::reject(); },
                Qt::SingleShotConnection);
            return;
        }
    }
    QWizard::reject();
}

} // namespace relayfleet::gui
