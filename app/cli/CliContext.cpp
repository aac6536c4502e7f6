#include "CliContext.h"

#include "TerminalPrompt.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace relayfleet::cli {

void CliContext::addGlobalOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("home"),
                      QCoreApplication::translate("CliContext",
                                                  "Keep Relay Fleet's files in DIR (also "
                                                  "RELAYFLEET_HOME)."),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("json"),
                      QCoreApplication::translate("CliContext", "Print machine-readable JSON.")});
    parser.addOption({QStringLiteral("timeout"),
                      QCoreApplication::translate("CliContext",
                                                  "Give up connecting after SECONDS (default 15)."),
                      QStringLiteral("SECONDS"), QStringLiteral("15")});
    parser.addOption({QStringLiteral("accept-new-host-key"),
                      QCoreApplication::translate("CliContext",
                                                  "Accept a host key seen for the first time "
                                                  "(a changed key is always refused).")});
    parser.addOption({QStringLiteral("password-stdin"),
                      QCoreApplication::translate("CliContext",
                                                  "Read a login password from the first line "
                                                  "of standard input.")});
}

CliContext::CliContext(const QCommandLineParser &parser)
    : m_paths(AppPaths::resolve(parser.value(QStringLiteral("home"))))
    , m_json(parser.isSet(QStringLiteral("json")))
    , m_acceptNewHostKey(parser.isSet(QStringLiteral("accept-new-host-key")))
    , m_passwordFromStdin(parser.isSet(QStringLiteral("password-stdin")))
{
    bool ok = false;
    const int seconds = parser.value(QStringLiteral("timeout")).toInt(&ok);
    if (ok && seconds > 0 && seconds <= 3600) {
        m_timeoutSeconds = seconds;
    }
}

QDeadlineTimer CliContext::connectDeadline() const
{
    return QDeadlineTimer(std::chrono::seconds(m_timeoutSeconds));
}

Credentials CliContext::credentials(const QString &identityFile) const
{
    Credentials credentials;
    credentials.identityFile = identityFile;
    credentials.passphrase = [](const QString &keyFile) {
        return TerminalPrompt::secret(
            QCoreApplication::translate("CliContext", "Passphrase for %1: ").arg(keyFile));
    };
    if (m_passwordFromStdin) {
        credentials.password = [this](const QString &) -> std::optional<QString> {
            if (!m_stdinPassword) {
                QTextStream in(stdin);
                m_stdinPassword = in.readLine();
            }
            return m_stdinPassword;
        };
    } else {
        credentials.password = [](const QString &who) {
            return TerminalPrompt::secret(
                QCoreApplication::translate("CliContext", "Password for %1: ").arg(who));
        };
    }
    return credentials;
}

HostKeyPolicy CliContext::hostKeyPolicy(bool persisted) const
{
    HostKeyPolicy policy;
    policy.persist = persisted;
    if (m_acceptNewHostKey) {
        policy.onUnknown = HostKeyPolicy::OnUnknown::AcceptNew;
    } else if (TerminalPrompt::hasTerminal()) {
        policy.onUnknown = HostKeyPolicy::OnUnknown::Ask;
        policy.ask = [persisted](const QString &who, const HostKey &key) {
            return TerminalPrompt::confirmHostKey(who, key, persisted);
        };
    }
    return policy;
}

void CliContext::printOut(const QString &text)
{
    QTextStream out(stdout);
    out << text << Qt::endl;
}

void CliContext::printError(const QString &text)
{
    QTextStream err(stderr);
    err << QStringLiteral("relayfleet-cli: ") << text << Qt::endl;
}

int CliContext::fail(const Error &error, int exitCode)
{
    printError(error.message);
    return exitCode;
}

} // namespace relayfleet::cli
