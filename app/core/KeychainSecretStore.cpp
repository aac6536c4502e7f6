#include "KeychainSecretStore.h"

#include <qt6keychain/keychain.h>

#include <QEventLoop>
#include <QThread>
#include <QTimer>

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

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service) : m_service(std::move(service)) {}

Result<QString> KeychainSecretStore::read(const QString &key)
{
    std::unique_ptr<QKeychain::ReadPasswordJob> job;
    auto done = runJob(job, m_service, [&](QKeychain::ReadPasswordJob &j) { j.setKey(key); });
    if (!done) {
        return done.error();
    }
    return job->textData();
}

Result<void> KeychainSecretStore::write(const QString &key, const QString &secret)
{
    std::unique_ptr<QKeychain::WritePasswordJob> job;
    auto done = runJob(job, m_service, [&](QKeychain::WritePasswordJob &j) {
        j.setKey(key);
        j.setTextData(secret);
    });
    if (!done) {
        return done.error();
    }
    return {};
}

Result<void> KeychainSecretStore::remove(const QString &key)
{
    std::unique_ptr<QKeychain::DeletePasswordJob> job;
    auto done = runJob(job, m_service, [&](QKeychain::DeletePasswordJob &j) { j.setKey(key); });
    if (!done && done.error().code != Error::Code::NotFound) {
        return done.error();
    }
    return {};
}

} // namespace relayfleet
