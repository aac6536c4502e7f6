#pragma once

#include "CliRunner.h"
#include "NatLab.h"

namespace relayfleet::lab {

// `relay add lab ...` for a CLI home, pointing at the lab's relay with the lab's client key;
// with `init`, also pins the relay key and installs the helper. Returns the CLI's exit code.
int addLabRelay(const CliRunner &cli, const NatLab &lab, bool init = false,
                bool withIdentity = true);

} // namespace relayfleet::lab
