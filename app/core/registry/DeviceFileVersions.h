#pragma once

namespace relayfleet {

// The versions of Relay Fleet's files on one device as its registry entry records them (each
// file says its own, see DeviceFiles). 0: none recorded — an enrolment from before versions,
// or, for the overrides module, never installed.
struct DeviceFileVersions
{
    int runner = 0;          // ~/.relayfleet/tunnel
    int keyHelper = 0;       // ~/.relayfleet/authorize-key
    int overridesModule = 0; // ~/.relayfleet/python/relayfleet_overrides.py

    // What this build carries.
    static DeviceFileVersions current();
    // Older than `newer` in a file it records (the runner also when unrecorded: every enrolled
    // device has one).
    bool olderThan(const DeviceFileVersions &newer) const;
    bool operator==(const DeviceFileVersions &) const = default;
};

} // namespace relayfleet
