#pragma once

#include "NatLab.h"
#include "base/Result.h"
#include "ssh/SshRuntime.h"

#include <QList>
#include <memory>

namespace relayfleet::testing {

// The NAT lab a lab test case starts with: libssh's runtime initialized, the lab started and
// the first `tunnels` devices each given a hand-made (seed) tunnel to a relay port of its own.
struct LabFixture
{
    std::unique_ptr<lab::NatLab> lab;
    QList<int> tunnelPorts; // device i's relay port

    static Result<LabFixture> start(const lab::NatLab::Options &options, int tunnels = 0)
    {
        initializeSshRuntime();
        auto started = lab::NatLab::start(options);
        if (!started) {
            return started.error();
        }
        LabFixture fixture;
        fixture.lab = std::move(started.value());
        for (int i = 0; i < tunnels; ++i) {
            fixture.tunnelPorts << fixture.lab->allocateRelayPort();
            if (auto up = fixture.lab->startSeedTunnel(i, fixture.tunnelPorts.last()); !up) {
                return up.error();
            }
        }
        return fixture;
    }
};

// For QVERIFY2: the message of a failed result, empty for a good one.
template<typename T> QByteArray failureOf(const Result<T> &result)
{
    return result ? QByteArray() : result.error().message.toLocal8Bit();
}

} // namespace relayfleet::testing
