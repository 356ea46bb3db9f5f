"""Ctrl+C and SIGTERM stop a command even when Python drops the exception they raise: a signal
that lands in a finalizer or a weakref callback (import's module locks have one) raises where
nothing can catch it, and Python only prints "Exception ignored". Run in a child process with a
real SIGINT, delivered while a finalizer runs."""

from __future__ import annotations

import subprocess
import sys

CHILD = r"""
import os, signal, sys, time
from dossier.cli.common import Stopped, stopped_by_signals

class Finalized:
    def __del__(self):
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl+C, while Python is in a finalizer
        time.sleep(0.2)                      # the handler runs here: its exception is dropped

try:
    with stopped_by_signals():
        Finalized()
        print("dropped", flush=True)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:   # the command going on
            time.sleep(0.01)
        print("still running", flush=True)
except Stopped as stop:
    print("stopped", stop.signum, flush=True)
"""


def test_a_ctrl_c_dropped_in_a_finalizer_still_stops_the_command() -> None:
    done = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=60)
    assert "dropped" in done.stdout  # the finalizer ran, and its exception was dropped
    assert "still running" not in done.stdout, done.stdout + done.stderr
    assert done.stdout.splitlines()[-1] == "stopped 2", done.stdout + done.stderr
