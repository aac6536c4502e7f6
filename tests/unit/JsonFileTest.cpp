#include "base/JsonFile.h"

#include "base/Error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace relayfleet;

// The one way the app reads and writes its JSON files (relays, keys, desired overrides, device
// locations): the same limit, the same errors, nothing replaced that could not be read.
class JsonFileTest : public QObject
{
    Q_OBJECT

    static bool put(const QString &path, const QByteArray &data)
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
    }

private Q_SLOTS:
    void aMissingFileIsAnEmptyOneAndAWriteMakesItsFolder()
    {
        QTemporaryDir dir;
        const JsonFile file(dir.filePath(QStringLiteral("new/folder/store.json")), 3);
        const auto empty = file.read();
        QVERIFY(empty);
        QCOMPARE(empty->value(QStringLiteral("version")).toInt(), 3);
        QVERIFY(file.write(QJsonObject{{QStringLiteral("items"), 2}}));
        const auto back = file.read();
        QVERIFY(back);
        QCOMPARE(back->value(QStringLiteral("items")).toInt(), 2);
        QCOMPARE(back->value(QStringLiteral("version")).toInt(), 3);
    }

    void whatCannotBeReadIsReportedWithItsPath_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("says");
        QTest::newRow("not json") << QByteArray("{not json") << QStringLiteral("not valid JSON");
        QTest::newRow("an array") << QByteArray("[1, 2]") << QStringLiteral("not valid JSON");
        QTest::newRow("another version")
            << QByteArray("{\"version\": 9}") << QStringLiteral("format version 9");
        QTest::newRow("no version") << QByteArray("{}") << QStringLiteral("format version 0");
        QTest::newRow("too large")
            << QByteArray(JsonFile::kMaxBytes + 1, ' ') << QStringLiteral("at most");
    }

    void whatCannotBeReadIsReportedWithItsPath()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, says);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("store.json"));
        QVERIFY(put(path, content));
        const auto read = JsonFile(path, 1).read();
        QVERIFY(!read);
        QCOMPARE(read.error().code, Error::Code::Io);
        QVERIFY2(read.error().message.contains(path), qPrintable(read.error().message));
        QVERIFY2(read.error().message.contains(says), qPrintable(read.error().message));
    }

    void aWriteThatCannotLandIsAnErrorAndOtherFilesStay()
    {
        QTemporaryDir dir;
        const JsonFile kept(dir.filePath(QStringLiteral("store.json")), 1);
        QVERIFY(kept.write(QJsonObject{{QStringLiteral("items"), 1}}));
        // A folder stands where the file would go: the new file cannot replace it (even as
        // root), so the write must fail and say where.
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("is-a-folder")));
        const JsonFile blocked(dir.filePath(QStringLiteral("is-a-folder")), 1);
        const auto failed = blocked.write(QJsonObject{{QStringLiteral("items"), 2}});
        QVERIFY(!failed);
        QCOMPARE(failed.error().code, Error::Code::Io);
        QVERIFY(failed.error().message.contains(blocked.path()));
        QVERIFY(QFileInfo(blocked.path()).isDir());
        QCOMPARE(kept.read()->value(QStringLiteral("items")).toInt(), 1);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files),
                 QStringList{QStringLiteral("store.json")});
    }
};

QTEST_GUILESS_MAIN(JsonFileTest)
#include "JsonFileTest.moc"
