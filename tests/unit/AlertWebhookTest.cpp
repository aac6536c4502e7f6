#include "fleet/AlertWebhook.h"

#include "LoopbackHttpServer.h"
#include "compat/QtCompat.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace relayfleet;
using relayfleet::testing::LoopbackHttpServer;

// Alerts posted to a webhook (a server on 127.0.0.1): what arrives, and what the poster is told
// when the hook fails, refuses, cannot be reached or never answers.
class AlertWebhookTest : public QObject
{
    Q_OBJECT

    static FleetAlerts::Event offline()
    {
        FleetAlerts::Event event;
        event.kind = FleetAlerts::Event::Kind::Offline;
        event.device = QStringLiteral("kitchen");
        event.name = QStringLiteral("Kitchen");
        event.relay = QStringLiteral("lab");
        event.at = qtcompat::utcDateTime(QDate(2026, 12, 6), QTime(9, 0));
        event.since = event.at.addSecs(-900);
        event.reason = QStringLiteral("stale");
        return event;
    }

    // How post `post` ended: {ok, result}; fails the test after 20 s (a hang).
    static std::pair<bool, QString> outcome(AlertWebhook &hook, QSignalSpy &spy, quint64 post)
    {
        for (int round = 0; round < 20; ++round) {
            for (const QList<QVariant> &call : spy) {
                if (call.at(0).toULongLong() == post) {
                    return {call.at(1).toBool(), call.at(2).toString()};
                }
            }
            spy.wait(1000);
        }
        Q_UNUSED(hook)
        return {false, QStringLiteral("(no finished signal)")};
    }

private Q_SLOTS:
    void anAlertArrivesAsJsonWithText()
    {
        LoopbackHttpServer server(200);
        AlertWebhook hook;
        QSignalSpy finished(&hook, &AlertWebhook::finished);
        hook.setUrl(server.url());
        const quint64 post = hook.post(offline());
        QVERIFY(post != 0);
        const auto [ok, result] = outcome(hook, finished, post);
        QVERIFY2(ok, qPrintable(result));
        QCOMPARE(result, QStringLiteral("HTTP 200"));
        QCOMPARE(server.requests().size(), 1);
        const auto &request = server.requests().first();
        QVERIFY(request.head.startsWith("POST /hook HTTP/1.1"));
        QVERIFY(request.head.toLower().contains("content-type: application/json"));
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        QCOMPARE(body.value(QStringLiteral("event")).toString(), QStringLiteral("offline"));
        QCOMPARE(body.value(QStringLiteral("device")).toString(), QStringLiteral("kitchen"));
        QVERIFY(body.value(QStringLiteral("text")).toString().contains(QStringLiteral("Kitchen")));
        QCOMPARE(hook.pending(), 0);
    }

    void noUrlSendsNothing()
    {
        AlertWebhook hook;
        QCOMPARE(hook.post(offline()), quint64(0));
        QCOMPARE(hook.pending(), 0);
    }

    void aRefusalSaysTheStatus()
    {
        LoopbackHttpServer server(500);
        AlertWebhook hook;
        QSignalSpy finished(&hook, &AlertWebhook::finished);
        hook.setUrl(server.url());
        const auto [ok, result] = outcome(hook, finished, hook.postTest());
        QVERIFY(!ok);
        QVERIFY2(result.contains(QStringLiteral("500")), qPrintable(result));
        QCOMPARE(QJsonDocument::fromJson(server.requests().first().body)
                     .object()
                     .value(QStringLiteral("event"))
                     .toString(),
                 QStringLiteral("test"));
    }

    void aHookThatCannotBeReachedSaysWhy()
    {
        quint16 closedPort = 0;
        {
            LoopbackHttpServer gone;
            closedPort = gone.serverPort();
        }
        AlertWebhook hook;
        QSignalSpy finished(&hook, &AlertWebhook::finished);
        hook.setUrl(QStringLiteral("http://127.0.0.1:%1/hook").arg(closedPort));
        const auto [ok, result] = outcome(hook, finished, hook.post(offline()));
        QVERIFY(!ok);
        QVERIFY2(!result.isEmpty(), "a failure without a reason");
    }

    // A hook that takes the request and never answers is given up after the timeout; posts
    // beyond kMaxPending wait for none of it and are refused at once.
    void aHookThatHangsIsGivenUpAndCannotPileUpPosts()
    {
        LoopbackHttpServer server(0);
        AlertWebhook hook;
        QSignalSpy finished(&hook, &AlertWebhook::finished);
        hook.setUrl(server.url());
        hook.setTimeoutMs(1500);
        QList<quint64> posts;
        for (int i = 0; i < AlertWebhook::kMaxPending + 2; ++i) {
            posts << hook.post(offline());
        }
        QCOMPARE(hook.pending(), AlertWebhook::kMaxPending);
        const auto [refusedOk, refused] = outcome(hook, finished, posts.last());
        QVERIFY(!refusedOk);
        QVERIFY2(refused.contains(QString::number(AlertWebhook::kMaxPending)), qPrintable(refused));
        const auto [ok, result] = outcome(hook, finished, posts.first());
        QVERIFY(!ok);
        QVERIFY2(result.contains(QStringLiteral("2 s")), qPrintable(result));
        for (const quint64 post : posts) {
            QVERIFY(!outcome(hook, finished, post).first);
        }
        QCOMPARE(hook.pending(), 0);
    }

    void aBadAddressIsRefusedWithoutTheNetwork()
    {
        AlertWebhook hook;
        QSignalSpy finished(&hook, &AlertWebhook::finished);
        hook.setUrl(QStringLiteral("file:///etc/passwd"));
        const auto [ok, result] = outcome(hook, finished, hook.post(offline()));
        QVERIFY(!ok);
        QVERIFY(result.contains(QStringLiteral("https://")));
    }
};

QTEST_GUILESS_MAIN(AlertWebhookTest)
#include "AlertWebhookTest.moc"
