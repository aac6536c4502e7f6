#pragma once

#include "base/Result.h"

#include <QByteArray>
#include <QStringList>

namespace relayfleet::lab {

// A short command the lab runs to set itself up (ip, ssh-keygen, ss). Bounded in time.
struct LabCommandResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

class LabCommand
{
public:
    static Result<LabCommandResult> run(const QStringList &argv, int timeoutMs = 15000,
                                        const QByteArray &input = {});
    // Runs and requires exit code 0.
    static Result<QByteArray> check(const QStringList &argv, int timeoutMs = 15000);
    // What the lab says when a step of it fails: "NAT lab: " and the message.
    static Error error(const QString &message);
};

} // namespace relayfleet::lab
