#pragma once

#include <cstdlib>
#include <vterm.h>

// The one place where libvterm's versions differ for us: 0.1.4 (Debian 12) and 0.3.3
// (Debian 13, Ubuntu 24.04, Fedora, Homebrew). From 0.2 on, the state layer's resize callback
// receives the state's cursor and per-row line info to edit (VTermStateFields) instead of a
// cursor delta, and once a callback is set libvterm no longer resizes the line info itself:
// a grown terminal would then write past the end of the old array.

#if VTERM_VERSION_MAJOR > 0 || VTERM_VERSION_MINOR >= 2
#define RELAYFLEET_VTERM_STATE_FIELDS 1
#endif

namespace relayfleet::vtermcompat {

// Every VTerm of ours allocates through these (zeroed memory, as libvterm expects), so the line
// info that the resize callback replaces is allocated and freed exactly as libvterm's own is.
inline void *allocate(size_t size, void *)
{
    return std::calloc(1, size);
}

inline void release(void *pointer, void *)
{
    std::free(pointer);
}

inline VTerm *newVTerm(int rows, int columns)
{
    static VTermAllocatorFunctions allocator = {allocate, release};
    return vterm_new_with_allocator(rows, columns, &allocator, nullptr);
}

// What a resize did to the content: how many top rows of the primary screen went to the
// scrollback (the cursor moves up with them), and how many rows there were before.
struct ResizeOutcome
{
    int movedUp = 0;
    int oldRows = 0;
};

using ResizeHandler = ResizeOutcome (*)(int rows, int columns, void *user);

// Installs Handler as the state layer's resize callback, with the bookkeeping each libvterm
// version leaves to the callback.
template<ResizeHandler Handler> void setResizeCallback(VTermStateCallbacks &callbacks)
{
#ifdef RELAYFLEET_VTERM_STATE_FIELDS
    callbacks.resize = [](int rows, int columns, VTermStateFields *fields, void *user) -> int {
        const ResizeOutcome outcome = Handler(rows, columns, user);
        fields->pos.row -= outcome.movedUp;
        for (int buffer = 0; buffer < 2; ++buffer) { // [0] primary, [1] alternate (may be null)
            VTermLineInfo *old = fields->lineinfos[buffer];
            if (old == nullptr) {
                continue;
            }
            auto *resized = static_cast<VTermLineInfo *>(
                allocate(sizeof(VTermLineInfo) * static_cast<size_t>(rows), nullptr));
            if (resized == nullptr) {
                std::abort(); // nothing safe is left to do: libvterm would index past `old`
            }
            // The primary screen's rows moved up with its content; the alternate's stay put.
            const int shift = buffer == 0 ? outcome.movedUp : 0;
            for (int row = 0; row < rows && row + shift < outcome.oldRows; ++row) {
                resized[row] = old[row + shift];
            }
            release(old, nullptr);
            fields->lineinfos[buffer] = resized;
        }
        return 1;
    };
#else
    callbacks.resize = [](int rows, int columns, VTermPos *delta, void *user) -> int {
        delta->row -= Handler(rows, columns, user).movedUp;
        return 1;
    };
#endif
}

// Call after every vterm_set_size(). libvterm 0.3.3 keeps its pointer to the current screen's
// line info (state->lineinfo) at the array the resize callback replaced and freed, and writes
// double-width line attributes there (the Debian 13 fuzz run found the freed memory written).
// Selecting the screen in use again points it at the new array; on the alternate screen that
// also clears it, which a full-screen program redraws after the resize anyway. 0.1.4 manages
// its line info itself: nothing to do.
inline void reselectScreen([[maybe_unused]] VTermState *state, [[maybe_unused]] bool alternate)
{
#ifdef RELAYFLEET_VTERM_STATE_FIELDS
    VTermValue value{};
    value.boolean = alternate ? 1 : 0;
    vterm_state_set_termprop(state, VTERM_PROP_ALTSCREEN, &value);
#endif
}

} // namespace relayfleet::vtermcompat
