#pragma once

#include "base/Platform.h"

#include <Qt>

namespace relayfleet {

// What a key press in a terminal tab means, per platform. Qt reports the Mac's Command key
// (⌘) as ControlModifier and its Control key as MetaModifier (with no text), so on a Mac
// Control+C must interrupt the remote program and ⌘C copy; on Linux Ctrl+C interrupts and
// Ctrl+Shift+C / Ctrl+Shift+V copy and paste, as in GNOME Terminal and Konsole.
class TerminalKeyMap
{
public:
    enum class Action
    {
        Copy,
        Paste,
        ControlByte, // send controlByte (Control+C: 0x03)
        Terminal,    // a special key with `modifiers`, or the event's text
        Application, // not the terminal's: the window's shortcuts (⌘W, ⌘Q) get it
    };
    struct Decision
    {
        Action action = Action::Terminal;
        char controlByte = 0;
        // The modifiers the terminal sees: ControlModifier is the key marked Control.
        Qt::KeyboardModifiers modifiers;
    };

    static Decision decide(Platform platform, int key, Qt::KeyboardModifiers modifiers);

    // The modifiers as a terminal means them (the Mac's Control key as ControlModifier, ⌘ dropped).
    static Qt::KeyboardModifiers terminalModifiers(Platform platform,
                                                   Qt::KeyboardModifiers modifiers);

    // The control byte for Control+key (letters and @ [ \ ] ^ _ and space), or -1.
    static int controlByteFor(int key);
};

} // namespace relayfleet
