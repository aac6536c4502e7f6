#pragma once

#include "fleet/FleetAlerts.h"

#include <QJsonObject>
#include <QObject>
#include <QString>

class QNetworkAccessManager;
class QNetworkReply;

namespace relayfleet {

// Posts each alert to the user's webhook (Slack-style: an HTTP POST of JSON whose "text" is
// the sentence, the other fields the event as `watch --json` prints it). Asynchronous: the
// request runs in Qt's network thread and never blocks the window; a hook that does not answer
// within kTimeoutMs, answers an error or cannot be reached is reported through finished() with
// the reason. At most kMaxPending posts are in flight: a hook that hangs cannot pile up
// requests, the ones beyond are reported as not sent.
class AlertWebhook : public QObject
{
    Q_OBJECT

public:
    static constexpr int kTimeoutMs = 10000;
    static constexpr int kMaxPending = 8;

    explicit AlertWebhook(QObject *parent = nullptr);
    ~AlertWebhook() override;

    // Where posts go; empty: nowhere (post() does nothing).
    void setUrl(const QString &url) { m_url = url; }
    const QString &url() const { return m_url; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    // Posts `event`; finished() follows with the number returned, or nothing is sent (0) when
    // no URL is set.
    quint64 post(const FleetAlerts::Event &event);
    // Posts a test message the user asked for; finished() follows.
    quint64 postTest();
    int pending() const { return m_pending; }

    // The body post() sends.
    static QJsonObject body(const FleetAlerts::Event &event);

Q_SIGNALS:
    // How post number `post` went. `ok`: the hook answered 2xx. `result` says what happened
    // ("HTTP 200", "no answer within 10 s", the network's error), in the user's language.
    void finished(quint64 post, bool ok, const QString &result);

private:
    quint64 send(const QJsonObject &body);
    void done(QNetworkReply *reply, quint64 post);

    QString m_url;
    int m_timeoutMs = kTimeoutMs;
    int m_pending = 0;
    quint64 m_posted = 0;
    QNetworkAccessManager *m_network = nullptr;
};

} // namespace relayfleet
