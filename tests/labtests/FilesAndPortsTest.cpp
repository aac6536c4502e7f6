// Files and ports through the relay, with the real CLI against real OpenSSH: a byte-identical
// round trip of random data under hostile names, a link dropped mid-upload that leaves the
// target untouched, an upload to every device with a label, and a device's web server reached
// through a forwarded port.
#include "CliRunner.h"
#include "LabCli.h"
#include "LabFixture.h"
#include "NatLab.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <sys/stat.h>

using relayfleet::lab::CliRunner;
using relayfleet::lab::NatLab;

namespace {

QByteArray randomBytes(qsizetype size)
{
    QByteArray data(size, Qt::Uninitialized);
    auto *words = reinterpret_cast<quint32 *>(data.data());
    QRandomGenerator::global()->fillRange(words, size / 4);
    return data;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

// Every file below `root`: its relative path, mode and contents' hash.
QMap<QString, QString> treeOf(const QString &root)
{
    QMap<QString, QString> tree;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        struct stat info
        {
        };
        ::stat(QFile::encodeName(path).constData(), &info);
        tree.insert(QDir(root).relativeFilePath(path),
                    QStringLiteral("%1 %2")
                        .arg(info.st_mode & 07777, 0, 8)
                        .arg(QString::fromLatin1(
                            QCryptographicHash::hash(relayfleet::testing::readFile(path),
                                                     QCryptographicHash::Sha256)
                                .toHex())));
    }
    return tree;
}

// One HTTP GET on 127.0.0.1:port; the body, or empty.
QByteArray httpGet(int port, const QByteArray &path)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), static_cast<quint16>(port));
    if (!socket.waitForConnected(10000)) {
        return {};
    }
    socket.write("GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n");
    QByteArray response;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 20000 && socket.state() == QAbstractSocket::ConnectedState) {
        socket.waitForReadyRead(200);
        response += socket.readAll();
    }
    response += socket.readAll();
    const qsizetype body = response.indexOf("\r\n\r\n");
    return response.startsWith("HTTP/1.0 200") && body > 0 ? response.mid(body + 4) : QByteArray();
}

} // namespace

class FilesAndPortsTest : public QObject
{
    Q_OBJECT

private:
    CliRunner::Outcome cli(const QStringList &args, int timeoutMs = 120000)
    {
        return m_cli->run(args + QStringList{QStringLiteral("--user"), m_lab->deviceUser()}, {},
                          timeoutMs);
    }
    QString onDevice(int device, const QString &relative) const
    {
        return m_lab->deviceHome(device) + QLatin1Char('/') + relative;
    }

    std::unique_ptr<NatLab> m_lab;
    QTemporaryDir m_homes;
    QTemporaryDir m_files;
    std::unique_ptr<CliRunner> m_cli;

