"""The limits that keep one leaflet from taking a whole computer: time, memory and sizes.

A hostile or mistaken input (a picture that draws itself a billion times, a word of 100,000
letters) must end in a clear message, not in a build that runs for hours or fills the memory.
Each limit has a default far beyond any real leaflet and an environment variable that raises
it; SECURITY.md lists them all.
"""

from __future__ import annotations

import os
import resource
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from .errors import UsageError


@dataclass(frozen=True, slots=True)
class Limit:
    variable: str  # the environment variable that changes it
    default: float
    unit: str  # as the messages say it

    def value(self) -> float:
        """The limit in force: the variable's number when set, the default otherwise."""
        written = os.environ.get(self.variable, "").strip()
        if not written:
            return self.default
        try:
            number = float(written)
        except ValueError:
            number = 0.0
        if not 0 < number < float("inf"):
            raise UsageError(
                f"{self.variable} must be a number of {self.unit} above 0, for example "
                f"{self.variable}={self.default * 2:g}; it is '{written}'."
            )
        return number

    def how_to_raise(self) -> str:
        return f"set {self.variable} to a larger number of {self.unit} (it is {self.value():g})"


SOURCE_MB = Limit("LEAFLET_MAX_SOURCE_MB", 10, "MB")  # a long booklet is about 0.05 MB
PICTURE_MB = Limit("LEAFLET_MAX_PICTURE_MB", 20, "MB")
PICTURE_MEGAPIXELS = Limit("LEAFLET_MAX_PICTURE_MEGAPIXELS", 40, "megapixels")
SECONDS = Limit("LEAFLET_MAX_SECONDS", 300, "seconds")  # to read and check a leaflet; to make one output
MEMORY_MB = Limit("LEAFLET_MAX_MEMORY_MB", 2048, "MB")  # for one output, beyond the program's own
READING_LIMITS = (SOURCE_MB, PICTURE_MB, PICTURE_MEGAPIXELS)  # these change what a leaflet may hold
EVERY_LIMIT = (*READING_LIMITS, SECONDS, MEMORY_MB)


class OverLimit(Exception):
    """Work stopped because it went past a limit; the message says which and how to raise it."""


@contextmanager
def time_limit(what: str) -> Iterator[None]:
    """Stop the work inside after SECONDS, raising OverLimit that names `what`.

    A signal timer, so that it also stops work stuck in a long Python loop; it only works in the
    main thread of a process (where builds run), and elsewhere the work runs without it.
    """
    seconds = SECONDS.value()
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, frame) -> None:
        raise OverLimit(f"{what} took longer than {seconds:g} seconds. If the leaflet really is this "
                        f"large, {SECONDS.how_to_raise()}.")  # fmt: skip

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def memory_limit() -> Iterator[None]:
    """Let the work inside use at most MEMORY_MB more address space than the process has now.

    Python then raises MemoryError, which the caller turns into a message that says how to
    raise the limit (see memory_message). The earlier limit is put back afterwards.
    """
    allowance = int(MEMORY_MB.value() * 1024 * 1024)
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    wanted = _address_space() + allowance
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)
    if soft != resource.RLIM_INFINITY:
        wanted = min(wanted, soft)
    resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def memory_message(what: str) -> str:
    return f"{what} needed more than {MEMORY_MB.value():g} MB of memory. If the leaflet really is " \
           f"this large, {MEMORY_MB.how_to_raise()}."  # fmt: skip


def _address_space() -> int:
    """The bytes of address space this process uses now (VmSize)."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def check_every_limit() -> None:
    """Refuse a limit set to something that is not a number, before any work starts."""
    for limit in EVERY_LIMIT:
        limit.value()
