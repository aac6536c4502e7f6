#pragma once

namespace relayfleet {

// Call once at program start, before any thread uses libssh: initialises libssh's crypto and
// stops a peer that closes a socket from killing the process with SIGPIPE.
void initializeSshRuntime();

} // namespace relayfleet
