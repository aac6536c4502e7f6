#include "audit/AuditLog.h"

#include "base/AppPaths.h"
#include "base/JsonLinesFile.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <thread>
#include <vector>

using namespace relayfleet;

// The record of who did what (AuditLog) and the bounded, append-only file under it
// (JsonLinesFile, which the push history uses too).
class AuditLogTest : public QObject
{
    Q_OBJECT

    static AuditLog::Entry entry(AuditLog::Action action, const QString &device)
    {
        AuditLog::Entry entry;
        entry.action = action;
        entry.device = device;
        entry.relay = QStringLiteral("lab");
        entry.key = QStringLiteral("SHA256:abc");
        entry.ok = true;
        entry.result = QStringLiteral("exit status 0");
        return entry;
    }

private Q_SLOTS:
    void anEntryComesBackAsWritten()
    {
        QTemporaryDir home;
        const AuditLog log(home.path(), QStringLiteral("relayfleet-cli"));
        AuditLog::Entry exec = entry(AuditLog::Action::Exec, QStringLiteral("kitchen"));
        exec.details.insert(QStringLiteral("command"), QStringLiteral("uptime"));
        const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
        QVERIFY(log.record(exec));
        QVERIFY(log.record(entry(AuditLog::Action::TerminalOpened, QStringLiteral("garden"))));
        const auto all = log.entries();
        QVERIFY(all);
        QCOMPARE(all->size(), 2);
        const AuditLog::Entry &back = all->first();
        QCOMPARE(back.action, AuditLog::Action::Exec);
        QCOMPARE(back.device, QStringLiteral("kitchen"));
        QCOMPARE(back.relay, QStringLiteral("lab"));
        QCOMPARE(back.key, QStringLiteral("SHA256:abc"));
        QCOMPARE(back.program, QStringLiteral("relayfleet-cli"));
        QVERIFY(back.ok);
        QCOMPARE(back.result, QStringLiteral("exit status 0"));
        QCOMPARE(back.details.value(QStringLiteral("command")).toString(),
                 QStringLiteral("uptime"));
        QVERIFY(back.time >= before && back.time <= QDateTime::currentDateTimeUtc());
        QCOMPARE(all->last().action, AuditLog::Action::TerminalOpened);

        const auto garden = log.entries(QStringLiteral("garden"));
        QVERIFY(garden);
        QCOMPARE(garden->size(), 1);
        QCOMPARE(garden->first().device, QStringLiteral("garden"));
        QVERIFY(QFileInfo::exists(AppPaths(home.path()).auditLogFile()));
    }

    void everyActionHasOneName()
    {
        QStringList names;
        for (int i = 0; i <= int(AuditLog::Action::Alert); ++i) {
            const auto action = AuditLog::Action(i);
            const QString name = AuditLog::actionName(action);
            QVERIFY(!name.isEmpty());
            QVERIFY(!names.contains(name));
            names << name;
            QCOMPARE(AuditLog::actionFromName(name), std::optional(action));
        }
        QVERIFY(!AuditLog::actionFromName(QStringLiteral("reboot")));
    }

    void secretsAreKeptOnlyAsTheirLength()
    {
        const QJsonObject kept =
            AuditLog::pushedValues({{QStringLiteral("MODE"), QStringLiteral("eco")},
                                    {QStringLiteral("API_TOKEN"), QStringLiteral("s3cr3t-value")},
                                    {QStringLiteral("db_password"), QStringLiteral("hunter2")}});
        QCOMPARE(kept.value(QStringLiteral("MODE")).toString(), QStringLiteral("eco"));
        QVERIFY(
            !kept.value(QStringLiteral("API_TOKEN")).toString().contains(QStringLiteral("s3cr3t")));
        QVERIFY(kept.value(QStringLiteral("API_TOKEN")).toString().contains(QStringLiteral("12")));
        QVERIFY(!kept.value(QStringLiteral("db_password"))
                     .toString()
                     .contains(QStringLiteral("hunter2")));
    }

