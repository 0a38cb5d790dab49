"""The steps of reading a Word file, in order: open, prepare, convert, shape, gather, name pictures."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ...errors import SourceError
from ...model import AbbreviationEntry, Document, GlossaryEntry, Heading, Meta, Organisation, plain_text
from ..frontmatter import SLUG_PATTERN
from ..glossary import SHARED_GLOSSARY, load_glossary_file
from ..leaflet import split_sections
from .convert import to_html
from .facts import looks_like_organisation, section_kind
from .gather import Gathered, gather
from .html import HtmlReader
from .notes import Notes, Sure, counted, quoted
from .package import Properties, note_what_is_left_out, open_word, read_properties
from .picture_files import PictureFile, PicturePlacer
from .prepare import prepare
from .structure import (
    add_footnotes,
    group_boxes,
    headings_from_bold_lines,
    link_headings,
    settle_title,
    take_subtitle,
    take_summary,
)

DEFAULT_LANGUAGE = "en-GB"
SLUG_LENGTH = 60


@dataclass(frozen=True)
class WordLeaflet:
    """A Word file read: the document, the picture files it needs, and what was found and guessed."""

    document: Document
    pictures: tuple[PictureFile, ...]
    notes: Notes


def read_word(data: bytes, name: Path, folder: Path, slug: str | None = None) -> WordLeaflet:
    """Read the Word file `data` (called `name`) as a leaflet to be written into `folder`.

    Raises SourceError, naming the file, when it is not a Word document or cannot be read.
    """
    word = open_word(data, name)
    notes = Notes()
    properties = read_properties(word)
    note_what_is_left_out(word, notes)
    prepared = prepare(word, notes)
    if prepared.typed_lists:
        notes.guess(
            f"{counted(prepared.typed_lists, 'list')} typed by hand (with '•', '-' or '1.') read as "
            f"{'a real list' if prepared.typed_lists == 1 else 'real lists'}.",
            Sure.FAIRLY,
        )
    html, images = to_html(prepared.data)
    reader = HtmlReader(notes)
    placed = reader.read(html)
    if not placed:
        raise SourceError(
            name, 0, "The Word file has no text in it.", "Check that this is the leaflet you meant."
        )
    targets = {
        mark: plain_text(p.block.content)
        for p in placed
        if isinstance(p.block, Heading)
        for mark in p.bookmarks
    }
    title = settle_title(placed, properties, name, notes)
    subtitle = take_subtitle(placed, notes)
    summary = take_summary(placed, properties, notes)
    headings_from_bold_lines(placed, lambda heading: section_kind(heading) in ("contact", "about"), notes)
    gathered, blocks = gather(group_boxes(placed, notes), notes)
    blocks = add_footnotes(blocks, reader.footnotes, reader.next_line(), notes)
    title, blocks = link_headings(title, blocks, targets)
    slug = _slug(slug, properties, plain_text(title.content), notes)
    placer = PicturePlacer(prepared.pictures, images, folder, slug, notes)
    blocks = placer.blocks(blocks)
    meta = _meta(plain_text(title.content), slug, subtitle, summary, properties, gathered, notes)
    document = Document(
        source=name,
        meta=meta,
        title=title,
        sections=split_sections(blocks),
        glossary=_own_glossary(gathered.glossary, folder, notes),
        abbreviations=tuple(AbbreviationEntry(k, v) for k, v in gathered.abbreviations.items()),
    )
    return WordLeaflet(document, tuple(placer.files.values()), notes)


def _slug(asked: str | None, properties: Properties, title: str, notes: Notes) -> str:
    if asked:
        return asked
    if SLUG_PATTERN.match(properties.slug):
        notes.guess(f"The short name (slug) '{properties.slug}', from the document's properties.", Sure.SURE)
        return properties.slug
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-") or "leaflet"
    if len(slug) > SLUG_LENGTH:
        slug = slug[:SLUG_LENGTH].rsplit("-", 1)[0]
    return slug


def _meta(
    title: str,
    slug: str,
    subtitle: str | None,
    summary: str | None,
    properties: Properties,
    gathered: Gathered,
    notes: Notes,
) -> Meta:
    facts = gathered.facts
    language = properties.language
    if language:
        notes.guess(f"The language {language}, from the document's settings.", Sure.FAIRLY)
    else:
        notes.guess(f"The language {DEFAULT_LANGUAGE}: the document does not say which it is.", Sure.UNSURE)
    version = facts.texts.get("version") or properties.version or None
    return Meta(
        title=title,
        slug=slug,
        language=language or DEFAULT_LANGUAGE,
        subtitle=subtitle,
        summary=summary,
        organisation=_organisation(gathered.contact, properties, notes),
        reviewed=facts.dates.get("reviewed"),
        next_review=facts.dates.get("next_review"),
        published=facts.dates.get("published"),
        version=version,
        references=tuple(gathered.references),
        reviewers=tuple(facts.reviewers),
        audience=facts.texts.get("audience"),
        licence=facts.texts.get("licence"),
    )


def _organisation(contact: dict[str, str], properties: Properties, notes: Notes) -> Organisation | None:
    details = dict(contact)
    name = details.pop("name", "")
    sure = Sure.SURE if name else Sure.FAIRLY  # a name comes only with a whole section of contact details
    if name:
        notes.guess(f"The organisation {quoted(name)}, from the contact details.", Sure.SURE)
    elif properties.organisation:
        name = properties.organisation
        notes.guess(f"The organisation {quoted(name)}, from the document's company.", Sure.FAIRLY)
    elif looks_like_organisation(properties.author):
        name = properties.author
        notes.guess(f"The organisation {quoted(name)}, from the document's author.", Sure.UNSURE)
    if details.get("website", "").startswith("www."):
        details["website"] = "https://" + details["website"]
    if details.get("email", "").lower().startswith("mailto:"):
        details["email"] = details["email"][len("mailto:") :]
    if not name:
        if details:
            found = ", ".join(f"{key} {value}" for key, value in details.items())
            notes.lose(
                f"Contact details were found ({found}) but not the organisation's name: add "
                "'organisation:' with a 'name:' and these details to the front matter."
            )
        return None
    for key, value in details.items():
        notes.guess(f"The organisation's {key} {quoted(value)}, from the text.", sure)
    return Organisation(name=name, **details)


def _own_glossary(entries: list[GlossaryEntry], folder: Path, notes: Notes) -> tuple[GlossaryEntry, ...]:
    """The leaflet's own words: those the folder's shared glossary explains the same way stay there."""
    shared = {
        term.lower(): " ".join(text.split())
        for term, text in load_glossary_file(folder / SHARED_GLOSSARY).items()
    }
    own = [e for e in entries if shared.get(e.term.lower()) != " ".join(e.explanation.split())]
    if len(own) < len(entries):
        notes.find(
            f"{counted(len(entries) - len(own), 'word')} of the glossary "
            f"{'is' if len(entries) - len(own) == 1 else 'are'} in {SHARED_GLOSSARY} already."
        )
    return tuple(own)
