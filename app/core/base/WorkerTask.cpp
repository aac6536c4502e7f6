#include "base/WorkerTask.h"

namespace relayfleet {

WorkerTask::WorkerTask(QObject *parent)
    : QObject(parent)
{
}

WorkerTask::~WorkerTask()
{
    m_cancel.cancel();
    join();
}

bool WorkerTask::start(Work work)
{
    if (m_running.load()) {
        return false;
    }
    join();
    m_cancel = CancelToken();
    m_running.store(true);
    m_worker = std::thread([this, work = std::move(work)] {
        work(*this);
        m_running.store(false);
        // Queued to the owner's thread: the handler sees everything the work wrote.
        QMetaObject::invokeMethod(this, &WorkerTask::finished, Qt::QueuedConnection);
    });
    return true;
}

void WorkerTask::reportProgress(int step, int steps, const QString &what)
{
    QMetaObject::invokeMethod(
        this, [this, step, steps, what] { Q_EMIT progress(step, steps, what); },
        Qt::QueuedConnection);
}

void WorkerTask::join()
{
    if (m_worker.joinable()) {
        m_worker.join();
    }
}

} // namespace relayfleet
