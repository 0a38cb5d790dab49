"""The errors a leaflet's author or the command's user can cause, and the exit codes that say so."""

from __future__ import annotations

import re
from enum import IntEnum
from pathlib import Path

# Characters a source may not hold: C0 and C1 controls (tab and line ends excepted), the
# non-characters U+FFFE and U+FFFF, and lone surrogates (which no UTF-8 file can hold, but a
# YAML escape such as "\ud800" can make). XML refuses them, and a terminal obeys some of them.
UNSAFE_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_NOT_FOR_A_TERMINAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


class ExitStatus(IntEnum):
    DONE = 0
    CHECKS_FAILED = 1
    BAD_INPUT = 2
    STOPPED = 130  # Ctrl-C or SIGTERM: 128 + the number of SIGINT, as shells report it


def printable(text: str) -> str:
    """Text safe to print to a terminal: each unsafe character (see UNSAFE_CHARACTER), and
    carriage returns, written as its code (<U+001B>) instead of being obeyed."""
    return _NOT_FOR_A_TERMINAL.sub(lambda found: f"<U+{ord(found.group()):04X}>", text)


class SourceError(Exception):
    """A problem in a source file: where it is and what to do about it."""

    def __init__(self, source: Path | str, line: int, message: str, hint: str = "") -> None:
        self.source = Path(source)
        self.line = line
        self.message = message
        self.hint = hint
        super().__init__(str(self))

    def __reduce__(self):
        # So that an error raised in a worker process reaches the main process whole.
        return (type(self), (self.source, self.line, self.message, self.hint))

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else str(self.source)
        text = f"{where}: {self.message}"
        return printable(f"{text}\n  What to do: {self.hint}" if self.hint else text)


class Stopped(KeyboardInterrupt):
    """The command was told to stop by a signal other than Ctrl-C (SIGTERM); it stops the same way."""

    def __init__(self, signal_number: int) -> None:
        super().__init__(signal_number)
        self.signal_number = signal_number


class OutputWarning(UserWarning):
    """Something an exporter could make only in part (a character printed as a box): the output
    is written, and the build tells the author where in the source to look."""

    def __init__(self, source: Path, line: int, message: str) -> None:
        super().__init__(message)
        self.source = source
        self.line = line
        self.message = message

    def __str__(self) -> str:
        return printable(f"{self.source}:{self.line}: {self.message}")


def cannot_read(source: Path | str, error: OSError) -> SourceError:
    """A file the program was given but could not open."""
    hint = "Check that the file exists and that you may open it."
    return SourceError(source, 0, f"The file cannot be read ({error.strerror}).", hint)


class UsageError(Exception):
    """The command was asked for something it cannot do (an unknown format, a bad option)."""