    void theKeysFingerprintIsOpenSshs()
    {
        QTemporaryDir dir;
        const QString key = dir.filePath(QStringLiteral("id_ed25519"));
        QProcess keygen;
        keygen.start(QStringLiteral("ssh-keygen"),
                     {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                      QStringLiteral("-N"), QString(), QStringLiteral("-f"), key});
        if (!keygen.waitForFinished(30000)) {
            QSKIP("ssh-keygen is not installed");
        }
        QCOMPARE(keygen.exitCode(), 0);
        QProcess print;
        print.start(QStringLiteral("ssh-keygen"),
                    {QStringLiteral("-l"), QStringLiteral("-E"), QStringLiteral("sha256"),
                     QStringLiteral("-f"), key + QStringLiteral(".pub")});
        QVERIFY(print.waitForFinished(30000));
        // "256 SHA256:… comment (ED25519)"
        const QString expected =
            QString::fromLatin1(print.readAllStandardOutput()).split(u' ').value(1);
        QVERIFY(expected.startsWith(QStringLiteral("SHA256:")));
        QCOMPARE(AuditLog::keyFingerprint(key), expected);
        QCOMPARE(AuditLog::keyFingerprint(dir.filePath(QStringLiteral("missing"))), QString());
    }

    void longFieldsAreCutAndDamagedLinesSkipped()
    {
        QTemporaryDir home;
        const AuditLog log(home.path(), QStringLiteral("relayfleet"));
        AuditLog::Entry exec = entry(AuditLog::Action::Exec, QStringLiteral("kitchen"));
        exec.details.insert(QStringLiteral("command"), QString(100000, u'x'));
        QVERIFY(log.record(exec));
        {
            QFile file(AppPaths(home.path()).auditLogFile());
            QVERIFY(file.open(QIODevice::Append));
            // A torn line (a crash mid-write), garbage, an entry with an unknown action.
            file.write("{\"time\":\"2026-12-06T08:00:00.000Z\",\"act");
        }
        QVERIFY(log.record(entry(AuditLog::Action::Copy, QStringLiteral("kitchen"))));
        {
            QFile file(AppPaths(home.path()).auditLogFile());
            QVERIFY(file.open(QIODevice::Append));
            file.write("not json\n{\"time\":\"2026-12-06T08:00:00.000Z\",\"action\":\"rm-rf\"}\n");
        }
        const auto all = log.entries();
        QVERIFY(all);
        QCOMPARE(all->size(), 2);
        QVERIFY(all->first().details.value(QStringLiteral("command")).toString().size() <=
                AuditLog::kMaxFieldChars + 1);
        QCOMPARE(all->last().action, AuditLog::Action::Copy);
    }

    void theFileIsBoundedAndKeepsTheNewest()
    {
        QTemporaryDir dir;
        const JsonLinesFile file(dir.filePath(QStringLiteral("log.jsonl")), 10000);
        for (int i = 0; i < 2000; ++i) {
            QVERIFY(file.append(QJsonObject{{QStringLiteral("n"), i}}));
        }
        QVERIFY(QFileInfo(file.path()).size() <= 10000 + 100);
        QVERIFY(QFileInfo(file.previousPath()).size() <= 10000 + 100);
        const auto newest = file.last(5);
        QVERIFY(newest);
        QCOMPARE(newest->size(), 5);
        QCOMPARE(newest->last().value(QStringLiteral("n")).toInt(), 1999);
        QCOMPARE(newest->first().value(QStringLiteral("n")).toInt(), 1995);
        // Across the file moved aside: still in order, without a gap.
        const auto more = file.last(1000);
        QVERIFY(more);
        QVERIFY(more->size() > 500);
        for (qsizetype i = 1; i < more->size(); ++i) {
            QCOMPARE(more->at(i).value(QStringLiteral("n")).toInt(),
                     more->at(i - 1).value(QStringLiteral("n")).toInt() + 1);
        }
    }

    void appendsFromManyWritersAtOnceAreAllWhole()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("log.jsonl"));
        std::vector<std::thread> writers;
        for (int w = 0; w < 4; ++w) {
            writers.emplace_back([path, w] {
                const JsonLinesFile file(path, 1024 * 1024);
                for (int i = 0; i < 50; ++i) {
                    (void)file.append(
                        QJsonObject{{QStringLiteral("w"), w},
                                    {QStringLiteral("text"), QString(500, QChar(u'a' + w))}});
                }
            });
        }
        for (auto &writer : writers) {
            writer.join();
        }
        const auto all = JsonLinesFile(path, 1024 * 1024).last(1000);
        QVERIFY(all);
        QCOMPARE(all->size(), 200);
    }
};

QTEST_GUILESS_MAIN(AuditLogTest)
#include "AuditLogTest.moc"
