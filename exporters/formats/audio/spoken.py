"""What is said, in pieces a voice can render its own way: plain words, letters said one by one,
and respellings. A sentence is a tuple of pieces; `as_text` is how the script shows it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numbers import DIGITS


@dataclass(frozen=True, slots=True)
class Words:
    """Text the voice reads as it is: words (numbers already written out) and punctuation."""

    text: str


@dataclass(frozen=True, slots=True)
class Letters:
    """Letters and digits said one by one: 'NHS', 'eGFR', 'NF1'. `plural`: 'GPs'."""

    text: str
    plural: bool = False


@dataclass(frozen=True, slots=True)
class Respelling:
    """A word said as its respelling shows: 'im-MAT-in-ib' (syllables, the stressed one in capitals)."""

    text: str


Piece = Words | Letters | Respelling


def as_text(pieces: tuple[Piece, ...]) -> str:
    """The sentence as the script shows it: 'Call N H S one one one.'"""
    text = " ".join("".join(_shown(piece) for piece in pieces).split())
    return re.sub(r" ([,;:.!?])", r"\1", text)


def _shown(piece: Piece) -> str:
    if isinstance(piece, Letters):
        said = " ".join(DIGITS[int(c)] if c.isdigit() else c for c in piece.text)
        return said + ("s" if piece.plural else "")
    return piece.text


def merged(pieces: list[Piece]) -> tuple[Piece, ...]:
    """Neighbouring plain words joined into one piece."""
    joined: list[Piece] = []
    for piece in pieces:
        if isinstance(piece, Words) and joined and isinstance(joined[-1], Words):
            joined[-1] = Words(joined[-1].text + piece.text)
        elif not isinstance(piece, Words) or piece.text:
            joined.append(piece)
    return tuple(joined)


def capitalised(pieces: tuple[Piece, ...]) -> tuple[Piece, ...]:
    """The sentence with a capital letter at its start ("one." -> "One."), as the script shows it."""
    if not pieces or not isinstance(pieces[0], Words):
        return pieces
    text = pieces[0].text.lstrip()
    return (Words(text[:1].upper() + text[1:]), *pieces[1:])
