"""Reads a leaflet source file into the document model, or refuses it with a SourceError."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..errors import UNSAFE_CHARACTER, SourceError
from ..model import (
    Block,
    Document,
    EasyRead,
    GlossaryEntry,
    GlossaryTerm,
    Heading,
    Link,
    Section,
    SourceWarning,
    Text,
    inlines_of,
    plain_text,
    walk_blocks,
    walk_inlines,
)  # fmt: skip
from .files import read_source
from .frontmatter import parse_front_matter
from .glossary import load_shared_glossary, shared_glossary_path
from .markdown import BlockReader, parse_markdown
from .pronunciations import with_pronunciations
from .terms import TermMarker


def read(path: Path | str, data: bytes | None = None, shared_glossary: dict[str, str] | None = None,
         shared_pronunciations: dict[str, str] | None = None) -> Document:  # fmt: skip
    """Read one leaflet. Raises SourceError naming the file, the line and what to do.

    A caller that has read the file's bytes (`read_source`), the shared glossary or the shared
    pronunciations passes them in, so that what it fingerprints is exactly what was read.
    """
    source = Path(path)
    text = _decode(source, read_source(source) if data is None else data)
    front = parse_front_matter(text, source)
    front = replace(front, meta=with_pronunciations(front.meta, source, text, shared_pronunciations))
    shared = load_shared_glossary(shared_glossary_path(source), shared_glossary)
    own_terms = {entry.term.lower() for entry in front.glossary}
    glossary = front.glossary + tuple(e for e in shared if e.term.lower() not in own_terms)
    reader = BlockReader(
        source,
        front.body_first_line,
        TermMarker(glossary, front.abbreviations),
        TermMarker(glossary, front.abbreviations),
    )
    blocks = reader.blocks(parse_markdown(front.body, source, front.body_first_line))
    reader.flush_ignores()
    if not blocks:
        raise SourceError(
            source, front.body_first_line, "The leaflet has no text after its front matter.",
            "Write the leaflet below the second '---' line.",
        )  # fmt: skip
    warnings: list[SourceWarning] = []
    title, blocks = _title_heading(blocks, front.meta, source, warnings)
    sections = split_sections(blocks)
    document = Document(
        source=source,
        meta=front.meta,
        title=title,
        sections=sections,
        glossary=_glossary_in_use(glossary, sections),
        abbreviations=front.abbreviations,
        suppressions=tuple(reader.suppressions),
        warnings=tuple(warnings),
        line_count=text.count("\n") + 1,
    )
    _refuse_broken_anchors(document)
    return document


def _refuse_broken_anchors(document: Document) -> None:
    """A '#name' link must lead to a heading of this leaflet, in every output."""
    anchors = {document.title.anchor}
    places: list[tuple[int, tuple]] = []
    for section in document.sections:
        for block in section.blocks:
            for nested in walk_blocks(block):
                if isinstance(nested, Heading):
                    anchors.add(nested.anchor)
                places.append((nested.line, inlines_of(nested)))
        if section.heading:
            anchors.add(section.heading.anchor)
        places += [(row.line, row.content) for easy in section.easy_read for row in easy.rows]
    for line, inlines in places:
        for link in (i for i in walk_inlines(inlines) if isinstance(i, Link) and i.href.startswith("#")):
            if link.href[1:] not in anchors:
                raise SourceError(
                    document.source, line, f"The link '{link.href}' leads to no heading of this leaflet.",
                    "Use the heading's words in small letters with hyphens, for example "
                    f"#{min(anchors - {document.title.anchor}, default='section-name')}.",
                )  # fmt: skip


def _decode(source: Path, data: bytes) -> str:
    try:
        text = data.decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise SourceError(
            source, line, "The file is not saved as UTF-8 text.",
            "Open it in your editor and save it again with the encoding 'UTF-8'.",
        ) from None  # fmt: skip
    control = UNSAFE_CHARACTER.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        raise SourceError(
            source, line, f"The text has an invisible control character (U+{ord(control.group()):04X}) here.",
            "Delete it: such characters often come in when text is copied from another program.",
        )  # fmt: skip
    return text


def _title_heading(
    blocks: list[Block | EasyRead], meta, source: Path, warnings: list[SourceWarning]
) -> tuple[Heading, list[Block | EasyRead]]:
    """Find the one level-1 heading every output has; see source/README.md for the rules."""
    top_level = [b for b in blocks if isinstance(b, Heading) and b.level == 1]
    first = blocks[0]
    if len(top_level) == 1 and top_level[0] is first:
        if _normalise(plain_text(first.content)) != _normalise(meta.title):
            warnings.append(SourceWarning(
                source, first.line,
                f"The first heading '{plain_text(first.content)}' differs from the title "
                f"'{meta.title}'; the heading is used in the outputs.",
            ))  # fmt: skip
        return first, blocks[1:]
    title = Heading(1, (Text(meta.title),), "title", meta.line_of("title"))
    if top_level:
        warnings.append(SourceWarning(
            source, top_level[0].line,
            "Level-1 headings ('# ...') are used for sections, so every heading was moved one "
            "level down and the title comes from the front matter. Use '## ' for sections.",
        ))  # fmt: skip
        blocks = [_demote(b) for b in blocks]
    return title, blocks


def _demote(block: Block | EasyRead) -> Block | EasyRead:
    if isinstance(block, Heading):
        return replace(block, level=min(block.level + 1, 6))
    return block


def _normalise(text: str) -> str:
    return " ".join(text.lower().split())


def split_sections(blocks: list[Block | EasyRead]) -> tuple[Section, ...]:
    """Level-2 headings start sections; easy-read blocks go with the section they stand in."""
    sections: list[Section] = []
    heading: Heading | None = None
    content: list[Block] = []
    easy_read: list[EasyRead] = []
    for block in blocks:
        if isinstance(block, Heading) and block.level <= 2:
            if heading or content or easy_read:
                sections.append(Section(heading, tuple(content), tuple(easy_read)))
            heading, content, easy_read = block, [], []
        elif isinstance(block, EasyRead):
            easy_read.append(block)
        else:
            content.append(block)
    sections.append(Section(heading, tuple(content), tuple(easy_read)))
    return tuple(sections)


def _glossary_in_use(
    glossary: tuple[GlossaryEntry, ...], sections: tuple[Section, ...]
) -> tuple[GlossaryEntry, ...]:
    """The leaflet's own entries, and the shared entries its text uses, in alphabetical order."""
    used = {term.term.lower() for term in _glossary_terms(sections)}
    kept = [e for e in glossary if not e.shared or e.term.lower() in used]
    return tuple(sorted(kept, key=lambda entry: entry.term.lower()))


def _glossary_terms(sections: tuple[Section, ...]) -> list[GlossaryTerm]:
    terms: list[GlossaryTerm] = []
    for section in sections:
        for block in section.blocks:
            for nested in walk_blocks(block):
                terms.extend(i for i in walk_inlines(inlines_of(nested)) if isinstance(i, GlossaryTerm))
        for easy_read in section.easy_read:
            for row in easy_read.rows:
                terms.extend(i for i in walk_inlines(row.content) if isinstance(i, GlossaryTerm))
    return terms
