#pragma once

#include "NatLab.h"
#include "base/Result.h"
#include "relay/FleetAccess.h"
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

// How a test reaches the lab's fleet: its relay (named "lab") with the lab's client key for
// relay and devices, host keys pinned in `knownHostsPath` as first seen.
inline FleetAccess labAccess(const lab::NatLab &lab, const QString &knownHostsPath)
{
    FleetAccess access;
    access.relays = {lab.relayConfig()};
    const QString key = lab.clientKey();
    access.credentials = [key](const RelayConfig &) {
        Credentials credentials;
        credentials.identityFile = key;
        return credentials;
    };
    access.knownHostsPath = knownHostsPath;
    access.relayHostKeyPolicy.onUnknown = HostKeyPolicy::OnUnknown::AcceptNew;
    access.deviceHostKeyPolicy.onUnknown = HostKeyPolicy::OnUnknown::AcceptNew;
    return access;
}

// The lab's device `id` as reached through its tunnel on relay port `port`.
inline DeviceTarget labTarget(const lab::NatLab &lab, int port, const QString &id)
{
    DeviceTarget target;
    target.relay = QStringLiteral("lab");
    target.port = port;
    target.deviceId = id;
    target.user = lab.deviceUser();
    return target;
}

// For QVERIFY2: the message of a failed result, empty for a good one.
template<typename T> QByteArray failureOf(const Result<T> &result)
{
    return result ? QByteArray() : result.error().message.toLocal8Bit();
}

} // namespace relayfleet::testing
