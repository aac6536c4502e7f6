#include "overrides/OverrideProtocol.h"

#include "base/ShellQuote.h"

#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>

namespace relayfleet {

namespace {

constexpr qsizetype kMaxState = 1024 * 1024;

QByteArray resource(const QString &name)
{
    QFile file(QStringLiteral(":/relayfleet/device/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

bool OverrideProtocol::isValidFifoPath(const QString &path)
{
    static const QRegularExpression pattern(QStringLiteral("^(~/|/)[A-Za-z0-9._/-]{1,255}\\z"));
    return pattern.match(path).hasMatch() && !path.contains(QStringLiteral(".."));
}

QString OverrideProtocol::remotePath(const QString &path)
{
    if (path.startsWith(QStringLiteral("~/"))) {
        return QStringLiteral("\"$HOME\"/") + shellQuote(path.mid(2));
    }
    return shellQuote(path);
}

Result<QString> OverrideProtocol::pushCommand(const QString &fifo, qint64 seq, int waitSeconds)
{
    if (!isValidFifoPath(fifo)) {
        return Error::make(
            Error::Code::InvalidInput,
            tr("\"%1\" is not a usable FIFO path (absolute or ~/..., letters, digits, "
               "'.', '_', '-', '/').")
                .arg(fifo.left(100)));
    }
    const QByteArray script = resource(QStringLiteral("relayfleet-push"));
    if (script.isEmpty()) {
        return Error::make(Error::Code::Io, tr("The push script is missing from this build."));
    }
    return QStringLiteral("sh -c %1 relayfleet-push %2 %3 %4")
        .arg(shellQuote(QString::fromUtf8(script)), remotePath(fifo))
        .arg(seq)
        .arg(waitSeconds);
}

Result<QString> OverrideProtocol::stateCommand(const QString &fifo)
{
    if (!isValidFifoPath(fifo)) {
        return Error::make(Error::Code::InvalidInput, tr("Invalid FIFO path."));
    }
    return QStringLiteral("cat -- %1.state.json").arg(remotePath(fifo));
}

QString OverrideProtocol::installModuleCommand()
{
    // Each file written whole under another name, then renamed over the old one: a program
    // starting meanwhile reads the old module or the new, never half of one.
    QString command = QStringLiteral("umask 077 && mkdir -p \"$HOME\"/.relayfleet/python");
    for (const QString &name :
         {QStringLiteral("relayfleet_overrides.py"), QStringLiteral("example_program_a.py")}) {
        command +=
            QStringLiteral(" && printf '%s' %1 > \"$HOME\"/.relayfleet/python/%2.part && mv -f "
                           "\"$HOME\"/.relayfleet/python/%2.part \"$HOME\"/.relayfleet/python/%2")
                .arg(shellQuote(QString::fromUtf8(resource(QStringLiteral("python/") + name))),
                     name);
    }
    // Python's compiled copies would be trusted for a file of the same size and second.
    return command + QStringLiteral(" && rm -f \"$HOME\"/.relayfleet/python/__pycache__/*.pyc");
}

OverrideProtocol::PushOutcome OverrideProtocol::parsePush(const CommandOutput &output, qint64 seq,
                                                          const QList<OverrideAssignment> &pushed)
{
    PushOutcome outcome;
    const QJsonObject answer = QJsonDocument::fromJson(output.out.left(kMaxState)).object();
    outcome.written = answer.value(QStringLiteral("written")).toBool();
    outcome.received =
        answer.value(QStringLiteral("applied")).toBool(); // the script's word for "seen"
    // The program's state file as it was when the push was read (or when waiting ended).
    const QJsonObject state = answer.value(QStringLiteral("state")).toObject();
    outcome.values = state.value(QStringLiteral("values")).toObject();
    outcome.accepts = state.value(QStringLiteral("accepts")).toObject();
    outcome.error = answer.value(QStringLiteral("error")).toString().left(300);
    if (output.exitStatus == 127) {
        outcome.error = tr("the device has no POSIX shell (sh)");
    } else if (outcome.error.isEmpty() && output.exitStatus != 0) {
        outcome.error = QString::fromUtf8(output.err.left(300)).trimmed();
    }
    if (outcome.error.isEmpty() && !outcome.written) {
        outcome.error = tr("the device gave no answer");
    }
    if (!outcome.received) {
        return outcome;
    }

    // This push's own result, when the module keeps them (it says which it applied and why
    // it rejected the others); else the program's last rejections and its values now.
    QJsonObject result;
    bool ownResult = false;
    for (const QJsonValue &entry : state.value(QStringLiteral("results")).toArray()) {
        if (entry.toObject().value(QStringLiteral("seq")).toInteger(-1) == seq) {
            result = entry.toObject();
            ownResult = true;
        }
    }
    // Its own result names the variables it applied (with the values pushed); without one,
    // the program's values now must hold what was pushed.
    const QJsonArray appliedNames = result.value(QStringLiteral("applied")).toArray();
    const QJsonArray rejected =
        (ownResult ? result : state).value(QStringLiteral("rejected")).toArray();
    QStringList refused;
    for (const OverrideAssignment &assignment : pushed) {
        const bool applied = ownResult
                                 ? appliedNames.contains(QJsonValue(assignment.name))
                                 : outcome.values.contains(assignment.name) &&
                                       outcome.values.value(assignment.name) == assignment.value;
        QString reason;
        if (!applied) {
            for (const QJsonValue &entry : rejected) {
                if (entry.toObject().value(QStringLiteral("name")).toString() == assignment.name) {
                    reason = entry.toObject().value(QStringLiteral("reason")).toString().left(100);
                }
            }
            if (reason.isEmpty()) {
                reason = tr("the program did not apply it");
            }
            refused << QStringLiteral("%1 (%2)").arg(assignment.name, reason);
        }
        outcome.variables.append(PushResult::Variable{assignment.name, assignment.value, applied,
                                                      applied ? QString() : reason});
    }
    outcome.applied = refused.isEmpty();
    if (!refused.isEmpty() && outcome.error.isEmpty()) {
        outcome.error = tr("the program rejected %1").arg(refused.join(QStringLiteral(", ")));
    }
    return outcome;
}

Result<QJsonObject> OverrideProtocol::parseState(const CommandOutput &output)
{
    if (output.exitStatus != 0) {
        return Error::make(Error::Code::NotFound,
                           tr("The program has published no state yet (is it running?)."));
    }
    if (output.out.size() > kMaxState) {
        return Error::make(Error::Code::Protocol, tr("The state file is larger than 1 MiB."));
    }
    const QJsonDocument doc = QJsonDocument::fromJson(output.out);
    if (!doc.isObject() || doc.object().value(QStringLiteral("version")).toInt() != 1) {
        return Error::make(Error::Code::Protocol,
                           tr("The state file is not Relay Fleet's format 1."));
    }
    return doc.object().value(QStringLiteral("values")).toObject();
}

QJsonObject OverrideProtocol::parseAccepts(const CommandOutput &output)
{
    if (output.exitStatus != 0 || output.out.size() > kMaxState) {
        return {};
    }
    return QJsonDocument::fromJson(output.out).object().value(QStringLiteral("accepts")).toObject();
}

} // namespace relayfleet
