"""What reading a Word file found, guessed and could not keep: the import's report, as data."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Sure(StrEnum):
    """How sure a guess is, in the words the report prints."""

    SURE = "sure"
    FAIRLY = "fairly sure"
    UNSURE = "not sure: check it"


@dataclass(frozen=True, slots=True)
class Guess:
    what: str
    sure: Sure


@dataclass
class Notes:
    """Filled while a Word file is read; every line is written for an information officer."""

    found: list[str] = field(default_factory=list)
    guessed: list[Guess] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)

    def find(self, what: str) -> None:
        self.found.append(what)

    def guess(self, what: str, sure: Sure) -> None:
        self.guessed.append(Guess(what, sure))

    def lose(self, what: str) -> None:
        self.lost.append(what)


def counted(number: int, thing: str, things: str | None = None) -> str:
    """'1 picture', '3 pictures'."""
    return f"{number} {thing if number == 1 else things or thing + 's'}"


def quoted(text: str, limit: int = 50) -> str:
    """A short quotation of some text, cut at a word."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + "..."
    return f"'{text}'"
