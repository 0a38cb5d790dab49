"""The shape of the EPUB edition: its content documents in reading order, the table of contents,
the landmarks, and where each link inside the leaflet points once the leaflet is split into documents.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from ...editions.easy_read import EasyReadEdition
from ...errors import SourceError
from ...model import (
    Document,
    Heading,
    Inline,
    Picture,
    Section,
    inlines_of,
    plain_text,
    walk_blocks,
    walk_inlines,
)
from ..templates import term_id
from .metadata import Features, features_of

COVER_FILE = "cover.xhtml"
NAV_FILE = "nav.xhtml"
GLOSSARY_FILE = "glossary.xhtml"


@dataclass(frozen=True, slots=True)
class Chapter:
    """One content document. `matter` is the epub:type of its body; `anchors` the ids links may target."""

    file_name: str
    title: str
    template: str
    matter: str
    section: Section | None = None
    anchors: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Plan:
    """What one edition puts in the book: its documents in reading order, the pictures it shows,
    what its accessibility metadata describes, its text with source lines (to check its links)
    and its description. An easy-read plan also holds the easy-read edition it lays out."""

    chapters: tuple[Chapter, ...]
    pictures: tuple[Picture, ...]
    features: Features
    texts: tuple[tuple[int, tuple[Inline, ...]], ...]
    description: str | None
    edition: EasyReadEdition | None = None


@dataclass(frozen=True, slots=True)
class NavEntry:
    title: str
    href: str
    children: tuple[NavEntry, ...] = ()


@dataclass(frozen=True, slots=True)
class Landmark:
    kind: str
    title: str
    href: str


def load_labels(layouts: Path) -> dict[str, str]:
    return yaml.safe_load((layouts / "epub" / "labels.yaml").read_text(encoding="utf-8"))


def plan_chapters(document: Document, labels: dict[str, str]) -> tuple[Chapter, ...]:
    """Every content document in reading order: cover, contents, the leaflet, its end matter."""
    sections = list(document.sections)
    intro = sections.pop(0) if sections and sections[0].heading is None else None
    opening_anchors = (document.title.anchor, *(_anchors(intro) if intro else ()))
    chapters = [
        Chapter(COVER_FILE, labels["cover"], "epub/cover.xhtml.j2", "cover"),
        Chapter(NAV_FILE, labels["contents"], "epub/nav.xhtml.j2", "frontmatter"),
        Chapter("title.xhtml", document.meta.title, "epub/opening.xhtml.j2", "bodymatter", intro,
                opening_anchors),
    ]  # fmt: skip
    for number, section in enumerate(sections, start=1):
        chapters.append(Chapter(f"section-{number:02d}.xhtml", section.title, "epub/section.xhtml.j2",
                                "bodymatter", section, _anchors(section)))  # fmt: skip
    if document.glossary:
        terms = tuple(term_id(entry.term) for entry in document.glossary)
        chapters.append(Chapter(GLOSSARY_FILE, labels["glossary"], "epub/glossary.xhtml.j2",
                                "backmatter", anchors=("words-we-use", *terms)))  # fmt: skip
    chapters.append(Chapter("contact.xhtml", labels["contact"], "epub/contact.xhtml.j2", "backmatter",
                            anchors=("contact-us",)))  # fmt: skip
    if document.meta.references:
        chapters.append(Chapter("references.xhtml", labels["references"], "epub/references.xhtml.j2",
                                "backmatter", anchors=("references",)))  # fmt: skip
    chapters.append(Chapter("about.xhtml", labels["about"], "epub/about.xhtml.j2", "backmatter",
                            anchors=("about-this-leaflet",)))  # fmt: skip
    return tuple(chapters)


def table_of_contents(chapters: tuple[Chapter, ...]) -> tuple[NavEntry, ...]:
    """The nested contents: each document, with the subheadings of its section beneath it."""
    entries = []
    for chapter in chapters:
        if chapter.file_name in (COVER_FILE, NAV_FILE):
            continue
        headings = [h for h in _headings(chapter.section) if h.level > 2] if chapter.section else []
        entries.append(NavEntry(chapter.title, chapter.file_name, _nest(headings, chapter.file_name)))
    return tuple(entries)


def landmarks(chapters: tuple[Chapter, ...], labels: dict[str, str]) -> tuple[Landmark, ...]:
    """The places a reading system offers to jump to: contents, start of the text, glossary."""
    found = [Landmark("toc", labels["contents"], f"{NAV_FILE}#toc")]
    found.append(Landmark("bodymatter", labels["start"], _first(chapters, "bodymatter").file_name))
    if any(chapter.file_name == GLOSSARY_FILE for chapter in chapters):
        found.append(Landmark("glossary", labels["glossary"], GLOSSARY_FILE))
    return tuple(found)


def link_resolver(document: Document, plan: Plan) -> Callable[[str], str]:
    """The href that takes a link of the leaflet to its target in the e-book.

    A link to a heading (`#side-effects`) must name the document the heading now lives in.
    A link to a heading that does not exist would be a broken link in every reading system,
    so the author is told before anything is written.
    """
    targets = {anchor: chapter.file_name for chapter in plan.chapters for anchor in chapter.anchors}
    for line, content in plan.texts:
        for inline in walk_inlines(content):
            href = getattr(inline, "href", "")
            if href.startswith("#") and href[1:] not in targets:
                raise SourceError(
                    document.source, line,
                    f"The link '{href}' points to a heading that is not in this edition of the leaflet.",
                    "Link to a heading this edition shows: '#' and the heading in small letters, with a "
                    f"hyphen in place of each space or punctuation mark, such as '#{_example(plan)}'.",
                )  # fmt: skip

    def resolve(href: str) -> str:
        return f"{targets[href[1:]]}{href}" if href.startswith("#") else href

    return resolve


def plan_leaflet(document: Document, labels: dict[str, str]) -> Plan:
    """The standard and large-print editions: the leaflet's own text, without its easy-read rows."""
    blocks = document.text_blocks()
    return Plan(
        chapters=plan_chapters(document, labels),
        pictures=tuple(block for block in blocks if isinstance(block, Picture)),
        features=features_of(document),
        texts=tuple((block.line, inlines_of(block)) for block in blocks),
        description=document.meta.summary,
    )


def _example(plan: Plan) -> str:
    sections = [chapter for chapter in plan.chapters if chapter.file_name.startswith("section-")]
    return sections[0].anchors[0] if sections else "side-effects"


def _anchors(section: Section) -> tuple[str, ...]:
    return tuple(heading.anchor for heading in _headings(section))


def _headings(section: Section) -> list[Heading]:
    blocks = ([section.heading] if section.heading else []) + list(section.blocks)
    return [b for top in blocks for b in walk_blocks(top) if isinstance(b, Heading)]


def _nest(headings: list[Heading], file_name: str) -> tuple[NavEntry, ...]:
    """Headings as a tree: each heading holds the deeper headings that follow it."""
    entries = []
    index = 0
    while index < len(headings):
        heading = headings[index]
        end = index + 1
        while end < len(headings) and headings[end].level > heading.level:
            end += 1
        children = _nest(headings[index + 1 : end], file_name)
        entries.append(NavEntry(plain_text(heading.content), f"{file_name}#{heading.anchor}", children))
        index = end
    return tuple(entries)


def _first(chapters: tuple[Chapter, ...], matter: str) -> Chapter:
    return next(chapter for chapter in chapters if chapter.matter == matter)
