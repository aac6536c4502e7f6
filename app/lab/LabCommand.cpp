#include "LabCommand.h"

#include <QProcess>

namespace relayfleet::lab {

Result<LabCommandResult> LabCommand::run(const QStringList &argv, int timeoutMs,
                                         const QByteArray &input)
{
    QProcess process;
    process.start(argv.first(), argv.mid(1));
    if (!process.waitForStarted(timeoutMs)) {
        return Error::make(
            Error::Code::Io,
            QStringLiteral("Cannot start %1: %2").arg(argv.first(), process.errorString()));
    }
    if (!input.isEmpty()) {
        process.write(input);
    }
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(2000);
        return Error::make(Error::Code::Timeout, QStringLiteral("%1 did not finish within %2 ms.")
                                                     .arg(argv.join(QLatin1Char(' ')))
                                                     .arg(timeoutMs));
    }
    LabCommandResult result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

Result<QByteArray> LabCommand::check(const QStringList &argv, int timeoutMs)
{
    auto result = run(argv, timeoutMs);
    if (!result) {
        return result.error();
    }
    if (result->exitCode != 0) {
        return Error::make(Error::Code::Io,
                           QStringLiteral("%1 failed (exit %2): %3")
                               .arg(argv.join(QLatin1Char(' ')))
                               .arg(result->exitCode)
                               .arg(QString::fromLocal8Bit(result->err).trimmed()));
    }
    return result->out;
}

Error LabCommand::error(const QString &message)
{
    return Error::make(Error::Code::Io, QStringLiteral("NAT lab: ") + message);
}

} // namespace relayfleet::lab
