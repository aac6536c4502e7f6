#include "registry/DeviceFileVersions.h"

#include "registry/DeviceFiles.h"

#include <QString>

namespace relayfleet {

DeviceFileVersions DeviceFileVersions::current()
{
    static const DeviceFileVersions built{
        DeviceFiles::currentVersion(),
        DeviceFiles::versionOf(DeviceFiles::builtIn(QStringLiteral("authorize-key"))),
        DeviceFiles::versionOf(DeviceFiles::builtInModule())};
    return built;
}

bool DeviceFileVersions::olderThan(const DeviceFileVersions &newer) const
{
    return runner < newer.runner || (keyHelper > 0 && keyHelper < newer.keyHelper) ||
           (overridesModule > 0 && overridesModule < newer.overridesModule);
}

} // namespace relayfleet
