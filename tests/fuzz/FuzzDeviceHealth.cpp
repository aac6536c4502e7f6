// A device's health reports as the relay keeps them (`health ID`, "@health" in the listing):
// written by devices that may be compromised. Parsed, judged and turned into alerts: nothing
// overflows, the values stay in their ranges and one report tells each condition once.
#include "FuzzInput.h"
#include "fleet/FleetAlerts.h"
#include "registry/DeviceHealth.h"

using namespace relayfleet;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QList<DeviceHealth> history = DeviceHealth::parseHistory(
        fuzz::bytes(data, size), QDateTime::fromMSecsSinceEpoch(0).toUTC());
    FleetAlerts alerts;
    DeviceStatus status;
    status.id = QStringLiteral("pi");
    status.state = DeviceStatus::State::Online;
    QDateTime now = QDateTime::fromMSecsSinceEpoch(0).toUTC();
    for (const DeviceHealth &health : history) {
        fuzz::require(health.isValid());
        fuzz::require(!health.diskFreePercent ||
                      (*health.diskFreePercent >= 0 && *health.diskFreePercent <= 100));
        fuzz::require(!health.memoryAvailablePercent || (*health.memoryAvailablePercent >= 0 &&
                                                         *health.memoryAvailablePercent <= 100));
        fuzz::require(health.kernel.size() <= 40 && health.os.size() <= 32);
        fuzz::require(health.level() != DeviceHealth::Level::Unknown);
        (void)health.reasons();
        (void)health.summary();
        (void)health.system();
        (void)health.toJson();
        status.health = health;
        now = now.addSecs(60);
        // At most one event per condition (three) from one report.
        fuzz::require(alerts.update(QStringLiteral("lab"), {status}, now).size() <= 3);
    }
    return 0;
}
