// Variable overrides: NAME=VALUE as typed by a user or a script, and what a device answers
// after a push and in its state file (the device may be compromised).
#include "FuzzInput.h"
#include "overrides/OverrideAssignment.h"
#include "overrides/OverrideMessage.h"
#include "overrides/OverrideProtocol.h"

using namespace relayfleet;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    if (auto assignment = OverrideAssignment::parse(QString::fromUtf8(input))) {
        // A value can never add a line of its own to the FIFO protocol.
        const QByteArray line = assignment->line();
        fuzz::require(!line.contains('\n') && !line.contains('\r'));
        auto payload = OverrideMessage::payload(7, {assignment.value()});
        fuzz::require(!payload || payload->size() <= OverrideMessage::kMaxBytes);
    }
    CommandOutput output;
    output.exitStatus = size > 0 ? data[0] % 3 : 0;
    output.out = input;
    output.err = input.left(64);
    const auto pushed =
        OverrideProtocol::parsePush(output, 7, {{QStringLiteral("SPEED"), QJsonValue(2.5)}});
    fuzz::require(pushed.error.size() <= 400);
    (void)OverrideProtocol::parseState(output);
    return 0;
}
