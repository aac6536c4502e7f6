#pragma once

#include "CliContext.h"
#include "enrolment/EnrolmentRequest.h"
#include "registry/DeviceRecord.h"

#include <QCoreApplication>
#include <QStringList>

namespace relayfleet::cli {

// `enroll ID --relay NAME (--lan USER@HOST[:PORT] | --via-tunnel PORT) ...`
class EnrolCommand
{
    Q_DECLARE_TR_FUNCTIONS(relayfleet::cli::EnrolCommand)

public:
    explicit EnrolCommand(const CliContext &context)
        : m_context(context)
    {
    }
    int run(const QStringList &args, const QCommandLineParser &parser);

private:
    // What to enrol, from the command line: errors are InvalidInput for a wrong option (exit
    // 2), NotFound for a public key that cannot be read.
    Result<EnrolmentRequest> requestFor(const QString &deviceId, bool lan,
                                        const QCommandLineParser &parser,
                                        const RelayConfig &relay) const;
    void printEnrolled(const DeviceRecord &record, const RelayConfig &relay,
                       const QString &serviceNote) const;

    const CliContext &m_context;
};

} // namespace relayfleet::cli
