#include "DemoLab.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace relayfleet::gui {

namespace {
constexpr int kStartTimeoutMs = 120000;
constexpr int kStopTimeoutMs = 15000;
} // namespace

DemoLab::DemoLab(QObject *parent)
    : QObject(parent)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this,
            [this] { fail(tr("The demo lab did not start within two minutes.")); });
    connect(&m_process, &QProcess::readyReadStandardOutput, this, [this] {
        m_output += m_process.readAllStandardOutput();
        if (!m_ready && m_output.contains("demo lab ready")) {
            m_ready = true;
            m_timeout.stop();
            Q_EMIT ready(home());
        }
    });
    connect(&m_process, &QProcess::finished, this, [this] {
        if (!m_ready) {
            fail(
                tr("The demo lab stopped: %1")
                    .arg(QString::fromUtf8(m_process.readAllStandardError().trimmed().right(400))));
        }
    });
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            fail(tr("The demo lab could not be started: %1").arg(m_process.errorString()));
        }
    });
}

DemoLab::~DemoLab()
{
    if (m_process.state() != QProcess::NotRunning) {
        // Closing its standard input is the lab's signal to stop its sshd processes and
        // namespaces; a local shutdown, bounded.
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(kStopTimeoutMs)) {
            m_process.terminate();
            m_process.waitForFinished(kStopTimeoutMs);
        }
    }
}

QString DemoLab::program()
{
    const QString configured = qEnvironmentVariable("RELAYFLEET_DEMO_LAB");
    if (!configured.isEmpty()) {
        return QFileInfo(configured).isExecutable() ? configured : QString();
    }
    const QDir here(QCoreApplication::applicationDirPath());
    for (const QString &candidate :
         {here.filePath(QStringLiteral("../lab/rflab-demo")),
          here.filePath(QStringLiteral("../libexec/relayfleet/rflab-demo"))}) {
        if (QFileInfo(candidate).isExecutable()) {
            return QDir::cleanPath(candidate);
        }
    }
    return {};
}

QString DemoLab::home() const
{
    return m_dir.filePath(QStringLiteral("home"));
}

void DemoLab::start()
{
    const QString lab = program();
    if (lab.isEmpty()) {
        fail(tr("The demo lab is not part of this installation (rflab-demo was not found)."));
        return;
    }
    if (!m_dir.isValid()) {
        fail(tr("No temporary directory for the demo lab."));
        return;
    }
    m_timeout.start(kStartTimeoutMs);
    // Standard input stays an open pipe: its end stops the lab, even if this app crashes.
    m_process.start(lab, {home()}, QIODevice::ReadWrite);
}

void DemoLab::fail(const QString &message)
{
    m_timeout.stop();
    Q_EMIT failed(message);
}

} // namespace relayfleet::gui
