"""The Word exporter: a .docx written from the document model with python-docx.

Word styles, not direct formatting, carry the look (layouts/docx/<variant>.yaml), so the
navigation pane shows every heading and a team can edit the leaflet in Word. What python-docx
has no API for is written with its oxml layer: list numbering (docx_numbering), hyperlinks and
bookmarks (docx_inlines), SVG pictures and decorative flags (docx_pictures), page-number
fields and reproducible zip entries (docx_package). The easy-read variant lays out the easy-read
edition as rows of a picture beside short sentences (docx_easy_read).
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.shared import Length

from ...editions.easy_read import easy_read_edition
from ...model import Document, Heading, Text, walk_blocks
from ...variants import LayoutSettings
from ..templates import long_date, term_id
from .blocks import BlockWriter
from .easy_read import easy_read_bookmarks, write_edition
from .inlines import Bookmarks, add_link
from .numbering import Numbering, number_paragraph
from .package import add_page_footer, leaflet_dates, save_reproducibly, set_properties
from .pictures import PictureWriter
from .styles import StyleData, StyleIds, apply_styles, load_style_data, set_page

SUFFIX = ".docx"  # a Word file's name ends so; the web page takes only such files to import
# Anchors of the headings the exporter adds (the same as the HTML edition's ids).
END_ANCHORS = ("words-we-use", "contact-us", "references", "about-this-leaflet")


def write(document: Document, settings: LayoutSettings, target: Path) -> None:
    """The clear-print or large-print leaflet as Word."""
    data = load_style_data(settings)
    writer = _new_writer(document, settings, data, _bookmarks(document), picture_column_cm=None)
    _write_body(writer, document)
    _write_end_matter(writer, document)
    _save(writer.document, document, settings, data, target)


def write_easy_read(document: Document, settings: LayoutSettings, target: Path) -> None:
    """The easy-read edition as rows of a picture beside short sentences (or refused)."""
    edition = easy_read_edition(document)
    data = load_style_data(settings)
    bookmarks = easy_read_bookmarks(edition)
    writer = _new_writer(document, settings, data, bookmarks, picture_column_cm=data["picture_column_cm"])
    write_edition(writer, edition, data, _text_width_cm(writer.document))
    _save(writer.document, document, settings, data, target)


def _new_writer(document: Document, settings: LayoutSettings, data: StyleData, bookmarks: Bookmarks,
                picture_column_cm: float | None) -> BlockWriter:  # fmt: skip
    """An empty Word document with the edition's styles, page and footer, and the writer of its
    blocks; pictures are at most as wide as the picture column, or else as the text."""
    word = docx.Document()
    numbering = Numbering(word, data)
    apply_styles(word, data, document.meta.language, numbering.style_numbering())
    set_page(word, settings.paper, data)
    style_ids = StyleIds(word)
    add_page_footer(word, style_ids, data.labels["page_footer"])
    widest_cm = picture_column_cm or _text_width_cm(word)
    pictures = PictureWriter(data["icon_width_cm"], data["figure_width_cm"], widest_cm)
    return BlockWriter(word, numbering, pictures, bookmarks, data, style_ids)


def _text_width_cm(word: WordDocument) -> float:
    section = word.sections[0]
    return Length(section.page_width - section.left_margin - section.right_margin).cm


def _save(word: WordDocument, document: Document, settings: LayoutSettings, data: StyleData,
          target: Path) -> None:  # fmt: skip
    set_properties(word, document, settings, data.labels)
    save_reproducibly(word, target, leaflet_dates(document.meta)[1])


def _bookmarks(document: Document) -> Bookmarks:
    """Names for every place a link can point at, known before the first link is written."""
    bookmarks = Bookmarks()
    bookmarks.name(document.title.anchor)
    for section in document.sections:
        blocks = [b for block in section.blocks for b in walk_blocks(block)]
        for heading in [section.heading, *blocks]:
            if isinstance(heading, Heading):
                bookmarks.name(heading.anchor)
    for anchor in END_ANCHORS:
        bookmarks.name(anchor)
    if document.glossary:
        for entry in document.glossary:
            bookmarks.name(term_id(entry.term))
    return bookmarks


def _write_body(writer: BlockWriter, document: Document) -> None:
    meta = document.meta
    writer.heading(document.title)
    if meta.subtitle:
        writer.paragraph((Text(meta.subtitle),), "Subtitle")
    # The summary is the document's subject and comments (package.py), not a paragraph that says
    # again what the first paragraph says.
    for section in document.sections:
        if section.heading:
            writer.heading(section.heading)
        for block in section.blocks:
            writer.block(block)


def _end_heading(writer: BlockWriter, label: str, anchor: str) -> None:
    writer.heading(Heading(2, (Text(writer.labels[label]),), anchor, 0))


def _write_end_matter(writer: BlockWriter, document: Document) -> None:
    """Words we use, where the information comes from and about the leaflet, then who to contact,
    other formats and the leaflet's dates kept together at the end: the PDF's order."""
    labels, meta = writer.labels, document.meta
    if document.glossary:
        _end_heading(writer, "glossary_heading", "words-we-use")
        table = writer.table([(Text(labels["glossary_word"]),), (Text(labels["glossary_meaning"]),)],
                             [[(Text(e.term),), (Text(e.explanation),)] for e in document.glossary])
        for row, entry in zip(table.rows[1:], document.glossary, strict=True):
            writer.bookmarks.mark(row.cells[0].paragraphs[0], term_id(entry.term))
    if meta.references:
        _end_heading(writer, "references_heading", "references")
        items = []
        for reference in meta.references:
            items.append(_bullet(writer, reference.text + (": " if reference.url else "")))
            if reference.url:
                add_link(items[-1], writer.style_ids, reference.url, reference.url)
        writer.keep_list_together(items, len(items))
    about = _about(document)
    if about:
        _end_heading(writer, "about_heading", "about-this-leaflet")
        items = [_bullet(writer, labels[label] + value) for label, value in about]
        writer.keep_list_together(items, len(items))
    last = len(writer.document.paragraphs)
    _end_heading(writer, "contact_heading", "contact-us")
    if meta.organisation:
        _write_contact(writer, meta.organisation)
    writer.paragraph((Text(labels["other_formats"]),))
    dates = _dates(document)
    if dates:
        _end_heading(writer, "dates_heading", "leaflet-dates")
        for label, value in dates:
            _bullet(writer, labels[label] + value)
    for paragraph in writer.document.paragraphs[last:-1]:  # the last page's details stay together
        paragraph.paragraph_format.keep_with_next = True


def _write_contact(writer: BlockWriter, organisation) -> None:
    labels, style_ids = writer.labels, writer.style_ids
    style_ids.run(writer.paragraph((Text(organisation.name),)).runs[0], "Strong")
    if organisation.phone:
        number = "".join(organisation.phone.split())
        add_link(_bullet(writer, labels["phone"]), style_ids, f"tel:{number}", organisation.phone)
    if organisation.email:
        email = organisation.email
        add_link(_bullet(writer, labels["email"]), style_ids, f"mailto:{email}", email)
    if organisation.website:
        add_link(_bullet(writer, labels["website"]), style_ids, organisation.website, organisation.website)
    if organisation.address:
        _bullet(writer, labels["address"] + organisation.address)


def _bullet(writer: BlockWriter, text: str):
    paragraph = writer.paragraph((Text(text),), "List Bullet")
    number_paragraph(paragraph, writer.numbering.bullets(), 0)
    return paragraph


def _dates(document: Document) -> list[tuple[str, str]]:
    meta = document.meta
    rows = [
        ("published", meta.published and long_date(meta.published)),
        ("reviewed", meta.reviewed and long_date(meta.reviewed)),
        ("next_review", meta.next_review and long_date(meta.next_review)),
        ("version", meta.version),
    ]
    return [(label, value) for label, value in rows if value]


def _about(document: Document) -> list[tuple[str, str]]:
    meta = document.meta
    rows = [("reviewers", "; ".join(meta.reviewers)), ("audience", meta.audience), ("licence", meta.licence)]
    found = [(label, value) for label, value in rows if value]
    if document.text_uses_health_icons:
        found.append(("health_icons", ""))
    return found
