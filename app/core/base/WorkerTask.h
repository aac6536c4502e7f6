#pragma once

#include "base/CancelToken.h"

#include <QObject>
#include <QString>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <thread>

namespace relayfleet {

// Runs one piece of blocking work (SSH, the keychain) on its own thread so that a window or a
// job never waits on it: the one worker-thread lifecycle of the app. The work reports progress
// and checks the cancel token between steps; its result is handed to a handler that runs on
// the thread that owns the task. Destroying the task cancels the work and waits for it, so an
// owner keeps its task as its last member: it stops before anything the work uses is gone.
class WorkerTask : public QObject
{
    Q_OBJECT

public:
    using Work = std::function<void(WorkerTask &task)>;

    explicit WorkerTask(QObject *parent = nullptr);
    ~WorkerTask() override;

    // Starts `work`; false when a previous run has not finished yet. `finished` follows it.
    bool start(Work work);
    // Starts `work` and hands what it returns to `done` on the owner's thread (then
    // `finished`); false when a previous run has not finished yet.
    template<typename T>
    bool start(std::function<T(WorkerTask &)> work, std::function<void(T)> done)
    {
        auto result = std::make_shared<std::optional<T>>();
        return startThen(
            [work = std::move(work), result](WorkerTask &task) { result->emplace(work(task)); },
            [done = std::move(done), result] { done(std::move(**result)); });
    }
    void cancel() { m_cancel.cancel(); }
    bool isRunning() const { return m_running.load(); }
    const CancelToken &cancelToken() const { return m_cancel; }

    // From the work: step `step` of `steps` is `what`.
    void reportProgress(int step, int steps, const QString &what);

Q_SIGNALS:
    void progress(int step, int steps, const QString &what);
    void finished();

private:
    bool startThen(Work work, std::function<void()> then);
    void join();

    CancelToken m_cancel;
    std::atomic_bool m_running{false};
    std::thread m_worker;
};

} // namespace relayfleet
