#pragma once

#include <QByteArray>
#include <QString>

namespace relayfleet {

// The files Relay Fleet puts on a device (the tunnel runner, the key helper, the upgrader),
// as this build carries them, and their versions: each starts with "# relayfleet-version: N",
// raised with every change, so the app can tell a device that runs older files.
class DeviceFiles
{
public:
    // This build's file `name` ("tunnel", "authorize-key", "upgrade"); empty if missing.
    static QByteArray builtIn(const QString &name);
    // This build's overrides module for Python programs (~/.relayfleet/python on a device).
    static QByteArray builtInModule();
    // The version a file declares; 0 when it declares none (files from before versions).
    static int versionOf(const QByteArray &script);
    // The version of this build's runner: what an enrolled device should run.
    static int currentVersion();
};

} // namespace relayfleet
