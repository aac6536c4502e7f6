#include "wizards/TaskWizardPage.h"

#include "base/WorkerTask.h"

#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace relayfleet::gui {

TaskWizardPage::TaskWizardPage(QWidget *parent)
    : QWizardPage(parent)
    , m_task(new WorkerTask(this))
{
    auto *layout = new QVBoxLayout(this);
    m_form = new QFormLayout;
    layout->addLayout(m_form);
    m_start = new QPushButton(this);
    m_start->setObjectName(QStringLiteral("startTaskButton"));
    layout->addWidget(m_start, 0, Qt::AlignLeft);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("taskProgress"));
    m_progress->hide();
    layout->addWidget(m_progress);
    m_log = new QPlainTextEdit(this);
    m_log->setObjectName(QStringLiteral("taskLog"));
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(500);
    layout->addWidget(m_log, 1);
    m_outcome = new QLabel(this);
    m_outcome->setObjectName(QStringLiteral("taskOutcome"));
    m_outcome->setTextFormat(Qt::PlainText);
    m_outcome->setWordWrap(true);
    layout->addWidget(m_outcome);
    connect(m_start, &QPushButton::clicked, this, &TaskWizardPage::start);
    connect(m_task, &WorkerTask::progress, this, [this](int step, int steps, const QString &what) {
        m_progress->setRange(0, steps);
        m_progress->setValue(step);
        log(what);
    });
}

TaskWizardPage::~TaskWizardPage() = default;

void TaskWizardPage::setTask(Prepare prepare, const QString &startText, bool autoStart)
{
    m_prepare = std::move(prepare);
    m_start->setText(startText);
    m_start->setVisible(!autoStart);
    m_autoStart = autoStart;
}

QString TaskWizardPage::outcome() const
{
    return m_outcome->text();
}

void TaskWizardPage::initializePage()
{
    m_succeeded = false;
    m_outcome->clear();
    m_log->clear();
    if (m_autoStart) {
        start();
    }
}

void TaskWizardPage::cleanupPage()
{
    cancel(); // Back while it runs: stop it; the work undoes what it had done.
}

void TaskWizardPage::cancel()
{
    m_task->cancel();
}

bool TaskWizardPage::isRunning() const
{
    return m_task->isRunning();
}

bool TaskWizardPage::isComplete() const
{
    return m_succeeded && !m_task->isRunning();
}

void TaskWizardPage::log(const QString &line)
{
    m_log->appendPlainText(line);
}

void TaskWizardPage::start()
{
    if (m_task->isRunning() || !m_prepare) {
        return;
    }
    Job job = m_prepare();
    if (!job) {
        return;
    }
    m_succeeded = false;
    m_start->setEnabled(false);
    m_progress->setRange(0, 0);
    m_progress->show();
    m_outcome->setText(tr("Working…"));
    Q_EMIT completeChanged();
    m_task->start<Result<QString>>(std::move(job), [this](const Result<QString> &outcome) {
        m_progress->hide();
        m_start->setEnabled(true);
        m_succeeded = outcome.ok();
        if (outcome) {
            m_outcome->setText(outcome.value());
            m_start->hide();
        } else {
            m_outcome->setText(tr("Failed: %1").arg(outcome.error().message));
            m_start->setText(tr("Try again"));
            m_start->show();
        }
        log(m_outcome->text());
        Q_EMIT completeChanged();
        Q_EMIT taskFinished(m_succeeded);
    });
}

} // namespace relayfleet::gui
