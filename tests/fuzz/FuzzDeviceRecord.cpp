// Registry files (~/.relayfleet/devices/<id>.conf) come from a relay that may be compromised.
#include "FuzzInput.h"
#include "registry/DeviceRecord.h"

using namespace relayfleet;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    auto record = DeviceRecord::parse(fuzz::bytes(data, size));
    if (record) {
        // What parses is valid, and survives a round trip unchanged.
        fuzz::require(record->validate().ok());
        auto again = DeviceRecord::parse(record->serialize());
        fuzz::require(again.ok() && again->id == record->id && again->port == record->port &&
                      again->labels == record->labels && again->hostKey == record->hostKey);
    }
    return 0;
}
