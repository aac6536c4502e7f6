#pragma once

#include "CliContext.h"
#include "enrolment/DeviceUpgrade.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QStringList>
#include <optional>

namespace relayfleet::cli {

// `upgrade DEVICE|@LABEL...|--all`: brings enrolled devices' own files up to this build's, each
// device switching and watching its new runner itself (core DeviceUpgrade); per device
// "upgraded", "rolled-back (why)", "unreachable", "current" or "failed".
class UpgradeCommand
{
    Q_DECLARE_TR_FUNCTIONS(relayfleet::cli::UpgradeCommand)

public:
    explicit UpgradeCommand(const CliContext &context)
        : m_context(context)
    {
    }
    int run(const QStringList &args, const QCommandLineParser &parser);

private:
    std::optional<DeviceUpgrade::Options> optionsFrom(const QCommandLineParser &parser) const;
    bool report(const DeviceUpgrade::DeviceResult &result, QJsonArray &json) const;

    const CliContext &m_context;
};

} // namespace relayfleet::cli
