"""Characters of a leaflet that no installed font can draw, which the PDF would print as boxes.

The PDF is drawn by Pango, which takes each character from the first font of the stylesheet's
list that has it and, failing those, from any font installed (fontconfig). A character that no
installed font has is printed as an empty box, silently; this finds those characters first, so
that the build can say which ones and on which line. (Symbols pasted from Word's Wingdings or
Symbol fonts arrive as private-use characters that no other font has: a common case.)
"""

from __future__ import annotations

import bisect
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from ...model import Document, Preformatted, inlines_of, plain_text, walk_blocks

SHOWN_AT_MOST = 5  # characters named in the warning; the rest are counted


def missing_characters(document: Document) -> dict[str, int]:
    """Each character of the document's text that no installed font has, with its first line.

    Empty when fontconfig cannot be asked (then nothing is known, and nothing is claimed).
    """
    covered = installed_coverage()
    if covered is None:
        return {}
    starts, ends = covered
    missing: dict[str, int] = {}
    for line, text in document_texts(document):
        for character in set(text) - missing.keys():
            code = ord(character)
            if character.isspace() or unicodedata.category(character) == "Cf" or _selects_a_form(code):
                continue
            place = bisect.bisect_right(starts, code) - 1
            if place < 0 or code > ends[place]:
                missing[character] = line
    return missing


def _selects_a_form(code: int) -> bool:
    """Variation selectors choose how the character before them looks; fonts need not list them."""
    return 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF


def warning_text(missing: dict[str, int]) -> tuple[int, str]:
    """The line of the first missing character, and the warning that names them."""
    ordered = sorted(missing.items(), key=lambda item: (item[1], item[0]))
    named = ", ".join(f"U+{ord(character):04X} on line {line}" for character, line in ordered[:SHOWN_AT_MOST])
    more = f" and {len(ordered) - SHOWN_AT_MOST} more" if len(ordered) > SHOWN_AT_MOST else ""
    count = f"{len(ordered)} character{'s' * (len(ordered) != 1)}"
    return ordered[0][1], (
        f"The PDF shows {count} as a question mark in a box: no font on this computer has "
        f"{'them' if len(ordered) != 1 else 'it'} ({named}{more}). Symbols copied from Word's "
        "Wingdings or Symbol fonts do this: write the word instead, or install a font that has the "
        "character (bash .ci/setup installs the Noto fonts leaflet uses)."
    )


@lru_cache(maxsize=1)
def installed_coverage() -> tuple[list[int], list[int]] | None:
    """The code points some installed font has, as sorted, merged ranges (starts, ends)."""
    command = shutil.which("fc-list")
    if command is None:
        return None
    try:
        listed = subprocess.run([command, "--format", "%{charset}\\n"], capture_output=True, text=True,
                                timeout=60, check=True).stdout  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return None
    ranges = sorted(_ranges(listed))
    starts: list[int] = []
    ends: list[int] = []
    for start, end in ranges:
        if ends and start <= ends[-1] + 1:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


def _ranges(listed: str) -> Iterator[tuple[int, int]]:
    """fc-list prints a font's characters as hexadecimal code points and ranges: "20-7e a0 ad"."""
    for word in listed.split():
        first, _, last = word.partition("-")
        try:
            yield int(first, 16), int(last or first, 16)
        except ValueError:
            continue


def document_texts(document: Document) -> Iterator[tuple[int, str]]:
    """Every text the printed editions can show, with its source line."""
    meta = document.meta
    for key in ("title", "subtitle", "summary", "audience", "licence", "version"):
        if getattr(meta, key):
            yield meta.line_of(key), getattr(meta, key)
    organisation = meta.organisation
    if organisation:
        details = (organisation.name, organisation.phone, organisation.email, organisation.website,
                   organisation.address)  # fmt: skip
        yield meta.line_of("organisation"), " ".join(detail for detail in details if detail)
    for reference in meta.references:
        yield meta.line_of("references"), f"{reference.text} {reference.url or ''}"
    yield meta.line_of("reviewers"), " ".join(meta.reviewers)
    for entry in document.glossary:
        yield meta.line_of("glossary"), f"{entry.term} {entry.explanation}"
    for entry in document.abbreviations:
        yield meta.line_of("abbreviations"), f"{entry.abbreviation} {entry.expansion}"
    yield document.title.line, plain_text(document.title.content)
    for section in document.sections:
        if section.heading:
            yield section.heading.line, plain_text(section.heading.content)
        for block in (nested for top in section.blocks for nested in walk_blocks(top)):
            text = block.text if isinstance(block, Preformatted) else plain_text(inlines_of(block))
            yield block.line, text
        for easy_read in section.easy_read:
            for row in easy_read.rows:
                yield row.line, plain_text(row.content)
