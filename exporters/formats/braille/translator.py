"""Text to braille cells, and back, with liblouis: Unified English Braille, the UK code since 2015.

Cells are Unicode braille patterns (U+2800 to U+283F: six dots). Grade 2 (contracted,
`en-ueb-g2.ctb`) is the default for adults; grade 1 (`en-ueb-g1.ctb`) is uncontracted. The old
pre-UEB British code (`en-GB-g2.ctb`) is not offered. Braille ASCII for BRF files comes from
liblouis's North American Braille ASCII table (`en-us-brf.dis`), so no mapping is written here.

liblouis marks a character it cannot translate with an escape that uses eight-dot cells, which
no BRF file can hold; such a character is written as its Unicode name in a transcriber's note.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import louis

GRADE_TABLES = {1: "en-ueb-g1.ctb", 2: "en-ueb-g2.ctb"}
UNICODE_DOTS = "unicode.dis"
BRAILLE_ASCII = "en-us-brf.dis"
BLANK = "\u2800"

PLAIN = 0
BOLD = louis.bold
NO_CONTRACT = louis.no_contract

_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Span:
    """Print text with its typeform (PLAIN, BOLD, NO_CONTRACT, or BOLD | NO_CONTRACT)."""

    text: str
    typeform: int = PLAIN


@dataclass(frozen=True, slots=True)
class Cells:
    """Braille drawn by the layout itself (an indicator), put into the text untranslated."""

    cells: str


Piece = Span | Cells


def liblouis_version() -> str:
    return louis.version()


def translate(pieces: Iterable[Piece], grade: int, symbol_label: str, note: tuple[str, str]) -> str:
    """The cells of a run of text: each stretch of spans is translated in one call, so that
    contractions and indicators see whole words; untranslatable characters become notes."""
    cells: list[str] = []
    stretch: list[Span] = []
    for piece in _with_notes_for_unknown(pieces, grade, symbol_label, note):
        if isinstance(piece, Cells):
            cells.append(_translate_stretch(stretch, grade))
            cells.append(piece.cells)
            stretch = []
        else:
            stretch.append(piece)
    cells.append(_translate_stretch(stretch, grade))
    return "".join(cells)


def translate_text(text: str, grade: int) -> str:
    """Plain text that holds no unusual character (labels, page numbers)."""
    return _translate_stretch([Span(text)], grade)


def to_braille_ascii(cells: str) -> str:
    """Upper-case North American Braille ASCII (0x20 to 0x5F) of six-dot cells."""
    return louis.dotsToChar([BRAILLE_ASCII], cells) if cells else ""


def from_braille_ascii(text: str) -> str:
    """The cells of a line of Braille ASCII (to read a BRF file back)."""
    return louis.charToDots([BRAILLE_ASCII], text, mode=louis.ucBrl) if text else ""


def back_translate(cells: str, grade: int) -> str:
    """Print text from cells, by liblouis's own back-translation."""
    return louis.backTranslateString([UNICODE_DOTS, GRADE_TABLES[grade]], cells) if cells else ""


def _translate_stretch(spans: list[Span], grade: int) -> str:
    text = "".join(span.text for span in spans)
    if not text.strip():
        return BLANK if text else ""
    typeforms = [span.typeform for span in spans for _ in span.text]
    return louis.translateString([UNICODE_DOTS, GRADE_TABLES[grade]], text, typeform=typeforms)


def _with_notes_for_unknown(pieces: Iterable[Piece], grade: int, symbol_label: str,
                            note: tuple[str, str]) -> list[Piece]:  # fmt: skip
    """Whitespace as plain spaces, control characters out, and each character liblouis has no
    braille for replaced by a transcriber's note that names it."""
    found: list[Piece] = []
    for piece in pieces:
        if isinstance(piece, Cells):
            found.append(piece)
            continue
        text = _WHITESPACE.sub(" ", piece.text)
        start = 0
        for index, character in enumerate(text):
            if _is_control(character) or not _has_braille(character, grade):
                if start < index:
                    found.append(Span(text[start:index], piece.typeform))
                if not _is_control(character):
                    found.append(_note_for(character, grade, symbol_label, note))
                start = index + 1
        if start < len(text):
            found.append(Span(text[start:], piece.typeform))
    return found


def _note_for(character: str, grade: int, symbol_label: str, note: tuple[str, str]) -> Cells:
    name = unicodedata.name(character, f"character {ord(character):04X}").lower()
    return Cells(note[0] + translate_text(symbol_label + name, grade) + note[1])


def _is_control(character: str) -> bool:
    return unicodedata.category(character) in ("Cc", "Cf", "Cs", "Co", "Cn")


@lru_cache(maxsize=4096)
def _has_braille(character: str, grade: int) -> bool:
    """Whether liblouis translates the character into six-dot cells of its own."""
    if character.isascii():
        return True
    cells = louis.translateString([UNICODE_DOTS, GRADE_TABLES[grade]], character, mode=louis.noUndefined)
    return bool(cells) and all("\u2800" <= cell <= "\u283f" for cell in cells)
