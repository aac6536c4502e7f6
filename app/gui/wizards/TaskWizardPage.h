#pragma once

#include "base/Result.h"

#include <QWizardPage>
#include <functional>

class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace relayfleet {
class WorkerTask;
}

namespace relayfleet::gui {

// A wizard page that does one piece of network work on a worker: progress and a log while it
// runs, the outcome when it ends, Try again after a failure. Next is enabled only after a
// success. The wizard's Cancel cancels the work; nothing waits on the network.
class TaskWizardPage : public QWizardPage
{
    Q_OBJECT

public:
    // Runs on the worker; returns a sentence for the user, or the error.
    using Job = std::function<Result<QString>(WorkerTask &task)>;
    // Runs on the GUI thread when the work starts: reads the fields, returns the job.
    using Prepare = std::function<Job()>;

    explicit TaskWizardPage(QWidget *parent = nullptr);
    ~TaskWizardPage() override;

    QFormLayout *form() const { return m_form; }
    // `autoStart`: begin as soon as the page is shown; otherwise on the start button.
    void setTask(Prepare prepare, const QString &startText, bool autoStart);
    void start();
    void cancel();
    bool succeeded() const { return m_succeeded; }
    bool isRunning() const;
    QString outcome() const;

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

Q_SIGNALS:
    void taskFinished(bool ok);

private:
    void log(const QString &line);

    QFormLayout *m_form = nullptr;
    QPushButton *m_start = nullptr;
    QProgressBar *m_progress = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QLabel *m_outcome = nullptr;
    WorkerTask *m_task = nullptr;
    Prepare m_prepare;
    bool m_autoStart = false;
    bool m_succeeded = false;
};

} // namespace relayfleet::gui
