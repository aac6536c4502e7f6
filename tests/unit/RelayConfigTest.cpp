#include "relay/RelayConfig.h"

#include <QTest>

using relayfleet::RelayConfig;

class RelayConfigTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesAddresses_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::newRow("user@host") << "user@relay-server.com"
                                   << "user"
                                   << "relay-server.com" << 22;
        QTest::newRow("with port") << "user@relay:10000"
                                   << "user"
                                   << "relay" << 10000;
        QTest::newRow("host only") << "relay"
                                   << "me"
                                   << "relay" << 22;
        QTest::newRow("ipv6") << "u@[::1]:2200"
                              << "u"
                              << "::1" << 2200;
    }

    void parsesAddresses()
    {
        QFETCH(QString, address);
        auto relay = RelayConfig::fromAddress(QStringLiteral("r"), address, QStringLiteral("me"));
        QVERIFY2(relay, qPrintable(relay ? QString() : relay.error().message));
        QTEST(relay->user, "user");
        QTEST(relay->host, "host");
        QTEST(relay->port, "port");
    }

    void rejectsHostileInput_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("address");
        QTest::newRow("name with shell") << "a;b"
                                         << "u@h";
        QTest::newRow("name empty") << ""
                                    << "u@h";
        QTest::newRow("host option") << "r"
                                     << "u@-oProxyCommand=x";
        QTest::newRow("user with space") << "r"
                                         << "a b@h";
        QTest::newRow("port zero") << "r"
                                   << "u@h:0";
        QTest::newRow("port huge") << "r"
                                   << "u@h:70000";
        QTest::newRow("port text") << "r"
                                   << "u@h:ssh";
    }

    void rejectsHostileInput()
    {
        QFETCH(QString, name);
        QFETCH(QString, address);
        auto relay = RelayConfig::fromAddress(name, address, QStringLiteral("me"));
        QVERIFY(!relay);
        QVERIFY(!relay.error().message.isEmpty());
    }

    void jsonRoundTrip()
    {
        auto relay = RelayConfig::fromAddress(
            QStringLiteral("lab"), QStringLiteral("pi@[::1]:2200"), QStringLiteral("me"));
        QVERIFY(relay);
        relay->identityFile = QStringLiteral("/keys/id");
        auto back = RelayConfig::fromJson(relay->toJson());
        QVERIFY(back);
        QCOMPARE(back->toJson(), relay->toJson());
        QCOMPARE(back->displayAddress(), QStringLiteral("pi@[::1]:2200"));
    }
};

QTEST_GUILESS_MAIN(RelayConfigTest)
#include "RelayConfigTest.moc"
