// Variable overrides end to end: the example program A (Python, resources/device/python) runs
// on namespace-isolated devices; the CLI pushes through the relay into its FIFO.
#include "CliRunner.h"
#include "LabCli.h"
#include "LabFixture.h"
#include "NatLab.h"
#include "hostkeys/KnownHostsFile.h"
#include "overrides/OverrideAssignment.h"
#include "overrides/OverrideMessage.h"
#include "overrides/OverrideProtocol.h"
#include "relay/DeviceConnection.h"
#include "relay/RelayConnection.h"
#include "ssh/RemoteCommand.h"
#include "ssh/SshRuntime.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <fcntl.h>
#include <future>
#include <sys/stat.h>
#include <unistd.h>

using namespace relayfleet;
using relayfleet::lab::CliRunner;
using relayfleet::lab::NatLab;
using relayfleet::testing::readFile;

namespace {
// A command timeout far above what a push that gives up by itself takes, even on a busy
// machine: a push still running at half of it was waiting for the timeout.
constexpr int kLongTimeoutS = 60;
} // namespace

class OverridesTest : public QObject
{
    Q_OBJECT

private:
    QString home(int device) const { return relayfleet::testing::homeOnDevice(*m_lab, device); }
    QString stateFile(int device) const
    {
        return relayfleet::testing::overridesStateFile(*m_lab, device);
    }
    QJsonObject state(int device) const
    {
        return QJsonDocument::fromJson(readFile(stateFile(device))).object();
    }
    QByteArray lastLogLine(int device) const
    {
        const QList<QByteArray> lines =
            readFile(m_lab->deviceHome(device) + QStringLiteral("/program.log"))
                .trimmed()
                .split('\n');
        return lines.isEmpty() ? QByteArray() : lines.last();
    }
    Result<void> startProgramA(int device)
    {
        return relayfleet::testing::startProgramA(*m_lab, device);
    }
    CliRunner::Outcome cli(const QStringList &args)
    {
        return m_cli->run(args + QStringList{QStringLiteral("--user"), m_lab->deviceUser()});
    }

