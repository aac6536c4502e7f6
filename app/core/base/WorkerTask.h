#pragma once

#include "base/CancelToken.h"

#include <QObject>
#include <QString>
#include <atomic>
#include <functional>
#include <thread>

namespace relayfleet {

// Runs one piece of blocking work (SSH, the keychain) on its own thread so that a window
// never waits on it. The work reports progress and checks the cancel token between steps; it
// hands its result back through state it shares with the `finished` handler, which runs on
// the thread that owns the task. Destroying the task cancels the work and waits for it.
class WorkerTask : public QObject
{
    Q_OBJECT

public:
    using Work = std::function<void(WorkerTask &task)>;

    explicit WorkerTask(QObject *parent = nullptr);
    ~WorkerTask() override;

    // Starts `work`; false when a previous run has not finished yet.
    bool start(Work work);
    void cancel() { m_cancel.cancel(); }
    bool isRunning() const { return m_running.load(); }
    const CancelToken &cancelToken() const { return m_cancel; }

    // From the work: step `step` of `steps` is `what`.
    void reportProgress(int step, int steps, const QString &what);

Q_SIGNALS:
    void progress(int step, int steps, const QString &what);
    void finished();

private:
    void join();

    CancelToken m_cancel;
    std::atomic_bool m_running{false};
    std::thread m_worker;
};

} // namespace relayfleet
