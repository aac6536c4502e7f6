#pragma once

// libssh's handle types, declared exactly as libssh.h declares them, so that the core's headers
// can name them without including libssh: libssh is a private dependency of relayfleet_core,
// and nothing that uses the core (the window, the CLI, the tests) compiles against it.
// Repeating a typedef of the same type is allowed in C++, so a .cpp may include both.
struct ssh_session_struct;
struct ssh_channel_struct;
struct ssh_key_struct;
struct ssh_event_struct;

// NOLINTBEGIN(modernize-use-using): the same declarations as libssh.h's
typedef struct ssh_session_struct *ssh_session;
typedef struct ssh_channel_struct *ssh_channel;
typedef struct ssh_key_struct *ssh_key;
typedef struct ssh_event_struct *ssh_event;
// NOLINTEND(modernize-use-using)
