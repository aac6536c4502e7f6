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
    return startThen(std::move(work), {});
}

bool WorkerTask::startThen(Work work, std::function<void()> then)
{
    if (m_running.load()) {
        return false;
    }
    join();
    m_cancel = CancelToken();
    m_running.store(true);
    m_worker = std::thread([this, work = std::move(work), then = std::move(then)] {
        work(*this);
        m_running.store(false);
        // Queued to the owner's thread: the handler sees everything the work wrote.
        QMetaObject::invokeMethod(
            this,
            [this, then] {
                if (then) {
                    then();
                }
                Q_EMIT finished();
            },
            Qt::QueuedConnection);
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
