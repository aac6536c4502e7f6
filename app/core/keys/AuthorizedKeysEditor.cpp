#include "keys/AuthorizedKeysEditor.h"

#include "base/ShellQuote.h"
#include "hostkeys/HostKey.h"

#include <QFile>

namespace relayfleet {

Result<AuthorizedKeysEditor::Outcome> AuthorizedKeysEditor::add(const Runner &run,
                                                                const QString &publicKey)
{
    return edit(run, QStringLiteral("add"), publicKey);
}

Result<AuthorizedKeysEditor::Outcome> AuthorizedKeysEditor::remove(const Runner &run,
                                                                   const QString &publicKey)
{
    return edit(run, QStringLiteral("remove"), publicKey);
}

Result<AuthorizedKeysEditor::Outcome>
AuthorizedKeysEditor::edit(const Runner &run, const QString &mode, const QString &publicKey)
{
    if (!HostKey::fromOpenSsh(publicKey)) {
        return Error::make(Error::Code::InvalidInput, tr("Not a valid public key."));
    }
    QFile file(QStringLiteral(":/relayfleet/device/relayfleet-authorize-key"));
    if (!file.open(QIODevice::ReadOnly)) {
        return Error::make(Error::Code::Io,
                           tr("The key installer script is missing from this build."));
    }
    const QString script = QString::fromUtf8(file.readAll());
    const QString command =
        QStringLiteral("sh -c %1 relayfleet-authorize-key %2").arg(shellQuote(script), mode);
    auto output = run(command, publicKey.trimmed().toUtf8() + '\n');
    if (!output) {
        return output.error();
    }
    const QByteArray said = output->out.trimmed();
    if (output->exitStatus != 0) {
        return Error::make(Error::Code::Protocol,
                           tr("Editing authorized_keys failed: %1")
                               .arg(QString::fromUtf8(output->err.left(400)).trimmed()));
    }
    if (said == "added") {
        return Outcome::Added;
    }
    if (said == "present") {
        return Outcome::AlreadyPresent;
    }
    if (said == "removed") {
        return Outcome::Removed;
    }
    if (said == "absent") {
        return Outcome::WasAbsent;
    }
    return Error::make(Error::Code::Protocol,
                       tr("Unexpected answer while editing authorized_keys."));
}

} // namespace relayfleet
