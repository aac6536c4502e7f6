#include "relay/RelayStore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace relayfleet;

class RelayStoreTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void saveFindReplaceRemove()
    {
        QTemporaryDir dir;
        RelayStore store(dir.filePath(QStringLiteral("sub/relays.json")));
        QVERIFY(store.load()->isEmpty());
        auto a = RelayConfig::fromAddress(QStringLiteral("a"), QStringLiteral("u@h1"),
                                          QStringLiteral("me"))
                     .value();
        auto b = RelayConfig::fromAddress(QStringLiteral("b"), QStringLiteral("u@h2:2"),
                                          QStringLiteral("me"))
                     .value();
        QVERIFY(store.save(a));
        QVERIFY(store.save(b));
        b.port = 3;
        QVERIFY(store.save(b));
        QCOMPARE(store.load()->size(), 2);
        QCOMPARE(store.find(QStringLiteral("b"))->port, 3);
        QVERIFY(store.remove(QStringLiteral("a")));
        QCOMPARE(store.find(QStringLiteral("a")).error().code, Error::Code::NotFound);
        QCOMPARE(store.remove(QStringLiteral("a")).error().code, Error::Code::NotFound);
    }

    void corruptFileIsReportedNotOverwritten()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("relays.json"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("{not json");
        }
        RelayStore store(path);
        auto loaded = store.load();
        QVERIFY(!loaded);
        QVERIFY(loaded.error().message.contains(path));
        auto relay = RelayConfig::fromAddress(QStringLiteral("a"), QStringLiteral("u@h"),
                                              QStringLiteral("me"))
                         .value();
        QVERIFY(!store.save(relay));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("{not json"));
    }

    void hostileEntryIsRejected()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("relays.json"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(
                R"J({"version":1,"relays":[{"name":"x","user":"u","host":"$(reboot)","port":22}]})J");
        }
        auto loaded = RelayStore(path).load();
        QVERIFY(!loaded);
        QVERIFY(loaded.error().message.contains(QStringLiteral("not a valid host")));
    }
};

QTEST_GUILESS_MAIN(RelayStoreTest)
#include "RelayStoreTest.moc"
