// rfbench-copy: files and ports through the relay under cellular latency (Mac <-> relay 50 ms,
// relay <-> device 150 ms one way), against OpenSSH in the same run with the same keys, pins
// and ProxyJump (the config `ssh-command` prints):
//   upload    `relayfleet-cli copy FILE dev1:PATH`   vs  `scp -F CONFIG FILE HOST:PATH`
//   download  `relayfleet-cli copy dev1:PATH FILE`   vs  `sftp -F CONFIG HOST:PATH FILE`
//   forward   an HTTP GET of the file through `relayfleet-cli forward`  vs  `ssh -N -L`
// Throughput is the file's size over the whole command's time (login included, as a user waits
// for it). Medians over --runs N (default 3); --smoke for one quick pass with a small file.
#include "BenchLab.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <csignal>

using namespace relayfleet;
using namespace relayfleet::bench;

namespace {

QByteArray sha256Of(const QString &path)
{
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file)) {
        return {};
    }
    return hash.result();
}

// Seconds for one HTTP GET of `path` on 127.0.0.1:port, or -1 when the body is not `size` long.
double timedGet(int port, const QByteArray &path, qint64 size)
{
    QElapsedTimer timer;
    timer.start();
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), static_cast<quint16>(port));
    if (!socket.waitForConnected(10000)) {
        return -1;
    }
    socket.write("GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n");
    qint64 received = 0;
    while (timer.elapsed() < 600000) {
        if (!socket.waitForReadyRead(30000) && socket.state() != QAbstractSocket::ConnectedState) {
            break;
        }
        received += socket.readAll().size();
        if (socket.state() != QAbstractSocket::ConnectedState) {
            break;
        }
    }
    received += socket.readAll().size();
    // The body is the file; the headers are a few hundred bytes before it.
    return received >= size && received < size + 1024 ? timer.elapsed() / 1000.0 : -1;
}

bool waitForPort(int port, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        QTcpSocket probe;
        probe.connectToHost(QStringLiteral("127.0.0.1"), static_cast<quint16>(port));
        if (probe.waitForConnected(500)) {
            return true;
        }
        QThread::msleep(100);
    }
    return false;
}

void stop(QProcess &process)
{
    if (process.state() != QProcess::NotRunning) {
        ::kill(static_cast<pid_t>(process.processId()), SIGINT);
        if (!process.waitForFinished(10000)) {
            process.kill();
            process.waitForFinished(5000);
        }
    }
}

// A tree of small files, where round trips per file count and bytes hardly do.
bool writeTree(const QString &root, int folders, int filesPerFolder, qsizetype fileSize)
{
    for (int f = 0; f < folders; ++f) {
        const QString folder = QStringLiteral("%1/folder %2").arg(root).arg(f);
        if (!QDir().mkpath(folder)) {
            return false;
        }
        for (int i = 0; i < filesPerFolder; ++i) {
            QFile file(QStringLiteral("%1/file %2.txt").arg(folder).arg(i));
            QByteArray data(fileSize, Qt::Uninitialized);
            QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(data.data()),
                                                  data.size() / 4);
            if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size()) {
                return false;
            }
        }
    }
    return true;
}

// Every file below `root` stands below `copy` with the same bytes, and nothing else does.
bool sameTree(const QString &root, const QString &copy)
{
    int files = 0;
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        ++files;
        if (sha256Of(path) != sha256Of(copy + path.mid(root.size()))) {
            return false;
        }
    }
    int copied = 0;
    QDirIterator other(copy, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (other.hasNext()) {
        other.next();
        ++copied;
    }
    return files > 0 && copied == files;
}

