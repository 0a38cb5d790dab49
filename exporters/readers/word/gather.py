"""Taking the front matter out of the body: dates, references, the glossary and contact details.

A section whose every line was understood ("References", "Words we use", our own "Who to
contact" and "About this leaflet") leaves the body, because the outputs print it again from
the front matter. A section with anything else in it stays as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...model import (
    Block,
    GlossaryEntry,
    Heading,
    LineBreak,
    Link,
    ListBlock,
    Paragraph,
    Reference,
    Strong,
    Table,
    plain_text,
    walk_blocks,
)
from .abbreviations import find_abbreviations
from .facts import Facts, contact_detail, is_added_by_outputs, phrases, section_kind
from .notes import Notes, Sure, counted, quoted

BARE_ADDRESS = re.compile(r"https?://\S+[^\s.,;)]")
TERM_AND_MEANING = re.compile(r"^(.{1,60}?)\s*(?::|\s[\u2013\u2014-])\s+(.+)$")
SHORT_PARAGRAPH_WORDS = 40


@dataclass
class Gathered:
    facts: Facts = field(default_factory=Facts)
    references: list[Reference] = field(default_factory=list)
    glossary: list[GlossaryEntry] = field(default_factory=list)
    contact: dict[str, str] = field(default_factory=dict)
    abbreviations: dict[str, str] = field(default_factory=dict)


def gather(blocks: list[Block], notes: Notes) -> tuple[Gathered, list[Block]]:
    """The facts the text holds, and the body without the lines and sections that held only them."""
    gathered = Gathered()
    kept = _take_sections(blocks, gathered, notes)
    kept = [block for block in kept if not _take_fact_block(block, gathered, notes)]
    kept = _drop_emptied_headings(kept, blocks)
    gathered.abbreviations = find_abbreviations(_texts(kept))
    if gathered.abbreviations:
        listed = ", ".join(f"{short} ({full})" for short, full in gathered.abbreviations.items())
        notes.guess(
            f"Abbreviations spelled out in the text: {listed}. They stay in the text as written "
            "and are listed under abbreviations.",
            Sure.FAIRLY,
        )
    return gathered, kept


def _spans(blocks: list[Block]) -> list[tuple[int, int]]:
    """(index of each heading, index after the last block under it)."""
    found = []
    for index, block in enumerate(blocks):
        if isinstance(block, Heading):
            end = next(
                (
                    j
                    for j in range(index + 1, len(blocks))
                    if isinstance(blocks[j], Heading) and blocks[j].level <= block.level
                ),
                len(blocks),
            )
            found.append((index, end))
    return found


def _take_sections(blocks: list[Block], gathered: Gathered, notes: Notes) -> list[Block]:
    removed: set[int] = set()
    for start, end in _spans(blocks):
        if start in removed:
            continue
        heading = plain_text(blocks[start].content)
        kind = section_kind(heading)
        inside = blocks[start + 1 : end]
        taken = {"references": _references, "glossary": _glossary, "contact": _contact}.get(kind)
        if taken and inside and taken(inside, gathered, notes):
            removed.update(range(start, end))
            notes.find(f"The section {quoted(heading)} went into the front matter.")
    return [block for index, block in enumerate(blocks) if index not in removed]


def _lines(block: Block) -> list[str] | None:
    """The lines of a paragraph, or of a list whose items are one paragraph each; None for others."""
    if isinstance(block, Paragraph):
        lines, current = [], []
        for inline in block.content:
            if isinstance(inline, LineBreak):
                lines.append(plain_text(tuple(current)))
                current = []
            else:
                current.append(inline)
        return [line for line in [*lines, plain_text(tuple(current))] if line.strip()]
    if isinstance(block, ListBlock) and all(
        len(i.blocks) == 1 and isinstance(i.blocks[0], Paragraph) for i in block.items
    ):
        return [line for item in block.items for line in _lines(item.blocks[0]) or []]
    return None


def _take_fact_block(block: Block, gathered: Gathered, notes: Notes) -> bool:
    lines = _lines(block)
    if not lines:
        return False
    if all(is_added_by_outputs(line) for line in lines):
        return True
    facts = gathered.facts
    probe = Facts(dict(facts.dates), dict(facts.texts), list(facts.reviewers))
    quiet = Notes()
    if all(probe.read_line(line, quiet) or is_added_by_outputs(line) for line in lines):
        for line in lines:
            facts.read_line(line, notes)
        return True
    text = " ".join(lines)
    if isinstance(block, Paragraph) and len(text.split()) <= SHORT_PARAGRAPH_WORDS:
        return facts.read_sentences(text, notes)
    for line in lines:
        detail = contact_detail(line)
        if detail and detail[0] not in gathered.contact:
            gathered.contact[detail[0]] = detail[1]
    return False


def _drop_emptied_headings(kept: list[Block], original: list[Block]) -> list[Block]:
    """A heading left with nothing under it held only facts: it goes too."""
    had_content = {id(original[start]) for start, end in _spans(original) if end > start + 1}
    result = list(kept)
    for start, end in reversed(_spans(result)):
        if end == start + 1 and id(result[start]) in had_content:
            del result[start]
    return result


# The sections ----------------------------------------------------------------------------------


def _references(blocks: list[Block], gathered: Gathered, notes: Notes) -> bool:
    found = []
    for block in blocks:
        paragraphs = _paragraphs(block)
        if paragraphs is None:
            return False
        found.extend(_reference(paragraph) for paragraph in paragraphs)
    gathered.references.extend(found)
    notes.guess(f"{counted(len(found), 'reference')}, from the section of sources.", Sure.SURE)
    return True


def _paragraphs(block: Block) -> list[Paragraph] | None:
    if isinstance(block, Paragraph):
        return [block]
    if isinstance(block, ListBlock) and all(
        len(i.blocks) == 1 and isinstance(i.blocks[0], Paragraph) for i in block.items
    ):
        return [item.blocks[0] for item in block.items]
    return None


def _reference(paragraph: Paragraph) -> Reference:
    """ "NHS website: https://..." with the address as its link, or any line with a link or address in it."""
    text = " ".join(plain_text(paragraph.content).split())
    links = [i for i in paragraph.content if isinstance(i, Link) and i.href.startswith("https://")]
    if links:
        words = plain_text(links[0].children).strip()
        if BARE_ADDRESS.fullmatch(words):
            text = text.replace(words, "").strip().rstrip(":-\u2013,").strip()
        return Reference(text or words, links[0].href)
    bare = BARE_ADDRESS.search(text)
    if bare and bare.group(0).startswith("https://"):
        rest = (text[: bare.start()] + text[bare.end() :]).strip().rstrip(":-\u2013,").strip()
        return Reference(rest or bare.group(0), bare.group(0))
    return Reference(text)


def _glossary(blocks: list[Block], gathered: Gathered, notes: Notes) -> bool:
    entries: list[GlossaryEntry] = []
    for block in blocks:
        if isinstance(block, Table) and len(block.header) == 2:
            rows = [block.header, *block.rows]
            header = [plain_text(cell.content).strip().lower() for cell in block.header]
            if all(words in phrases()["glossary_header"] for words in header):
                rows = rows[1:]
            entries.extend(
                GlossaryEntry(plain_text(term.content).strip(), plain_text(meaning.content).strip())
                for term, meaning in rows
            )
            continue
        paragraphs = _paragraphs(block)
        if paragraphs is None:
            return False
        for paragraph in paragraphs:
            entry = _glossary_line(paragraph)
            if entry is None:
                return False
            entries.append(entry)
    entries = [entry for entry in entries if entry.term and entry.explanation]
    gathered.glossary.extend(entries)
    notes.guess(f"{counted(len(entries), 'word')} for the glossary, from the section of words.", Sure.SURE)
    return bool(entries)


def _glossary_line(paragraph: Paragraph) -> GlossaryEntry | None:
    """ "**Term** explanation", "Term: explanation" or "Term - explanation"."""
    content = paragraph.content
    if content and isinstance(content[0], Strong) and len(content) > 1:
        term = plain_text(content[0].children).strip().rstrip(":").strip()
        explanation = plain_text(content[1:]).strip().lstrip(":-\u2013\u2014").strip()
        return GlossaryEntry(term, explanation) if term and explanation else None
    match = TERM_AND_MEANING.match(" ".join(plain_text(content).split()))
    return GlossaryEntry(match.group(1), match.group(2)) if match else None


def _contact(blocks: list[Block], gathered: Gathered, notes: Notes) -> bool:
    """Our own "Who to contact": the name in bold, then "Phone: ..." lines. Anything else: it stays."""
    details: dict[str, str] = {}
    complete = True
    for index, block in enumerate(blocks):
        lines = _lines(block) or []
        if index == 0 and isinstance(block, Paragraph) and all(isinstance(i, Strong) for i in block.content):
            details["name"] = plain_text(block.content).strip()
            continue
        for line in lines:
            detail = contact_detail(line)
            if detail:
                details.setdefault(*detail)
            elif not is_added_by_outputs(line):
                complete = False
        complete = complete and bool(lines)
    for key, value in details.items():
        gathered.contact.setdefault(key, value)
    return complete and "name" in details


def _texts(blocks: list[Block]) -> list[str]:
    """The running text of the body, where abbreviations are spelled out (not headings)."""
    texts = []
    for block in blocks:
        for nested in walk_blocks(block):
            if isinstance(nested, Paragraph):
                texts.append(plain_text(nested.content))
            elif isinstance(nested, Table):
                texts.extend(
                    plain_text(cell.content) for row in (nested.header, *nested.rows) for cell in row
                )
    return texts