    std::unique_ptr<NatLab> m_lab;
    QTemporaryDir m_homes;
    std::unique_ptr<CliRunner> m_cli;
    QList<int> m_ports;

private Q_SLOTS:
    void initTestCase()
    {
        auto fixture = testing::LabFixture::start({.devices = 2}, 2);
        QVERIFY2(fixture, testing::failureOf(fixture).constData());
        m_lab = std::move(fixture->lab);
        m_ports = fixture->tunnelPorts;
        m_cli = std::make_unique<CliRunner>(m_homes.filePath(QStringLiteral("mac")));
        QCOMPARE(relayfleet::lab::addLabRelay(*m_cli, *m_lab, true), 0);
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(m_cli
                         ->run({QStringLiteral("adopt"), QStringLiteral("lab:%1").arg(m_ports[i]),
                                QStringLiteral("--id"), QStringLiteral("p%1").arg(i + 1),
                                QStringLiteral("--label"), QStringLiteral("plant"),
                                QStringLiteral("--accept-new-host-key")})
                         .exitCode,
                     0);
        }
        const auto installed = cli({QStringLiteral("overrides"), QStringLiteral("install-module"),
                                    QStringLiteral("@plant")});
        QVERIFY2(installed.exitCode == 0, installed.err.constData());
        for (int i = 0; i < 2; ++i) {
            QVERIFY(QFile::exists(m_lab->deviceHome(i) +
                                  QStringLiteral("/.relayfleet/python/relayfleet_overrides.py")));
            QVERIFY(startProgramA(i));
            QVERIFY2(QFile::exists(stateFile(i)), "program A did not start");
        }
    }

    void cleanupTestCase() { m_lab.reset(); }

    void pushChangesTheRunningProgram()
    {
        const auto pushed =
            cli({QStringLiteral("push"), QStringLiteral("@plant"), QStringLiteral("SPEED=2.5"),
                 QStringLiteral("MODE=\"fast\""), QStringLiteral("--json")});
        QVERIFY2(pushed.exitCode == 0, QByteArray(pushed.err + pushed.out).constData());
        const QJsonArray results = QJsonDocument::fromJson(pushed.out).array();
        QCOMPARE(results.size(), 2);
        for (const QJsonValue &v : results) {
            QCOMPARE(v.toObject().value(QStringLiteral("ok")).toBool(), true);
            QCOMPARE(v.toObject().value(QStringLiteral("applied")).toBool(), true);
            QVERIFY(v.toObject().value(QStringLiteral("error")).isNull());
        }
        for (int i = 0; i < 2; ++i) {
            QTRY_VERIFY_WITH_TIMEOUT(lastLogLine(i).startsWith("SPEED=2.5 MODE='fast'"), 5000);
            QCOMPARE(state(i)
                         .value(QStringLiteral("values"))
                         .toObject()
                         .value(QStringLiteral("SPEED"))
                         .toDouble(),
                     2.5);
        }
    }

    void invalidInputIsRefusedBeforeSending()
    {
        const int before =
            readFile(m_cli->home() + QStringLiteral("/push-history.jsonl")).count('\n');
        const QString huge =
            QStringLiteral("MODE=\"") + QString(5000, QLatin1Char('x')) + QStringLiteral("\"");
        for (const QString &bad : {QStringLiteral("BAD-NAME=1"), QStringLiteral("SPEED=fast"),
                                   QStringLiteral("MODE={\"a\":1}"), huge}) {
            const auto refused = cli({QStringLiteral("push"), QStringLiteral("p1"), bad});
            QCOMPARE(refused.exitCode, 2);
            QVERIFY(!refused.err.isEmpty());
        }
        const auto big = cli({QStringLiteral("push"), QStringLiteral("p1"), huge});
        QVERIFY2(big.err.contains("4096"), big.err.constData());
        QCOMPARE(readFile(m_cli->home() + QStringLiteral("/push-history.jsonl")).count('\n'),
                 before);
    }

    void hostileValueStaysData()
    {
        const QString marker = m_homes.filePath(QStringLiteral("pwned"));
        const QString hostile =
            QStringLiteral("$(touch %1)`touch %1`\n\"; rm -rf ~ \\ '\u0000 台所").arg(marker);
        const QString json = QString::fromUtf8(OverrideAssignment::canonical(QJsonValue(hostile)));
        const auto pushed =
            cli({QStringLiteral("push"), QStringLiteral("p1"), QStringLiteral("MODE=") + json});
        QVERIFY2(pushed.exitCode == 0, QByteArray(pushed.err + pushed.out).constData());
        QCOMPARE(state(0)
                     .value(QStringLiteral("values"))
                     .toObject()
                     .value(QStringLiteral("MODE"))
                     .toString(),
                 hostile);
        QVERIFY(!QFile::exists(marker));
        QCOMPARE(state(0).value(QStringLiteral("rejected_total")).toInt(), 0);
    }

    void noReaderFailsFast()
    {
        m_lab->stopProgram(1, QStringLiteral("program-a"));
        // "Fast" means the push gives up after its second of retries instead of waiting out
        // the command's timeout: with a long timeout, the bound tells the two apart on a slow
        // or busy machine too (how fast it is on an idle one is a figure, printed below).
        const auto pushed = cli({QStringLiteral("push"), QStringLiteral("p2"),
                                 QStringLiteral("SPEED=1"), QStringLiteral("--json"),
                                 QStringLiteral("--timeout"), QString::number(kLongTimeoutS)});
        QCOMPARE(pushed.exitCode, 1);
        const QJsonObject result = QJsonDocument::fromJson(pushed.out).array().first().toObject();
        QVERIFY2(result.value(QStringLiteral("error"))
                     .toString()
                     .contains(QStringLiteral("no program is reading")),
                 pushed.out.constData());
        QVERIFY2(pushed.elapsedMs < kLongTimeoutS * 1000 / 2,
                 qPrintable(QString::number(pushed.elapsedMs)));
        qInfo("no-reader push reported in %lld ms (whole CLI run, relay login included)",
              pushed.elapsedMs);

        QFile::remove(m_lab->deviceHome(1) + QStringLiteral("/.relayfleet/overrides.fifo"));
        const auto missing =
            cli({QStringLiteral("push"), QStringLiteral("p2"), QStringLiteral("SPEED=1")});
        QVERIFY2(missing.out.contains("does not exist"), missing.out.constData());
        QFile regular(m_lab->deviceHome(1) + QStringLiteral("/.relayfleet/overrides.fifo"));
        QVERIFY(regular.open(QIODevice::WriteOnly));
        regular.close();
        const auto notFifo =
            cli({QStringLiteral("push"), QStringLiteral("p2"), QStringLiteral("SPEED=1")});
        QVERIFY2(notFifo.out.contains("is not a FIFO"), notFifo.out.constData());
        QVERIFY(regular.remove());
    }

    void aFullPipeIsReportedNotWaitedOn()
    {
        // A program that opened its FIFO but stopped reading it: the pipe fills, and the push
        // must say so after its bounded retries instead of hanging on the write.
        const QByteArray fifo =
            QFile::encodeName(m_lab->deviceHome(1) + QStringLiteral("/.relayfleet/overrides.fifo"));
        QFile::remove(QString::fromLocal8Bit(fifo));
        QCOMPARE(::mkfifo(fifo.constData(), 0600), 0);
        QCOMPARE(::chmod(fifo.constData(), 0666),
                 0); // the device's user writes it, not this test's
        const int reader = ::open(fifo.constData(), O_RDONLY | O_NONBLOCK);
        QVERIFY(reader >= 0);
        const int filler = ::open(fifo.constData(), O_WRONLY | O_NONBLOCK);
        QVERIFY(filler >= 0);
        const QByteArray block(4096, 'x');
        int blocks = 0;
        while (blocks < 1024 && ::write(filler, block.constData(),
                                        static_cast<size_t>(block.size())) == block.size()) {
            ++blocks;
        }
        ::close(filler);
        QVERIFY2(blocks >= 1 && blocks < 1024, "the pipe filled");

        const auto pushed = cli({QStringLiteral("push"), QStringLiteral("p2"),
                                 QStringLiteral("SPEED=1"), QStringLiteral("--json"),
                                 QStringLiteral("--timeout"), QString::number(kLongTimeoutS)});
        ::close(reader);
        QFile::remove(QString::fromLocal8Bit(fifo));
        QCOMPARE(pushed.exitCode, 1);
        const QJsonObject result = QJsonDocument::fromJson(pushed.out).array().first().toObject();
        QVERIFY2(
            result.value(QStringLiteral("error")).toString().contains(QStringLiteral("pipe full")),
            pushed.out.constData());
        // At least its 2 s of retries; well under the timeout (it did not wait on the write).
        QVERIFY2(pushed.elapsedMs >= 2000 && pushed.elapsedMs < kLongTimeoutS * 1000 / 2,
                 qPrintable(QString::number(pushed.elapsedMs)));
        qInfo("full-pipe push reported in %lld ms (2 s of retries)", pushed.elapsedMs);
    }

    void fiftyConcurrentPushesArriveIntact()
    {
        KnownHostsFile knownHosts(m_cli->home() + QStringLiteral("/known_hosts"));
        const RelayConfig relay = m_lab->relayConfig();
        Credentials credentials;
        credentials.identityFile = m_lab->clientKey();
        auto connection = RelayConnection::open(relay, credentials, knownHosts, HostKeyPolicy{},
                                                QDeadlineTimer(20000), {});
        QVERIFY2(connection, qPrintable(connection ? QString() : connection.error().message));
        DeviceTarget target;
        target.relay = QStringLiteral("lab");
        target.port = m_ports[0];
        target.deviceId = QStringLiteral("p1");
        target.user = m_lab->deviceUser();
        QList<qint64> seqs;
        std::vector<std::future<QString>> pushes;
        for (int i = 0; i < 50; ++i) {
            const qint64 seq = 1000000 + i;
            seqs << seq;
            pushes.push_back(std::async(std::launch::async, [&, i, seq]() -> QString {
                auto device =
                    DeviceConnection::open(*connection.value(), target, credentials, knownHosts,
                                           HostKeyPolicy{}, QDeadlineTimer(30000), {});
                if (!device) {
                    return device.error().message;
                }
                // Each push is long (two values of ~1.5 KB) so interleaving would show.
                const QList<OverrideAssignment> values{
                    {QStringLiteral("THRESHOLD"), QJsonValue(i)},
                    {QStringLiteral("MODE"), QJsonValue(QString(1500, QLatin1Char('a' + i % 26)))}};
                auto payload = OverrideMessage::payload(seq, values);
                auto command = OverrideProtocol::pushCommand(
                    QStringLiteral("~/.relayfleet/overrides.fifo"), seq, 10);
                auto output = RemoteCommand::capture(device->session(), command.value(),
                                                     payload.value(), QDeadlineTimer(30000), {});
                if (!output) {
                    return output.error().message;
                }
                const auto outcome = OverrideProtocol::parsePush(output.value(), seq, values);
                return outcome.applied ? QString()
                                       : QStringLiteral("not applied: ") + outcome.error;
            }));
        }
        for (auto &push : pushes) {
            const QString problem = push.get();
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
        const QJsonObject after = state(0);
        QCOMPARE(after.value(QStringLiteral("rejected_total")).toInt(), 0);
        const QJsonArray recent = after.value(QStringLiteral("recent")).toArray();
        for (qint64 seq : seqs) {
            QVERIFY2(recent.contains(QJsonValue(static_cast<double>(seq))),
                     qPrintable(QString::number(seq)));
        }
        // The last value is one whole push's, not a mix of two.
        const int threshold = after.value(QStringLiteral("values"))
                                  .toObject()
                                  .value(QStringLiteral("THRESHOLD"))
                                  .toInt();
        QCOMPARE(after.value(QStringLiteral("values"))
                     .toObject()
                     .value(QStringLiteral("MODE"))
                     .toString(),
                 QString(1500, QLatin1Char('a' + threshold % 26)));
    }

    void restartDriftIsShownAndReapplied()
    {
        // p1 wants SPEED=2.5 and MODE=... (from @plant and the pushes above); restart program A.
        m_lab->stopProgram(0, QStringLiteral("program-a"));
        QVERIFY(startProgramA(0));
        QTRY_VERIFY_WITH_TIMEOUT(lastLogLine(0).startsWith("SPEED=1.0"), 5000);
        const auto drifted =
            cli({QStringLiteral("overrides"), QStringLiteral("p1"), QStringLiteral("--json")});
        QVERIFY2(drifted.exitCode == 0, drifted.err.constData());
        const QJsonObject report = QJsonDocument::fromJson(drifted.out).object();
        QCOMPARE(report.value(QStringLiteral("in_sync")).toBool(), false);
        QCOMPARE(report.value(QStringLiteral("running")).toBool(), true);
        bool speedMissing = false;
        for (const QJsonValue &row : report.value(QStringLiteral("variables")).toArray()) {
            if (row.toObject().value(QStringLiteral("name")).toString() == QLatin1String("SPEED")) {
                speedMissing = row.toObject().value(QStringLiteral("status")).toString() ==
                               QLatin1String("missing");
                QCOMPARE(row.toObject().value(QStringLiteral("desired")).toDouble(), 2.5);
            }
        }
        QVERIFY(speedMissing);

        const auto reapplied =
            cli({QStringLiteral("overrides"), QStringLiteral("reapply"), QStringLiteral("p1")});
        QVERIFY2(reapplied.exitCode == 0, QByteArray(reapplied.err + reapplied.out).constData());
        QTRY_VERIFY_WITH_TIMEOUT(lastLogLine(0).startsWith("SPEED=2.5"), 5000);
        const auto synced =
            cli({QStringLiteral("overrides"), QStringLiteral("p1"), QStringLiteral("--json")});
        QCOMPARE(
            QJsonDocument::fromJson(synced.out).object().value(QStringLiteral("in_sync")).toBool(),
            true);

        const auto history = m_cli->run(
            {QStringLiteral("overrides"), QStringLiteral("history"), QStringLiteral("--json")});
        const QJsonArray entries = QJsonDocument::fromJson(history.out).array();
        QVERIFY(entries.size() >= 4);
        QCOMPARE(
            entries.last().toObject().value(QStringLiteral("targets")).toArray().first().toString(),
            QStringLiteral("p1"));
    }

    void rejectedValuesAreNotReportedApplied()
    {
        // (Last: the rejections it causes stay in the program's counters.)
        // Program A takes SPEED: float, MODE: str, ENABLED: bool, THRESHOLD: int. The push is
        // "applied" only when the program applied every variable; each refusal is named with
        // the program's reason, and the exit status says it.
        const auto pushed =
            cli({QStringLiteral("push"), QStringLiteral("p1"), QStringLiteral("threshold=0.75"),
                 QStringLiteral("THRESHOLD=0.75"), QStringLiteral("ENABLED=\"yes\""),
                 QStringLiteral("SPEED=3.5"), QStringLiteral("--json")});
        QCOMPARE(pushed.exitCode, 1);
        const QJsonObject result = QJsonDocument::fromJson(pushed.out).array().first().toObject();
        QCOMPARE(result.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(result.value(QStringLiteral("received")).toBool(), true);
        QCOMPARE(result.value(QStringLiteral("applied")).toBool(), false);
        QHash<QString, QJsonObject> variables;
        for (const QJsonValue &v : result.value(QStringLiteral("variables")).toArray()) {
            variables.insert(v.toObject().value(QStringLiteral("name")).toString(), v.toObject());
        }
        QCOMPARE(variables.size(), 4);
        QCOMPARE(variables[QStringLiteral("threshold")].value(QStringLiteral("reason")).toString(),
                 QStringLiteral("not in the allowlist"));
        QCOMPARE(variables[QStringLiteral("THRESHOLD")].value(QStringLiteral("reason")).toString(),
                 QStringLiteral("wrong type"));
        QCOMPARE(variables[QStringLiteral("ENABLED")].value(QStringLiteral("reason")).toString(),
                 QStringLiteral("wrong type"));
        QCOMPARE(variables[QStringLiteral("SPEED")].value(QStringLiteral("applied")).toBool(),
                 true);
        QVERIFY2(result.value(QStringLiteral("error"))
                     .toString()
                     .contains(QStringLiteral("threshold (not in the allowlist)")),
                 qPrintable(result.value(QStringLiteral("error")).toString()));
        // The program says what it takes, so the editor can offer the right names and types.
        const QJsonObject accepts = result.value(QStringLiteral("accepts")).toObject();
        QCOMPARE(accepts.value(QStringLiteral("THRESHOLD"))
                     .toObject()
                     .value(QStringLiteral("type"))
                     .toString(),
                 QStringLiteral("int"));
        QCOMPARE(accepts.value(QStringLiteral("SPEED"))
                     .toObject()
                     .value(QStringLiteral("value"))
                     .toDouble(),
                 3.5);

        const auto text =
            cli({QStringLiteral("push"), QStringLiteral("p1"), QStringLiteral("THRESHOLD=0.75")});
        QCOMPARE(text.exitCode, 1);
        QVERIFY2(text.out.contains("NOT APPLIED") &&
                     text.out.contains("THRESHOLD rejected (wrong type)"),
                 text.out.constData());
        const auto valid =
            cli({QStringLiteral("push"), QStringLiteral("p1"), QStringLiteral("THRESHOLD=3")});
        QVERIFY2(valid.exitCode == 0 && valid.out.contains("applied"),
                 QByteArray(valid.err + valid.out).constData());
    }

    // A push is in the audit log per device with its values, a secret one only as its length.
    // (After the rejections test: program A refuses API_TOKEN, which is not in its allowlist,
    // and the log says the push was not applied.)
    void pushesAreAuditedWithoutTheirSecrets()
    {
        const QString secret = QStringLiteral("tok-4c9e1f0b");
        const auto pushed =
            cli({QStringLiteral("push"), QStringLiteral("p1"), QStringLiteral("SPEED=3"),
                 QStringLiteral("API_TOKEN=\"%1\"").arg(secret)});
        QCOMPARE(pushed.exitCode, 1);
        const auto listed = m_cli->run({QStringLiteral("audit"), QStringLiteral("--device"),
                                        QStringLiteral("p1"), QStringLiteral("--json")});
        QVERIFY2(listed.exitCode == 0, listed.err.constData());
        const QJsonArray entries = QJsonDocument::fromJson(listed.out).array();
        QVERIFY(!entries.isEmpty());
        const QJsonObject last = entries.last().toObject();
        QCOMPARE(last.value(QStringLiteral("action")).toString(), QStringLiteral("push"));
        QCOMPARE(last.value(QStringLiteral("ok")).toBool(), false);
        QVERIFY(
            last.value(QStringLiteral("result")).toString().contains(QStringLiteral("API_TOKEN")));
        const QJsonObject values = last.value(QStringLiteral("details"))
                                       .toObject()
                                       .value(QStringLiteral("values"))
                                       .toObject();
        QCOMPARE(values.value(QStringLiteral("SPEED")).toDouble(), 3.0);
        QVERIFY(values.contains(QStringLiteral("API_TOKEN")));
        QVERIFY(!listed.out.contains(secret.toUtf8()));
        QVERIFY(
            !readFile(m_cli->home() + QStringLiteral("/audit.jsonl")).contains(secret.toUtf8()));
    }
};

QTEST_GUILESS_MAIN(OverridesTest)
#include "OverridesTest.moc"
