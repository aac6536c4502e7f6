#include "terminal/TerminalKeyMap.h"

namespace relayfleet {

Qt::KeyboardModifiers TerminalKeyMap::terminalModifiers(Platform platform,
                                                        Qt::KeyboardModifiers modifiers)
{
    if (platform != Platform::MacOS) {
        return modifiers;
    }
    Qt::KeyboardModifiers mapped = modifiers & ~(Qt::ControlModifier | Qt::MetaModifier);
    if (modifiers & Qt::MetaModifier) { // the Mac's Control key
        mapped |= Qt::ControlModifier;
    }
    return mapped;
}

int TerminalKeyMap::controlByteFor(int key)
{
    if (key >= Qt::Key_A && key <= Qt::Key_Z) {
        return key - Qt::Key_A + 1;
    }
    switch (key) {
    case Qt::Key_At:
    case Qt::Key_Space:
        return 0x00;
    case Qt::Key_BracketLeft:
        return 0x1b;
    case Qt::Key_Backslash:
        return 0x1c;
    case Qt::Key_BracketRight:
        return 0x1d;
    case Qt::Key_AsciiCircum:
        return 0x1e;
    case Qt::Key_Underscore:
        return 0x1f;
    default:
        return -1;
    }
}

TerminalKeyMap::Decision TerminalKeyMap::decide(Platform platform, int key,
                                                Qt::KeyboardModifiers modifiers)
{
    Decision decision;
    decision.modifiers = terminalModifiers(platform, modifiers);
    const bool shift = modifiers & Qt::ShiftModifier;
    if (platform == Platform::MacOS) {
        const bool command = modifiers & Qt::ControlModifier;
        if (command) {
            if (key == Qt::Key_C && !shift) {
                decision.action = Action::Copy;
            } else if (key == Qt::Key_V && !shift) {
                decision.action = Action::Paste;
            } else {
                decision.action = Action::Application;
            }
            return decision;
        }
    } else if ((modifiers & Qt::ControlModifier) && shift) {
        if (key == Qt::Key_C) {
            decision.action = Action::Copy;
            return decision;
        }
        if (key == Qt::Key_V) {
            decision.action = Action::Paste;
            return decision;
        }
    }
    if (decision.modifiers & Qt::ControlModifier) {
        if (const int byte = controlByteFor(key); byte >= 0) {
            decision.action = Action::ControlByte;
            decision.controlByte = static_cast<char>(byte);
        }
    }
    return decision;
}

} // namespace relayfleet
