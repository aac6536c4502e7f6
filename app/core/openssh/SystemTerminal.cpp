#include "openssh/SystemTerminal.h"

#include "base/ShellQuote.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUuid>

namespace relayfleet {

SystemTerminal::Launch SystemTerminal::launchFor(Platform platform, const QString &command,
                                                 const QString &scriptDir)
{
    Launch launch;
    if (platform == Platform::MacOS) {
        launch.scriptPath =
            QDir(scriptDir).filePath(QStringLiteral("relayfleet-%1.command")
                                         .arg(QUuid::createUuid().toString(QUuid::WithoutBraces)));
        // The script removes itself first: nothing is left behind once Terminal ran it.
        launch.script = "#!/bin/sh\nrm -f -- " + shellQuote(launch.scriptPath).toUtf8() +
                        "\nexec " + command.toUtf8() + '\n';
        launch.program = QStringLiteral("open");
        launch.arguments = {QStringLiteral("-a"), QStringLiteral("Terminal"), launch.scriptPath};
        launch.exitStatusTellsSuccess = true;
    } else {
        launch.program = QStringLiteral("x-terminal-emulator");
        launch.arguments = {QStringLiteral("-e"), QStringLiteral("sh"), QStringLiteral("-c"),
                            command};
    }
    return launch;
}

Result<void> SystemTerminal::writeScript(const Launch &launch)
{
    if (launch.scriptPath.isEmpty()) {
        return {};
    }
    QFile file(launch.scriptPath);
    if (!QDir().mkpath(QFileInfo(launch.scriptPath).absolutePath()) ||
        !file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                   QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner) ||
        file.write(launch.script) != launch.script.size() || !file.flush()) {
        return Error::make(Error::Code::Io, tr("Cannot write the terminal script %1: %2")
                                                .arg(launch.scriptPath, file.errorString()));
    }
    return {};
}

} // namespace relayfleet
