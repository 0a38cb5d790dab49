"""Where the time of one build goes: marks on the standard error, when LEAFLET_TIMELINE=1.

Each mark is one line: seconds since the build's process started (the kernel's start time,
so Python's own start-up is counted), the process id (workers have their own), and what
ended, with how long it took. Workers print their marks too: they inherit the clock of the
build's process. Without the variable a mark costs one test of a boolean.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

ENABLED = os.environ.get("LEAFLET_TIMELINE", "") not in ("", "0")


def _process_start() -> float:
    """When this process started, in seconds since the epoch: its age from /proc (Linux) taken
    from now; now elsewhere."""
    try:
        with open("/proc/uptime", encoding="ascii") as handle:
            uptime = float(handle.read().split()[0])
        with open("/proc/self/stat", encoding="ascii") as handle:
            ticks = float(handle.read().rsplit(")", 1)[1].split()[19])  # field 22, its start time
        return time.time() - (uptime - ticks / os.sysconf("SC_CLK_TCK"))
    except (OSError, IndexError, ValueError):
        return time.time()


START = _process_start() if ENABLED else 0.0


def mark(what: str, since: float | None = None) -> None:
    """Say that `what` ended now; with `since` (a time.time()), how long it took."""
    if not ENABLED:
        return
    now = time.time()
    took = f" ({now - since:.3f} s)" if since is not None else ""
    print(f"timeline {now - START:7.3f} s  pid {os.getpid()}  {what}{took}", file=sys.stderr, flush=True)


@contextmanager
def span(what: str) -> Iterator[None]:
    """Mark the end of a piece of work with how long it took."""
    if not ENABLED:
        yield
        return
    began = time.time()
    try:
        yield
    finally:
        mark(what, began)
