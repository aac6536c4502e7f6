#pragma once

#include <QWizard>

namespace relayfleet::gui {

// A wizard some of whose pages do network work (TaskWizardPage). Cancel while such work runs
// does not close the window at once, which would make it wait for the worker: it cancels the
// work, and the wizard closes when the work has wound down (undoing what it had done).
class TaskWizard : public QWizard
{
    Q_OBJECT

public:
    using QWizard::QWizard;

    void reject() override;
};

} // namespace relayfleet::gui