    // Ctrl+C for a copy once `folder` holds an entry matching `pattern` and `filters` (60 s at
    // most) and the copy ran `settleMs` more; false when it did not end within 30 s after.
    static bool interruptOnceAFileAppears(QProcess &process, const QString &folder,
                                          const QString &pattern, QDir::Filters filters,
                                          int settleMs)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 60000 && QDir(folder).entryList({pattern}, filters).isEmpty()) {
            QThread::msleep(20);
        }
        QThread::msleep(static_cast<unsigned long>(settleMs));
        ::kill(static_cast<pid_t>(process.processId()), SIGINT);
        return process.waitForFinished(30000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Cellular delays, so that pipelining matters and a drop lands mid-transfer.
        auto fixture = relayfleet::testing::LabFixture::start(
            {.devices = 2, .macRelayDelayMs = 25, .relayDeviceDelayMs = 75});
        QVERIFY2(fixture, relayfleet::testing::failureOf(fixture).constData());
        m_lab = std::move(fixture->lab);
        m_cli = std::make_unique<CliRunner>(m_homes.filePath(QStringLiteral("mac")));
        QCOMPARE(relayfleet::lab::addLabRelay(*m_cli, *m_lab, true), 0);
        for (int device : {0, 1}) {
            const QString id = device == 0 ? QStringLiteral("alpha") : QStringLiteral("beta");
            const auto enrolled =
                m_cli->run(relayfleet::testing::lanEnrolArguments(*m_lab, device, id) +
                               QStringList{QStringLiteral("--label"), QStringLiteral("pis")},
                           {}, 120000);
            QVERIFY2(enrolled.exitCode == 0, enrolled.err.constData());
        }
    }

    void cleanupTestCase() { m_lab.reset(); }

    void hostileNamesMakeAByteIdenticalRoundTrip()
    {
        const QString source = m_files.filePath(QStringLiteral("out/tree"));
        QVERIFY(QDir().mkpath(source + QStringLiteral("/sub folder/deeper")));
        const QStringList names = {QStringLiteral("plain.bin"),
                                   QStringLiteral("with space"),
                                   QStringLiteral("quote'double\"back\\"),
                                   QStringLiteral("semi;colon&amp|pipe"),
                                   QStringLiteral("$(touch PWNED)`touch PWNED2`"),
                                   QStringLiteral("new\nline"),
                                   QStringLiteral("-starts-with-dash"),
                                   QStringLiteral("日本語のファイル.txt"),
                                   QStringLiteral("sub folder/deeper/.hidden")};
        qsizetype size = 3 * 1024 * 1024 + 7; // several chunks and a short last one
        for (const QString &name : names) {
            QVERIFY2(writeFile(source + QLatin1Char('/') + name, randomBytes(size)),
                     qPrintable(name));
            size = size / 3 + 1;
        }
        QVERIFY(writeFile(source + QStringLiteral("/empty"), {}));
        QVERIFY(QFile::setPermissions(source + QStringLiteral("/plain.bin"),
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                          QFile::ReadGroup | QFile::ExeGroup));
        QElapsedTimer timer;
        timer.start();
        const auto up = cli({QStringLiteral("copy"), QStringLiteral("-r"), source,
                             QStringLiteral("alpha:incoming")});
        qInfo("upload of the tree: %lld ms", timer.elapsed());
        QVERIFY2(up.exitCode == 0, up.err.constData());
        QVERIFY2(up.out.contains("alpha: copied 10 files"), up.out.constData());
        // Seen from the device's side: the same bytes, modes and names; nothing ran.
        QCOMPARE(treeOf(onDevice(0, QStringLiteral("incoming"))), treeOf(source));
        QVERIFY(!QFile::exists(onDevice(0, QStringLiteral("PWNED"))));
        QVERIFY(!QFile::exists(onDevice(0, QStringLiteral("incoming/PWNED"))));

        const QString back = m_files.filePath(QStringLiteral("back"));
        QVERIFY(QDir().mkpath(back));
        const auto down = cli(
            {QStringLiteral("copy"), QStringLiteral("-r"), QStringLiteral("alpha:incoming"), back});
        QVERIFY2(down.exitCode == 0, down.err.constData());
        QCOMPARE(treeOf(back + QStringLiteral("/incoming")), treeOf(source));
        // No temporary file is left on either side.
        QDirIterator leftovers(back, {QStringLiteral("*.relayfleet-*")}, QDir::Files | QDir::Hidden,
                               QDirIterator::Subdirectories);
        QVERIFY(!leftovers.hasNext());
        QDirIterator remoteLeftovers(onDevice(0, QStringLiteral("incoming")),
                                     {QStringLiteral("*.relayfleet-*")}, QDir::Files | QDir::Hidden,
                                     QDirIterator::Subdirectories);
        QVERIFY(!remoteLeftovers.hasNext());

        // One file under a new name, with --mode, and into a folder given with ~/.
        const auto renamed = cli({QStringLiteral("copy"), QStringLiteral("--mode"),
                                  QStringLiteral("600"), source + QStringLiteral("/with space"),
                                  QStringLiteral("alpha:~/incoming/renamed;$(id)")});
        QVERIFY2(renamed.exitCode == 0, renamed.err.constData());
        QFileInfo landed(onDevice(0, QStringLiteral("incoming/renamed;$(id)")));
        QVERIFY(landed.exists());
        QCOMPARE(landed.permissions() &
                     (QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther),
                 QFile::ReadOwner | QFile::WriteOwner);
    }

    // Small files travel in one batch; one of them cannot replace its target (a folder stands
    // there): that one is reported with its reason and leaves nothing behind, the others of the
    // batch arrive whole, and the message says so.
    void aFileThatFailsInABatchIsReportedAlone()
    {
        const QString source = m_files.filePath(QStringLiteral("out/batch"));
        QVERIFY(QDir().mkpath(source));
        const QStringList names{QStringLiteral("a.conf"), QStringLiteral("b.conf"),
                                QStringLiteral("c.conf")};
        QStringList paths;
        for (const QString &name : names) {
            paths << source + QLatin1Char('/') + name;
            QVERIFY(writeFile(paths.last(), randomBytes(5000)));
        }
        const QString target = onDevice(0, QStringLiteral("batch-target"));
        QVERIFY(QDir().mkpath(target + QStringLiteral("/b.conf")));
        QVERIFY(writeFile(target + QStringLiteral("/b.conf/keep"), "kept"));
        const auto up = cli(QStringList{QStringLiteral("copy")} + paths +
                            QStringList{QStringLiteral("alpha:batch-target/")});
        QCOMPARE(up.exitCode, 1);
        const QByteArray stopped =
            "Sending " + paths.at(1).toUtf8() + " stopped after 5000 of 5000 bytes";
        QVERIFY2(up.err.contains(stopped) &&
                     up.err.contains("batch-target/b.conf on the device was not changed") &&
                     up.err.contains("2 other files were copied whole.") &&
                     !up.err.contains("partial copy"),
                 up.err.constData());
        QCOMPARE(relayfleet::testing::readFile(target + QStringLiteral("/a.conf")),
                 relayfleet::testing::readFile(paths.at(0)));
        QCOMPARE(relayfleet::testing::readFile(target + QStringLiteral("/c.conf")),
                 relayfleet::testing::readFile(paths.at(2)));
        QCOMPARE(relayfleet::testing::readFile(target + QStringLiteral("/b.conf/keep")),
                 QByteArray("kept"));
        QVERIFY2(
            QDir(target)
                .entryList({QStringLiteral("*.relayfleet-*")}, QDir::Files | QDir::Hidden)
                .isEmpty(),
            qPrintable(
                QDir(target).entryList(QDir::AllEntries | QDir::Hidden).join(QLatin1Char(' '))));
    }

    void aDroppedLinkLeavesTheTargetUntouched()
    {
        const QByteArray before = "the version that works\n";
        QVERIFY(writeFile(onDevice(0, QStringLiteral("program.bin")), before));
        const QString big = m_files.filePath(QStringLiteral("program-new.bin"));
        QVERIFY(writeFile(big, randomBytes(40 * 1024 * 1024)));
        const QString home = m_lab->deviceHome(0);
        auto partialExists = [home] {
            return !QDir(home)
                        .entryList({QStringLiteral(".program.bin.relayfleet-*")},
                                   QDir::Files | QDir::Hidden)
                        .isEmpty();
        };
        CliRunner::Fault drop;
        drop.when = [&](const QByteArray &, const QByteArray &, qint64) {
            return partialExists() && QFileInfo(home).exists() &&
                   QDir(home)
                           .entryInfoList({QStringLiteral(".program.bin.relayfleet-*")},
                                          QDir::Files | QDir::Hidden)
                           .value(0)
                           .size() > 1024 * 1024;
        };
        drop.inject = [&] {
            QVERIFY(m_lab->endDeviceSessions(0));
        };
        const auto cut =
            m_cli->runWithFault({QStringLiteral("copy"), big, QStringLiteral("alpha:program.bin"),
                                 QStringLiteral("--user"), m_lab->deviceUser()},
                                drop, 180000);
        QVERIFY2(cut.faultAtMs >= 0, cut.err.constData());
        QCOMPARE(cut.exitCode, 1);
        qInfo("%s", cut.err.constData());
        QVERIFY2(cut.err.contains("stopped after") && cut.err.contains("was not changed"),
                 cut.err.constData());
        QCOMPARE(relayfleet::testing::readFile(onDevice(0, QStringLiteral("program.bin"))), before);

        // The next attempt goes through and replaces it whole.
        const auto again = cli({QStringLiteral("copy"), big, QStringLiteral("alpha:program.bin")});
        QVERIFY2(again.exitCode == 0, again.err.constData());
        QCOMPARE(relayfleet::testing::readFile(onDevice(0, QStringLiteral("program.bin"))),
                 relayfleet::testing::readFile(big));
        // What the cut left is named in the message; the rest of the folder is clean.
        for (const QString &left : QDir(home).entryList(
                 {QStringLiteral(".program.bin.relayfleet-*")}, QDir::Files | QDir::Hidden)) {
            QVERIFY2(cut.err.contains(left.toUtf8()), qPrintable(left));
        }
    }

    void anInterruptedUploadRemovesItsPartialFile()
    {
        const QString big = m_files.filePath(QStringLiteral("program-new.bin"));
        const QString home = m_lab->deviceHome(1);
        QVERIFY(writeFile(onDevice(1, QStringLiteral("other.bin")), "old\n"));
        auto process =
            m_cli->startInBackground({QStringLiteral("copy"), big, QStringLiteral("beta:other.bin"),
                                      QStringLiteral("--user"), m_lab->deviceUser()});
        QVERIFY(process);
        QVERIFY(interruptOnceAFileAppears(*process, home, QStringLiteral(".other.bin.relayfleet-*"),
                                          QDir::Files | QDir::Hidden, 300));
        const QByteArray err = process->readAllStandardError();
        QCOMPARE(process->exitCode(), 130);
        QVERIFY2(err.contains("Cancelled"), err.constData());
        QCOMPARE(relayfleet::testing::readFile(onDevice(1, QStringLiteral("other.bin"))),
                 QByteArray("old\n"));
        QVERIFY2(
            QDir(home)
                .entryList({QStringLiteral(".other.bin.relayfleet-*")}, QDir::Files | QDir::Hidden)
                .isEmpty(),
            "the partial file was left behind");
    }

    // Ctrl+C while batches of small files are under way: every file on the device is whole
    // (the ones whose batch was confirmed), no temporary file is left, the rest never arrived.
    void anInterruptedBatchLeavesOnlyWholeFiles()
    {
        const QString source = m_files.filePath(QStringLiteral("out/many"));
        QVERIFY(QDir().mkpath(source));
        constexpr int kFiles = 300;
        for (int i = 0; i < kFiles; ++i) {
            QVERIFY(writeFile(source + QStringLiteral("/file %1.txt").arg(i), randomBytes(4096)));
        }
        const QString target = onDevice(1, QStringLiteral("many"));
        auto process = m_cli->startInBackground({QStringLiteral("copy"), QStringLiteral("-r"),
                                                 source, QStringLiteral("beta:many"),
                                                 QStringLiteral("--user"), m_lab->deviceUser()});
        QVERIFY(process);
        QVERIFY(interruptOnceAFileAppears(*process, target, QStringLiteral("*"), QDir::Files, 500));
        const QByteArray err = process->readAllStandardError();
        QCOMPARE(process->exitCode(), 130);
        QVERIFY2(err.contains("Cancelled"), err.constData());
        const QStringList arrived = QDir(target).entryList(QDir::Files | QDir::Hidden);
        qInfo("%lld of %d files had arrived whole", static_cast<long long>(arrived.size()), kFiles);
        QVERIFY2(!arrived.isEmpty() && arrived.size() < kFiles,
                 qPrintable(QStringLiteral("%1 files arrived").arg(arrived.size())));
        for (const QString &name : arrived) {
            QVERIFY2(!name.contains(QLatin1String(".relayfleet-")), qPrintable(name));
            QCOMPARE(relayfleet::testing::readFile(target + QLatin1Char('/') + name),
                     relayfleet::testing::readFile(source + QLatin1Char('/') + name));
        }
    }

    void aLabelUploadsToEveryDeviceInParallel()
    {
        const QString config = m_files.filePath(QStringLiteral("app.conf"));
        QVERIFY(writeFile(config, "speed=3\n"));
        const auto up = cli(
            {QStringLiteral("copy"), config, QStringLiteral("@pis:"), QStringLiteral("--json")});
        QVERIFY2(up.exitCode == 0, up.err.constData());
        const QJsonArray results = QJsonDocument::fromJson(up.out).array();
        QCOMPARE(results.size(), 2);
        QStringList devices;
        for (const QJsonValue &value : results) {
            const QJsonObject result = value.toObject();
            QCOMPARE(result.value(QStringLiteral("outcome")).toString(), QStringLiteral("copied"));
            QCOMPARE(result.value(QStringLiteral("bytes")).toInt(), 8);
            devices << result.value(QStringLiteral("device")).toString();
        }
        devices.sort();
        QCOMPARE(devices, (QStringList{QStringLiteral("alpha"), QStringLiteral("beta")}));
        for (int device : {0, 1}) {
            QCOMPARE(relayfleet::testing::readFile(onDevice(device, QStringLiteral("app.conf"))),
                     QByteArray("speed=3\n"));
        }
        // A device that cannot take it is reported alone: beta's target folder is missing.
        const auto partly =
            cli({QStringLiteral("copy"), config, QStringLiteral("@pis:/nonexistent-folder/"),
                 QStringLiteral("--json")});
        QCOMPARE(partly.exitCode, 1);
        for (const QJsonValue &value : QJsonDocument::fromJson(partly.out).array()) {
            QCOMPARE(value.toObject().value(QStringLiteral("outcome")).toString(),
                     QStringLiteral("failed"));
            QVERIFY(value.toObject()
                        .value(QStringLiteral("error"))
                        .toString()
                        .contains(QStringLiteral("nonexistent-folder")));
        }
    }

    void aForwardedPortReachesAWebServerOnTheDevice()
    {
        const QString site = onDevice(0, QStringLiteral("site"));
        QVERIFY(QDir().mkpath(site));
        const QByteArray page = randomBytes(2 * 1024 * 1024).toBase64();
        QVERIFY(writeFile(site + QStringLiteral("/page.txt"), page));
        const int webPort = 18000 + QRandomGenerator::global()->bounded(1000);
        QVERIFY(m_lab->startProgram(
            0, QStringLiteral("web"),
            {QStringLiteral("python3"), QStringLiteral("-m"), QStringLiteral("http.server"),
             QString::number(webPort), QStringLiteral("--bind"), QStringLiteral("127.0.0.1"),
             QStringLiteral("--directory"),
             relayfleet::testing::homeOnDevice(*m_lab, 0) + QStringLiteral("/site")}));
        auto forward = m_cli->startInBackground(
            {QStringLiteral("forward"), QStringLiteral("alpha"), QString::number(webPort),
             QStringLiteral("--local"), QStringLiteral("0"), QStringLiteral("--json"),
             QStringLiteral("--user"), m_lab->deviceUser()});
        QVERIFY(forward);
        QVERIFY(forward->waitForReadyRead(60000));
        const QJsonObject started = QJsonDocument::fromJson(forward->readLine()).object();
        const int localPort = started.value(QStringLiteral("local_port")).toInt();
        QVERIFY2(localPort > 0, forward->readAllStandardError().constData());
        QCOMPARE(started.value(QStringLiteral("local_address")).toString(),
                 QStringLiteral("127.0.0.1:%1").arg(localPort));
        // The web server may still be starting: the first GET is allowed to fail.
        QElapsedTimer timer;
        timer.start();
        QByteArray first;
        while (first.isEmpty() && timer.elapsed() < 20000) {
            first = httpGet(localPort, "/page.txt");
        }
        QCOMPARE(first, page);
        // Several connections at once over the one device session.
        std::vector<std::unique_ptr<QThread>> threads;
        std::vector<QByteArray> bodies(6);
        for (size_t i = 0; i < bodies.size(); ++i) {
            threads.emplace_back(QThread::create(
                [&bodies, i, localPort] { bodies[i] = httpGet(localPort, "/page.txt"); }));
            threads.back()->start();
        }
        for (auto &thread : threads) {
            QVERIFY(thread->wait(60000));
        }
        for (const QByteArray &body : bodies) {
            QCOMPARE(body.size(), page.size());
            QVERIFY(body == page);
        }
        // The web server stops: a connection is refused with a message saying so, and the
        // forward itself stays up for the next one.
        m_lab->stopProgram(0, QStringLiteral("web"));
        QCOMPARE(httpGet(localPort, "/page.txt"), QByteArray());
        const QByteArray refusal = "nothing listens on port " + QByteArray::number(webPort);
        QByteArray said;
        QTRY_VERIFY_WITH_TIMEOUT((said += forward->readAllStandardError()).contains(refusal),
                                 10000);
        QCOMPARE(forward->state(), QProcess::Running);
        ::kill(static_cast<pid_t>(forward->processId()), SIGINT);
        QVERIFY(forward->waitForFinished(15000));
        QCOMPARE(forward->exitCode(), 0);
    }

    void aForwardListensOnLoopbackOnlyUnlessAsked()
    {
        auto forward = m_cli->startInBackground(
            {QStringLiteral("forward"), QStringLiteral("alpha"), QStringLiteral("22"),
             QStringLiteral("--local"), QStringLiteral("0"), QStringLiteral("--bind"),
             QStringLiteral("not-an-address"), QStringLiteral("--user"), m_lab->deviceUser()});
        QVERIFY(forward);
        QVERIFY(forward->waitForFinished(60000));
        QCOMPARE(forward->exitCode(), 1);
        QVERIFY(forward->readAllStandardError().contains("not a local IP address"));
    }
};

QTEST_GUILESS_MAIN(FilesAndPortsTest)
#include "FilesAndPortsTest.moc"
