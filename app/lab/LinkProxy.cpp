#include "LinkProxy.h"

#include "LabCommand.h"
#include "LabSshd.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <csignal>
#include <sys/prctl.h>

#ifndef RELAYFLEET_LAB_PROXY
#error "RELAYFLEET_LAB_PROXY must name the rflab-proxy binary"
#endif

namespace relayfleet::lab {

namespace {

constexpr int kAnswerTimeoutMs = 5000;

// rflab-proxy: where the build put it, else beside this program (an installed demo lab).
QString proxyProgram()
{
    const QString built = QStringLiteral(RELAYFLEET_LAB_PROXY);
    if (QFileInfo(built).isExecutable()) {
        return built;
    }
    return QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("rflab-proxy"));
}

} // namespace

LinkProxy::~LinkProxy()
{
    stop();
}

Result<void> LinkProxy::start()
{
    m_process = std::make_unique<QProcess>();
    m_process->setChildProcessModifier([] { prctl(PR_SET_PDEATHSIG, SIGKILL); });
    m_process->start(proxyProgram(), {});
    if (!m_process->waitForStarted(LabSshd::kStartTimeoutMs)) {
        return LabCommand::error(QStringLiteral("cannot start the delay proxy: ") +
                                 m_process->errorString());
    }
    return {};
}

Result<QString> LinkProxy::command(const QString &line)
{
    if (!m_process) {
        return LabCommand::error(QStringLiteral("the delay proxy is not running"));
    }
    m_process->write(line.toUtf8() + '\n');
    QElapsedTimer timer;
    timer.start();
    while (!m_process->canReadLine() && timer.elapsed() < kAnswerTimeoutMs) {
        m_process->waitForReadyRead(100);
    }
    const QString reply = QString::fromUtf8(m_process->readLine()).trimmed();
    if (!reply.startsWith(QStringLiteral("ok"))) {
        return LabCommand::error(
            QStringLiteral("the delay proxy refused \"%1\": %2").arg(line, reply));
    }
    return reply;
}

Result<int> LinkProxy::route(const QString &line)
{
    auto reply = command(line);
    if (!reply) {
        return reply.error();
    }
    return reply->section(QLatin1Char(' '), 2, 2).toInt(); // "ok NAME PORT"
}

void LinkProxy::stop()
{
    if (!m_process) {
        return;
    }
    m_process->closeWriteChannel();
    if (!m_process->waitForFinished(2000)) {
        m_process->kill();
        m_process->waitForFinished(2000);
    }
    m_process.reset();
}

} // namespace relayfleet::lab
