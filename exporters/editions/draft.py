"""`leaflet draft-easy-read`: a first draft of easy-read text for the sections that have none.

The draft is a starting point for a person, never a finished edition: it is marked with
`<!-- leaflet: draft -->`, which the check reports until someone has read it and removed the mark.
Hard words need no rows of their own: the easy-read edition explains glossary words where
they are first used.
"""

from __future__ import annotations

import re
import stat
from pathlib import Path

from ..model import Block, Document, Important, ListBlock, Paragraph, Quote, Section, plain_text
from ..output import atomic_target
from ..readers.files import read_source
from ..readers.leaflet import read
from ..readers.picture_words import choose_picture, load_picture_words
from ..sentences import split_sentences
from .easy_read import missing_sections

MAX_ROWS = 6
MAX_WORDS = 15
CLAUSE_BREAK = re.compile(r"[;:]\s+|,\s+(?=(?:and|but|so|or|because|which|as|if|when)\b)")


def draft_easy_read(source: Path) -> list[str]:
    """Add a draft easy-read block to each section without one; return those sections' titles.

    The file keeps what the author's editor gave it: its line ends (CRLF from Windows), a byte
    order mark, its permissions, and, when it is a link, the link (the file it leads to changes).
    """
    data = read_source(source)
    document = read(source, data)
    missing = set(missing_sections(document))
    text = data.decode("utf-8")
    mark = "\ufeff" if text.startswith("\ufeff") else ""
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.removeprefix(mark).split(newline)
    drafted: list[str] = []
    # From the last section up, so that inserting lines does not move the sections still to do.
    for index in reversed(range(len(document.sections))):
        section = document.sections[index]
        if section.heading is None or section.title not in missing:
            continue
        end = _end_line(document, index, len(lines))
        lines[end:end] = _draft_block(section)
        drafted.append(section.title)
    if drafted:
        real = source.resolve()
        with atomic_target(real, stat.S_IMODE(real.stat().st_mode)) as temporary:
            temporary.write_bytes((mark + newline.join(lines)).encode("utf-8"))
    return list(reversed(drafted))


def _end_line(document: Document, index: int, line_count: int) -> int:
    """The line index after which the section's draft goes (before the next heading)."""
    later = document.sections[index + 1 :]
    return later[0].heading.line - 1 if later and later[0].heading else line_count


def _draft_block(section: Section) -> list[str]:
    vocabulary = load_picture_words()
    rows = []
    for sentence in _short_sentences(section)[:MAX_ROWS]:
        chosen = choose_picture(sentence, vocabulary)
        picture = f"![{chosen.alt}](icon:{chosen.icon}) " if chosen else ""
        rows.append(f"- {picture}{sentence}")
    return ["", "::: easy-read", "<!-- leaflet: draft -->", *rows, ":::", ""]


def _short_sentences(section: Section) -> list[str]:
    sentences: list[str] = []
    for text in _texts(section.blocks):
        for _, sentence in split_sentences(text):
            sentences.extend(_shorten(sentence))
    return sentences


def _texts(blocks: tuple[Block, ...], lead: str = "") -> list[str]:
    """The sentences of the blocks; a list's introduction ("You can have it if:") joins each item."""
    found: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            text = plain_text(block.content).strip()
            if text.endswith(":"):
                lead = f"{lead} {text.rstrip(':')}".strip()
            elif text:
                found.append(_as_sentence(f"{lead} {text}".strip()))
        elif isinstance(block, ListBlock):
            for item in block.items:
                found.extend(_texts(item.blocks, lead))
            lead = ""
        elif isinstance(block, Quote | Important):
            found.extend(_texts(block.blocks))
    return found


def _as_sentence(text: str) -> str:
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def _shorten(sentence: str) -> list[str]:
    """Split a long sentence at its clause breaks; each part becomes a sentence of its own."""
    sentence = " ".join(sentence.split())
    if len(sentence.split()) <= MAX_WORDS:
        return [sentence]
    parts = [part.strip(" ,.;:") for part in CLAUSE_BREAK.split(sentence)]
    return [part[0].upper() + part[1:] + "." for part in parts if part]
