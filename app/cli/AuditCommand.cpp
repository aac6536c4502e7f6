#include "AuditCommand.h"

#include "audit/AuditLog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

namespace relayfleet::cli {

namespace {
constexpr int kDefaultLines = 100;
constexpr int kMaxLines = 100000;
} // namespace

int AuditCommand::run(const QStringList &args, const QCommandLineParser &parser)
{
    if (!args.isEmpty()) {
        CliContext::printError(AuditCommand::tr("Usage: audit [--device ID] [--lines N] [--json]"));
        return 2;
    }
    bool ok = true;
    const int lines = parser.isSet(QStringLiteral("lines"))
                          ? parser.value(QStringLiteral("lines")).toInt(&ok)
                          : kDefaultLines;
    if (!ok || lines < 1 || lines > kMaxLines) {
        CliContext::printError(
            AuditCommand::tr("--lines takes a number from 1 to %1.").arg(kMaxLines));
        return 2;
    }
    const QString device = parser.value(QStringLiteral("device"));
    const auto entries =
        AuditLog(m_context.paths().home(), QStringLiteral("relayfleet-cli")).entries(device, lines);
    if (!entries) {
        return CliContext::fail(entries.error());
    }
    if (m_context.json()) {
        QJsonArray array;
        for (const AuditLog::Entry &entry : entries.value()) {
            array.append(AuditLog::toJson(entry));
        }
        CliContext::printOut(
            QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)));
        return 0;
    }
    if (entries->isEmpty()) {
        CliContext::printOut(
            device.isEmpty()
                ? AuditCommand::tr("Nothing has been done to a device yet.")
                : AuditCommand::tr("Nothing has been done to %1 yet.").arg(device.left(80)));
        return 0;
    }
    for (const AuditLog::Entry &entry : entries.value()) {
        // What the action was about, in one field: the command, the values, the paths.
        QString about;
        if (entry.details.contains(QStringLiteral("command"))) {
            about = entry.details.value(QStringLiteral("command")).toString();
        } else if (!entry.details.isEmpty()) {
            about = QString::fromUtf8(QJsonDocument(entry.details).toJson(QJsonDocument::Compact));
        }
        CliContext::printOut(
            QStringLiteral("%1  %2  %3  %4  %5%6  (%7%8)")
                .arg(QLocale::system().toString(entry.time.toLocalTime(),
                                                QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                     entry.device, AuditLog::actionName(entry.action),
                     entry.ok ? AuditCommand::tr("ok") : AuditCommand::tr("FAILED"), entry.result,
                     about.isEmpty() ? QString() : QStringLiteral("  ") + about, entry.program,
                     entry.key.isEmpty() ? QString() : QStringLiteral(", ") + entry.key));
    }
    return 0;
}

} // namespace relayfleet::cli
