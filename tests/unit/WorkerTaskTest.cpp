#include "base/WorkerTask.h"

#include "base/Result.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace relayfleet;

// The one worker-thread lifecycle of the app: results reach the owner's thread, a running task
// refuses a second start, cancellation reaches the work, destruction waits for it.
class WorkerTaskTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resultReachesTheOwnersThread()
    {
        WorkerTask task;
        QThread *workThread = nullptr;
        QThread *doneThread = nullptr;
        std::optional<Result<int>> received;
        QSignalSpy finished(&task, &WorkerTask::finished);
        QVERIFY(task.start<Result<int>>(
            [&](WorkerTask &) -> Result<int> {
                workThread = QThread::currentThread();
                return 42;
            },
            [&](Result<int> result) {
                doneThread = QThread::currentThread();
                received = std::move(result);
            }));
        QVERIFY(finished.wait(5000));
        QVERIFY(received && received->ok());
        QCOMPARE(received->value(), 42);
        QVERIFY(workThread != QThread::currentThread());
        QCOMPARE(doneThread, QThread::currentThread());
        QVERIFY(!task.isRunning());
    }

    void aRunningTaskRefusesASecondStartAndIsCancelled()
    {
        WorkerTask task;
        QSignalSpy finished(&task, &WorkerTask::finished);
        std::atomic_bool sawCancel{false};
        QVERIFY(task.start([&](WorkerTask &self) {
            for (int i = 0; i < 500 && !self.cancelToken().isCancelled(); ++i) {
                QThread::msleep(10);
            }
            sawCancel = self.cancelToken().isCancelled();
        }));
        QVERIFY(task.isRunning());
        QVERIFY(!task.start([](WorkerTask &) {}));
        task.cancel();
        QVERIFY(finished.wait(5000));
        QVERIFY(sawCancel.load());
        // A finished task starts again, with a fresh token.
        std::optional<bool> cancelledAtStart;
        QVERIFY(task.start<bool>([](WorkerTask &self) { return self.cancelToken().isCancelled(); },
                                 [&](bool cancelled) { cancelledAtStart = cancelled; }));
        QVERIFY(finished.wait(5000));
        QCOMPARE(cancelledAtStart, std::optional<bool>(false));
    }

    void destructionCancelsAndWaitsForTheWork()
    {
        std::atomic_bool workEnded{false};
        bool handled = false;
        {
            WorkerTask task;
            QVERIFY(task.start<int>(
                [&](WorkerTask &self) {
                    for (int i = 0; i < 500 && !self.cancelToken().isCancelled(); ++i) {
                        QThread::msleep(10);
                    }
                    workEnded = true;
                    return 0;
                },
                [&](int) { handled = true; }));
            QThread::msleep(50);
        }
        QVERIFY(workEnded.load()); // joined, not left running
        QCoreApplication::processEvents();
        QVERIFY(!handled); // nobody is left to hand the result to
    }
};

QTEST_GUILESS_MAIN(WorkerTaskTest)
#include "WorkerTaskTest.moc"
