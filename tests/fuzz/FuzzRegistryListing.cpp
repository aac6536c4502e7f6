// The relay helper's listing of every device (registry files and heartbeats in one stream).
#include "FuzzInput.h"
#include "registry/RegistryListing.h"

using namespace relayfleet;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    auto listing = RegistryListing::parse(fuzz::bytes(data, size));
    if (listing) {
        fuzz::require(listing->entries.size() <= RegistryListing::kMaxEntries);
        for (const auto &entry : listing->entries) {
            fuzz::require(!entry.record || entry.record->validate().ok());
        }
        // Moved to a clock far from the relay's: no overflow, and a time read stays a time.
        listing->moveToLocalClock(QDateTime::fromMSecsSinceEpoch(0).toUTC());
        for (const auto &entry : listing->entries) {
            fuzz::require(entry.lastSeen.isNull() || entry.lastSeen.isValid());
        }
    }
    return 0;
}
