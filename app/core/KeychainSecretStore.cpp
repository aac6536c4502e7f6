#include "KeychainSecretStore.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>
#include <QEventLoop>
#include <QThread>
#include <QTimer>

#include <future>
#include <mutex>

namespace relayfleet {

namespace {

constexpr int kJobTimeoutMs = 20000;

Error keychainError(QKeychain::Error error, const QString &detail)
{
    switch (error) {
    case QKeychain::EntryNotFound:
        return Error::make(Error::Code::NotFound, QStringLiteral("The keychain has no such entry."));
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return Error::make(Error::Code::Io,
                           QStringLiteral("No keychain is available on this system (%1).").arg(detail));
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return Error::make(Error::Code::Io,
                           QStringLiteral("The keychain refused access (%1).").arg(detail));
    default:
        return Error::make(Error::Code::Io, QStringLiteral("The keychain failed: %1").arg(detail));
    }
}

// Runs one job to completion with a local event loop (QtKeychain is asynchronous). The
// Secret Service may not be up at the first call after login: one retry, as Nextcloud does.
template<typename Job, typename Prepare>
Result<Job *> runJob(std::unique_ptr<Job> &job, const QString &service, Prepare prepare)
{
    for (int attempt = 0; attempt < 2; ++attempt) {
        job = std::make_unique<Job>(service);
        job->setAutoDelete(false);
        job->setInsecureFallback(false);
        prepare(*job);
        QEventLoop loop;
        QObject::connect(job.get(), &QKeychain::Job::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(kJobTimeoutMs, &loop, &QEventLoop::quit);
        job->start();
        loop.exec();
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
// So every job runs on one long-lived thread, and the caller waits for it there.
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
            QMetaObject::invokeMethod(worker, [] { delete worker; }, Qt::BlockingQueuedConnection);
            thread->quit();
            thread->wait();
            delete thread;
        });
    });
    return worker;
}

template<typename Work>
auto onKeychainThread(Work work) -> decltype(work())
{
    QObject *worker = keychainWorker();
    if (QThread::currentThread() == worker->thread()) {
        return work();
    }
    std::promise<decltype(work())> promise;
    auto future = promise.get_future();
    QMetaObject::invokeMethod(worker, [&] { promise.set_value(work()); }, Qt::QueuedConnection);
    // Bounded: runJob gives every job kJobTimeoutMs (twice at most, with its one retry).
    return future.get();
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service) : m_service(std::move(service)) {}

Result<QString> KeychainSecretStore::read(const QString &key)
{
    return onKeychainThread([&]() -> Result<QString> {
        std::unique_ptr<QKeychain::ReadPasswordJob> job;
        auto done = runJob(job, m_service, [&](QKeychain::ReadPasswordJob &j) { j.setKey(key); });
        if (!done) {
            return done.error();
        }
        return job->textData();
    });
}

Result<void> KeychainSecretStore::write(const QString &key, const QString &secret)
{
    return onKeychainThread([&]() -> Result<void> {
        std::unique_ptr<QKeychain::WritePasswordJob> job;
        auto done = runJob(job, m_service, [&](QKeychain::WritePasswordJob &j) {
            j.setKey(key);
            j.setTextData(secret);
        });
        if (!done) {
            return done.error();
        }
        return {};
    });
}

Result<void> KeychainSecretStore::remove(const QString &key)
{
    return onKeychainThread([&]() -> Result<void> {
        std::unique_ptr<QKeychain::DeletePasswordJob> job;
        auto done = runJob(job, m_service, [&](QKeychain::DeletePasswordJob &j) { j.setKey(key); });
        if (!done && done.error().code != Error::Code::NotFound) {
            return done.error();
        }
        return {};
    });
}

} // namespace relayfleet
