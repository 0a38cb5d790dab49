"""What the EPUB edition says about itself: identity, dates, publisher and its accessibility.

The accessibility metadata follows EPUB Accessibility 1.1 (see ../shared/field-guide.md): what a
library, a shop or a reading system shows a reader before they open the book. Every value is
worked out from what the leaflet really holds, never claimed by default.
"""

from __future__ import annotations

import html
import os
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, time

from ebooklib import epub

from ...editions.easy_read import EasyReadEdition
from ...model import Document, Picture, Table
from ...variants import LayoutSettings
from ..templates import environment

CONFORMANCE = "EPUB Accessibility 1.1 - WCAG 2.2 Level AA"
SUMMARY_TEMPLATE = "epub/accessibility-summary.txt.j2"


@dataclass(frozen=True, slots=True)
class Features:
    """What the edition holds that its accessibility metadata must describe."""

    pictures: int
    decorative: int
    tables: int
    glossary: bool
    rows: int = 0  # easy read: rows of one or two sentences
    rows_with_pictures: int = 0
    narrated: bool = False  # a talking book: every document is read aloud, sentence by sentence


def features_of(document: Document) -> Features:
    """Counted over the edition's own text: easy-read rows belong to another edition."""
    blocks = document.text_blocks()
    pictures = [b for b in blocks if isinstance(b, Picture)]
    return Features(
        pictures=sum(not p.decorative for p in pictures),
        decorative=sum(p.decorative for p in pictures),
        tables=sum(isinstance(b, Table) for b in blocks),
        glossary=bool(document.glossary),
    )


def features_of_easy_read(edition: EasyReadEdition) -> Features:
    """Counted over what the easy-read edition shows: its rows, its words and who to contact."""
    rows = [row for section in edition.sections for row in section.rows]
    shown = [edition.cover_picture, *(row.picture for row in rows if row.picture)]
    shown += [word.picture for word in edition.words] + [contact.picture for contact in edition.contact]
    return Features(
        pictures=sum(not p.decorative for p in shown),
        decorative=sum(p.decorative for p in shown),
        tables=0,
        glossary=bool(edition.words),
        rows=len(rows),
        rows_with_pictures=sum(row.picture is not None for row in rows),
    )


def identifier(document: Document, settings: LayoutSettings) -> str:
    """The same leaflet, version and edition always get the same identifier."""
    meta = document.meta
    publisher = meta.organisation.name if meta.organisation else ""
    name = f"leaflet:{publisher}/{meta.slug}/{meta.version or ''}/{settings.variant.name}"
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"


def modified(document: Document) -> datetime:
    """When the leaflet last changed: its latest date, so the same source gives the same bytes.

    A leaflet without dates falls back to SOURCE_DATE_EPOCH (the reproducible-builds convention)
    and only then to the present moment.
    """
    dates = [d for d in (document.meta.published, document.meta.reviewed) if d]
    if dates:
        return datetime.combine(max(dates), time(), tzinfo=UTC)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    return datetime.now(tz=UTC).replace(microsecond=0)


def describe(
    book: epub.EpubBook,
    document: Document,
    settings: LayoutSettings,
    features: Features,
    description: str | None,
) -> None:
    """Set the package metadata: who, what, when, and how accessible."""
    meta = document.meta
    book.set_identifier(identifier(document, settings))
    book.set_title(meta.title)
    book.set_language(meta.language)
    if meta.organisation:
        book.add_author(meta.organisation.name)
        book.add_metadata("DC", "publisher", meta.organisation.name)
    if description:
        book.add_metadata("DC", "description", description)
    if meta.published:
        book.add_metadata("DC", "date", meta.published.isoformat())
    if meta.licence:
        book.add_metadata("DC", "rights", meta.licence)
    _describe_accessibility(book, document, settings, features)


def _describe_accessibility(
    book: epub.EpubBook, document: Document, settings: LayoutSettings, features: Features
) -> None:
    modes = ["textual", "visual"] if features.pictures else ["textual"]
    sufficient = ["textual", "textual,visual"] if features.pictures else ["textual"]
    offered = ["structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability"]
    # The glossary is told in the summary: "glossary" is not a value of the schema.org
    # accessibilityFeature vocabulary, and Ace by DAISY reports it as invalid.
    if features.pictures:
        offered.append("alternativeText")
    if features.narrated:  # the recording reads the picture descriptions too: it is enough alone
        modes, sufficient = [*modes, "auditory"], [*sufficient, "auditory"]
        offered.append("synchronizedAudioText")
    properties = [
        *(("schema:accessMode", mode) for mode in modes),
        *(("schema:accessModeSufficient", modes) for modes in sufficient),
        *(("schema:accessibilityFeature", feature) for feature in offered),
        ("schema:accessibilityHazard", "none"),
        ("schema:accessibilitySummary", accessibility_summary(document, settings, features)),
    ]
    # A conformance claim needs someone who stands behind it: the publishing organisation.
    if document.meta.organisation:
        properties.append(("dcterms:conformsTo", CONFORMANCE))
        properties.append(("a11y:certifiedBy", document.meta.organisation.name))
    for name, value in properties:
        book.add_metadata(None, "meta", value, {"property": name})


def accessibility_summary(document: Document, settings: LayoutSettings, features: Features) -> str:
    """The summary in plain words, from layouts/epub/accessibility-summary.txt.j2, as one paragraph."""
    template = environment(settings.layouts).get_template(SUMMARY_TEMPLATE)
    text = template.render(document=document, settings=settings, features=features)
    # The shared environment escapes for markup; the package writer escapes this text itself.
    return html.unescape(" ".join(text.split()))
