// The relay's /proc/net/tcp, read to find the loopback ports that are listening.
#include "FuzzInput.h"
#include "registry/ListenerTable.h"

using namespace relayfleet;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    for (int port : ListenerTable::loopbackListeners(fuzz::bytes(data, size))) {
        fuzz::require(port > 0 && port <= 65535);
    }
    return 0;
}
