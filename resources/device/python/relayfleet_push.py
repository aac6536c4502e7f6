"""Writes one override push into a program's FIFO, on the device (sent by Relay Fleet).

python3 relayfleet_push.py FIFO SEQ WAIT_SECONDS < payload
Never blocks on a FIFO nobody reads: the pipe is opened with O_NONBLOCK, which fails at once
with ENXIO when no program has it open. The payload is written with one write() of at most
PIPE_BUF bytes, so concurrent pushes never interleave. Then it waits (bounded) for the state
file to list SEQ. Prints one JSON object; the exit status says what went wrong.
"""

import errno
import json
import os
import select
import stat
import sys
import time

PIPE_BUF = 4096


def answer(code, **fields):
    print(json.dumps(fields))
    sys.exit(code)


def main():
    fifo = os.path.expanduser(sys.argv[1])
    seq = int(sys.argv[2])
    wait = float(sys.argv[3])
    payload = sys.stdin.buffer.read(PIPE_BUF + 1)
    if len(payload) > PIPE_BUF:
        answer(2, error="the push is larger than %d bytes" % PIPE_BUF)
    try:
        mode = os.stat(fifo).st_mode
    except FileNotFoundError:
        answer(4, error="%s does not exist" % fifo)
    except PermissionError:
        answer(6, error="permission denied: %s" % fifo)
    if not stat.S_ISFIFO(mode):
        answer(5, error="%s is not a FIFO" % fifo)
    try:
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
    except OSError as e:
        if e.errno == errno.ENXIO:
            answer(3, error="no program is reading %s" % fifo)
        if e.errno == errno.EACCES:
            answer(6, error="permission denied: %s" % fifo)
        answer(7, error="cannot open %s: %s" % (fifo, e.strerror))
    try:
        # A full pipe would take the write only in part; wait (bounded) for room instead.
        select.select([], [fd], [], 2.0)
        written = os.write(fd, payload)
    except BlockingIOError:
        answer(8, error="the program is not reading %s fast enough (pipe full)" % fifo)
    finally:
        os.close(fd)
    if written != len(payload):
        answer(8, error="only %d of %d bytes were written" % (written, len(payload)))
    state_path = fifo + ".state.json"
    deadline = time.time() + wait
    state = {}
    while True:
        try:
            with open(state_path, encoding="utf-8") as f:
                state = json.load(f)
        except (OSError, ValueError):
            state = {}
        if seq in state.get("recent", []):
            answer(0, written=True, applied=True, values=state.get("values", {}),
                   rejected=state.get("rejected", []))
        if time.time() >= deadline:
            answer(0, written=True, applied=False, values=state.get("values", {}))
        time.sleep(0.05)


main()
