"""`leaflet draft-easy-read`: a first draft of easy-read text for the sections that have none.

The draft is a starting point for a person, never a finished edition: it is marked with
`<!-- leaflet: draft -->`, which the check reports until someone has read it and removed the mark.
Nothing is dropped in silence: every sentence of a section becomes a row, or a comment at the top
of the block says what was left out and why. Each row is rewritten by rules (see rewrite.py); a row
gets a picture only when its words clearly call for one, otherwise a comment offers the candidates.
Hard words need no rows of their own: the easy-read edition explains glossary words where they are
first used.
"""

from __future__ import annotations

import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from ..model import (
    Block,
    Document,
    Heading,
    Important,
    ListBlock,
    Paragraph,
    Picture,
    Preformatted,
    Quote,
    Section,
    Table,
    plain_text,
)  # fmt: skip
from ..output import atomic_target
from ..readers.files import read_source
from ..readers.leaflet import read
from ..readers.picture_words import clear_winner, picture_candidates
from ..sentences import split_sentences, word_spans
from .easy_read import missing_sections
from .rewrite import Rewriter, abbreviations_of

MAX_CANDIDATES = 3
RUNS_ON = frozenset(
    "if when that to as such like including include includes are is can may might should will must "
    "you we they about for with of or and because before after until unless while by from into".split()
)
_MARKDOWN_MARKS = re.compile(r"([\\`*_\[\]<>#|])")


@dataclass
class Draft:
    """The rows of one section's draft and what was left out of it."""

    rows: list[str] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)

    def lines(self) -> list[str]:
        notes = [f"<!-- Left out: {note} -->" for note in self.left_out]
        return ["", "::: easy-read", "<!-- leaflet: draft -->", *notes, *self.rows, ":::", ""]


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
    rewriter = Rewriter(abbreviations_of(document))
    drafted: list[str] = []
    # From the last section up, so that inserting lines does not move the sections still to do.
    for index in reversed(range(len(document.sections))):
        section = document.sections[index]
        if section.heading is None or section.title not in missing:
            continue
        end = _end_line(document, index, len(lines))
        lines[end:end] = draft_section(section, rewriter).lines()
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


def draft_section(section: Section, rewriter: Rewriter) -> Draft:
    draft = Draft()
    for text, line in _texts(section.blocks, draft):
        for _, sentence in split_sentences(text):
            _add_rows(draft, rewriter, sentence, line)
    return draft


def _add_rows(draft: Draft, rewriter: Rewriter, sentence: str, line: int) -> None:
    rewritten = rewriter.rewrite(sentence)
    for part in rewritten.sentences:
        key = " ".join(part.lower().split()).rstrip(".")
        if key in draft.seen:
            draft.left_out.append(f'"{part}" (line {line}) says again what an earlier row says.')
            continue
        draft.seen.add(key)
        too_long = len(word_spans(part)) > rewriter.limit
        notes = [f"Over {rewriter.limit} words: shorten this row."] if too_long else []
        picture, choice = _picture(part)
        notes += [choice] if choice else []
        comment = f" <!-- {' '.join(notes)} -->" if notes else ""
        draft.rows.append(f"- {picture}{_escape(part)}{comment}")


def _picture(sentence: str) -> tuple[str, str]:
    """The picture the row's words clearly call for, or a note naming the candidates."""
    candidates = picture_candidates(sentence)
    chosen = clear_winner(candidates)
    if chosen is not None:
        return f"![{chosen.alt}](icon:{chosen.icon}) ", ""
    if not candidates:
        return "", "No picture: choose one."
    names = ", ".join(f"icon:{c.icon}" for c in candidates[:MAX_CANDIDATES])
    return "", f"No picture: choose one; these may fit: {names}."


def _escape(text: str) -> str:
    return _MARKDOWN_MARKS.sub(r"\\\1", text)


def _texts(blocks: tuple[Block, ...], draft: Draft, lead: str = "") -> list[tuple[str, int]]:
    """The text of the blocks with its line; a list's introduction ("You can have it if:") joins each
    item. What cannot become rows (tables, pictures, headings) is noted in the draft as left out."""
    found: list[tuple[str, int]] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            text = plain_text(block.content).strip()
            if text.endswith(":"):
                *before, last = [sentence for _, sentence in split_sentences(text)]
                found.extend((sentence, block.line) for sentence in before)
                lead = f"{lead} {last.rstrip(':')}".strip()
                if not _runs_on(lead):
                    found.append((_as_sentence(lead), block.line))
                    lead = ""
            elif text:
                found.append((_as_sentence(f"{lead} {text}".strip()), block.line))
        elif isinstance(block, ListBlock):
            for item in block.items:
                found.extend(_texts(item.blocks, draft, lead))
            lead = ""
        elif isinstance(block, Quote | Important):
            found.extend(_texts(block.blocks, draft))
        else:
            draft.left_out.append(_left_out(block))
    return found


def _runs_on(lead: str) -> bool:
    """Whether a list's introduction reads on into each item ("We offer it to you if:"), rather
    than being a sentence of its own ("It feels like flu:")."""
    last = lead.split()[-1].lower() if lead.split() else ""
    return last in RUNS_ON or last.endswith(("ing",))


def _left_out(block: Block) -> str:
    if isinstance(block, Table):
        return f"the table at line {block.line}. Write what it says as rows, one fact a row."
    if isinstance(block, Picture):
        return f'the picture at line {block.line} ("{block.alt}"). Use it in a row if it helps.'
    if isinstance(block, Heading):
        return f'the heading "{plain_text(block.content)}" at line {block.line}. The rows below cover it.'
    if isinstance(block, Preformatted):
        return f"the preformatted text at line {block.line}. Write it as rows by hand."
    return f"a block at line {getattr(block, 'line', '?')}. Write it as rows by hand."


def _as_sentence(text: str) -> str:
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."
