"""The errors a leaflet's author or the command's user can cause, and the exit codes that say so."""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path


class ExitStatus(IntEnum):
    DONE = 0
    CHECKS_FAILED = 1
    BAD_INPUT = 2


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
        return f"{text}\n  What to do: {self.hint}" if self.hint else text


def cannot_read(source: Path | str, error: OSError) -> SourceError:
    """A file the program was given but could not open."""
    hint = "Check that the file exists and that you may open it."
    return SourceError(source, 0, f"The file cannot be read ({error.strerror}).", hint)


class UsageError(Exception):
    """The command was asked for something it cannot do (an unknown format, a bad option)."""
