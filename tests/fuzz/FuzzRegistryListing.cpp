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
    }
    return 0;
}
