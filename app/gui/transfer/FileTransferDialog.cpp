#include "transfer/FileTransferDialog.h"

#include "base/WorkerTask.h"
#include "hostkeys/KnownHostsFile.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>

namespace relayfleet::gui {

namespace {

QString deviceName(const DeviceStatus &status)
{
    return status.name.isEmpty() ? status.id : status.name;
}

QString bytes(quint64 count)
{
    return QLocale().formattedDataSize(static_cast<qint64>(count), 1, QLocale::DataSizeSIFormat);
}

} // namespace

FileTransferDialog *FileTransferDialog::upload(FleetAccess access, QList<DeviceStatus> devices,
                                               QStringList files, QWidget *parent)
{
    return new FileTransferDialog(std::move(access), std::move(devices), std::move(files),
                                  QString(), Direction::Upload, parent);
}

FileTransferDialog *FileTransferDialog::download(FleetAccess access, DeviceStatus device,
                                                 QString localFolder, QWidget *parent)
{
    return new FileTransferDialog(std::move(access), {std::move(device)}, {},
                                  std::move(localFolder), Direction::Download, parent);
}

FileTransferDialog::FileTransferDialog(FleetAccess access, QList<DeviceStatus> devices,
                                       QStringList files, QString localFolder, Direction direction,
                                       QWidget *parent)
    : QDialog(parent)
    , m_access(std::move(access))
    , m_devices(std::move(devices))
    , m_files(std::move(files))
    , m_localFolder(std::move(localFolder))
    , m_direction(direction)
{
    setObjectName(QStringLiteral("fileTransferDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    QStringList names;
    for (const DeviceStatus &device : m_devices) {
        names << deviceName(device);
    }
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("transferPath"));
    if (m_direction == Direction::Upload) {
        setWindowTitle(tr("Upload to %1").arg(names.join(QStringLiteral(", "))));
        QStringList shown;
        for (const QString &file : m_files) {
            shown << QFileInfo(file).fileName();
        }
        form->addRow(tr("Files:"), new QLabel(shown.join(QStringLiteral(", ")), this));
        form->addRow(tr("Devices:"), new QLabel(names.join(QStringLiteral(", ")), this));
        m_path->setText(QStringLiteral("~/"));
        m_path->setToolTip(tr("A folder on the device; ~/ is the login folder. Each file is "
                              "written under a temporary name and renamed into place when whole."));
        form->addRow(tr("Into folder:"), m_path);
    } else {
        setWindowTitle(tr("Download from %1").arg(names.value(0)));
        m_path->setPlaceholderText(tr("~/program.log"));
        form->addRow(tr("File on the device:"), m_path);
        form->addRow(tr("Into folder:"), new QLabel(m_localFolder, this));
    }
    layout->addLayout(form);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("transferProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setTextVisible(false);
    layout->addWidget(m_progress);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("transferStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_results = new QPlainTextEdit(this);
    m_results->setObjectName(QStringLiteral("transferResults"));
    m_results->setReadOnly(true);
    m_results->setVisible(false);
    layout->addWidget(m_results);
    auto *buttons = new QDialogButtonBox(this);
    m_startButton =
        buttons->addButton(m_direction == Direction::Upload ? tr("Upload") : tr("Download"),
                           QDialogButtonBox::AcceptRole);
    m_startButton->setObjectName(QStringLiteral("transferStartButton"));
    m_cancelButton = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancelButton->setObjectName(QStringLiteral("transferCancelButton"));
    layout->addWidget(buttons);
    connect(m_startButton, &QPushButton::clicked, this, &FileTransferDialog::start);
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        if (isRunning()) {
            m_task->cancel();
            m_status->setText(tr("Cancelling… (partial files are removed)"));
        } else {
            reject();
        }
    });
    resize(520, sizeHint().height());
    m_task = new WorkerTask(this);
    connect(m_task, &WorkerTask::progress, this,
            [this](int step, int, const QString &what) { showProgress(step, what); });
}

FileTransferDialog::~FileTransferDialog() = default;

bool FileTransferDialog::isRunning() const
{
    return m_task->isRunning();
}

void FileTransferDialog::showProgress(int permille, const QString &what)
{
    m_progress->setValue(permille);
    m_status->setText(what);
}

// The devices grouped by relay: each relay's connection carries all of its devices at once.
FileTransferDialog::Plan FileTransferDialog::planByRelay() const
{
    Plan plan;
    for (const DeviceStatus &device : m_devices) {
        auto relay = m_access.relay(device.relay);
        if (!relay) {
            plan.problems << tr("%1: %2").arg(deviceName(device), relay.error().message);
            continue;
        }
        auto job = std::find_if(plan.jobs.begin(), plan.jobs.end(),
                                [&](const RelayJob &j) { return j.relay.name == device.relay; });
        if (job == plan.jobs.end()) {
            plan.jobs.append(RelayJob{relay.value(), {}, {}});
            job = plan.jobs.end() - 1;
        }
        job->targets << device.target();
        job->names << deviceName(device);
    }
    return plan;
}

void FileTransferDialog::start()
{
    Request request;
    request.upload = m_direction == Direction::Upload;
    request.path = m_path->text().trimmed();
    if (!request.upload && request.path.isEmpty()) {
        m_status->setText(tr("Name the file on the device."));
        return;
    }
    m_startButton->setEnabled(false);
    m_path->setEnabled(false);
    m_results->clear();
    m_status->setText(tr("Connecting…"));
    request.plan = planByRelay();
    request.files = m_files;
    request.localFolder = m_localFolder;
    request.access = m_access;
    // Only pinned host keys: nobody is asked on the worker.
    request.access.relayHostKeyPolicy = HostKeyPolicy{};
    request.access.deviceHostKeyPolicy = HostKeyPolicy{};
    m_task->start<Outcome>([request](WorkerTask &task) { return copyOnWorker(request, task); },
                           [this](Outcome outcome) { finish(outcome); });
}

// Runs on the worker: each relay once, its devices in parallel; one line per device.
FileTransferDialog::Outcome FileTransferDialog::copyOnWorker(const Request &request,
                                                             WorkerTask &task)
{
    Outcome outcome;
    outcome.lines = request.plan.problems;
    outcome.allGood = request.plan.problems.isEmpty();
    const FleetAccess &access = request.access;
    KnownHostsFile knownHosts(access.knownHostsPath);
    DeviceCopy::Options options;
    options.copy.recursive = true;
    // An upload's size is known before it starts (the local files, once per device); a
    // download's only once the device said how large its file is.
    qsizetype deviceCount = 0;
    for (const RelayJob &job : request.plan.jobs) {
        deviceCount += job.targets.size();
    }
    const quint64 perDevice = request.upload ? FileCopy::localSize(request.files, true) : 0;
    const quint64 total = perDevice * static_cast<quint64>(deviceCount);
    quint64 before = 0; // bytes of the relays done already
    auto progress = [&](quint64 done, quint64 expected) {
        const quint64 all = request.upload ? total : expected;
        const quint64 now = before + done;
        const int permille = all > 0 ? static_cast<int>(now * 1000 / all) : 0;
        task.reportProgress(permille, 1000,
                            all > 0 ? tr("%1 of %2").arg(bytes(now), bytes(all)) : bytes(now));
    };
    for (const RelayJob &job : request.plan.jobs) {
        auto relay = access.connectRelay(
            job.relay, knownHosts, QDeadlineTimer(options.connectTimeoutMs), task.cancelToken());
        if (!relay) {
            for (const QString &name : job.names) {
                outcome.lines << tr("%1: failed — %2").arg(name, relay.error().message);
            }
            outcome.allGood = false;
            continue;
        }
        const Credentials credentials = access.deviceCredentialsFor(job.relay);
        QList<DeviceCopy::DeviceResult> results;
        if (request.upload) {
            results = DeviceCopy::upload(**relay, job.targets, request.files, request.path,
                                         credentials, knownHosts, access.deviceHostKeyPolicy,
                                         options, progress, task.cancelToken());
        } else {
            results << DeviceCopy::download(
                **relay, job.targets.first(), request.path, request.localFolder, credentials,
                knownHosts, access.deviceHostKeyPolicy, options, progress, task.cancelToken());
        }
        for (const auto &result : results) {
            DeviceCopy::record(access, result, request.upload,
                               request.upload ? request.files : QStringList{request.path},
                               request.upload ? request.path : request.localFolder);
        }
        describeResults(results, job.names, outcome);
        before += perDevice * static_cast<quint64>(job.targets.size());
    }
    return outcome;
}

void FileTransferDialog::describeResults(const QList<DeviceCopy::DeviceResult> &results,
                                         const QStringList &names, Outcome &outcome)
{
    for (qsizetype i = 0; i < results.size(); ++i) {
        const auto &result = results.at(i);
        if (result.error) {
            outcome.allGood = false;
            outcome.lines << tr("%1: failed — %2").arg(names.value(i), result.error->message);
            continue;
        }
        outcome.lines << tr("%1: copied %n file(s), %2, to %3", nullptr, result.summary.files)
                             .arg(names.value(i), bytes(result.summary.bytes),
                                  result.summary.destination);
        for (const QString &skipped : result.summary.skipped) {
            outcome.lines << tr("%1: skipped %2").arg(names.value(i), skipped);
        }
    }
}

void FileTransferDialog::finish(const Outcome &outcome)
{
    if (outcome.allGood) {
        m_progress->setValue(1000);
    }
    m_status->setText(outcome.allGood ? tr("Done.") : tr("Not everything was copied:"));
    m_results->setPlainText(outcome.lines.join(QLatin1Char('\n')));
    m_results->setVisible(true);
    m_cancelButton->setText(tr("Close"));
    Q_EMIT transferFinished(outcome.allGood);
}

} // namespace relayfleet::gui
