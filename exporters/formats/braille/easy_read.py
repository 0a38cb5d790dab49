"""The easy-read edition in braille: the rows of the print edition, each as the description of
its picture in a transcriber's note and then one sentence a line, a blank line between rows.

A print easy-read reader reads the picture beside each sentence; a braille reader reads what the
picture shows just before the sentence, in the author's words (the row picture's alt text).
Pictures that the print edition adds by itself (the cover, and those beside "Words we use" and
the contact details) carry nothing the words do not say, so they are left out.
"""

from __future__ import annotations

from ...editions.easy_read import EasyReadEdition, Row, easy_read_edition
from ...model import Document
from ..templates import long_date
from .content import Transcription
from .pages import Gap, Item
from .styles import BrailleLayout
from .text import marked_spans, spans_of
from .translator import Span


def transcribe_easy_read(document: Document, layout: BrailleLayout) -> list[Item]:
    """The easy-read edition's items; a leaflet without easy-read text is refused (SourceError)."""
    edition = easy_read_edition(document)
    out = Transcription(layout)
    labels = layout.labels
    out.add("title", marked_spans(edition.title))
    out.add("paragraph", marked_spans(labels["easy_read_intro"].format(title=edition.title)))
    for section in edition.sections:
        if section.heading:
            out.add("heading", marked_spans(section.heading))
        for row in section.rows:
            add_row(out, row)
    add_words_and_contact(out, edition)
    return out.items


def add_row(out: Transcription, row: Row) -> None:
    out.gap("easy-read-row", "lines_before")
    if row.picture and not row.picture.decorative:
        out.note([Span(out.layout.labels["picture"]), *marked_spans(row.picture.alt)], "easy-read-picture")
    for sentence in row.sentences:
        out.add("easy-read-line", spans_of(sentence))
    for explanation in row.explanations:
        out.add("easy-read-line", marked_spans(explanation.sentence))
    out.items.append(Gap(out.layout.style("easy-read-row").lines_before))


def add_words_and_contact(out: Transcription, edition: EasyReadEdition) -> None:
    labels = out.layout.labels
    if edition.words:
        out.add("heading", [Span(labels["glossary_heading"])])
        for word in edition.words:
            out.add("entry", [Span(f"{word.entry.term}: "), *marked_spans(word.entry.explanation)])
    out.add("heading", [Span(labels["contact_heading"])])
    meta = edition.document.meta
    if meta.organisation:
        out.add("entry", marked_spans(meta.organisation.name))
    for contact in edition.contact:
        out.add("entry", [Span(f"{contact.label}: "), *marked_spans(contact.value)])
    out.add("paragraph", [Span(labels["easy_read_other_formats"])])
    if meta.next_review:
        out.add("paragraph", [Span(labels["easy_read_check_again"].format(date=long_date(meta.next_review)))])
