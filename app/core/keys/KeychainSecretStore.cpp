#include "keys/KeychainSecretStore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QThread>
#include <QTimer>
#include <future>
#include <mutex>
#include <qt6keychain/keychain.h>

namespace relayfleet {

namespace {

Error keychainError(QKeychain::Error error, const QString &detail)
{
    switch (error) {
    case QKeychain::EntryNotFound:
        return Error::make(Error::Code::NotFound,
                           KeychainSecretStore::tr("The keychain has no such entry."));
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return Error::make(
            Error::Code::Io,
            KeychainSecretStore::tr("No keychain is available on this system (%1).").arg(detail));
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return Error::make(
            Error::Code::Io,
            KeychainSecretStore::tr("The keychain refused access (%1).").arg(detail));
    default:
        return Error::make(Error::Code::Io,
                           KeychainSecretStore::tr("The keychain failed: %1").arg(detail));
    }
}

// Runs one job to completion with a local event loop (QtKeychain is asynchronous). The
// Secret Service may not be up at the first call after login: one retry, as Nextcloud does.
template<typename Job, typename Prepare>
Result<Job *> runJob(std::unique_ptr<Job> &job, const QString &service,
                     std::chrono::milliseconds timeout, Prepare prepare)
{
    for (int attempt = 0; attempt < 2; ++attempt) {
        job = std::make_unique<Job>(service);
        job->setAutoDelete(false);
        job->setInsecureFallback(false);
        prepare(*job);
        QEventLoop loop;
        bool finished = false;
        QObject::connect(job.get(), &QKeychain::Job::finished, &loop, [&] {
            finished = true;
            loop.quit();
        });
        QTimer::singleShot(timeout, &loop, &QEventLoop::quit);
        job->start();
        if (!finished) {
            loop.exec();
        }
        if (!finished) {
            // A job that never finished says NoError and holds no data: reading it would hand
            // out an empty passphrase as if the keychain had said so. The backend may still
            // answer it later, so the job is left to delete itself then.
            job->setAutoDelete(true);
            (void)job.release();
            return Error::make(
                Error::Code::Timeout,
                KeychainSecretStore::tr("The keychain did not answer within %1 s (is it locked, "
                                        "or waiting for a permission prompt?).")
                    .arg(timeout.count() / 1000.0));
        }
        if (job->error() == QKeychain::OtherError && attempt == 0) {
            QThread::msleep(500);
            continue;
        }
        break;
    }
    if (job->error() != QKeychain::NoError) {
        return keychainError(job->error(), job->errorString());
    }
    return job.get();
}

// QtKeychain talks D-Bus, whose replies reach the thread that asked only while that thread
// lives: a job from a short-lived worker (a second refresh, a wizard page) never hears back.
// So every job runs on one long-lived thread, and the caller waits for it there (a thread with
// an event loop for the program's life: not a WorkerTask, whose thread ends with its job).
// The object on that thread that runs the jobs handed to it.
QObject *keychainWorker()
{
    static std::once_flag started;
    static QThread *thread = nullptr;
    static QObject *worker = nullptr;
    std::call_once(started, [] {
        thread = new QThread;
        thread->setObjectName(QStringLiteral("keychain"));
        worker = new QObject;
        worker->moveToThread(thread);
        thread->start();
        qAddPostRoutine([] {
            QMetaObject::invokeMethod(
                worker, [] { delete worker; }, Qt::BlockingQueuedConnection);
            thread->quit();
            thread->wait();
            delete thread;
        });
    });
    return worker;
}

// Runs `work` on `target`'s thread and waits for it at most `limit`. `work` owns what it uses
// (captured by value): when that thread never turns (a Mac CLI whose main thread waits for this
// one), the caller gets a Timeout and the job, if it ever runs, touches nothing of the caller's.
template<typename Work>
auto runOn(QObject *target, Work work, std::chrono::milliseconds limit) -> decltype(work())
{
    auto promise = std::make_shared<std::promise<decltype(work())>>();
    auto future = promise->get_future();
    QMetaObject::invokeMethod(
        target, [promise, work]() mutable { promise->set_value(work()); }, Qt::QueuedConnection);
    if (future.wait_for(limit) != std::future_status::ready) {
        return Error::make(
            Error::Code::Timeout,
            KeychainSecretStore::tr("The keychain job was not taken up within %1 s: the thread "
                                    "that must run it is busy.")
                .arg(limit.count() / 1000));
    }
    return future.get();
}

template<typename Work>
auto onJobThread(Work work, std::chrono::milliseconds jobTimeout) -> decltype(work())
{
    // runJob gives every job its timeout, twice at most (one retry, half a second apart).
    const std::chrono::milliseconds limit = 2 * jobTimeout + std::chrono::seconds(2);
    QCoreApplication *application = QCoreApplication::instance();
    const bool callerIsMain =
        application != nullptr && QThread::currentThread() == application->thread();
    switch (KeychainSecretStore::jobThread(hostPlatform(), callerIsMain)) {
    case KeychainSecretStore::JobThread::Caller:
        return work();
    case KeychainSecretStore::JobThread::Main:
        if (application == nullptr) {
            return work();
        }
        return runOn(application, std::move(work), limit);
    case KeychainSecretStore::JobThread::Keychain:
        break;
    }
    QObject *worker = keychainWorker();
    if (QThread::currentThread() == worker->thread()) {
        return work();
    }
    return runOn(worker, std::move(work), limit);
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service, std::chrono::milliseconds jobTimeout)
    : m_service(std::move(service))
    , m_jobTimeout(jobTimeout)
{
}

KeychainSecretStore::JobThread KeychainSecretStore::jobThread(Platform platform,
                                                              bool callerIsMainThread)
{
    if (platform == Platform::MacOS) {
        return callerIsMainThread ? JobThread::Caller : JobThread::Main;
    }
    return JobThread::Keychain;
}

QList<std::pair<QByteArray, QByteArray>>
KeychainSecretStore::commandLineEnvironment(Platform platform)
{
    if (platform == Platform::MacOS) {
        return {{QByteArrayLiteral("QT_EVENT_DISPATCHER_CORE_FOUNDATION"), QByteArrayLiteral("1")}};
    }
    return {};
}

bool KeychainSecretStore::readsBeforeWorkers(Platform platform)
{
    return platform == Platform::MacOS;
}

Result<QString> KeychainSecretStore::read(const QString &key)
{
    return onJobThread(
        [service = m_service, timeout = m_jobTimeout, key]() -> Result<QString> {
            std::unique_ptr<QKeychain::ReadPasswordJob> job;
            auto done = runJob(job, service, timeout,
                               [&](QKeychain::ReadPasswordJob &j) { j.setKey(key); });
            if (!done) {
                return done.error();
            }
            return job->textData();
        },
        m_jobTimeout);
}

Result<void> KeychainSecretStore::write(const QString &key, const QString &secret)
{
    return onJobThread(
        [service = m_service, timeout = m_jobTimeout, key, secret]() -> Result<void> {
            std::unique_ptr<QKeychain::WritePasswordJob> job;
            auto done = runJob(job, service, timeout, [&](QKeychain::WritePasswordJob &j) {
                j.setKey(key);
                j.setTextData(secret);
            });
            if (!done) {
                return done.error();
            }
            return {};
        },
        m_jobTimeout);
}

Result<void> KeychainSecretStore::remove(const QString &key)
{
    return onJobThread(
        [service = m_service, timeout = m_jobTimeout, key]() -> Result<void> {
            std::unique_ptr<QKeychain::DeletePasswordJob> job;
            auto done = runJob(job, service, timeout,
                               [&](QKeychain::DeletePasswordJob &j) { j.setKey(key); });
            if (!done && done.error().code != Error::Code::NotFound) {
                return done.error();
            }
            return {};
        },
        m_jobTimeout);
}

} // namespace relayfleet
