#include "CliRunner.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <unistd.h>

namespace relayfleet::lab {

CliRunner::CliRunner(QString home)
    : m_home(std::move(home))
{
    QDir().mkpath(m_home + QStringLiteral("/user-home"));
}

bool CliRunner::start(QProcess &process, const QStringList &args,
                      const QProcessEnvironment &extraEnv) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("SSH_AUTH_SOCK"));
    env.remove(QStringLiteral("RELAYFLEET_HOME"));
    env.insert(QStringLiteral("HOME"), m_home + QStringLiteral("/user-home"));
    env.insert(extraEnv);
    process.setProcessEnvironment(env);
    // No controlling terminal: the CLI must never wait for an answer nobody can give.
    process.setChildProcessModifier([] { setsid(); });
    process.start(qEnvironmentVariable("RELAYFLEET_CLI"),
                  QStringList{QStringLiteral("--home"), m_home} + args);
    return process.waitForStarted(10000);
}

std::unique_ptr<QProcess> CliRunner::startInBackground(const QStringList &args) const
{
    auto process = std::make_unique<QProcess>();
    if (!start(*process, args, {})) {
        return nullptr;
    }
    process->closeWriteChannel();
    return process;
}

CliRunner::Outcome CliRunner::run(const QStringList &args, const QByteArray &input, int timeoutMs,
                                  const QProcessEnvironment &extraEnv) const
{
    QProcess process;
    QElapsedTimer timer;
    timer.start();
    Outcome outcome;
    if (!start(process, args, extraEnv)) {
        outcome.err = process.errorString().toUtf8();
        return outcome;
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        outcome.err = "timed out: " + process.readAllStandardError();
        outcome.elapsedMs = timer.elapsed();
        return outcome;
    }
    outcome.elapsedMs = timer.elapsed();
    outcome.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    outcome.out = process.readAllStandardOutput();
    outcome.err = process.readAllStandardError();
    return outcome;
}

CliRunner::Outcome CliRunner::runWithFault(const QStringList &args, const Fault &fault,
                                           int timeoutMs, const QByteArray &input) const
{
    QProcess process;
    QElapsedTimer timer;
    timer.start();
    Outcome outcome;
    if (!start(process, args, {})) {
        outcome.err = process.errorString().toUtf8();
        return outcome;
    }
    process.write(input);
    process.closeWriteChannel();
    // Polled in short steps so the fault lands right after the output it waits for.
    while (process.state() != QProcess::NotRunning && timer.elapsed() < timeoutMs) {
        process.waitForFinished(25);
        outcome.out += process.readAllStandardOutput();
        outcome.err += process.readAllStandardError();
        if (outcome.faultAtMs < 0 && fault.when(outcome.out, outcome.err, timer.elapsed())) {
            outcome.faultAtMs = timer.elapsed();
            fault.inject();
        }
    }
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5000);
        outcome.err = "timed out: " + outcome.err + process.readAllStandardError();
        outcome.elapsedMs = timer.elapsed();
        return outcome;
    }
    outcome.elapsedMs = timer.elapsed();
    outcome.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    outcome.out += process.readAllStandardOutput();
    outcome.err += process.readAllStandardError();
    return outcome;
}

} // namespace relayfleet::lab
