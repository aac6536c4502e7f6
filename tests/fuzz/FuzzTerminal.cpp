// What a device sends to a terminal tab: any bytes at all (a compromised device, `cat` of a
// binary file). The emulator must stay inside its grid and keep its scrollback bounded.
#include "FuzzInput.h"
#include "terminal/TerminalEmulator.h"

using namespace relayfleet;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    TerminalEmulator emulator(size > 0 ? 2 + data[0] % 30 : 24, size > 1 ? 2 + data[1] % 100 : 80);
    const QByteArray input = fuzz::bytes(data, size);
    const qsizetype half = input.size() / 2;
    emulator.feed(input.left(half));
    emulator.resize(10 + static_cast<int>(size % 20), 20 + static_cast<int>(size % 60));
    emulator.feed(input.mid(half));
    fuzz::require(emulator.cursorRow() >= 0 && emulator.cursorRow() < emulator.rows());
    fuzz::require(emulator.cursorColumn() >= 0 && emulator.cursorColumn() < emulator.columns());
    fuzz::require(emulator.scrollbackSize() <= TerminalEmulator::kMaxScrollback);
    fuzz::require(emulator.title().size() <= 200);
    (void)emulator.screenText();
    return 0;
}
