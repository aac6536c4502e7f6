#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace relayfleet::testing {

// Runs the real relayfleet-cli as a user would, isolated from the real user's files: its own
// --home, its own $HOME (so ~/.ssh is never read), no ssh-agent, no controlling terminal.
class CliRunner
{
public:
    struct Outcome
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
        qint64 elapsedMs = 0;
    };

    explicit CliRunner(QString home);

    Outcome run(const QStringList &args, const QByteArray &input = {}, int timeoutMs = 60000,
                const QProcessEnvironment &extraEnv = {}) const;
    const QString &home() const { return m_home; }

private:
    QString m_home;
};

} // namespace relayfleet::testing
