#pragma once

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>

namespace relayfleet::lab {

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
        qint64 faultAtMs = -1; // runWithFault: when the fault was injected (-1: never)
    };

    // A fault injected while the CLI runs, once `when` holds for what it printed so far.
    struct Fault
    {
        std::function<bool(const QByteArray &out, const QByteArray &err, qint64 elapsedMs)> when;
        std::function<void()> inject;
    };

    explicit CliRunner(QString home);

    Outcome run(const QStringList &args, const QByteArray &input = {}, int timeoutMs = 60000,
                const QProcessEnvironment &extraEnv = {}) const;
    Outcome runWithFault(const QStringList &args, const Fault &fault, int timeoutMs = 120000,
                         const QByteArray &input = {}) const;
    // A CLI that keeps running (forward): the caller reads it, ends it and waits for it.
    std::unique_ptr<QProcess> startInBackground(const QStringList &args) const;
    const QString &home() const { return m_home; }

private:
    bool start(QProcess &process, const QStringList &args,
               const QProcessEnvironment &extraEnv) const;

    QString m_home;
};

} // namespace relayfleet::lab
