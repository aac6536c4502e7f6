"""Program A: the seed's long-running program whose globals are changed at run time.

Run: python3 example_program_a.py [FIFO] [LOG]
It prints its globals to LOG (default: stdout) five times a second, so a person (or a test)
can see an override take effect.
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import relayfleet_overrides  # noqa: E402

SPEED = 1.0
MODE = "idle"
ENABLED = False
THRESHOLD = 10

fifo = sys.argv[1] if len(sys.argv) > 1 else relayfleet_overrides.DEFAULT_FIFO
log = open(sys.argv[2], "a", buffering=1) if len(sys.argv) > 2 else sys.stdout
relayfleet_overrides.start(
    globals(), fifo, allow={"SPEED": float, "MODE": str, "ENABLED": bool, "THRESHOLD": int})

while True:
    print("SPEED=%r MODE=%r ENABLED=%r THRESHOLD=%r" % (SPEED, MODE, ENABLED, THRESHOLD), file=log)
    time.sleep(0.2)
