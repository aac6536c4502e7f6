#include "fleet/AlertWebhook.h"

#include "base/Version.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>

namespace relayfleet {

namespace {
// A hook's answer is not read; what it sends is dropped as it comes, so that a large or
// endless answer holds no memory.
constexpr qint64 kDiscardChunk = 64 * 1024;
} // namespace

AlertWebhook::AlertWebhook(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
}

AlertWebhook::~AlertWebhook() = default;

QJsonObject AlertWebhook::body(const FleetAlerts::Event &event)
{
    QJsonObject body = FleetAlerts::toJson(event);
    body.insert(QStringLiteral("text"), tr("Relay Fleet: %1").arg(FleetAlerts::describe(event)));
    return body;
}

quint64 AlertWebhook::post(const FleetAlerts::Event &event)
{
    return m_url.isEmpty() ? 0 : send(body(event));
}

quint64 AlertWebhook::postTest()
{
    return send(QJsonObject{{QStringLiteral("event"), QStringLiteral("test")},
                            {QStringLiteral("text"),
                             tr("Relay Fleet: a test of this webhook. Alerts will come here.")}});
}

quint64 AlertWebhook::send(const QJsonObject &body)
{
    const quint64 post = ++m_posted;
    // Told after the caller has the number, as a reply's end would be.
    const auto refuse = [this, post](const QString &why) {
        QMetaObject::invokeMethod(
            this, [this, post, why] { Q_EMIT finished(post, false, why); }, Qt::QueuedConnection);
        return post;
    };
    if (const auto problem = AlertRules::webhookProblem(m_url)) {
        return refuse(*problem);
    }
    if (m_pending >= kMaxPending) {
        return refuse(tr("not sent: %n earlier post(s) to the webhook are still waiting for an "
                         "answer",
                         nullptr, m_pending));
    }
    QNetworkRequest request{QUrl(m_url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QStringLiteral("relayfleet/" RELAYFLEET_VERSION));
    request.setTransferTimeout(m_timeoutMs);
    ++m_pending;
    QNetworkReply *reply =
        m_network->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    connect(reply, &QNetworkReply::readyRead, reply, [reply] {
        while (reply->bytesAvailable() > 0) {
            reply->read(kDiscardChunk);
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, post] { done(reply, post); });
    return post;
}

void AlertWebhook::done(QNetworkReply *reply, quint64 post)
{
    reply->deleteLater();
    --m_pending;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() == QNetworkReply::NoError && status >= 200 && status < 300) {
        Q_EMIT finished(post, true, tr("HTTP %1").arg(status));
        return;
    }
    QString why;
    if (reply->error() == QNetworkReply::OperationCanceledError ||
        reply->error() == QNetworkReply::TimeoutError) {
        // setTransferTimeout() ends a silent request: as cancelled up to Qt 6.4, as timed out
        // in newer Qt (6.11).
        why = tr("no answer within %n s", nullptr, (m_timeoutMs + 999) / 1000);
    } else if (status > 0) {
        const QString phrase =
            reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString().left(80);
        why =
            phrase.isEmpty() ? tr("HTTP %1").arg(status) : tr("HTTP %1 %2").arg(status).arg(phrase);
    } else {
        why = reply->errorString().left(300);
    }
    Q_EMIT finished(post, false, why);
}

} // namespace relayfleet