QString rate(double megabytesPerSecond)
{
    return QStringLiteral("%1 MB/s").arg(megabytesPerSecond, 0, 'f', 2);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const Options options = Options::parse(QCoreApplication::arguments(), 3, 1);
    const qint64 size = options.smoke ? 2 * 1000 * 1000 : 50 * 1000 * 1000;
    BenchLab bench;
    if (const QString problem = bench.start(1); !problem.isEmpty()) {
        out() << "lab: " << problem << Qt::endl;
        return 1;
    }
    const QString id = bench.ids.first();
    const QStringList openssh = bench.opensshCommand(id);
    if (openssh.size() < 4 || openssh.at(1) != QLatin1String("-F")) {
        out() << "no OpenSSH command for " << id << Qt::endl;
        return 1;
    }
    const QString config = openssh.at(2);
    const QString host = openssh.last();
    QTemporaryDir local;
    const QString source = local.filePath(QStringLiteral("payload.bin"));
    {
        QFile file(source);
        QByteArray data(size, Qt::Uninitialized);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(data.data()), size / 4);
        if (!file.open(QIODevice::WriteOnly) || file.write(data) != size) {
            out() << "cannot write " << source << Qt::endl;
            return 1;
        }
    }
    const QByteArray hash = sha256Of(source);
    const QString deviceHome = bench.lab->deviceHome(0);
    if (const QString problem =
            bench.cellular(options.macRelayDelayMs(), options.relayDeviceDelayMs());
        !problem.isEmpty()) {
        out() << "lab: " << problem << Qt::endl;
        return 1;
    }
    printHeader(QStringLiteral("Files and ports through the relay, %1 MB (Mac↔relay %2 ms, "
                               "relay↔device %3 ms one way)")
                    .arg(size / 1000000.0, 0, 'f', 0)
                    .arg(options.macRelayDelayMs())
                    .arg(options.relayDeviceDelayMs()),
                options);
    const double megabytes = size / 1e6;
    auto figure = [&](const QString &name, const QList<double> &ours, const QList<double> &theirs,
                      const QString &against) {
        const double oursRate = megabytes / (median(ours) / 1000.0);
        const double theirsRate = megabytes / (median(theirs) / 1000.0);
        const double ratio = oursRate / theirsRate;
        printFigure(
            name, rate(oursRate), rate(theirsRate), QStringLiteral("%1×").arg(ratio, 0, 'f', 2),
            QStringLiteral("≥ 0.8×"), ratio >= 0.8 ? QStringLiteral("yes") : QStringLiteral("no"),
            QStringLiteral("%1; %2 vs %3").arg(against, ms(median(ours)), ms(median(theirs))));
    };

    // Upload and download, each checked byte for byte.
    QList<double> oursUp, theirsUp, oursDown, theirsDown;
    for (int run = 0; run < options.runs; ++run) {
        const Timed ours = timeCommand(
            bench.cliProgram(),
            bench.cliArguments({QStringLiteral("copy"), source, id + QStringLiteral(":ours.bin")}),
            600000);
        const Timed theirs = timeCommand(QStringLiteral("scp"),
                                         {QStringLiteral("-q"), QStringLiteral("-F"), config,
                                          source, host + QStringLiteral(":theirs.bin")},
                                         600000);
        if (ours.exitCode != 0 || theirs.exitCode != 0 ||
            sha256Of(deviceHome + QStringLiteral("/ours.bin")) != hash ||
            sha256Of(deviceHome + QStringLiteral("/theirs.bin")) != hash) {
            out() << "an upload failed: " << ours.err << theirs.err << Qt::endl;
            return 1;
        }
        oursUp << ours.ms;
        theirsUp << theirs.ms;
        QFile::remove(local.filePath(QStringLiteral("ours-back.bin")));
        QFile::remove(local.filePath(QStringLiteral("theirs-back.bin")));
        const Timed oursBack = timeCommand(
            bench.cliProgram(),
            bench.cliArguments({QStringLiteral("copy"), id + QStringLiteral(":ours.bin"),
                                local.filePath(QStringLiteral("ours-back.bin"))}),
            600000);
        const Timed theirsBack = timeCommand(QStringLiteral("sftp"),
                                             {QStringLiteral("-q"), QStringLiteral("-F"), config,
                                              host + QStringLiteral(":theirs.bin"),
                                              local.filePath(QStringLiteral("theirs-back.bin"))},
                                             600000);
        if (oursBack.exitCode != 0 || theirsBack.exitCode != 0 ||
            sha256Of(local.filePath(QStringLiteral("ours-back.bin"))) != hash ||
            sha256Of(local.filePath(QStringLiteral("theirs-back.bin"))) != hash) {
            out() << "a download failed: " << oursBack.err << theirsBack.err << Qt::endl;
            return 1;
        }
        oursDown << oursBack.ms;
        theirsDown << theirsBack.ms;
    }
    figure(QStringLiteral("upload (copy vs scp -J)"), oursUp, theirsUp, QStringLiteral("scp"));
    figure(QStringLiteral("download (copy vs sftp -J)"), oursDown, theirsDown,
           QStringLiteral("sftp"));

    // Many small files: the time of the whole tree, OpenSSH's scp -r (SFTP since 9.0) beside.
    const int folders = 5;
    const int filesPerFolder = options.smoke ? 2 : 10;
    const QString tree = local.filePath(QStringLiteral("tree"));
    if (!writeTree(tree, folders, filesPerFolder, 4096)) {
        out() << "cannot write " << tree << Qt::endl;
        return 1;
    }
    QList<double> oursTree, theirsTree;
    for (int run = 0; run < options.runs; ++run) {
        const QString oursName = QStringLiteral("ours-tree-%1").arg(run);
        const QString theirsName = QStringLiteral("theirs-tree-%1").arg(run);
        const Timed ours =
            timeCommand(bench.cliProgram(),
                        bench.cliArguments({QStringLiteral("copy"), QStringLiteral("-r"), tree,
                                            id + QLatin1Char(':') + oursName}),
                        600000);
        const Timed theirs =
            timeCommand(QStringLiteral("scp"),
                        {QStringLiteral("-q"), QStringLiteral("-r"), QStringLiteral("-F"), config,
                         tree, host + QLatin1Char(':') + theirsName},
                        600000);
        if (ours.exitCode != 0 || theirs.exitCode != 0 ||
            !sameTree(tree, deviceHome + QLatin1Char('/') + oursName) ||
            !sameTree(tree, deviceHome + QLatin1Char('/') + theirsName)) {
            out() << "a tree upload failed: " << ours.err << theirs.err << Qt::endl;
            return 1;
        }
        oursTree << ours.ms;
        theirsTree << theirs.ms;
    }
    const double treeRatio = median(theirsTree) / median(oursTree);
    printFigure(QStringLiteral("tree of %1 files of 4 KiB in %2 folders (copy -r vs scp -r -J)")
                    .arg(folders * filesPerFolder)
                    .arg(folders),
                ms(median(oursTree)), ms(median(theirsTree)),
                QStringLiteral("%1×").arg(treeRatio, 0, 'f', 2), QStringLiteral("≥ 0.8×"),
                treeRatio >= 0.8 ? QStringLiteral("yes") : QStringLiteral("no"),
                QStringLiteral("speed: OpenSSH's time over ours"));

    // A forwarded port: the device serves the file over HTTP on its loopback.
    const int webPort = 18500 + QRandomGenerator::global()->bounded(500);
    if (auto started = bench.lab->startProgram(
            0, QStringLiteral("web"),
            {QStringLiteral("python3"), QStringLiteral("-m"), QStringLiteral("http.server"),
             QString::number(webPort), QStringLiteral("--bind"), QStringLiteral("127.0.0.1"),
             QStringLiteral("--directory"),
             bench.lab->isolated() ? QStringLiteral("/root") : deviceHome});
        !started) {
        out() << "web server: " << started.error().message << Qt::endl;
        return 1;
    }
    QProcess ours;
    ours.start(bench.cliProgram(),
               bench.cliArguments({QStringLiteral("forward"), id, QString::number(webPort),
                                   QStringLiteral("--local"), QStringLiteral("0"),
                                   QStringLiteral("--json")}));
    const int theirsPort = 19500 + QRandomGenerator::global()->bounded(400);
    QProcess theirs;
    theirs.start(QStringLiteral("ssh"),
                 {QStringLiteral("-F"), config, QStringLiteral("-N"), QStringLiteral("-L"),
                  QStringLiteral("%1:127.0.0.1:%2").arg(theirsPort).arg(webPort), host});
    int oursPort = 0;
    if (ours.waitForReadyRead(60000)) {
        oursPort = QJsonDocument::fromJson(ours.readLine())
                       .object()
                       .value(QStringLiteral("local_port"))
                       .toInt();
    }
    QList<double> oursForward, theirsForward;
    bool forwarded = oursPort > 0 && waitForPort(theirsPort, 60000);
    for (int run = 0; forwarded && run < options.runs; ++run) {
        double oursSeconds = -1;
        for (int attempt = 0; attempt < 20 && oursSeconds < 0; ++attempt) {
            oursSeconds = timedGet(oursPort, "/ours.bin", size); // the server may be starting
        }
        const double theirsSeconds = timedGet(theirsPort, "/ours.bin", size);
        forwarded = oursSeconds > 0 && theirsSeconds > 0;
        oursForward << oursSeconds * 1000;
        theirsForward << theirsSeconds * 1000;
    }
    stop(ours);
    stop(theirs);
    bench.lab->stopProgram(0, QStringLiteral("web"));
    if (!forwarded) {
        out() << "forwarding failed: " << ours.readAllStandardError()
              << theirs.readAllStandardError() << Qt::endl;
        return 1;
    }
    figure(QStringLiteral("forwarded port, HTTP GET (forward vs ssh -J -L)"), oursForward,
           theirsForward, QStringLiteral("ssh -L"));
    out() << Qt::endl
          << "runs: " << options.runs
          << ", medians; isolation: " << (bench.lab->isolated() ? "network namespaces" : "loopback")
          << Qt::endl;
    return 0;
}
