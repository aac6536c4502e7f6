"""Relay Fleet variable overrides for a running Python program (standard library only).

Two lines in the program:

    import relayfleet_overrides
    relayfleet_overrides.start(globals())

The module creates the named pipe (FIFO) if it is missing, reads it on a daemon thread
(reopening it after each writer closes), applies each "NAME=VALUE" line to the target (module
globals or any dict) and publishes what it applied to a JSON state file beside the FIFO,
written atomically. VALUE is a JSON literal (number, string, true, false, null), so types
survive; nothing read from the pipe is ever evaluated. Protocol: docs/OVERRIDES.md (version 1).
"""
# relayfleet-version: 2 (raised with every change; relayfleet-cli upgrade installs a newer one
# beside the running program, which uses it from its next start)

import json
import os
import re
import stat
import threading
import time

PROTOCOL_VERSION = 1
# The state file says which module a running program loaded (an upgrade replaces the file, not
# what a running program has in memory).
MODULE_VERSION = 2
DEFAULT_FIFO = os.path.join(os.path.expanduser("~"), ".relayfleet", "overrides.fifo")
NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}\Z")
SEQ = re.compile(r"#seq ([0-9]{1,20})\Z")
RECENT = 256
# Per-push results kept in the state file, the newest: enough for 64 pushes landing between a
# sender's write and its look at the state file (names only, so the file stays small).
RESULTS = 64
LITERAL_TYPES = (int, float, str, bool, type(None))
TYPE_NAMES = {int: "int", float: "float", str: "str", bool: "bool", type(None): "null"}


def state_path(fifo):
    return fifo + ".state.json"


class Overrides:
    """Applies overrides read from `fifo` to `target` (a dict, e.g. globals())."""

    def __init__(self, target, fifo=DEFAULT_FIFO, allow=None, on_change=None):
        self.target = target
        self.fifo = fifo
        # allow: {"NAME": type or tuple of types}; None accepts any name with a literal value.
        self.allow = allow
        self.on_change = on_change
        self.values = {}
        self.rejected = []
        self.rejected_total = 0
        self.seq = None
        self.recent = []
        self.results = []
        self.applied_at = None
        self._lock = threading.Lock()
        self._thread = None

    # -- the pipe --------------------------------------------------------------------------
    def ensure_fifo(self):
        directory = os.path.dirname(self.fifo)
        if directory:
            os.makedirs(directory, mode=0o700, exist_ok=True)
        try:
            mode = os.stat(self.fifo).st_mode
        except FileNotFoundError:
            os.mkfifo(self.fifo, 0o600)
            return
        if not stat.S_ISFIFO(mode):
            raise RuntimeError("%s exists and is not a FIFO" % self.fifo)

    def start(self):
        self.ensure_fifo()
        self._publish()
        self._thread = threading.Thread(target=self._run, name="relayfleet-overrides", daemon=True)
        self._thread.start()
        return self

    def _run(self):
        pending = b""
        while True:
            try:
                # Opened for reading and writing (Linux): this end is a writer too, so the pipe
                # never reaches end-of-file between two pushes and is never closed and reopened;
                # a pusher's non-blocking open finds a reader for as long as the program runs,
                # and gets ENXIO ("no program is reading") only when it does not.
                fd = os.open(self.fifo, os.O_RDWR)
                with os.fdopen(fd, "rb", buffering=0) as pipe:
                    while True:
                        chunk = pipe.read(65536)
                        if not chunk:
                            break
                        pending = self.feed(pending + chunk)
            except OSError:
                time.sleep(1)

    # -- parsing and applying ----------------------------------------------------------------
    def feed(self, data):
        """Applies every complete push in `data`; returns the incomplete rest."""
        *lines, rest = data.split(b"\n")
        block = []
        for raw in lines:
            line = raw.decode("utf-8", errors="replace")
            if SEQ.match(line) and block:
                self.apply_block(block)
                block = []
            block.append(line)
        if block:
            self.apply_block(block)
        return rest[-4096:]

    def apply_block(self, lines):
        seq = None
        changes = {}
        rejected = []
        for line in lines:
            if not line or (line.startswith("#") and not SEQ.match(line)):
                continue
            match = SEQ.match(line)
            if match:
                seq = int(match.group(1))
                continue
            name, sep, text = line.partition("=")
            if not sep or not NAME.match(name):
                rejected.append({"line": line[:200], "reason": "not NAME=VALUE"})
                continue
            try:
                value = json.loads(text)
            except ValueError:
                rejected.append({"name": name, "reason": "VALUE is not a JSON literal"})
                continue
            if not isinstance(value, LITERAL_TYPES):
                rejected.append({"name": name, "reason": "VALUE must be a number, string, true, false or null"})
                continue
            if self.allow is not None:
                if name not in self.allow:
                    rejected.append({"name": name, "reason": "not in the allowlist"})
                    continue
                wanted = self.allow[name]
                if wanted is float and isinstance(value, int) and not isinstance(value, bool):
                    value = float(value)
                if not isinstance(value, wanted) or (wanted in (int, float) and isinstance(value, bool)):
                    rejected.append({"name": name, "reason": "wrong type"})
                    continue
            changes[name] = value
        with self._lock:
            for name, value in changes.items():
                self.target[name] = value
                self.values[name] = value
            self.rejected = rejected
            self.rejected_total += len(rejected)
            if seq is not None:
                self.seq = seq
                self.recent = (self.recent + [seq])[-RECENT:]
                # What this push did, variable by variable: the sender reports exactly that.
                result = {"seq": seq, "applied": sorted(changes), "rejected": rejected}
                self.results = (self.results + [result])[-RESULTS:]
            self.applied_at = time.time()
            self._publish()
        if self.on_change and changes:
            self.on_change(dict(changes))

    def forget(self):
        """Called when the program resets its globals to defaults (nothing applied any more)."""
        with self._lock:
            self.values = {}
            self._publish()

    def accepts(self):
        """What the program takes: {NAME: {"type": ..., "value": current}}, or None for any name."""
        if self.allow is None:
            return None
        accepted = {}
        for name, wanted in self.allow.items():
            types = wanted if isinstance(wanted, tuple) else (wanted,)
            current = self.target.get(name)
            accepted[name] = {
                "type": "|".join(TYPE_NAMES.get(t, getattr(t, "__name__", "?")) for t in types),
                "value": current if isinstance(current, LITERAL_TYPES) else None,
            }
        return accepted

    def _publish(self):
        state = {
            "version": PROTOCOL_VERSION,
            "module_version": MODULE_VERSION,
            "pid": os.getpid(),
            "seq": self.seq,
            "recent": self.recent,
            "applied_at": self.applied_at,
            "values": self.values,
            "rejected": self.rejected,
            "rejected_total": self.rejected_total,
            "results": self.results,
            "accepts": self.accepts(),
        }
        path = state_path(self.fifo)
        temporary = "%s.%d.tmp" % (path, os.getpid())
        with open(temporary, "w", encoding="utf-8") as out:
            json.dump(state, out)
        os.replace(temporary, path)


def start(target, fifo=DEFAULT_FIFO, allow=None, on_change=None):
    """Starts applying overrides to `target`; returns the Overrides object."""
    return Overrides(target, fifo, allow, on_change).start()
