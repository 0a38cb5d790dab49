"""The easy-read edition of a document: what every easy-read layout shows, in the order it shows it.

Each exporter (HTML, PDF, Word, EPUB) lays this out its own way; what the edition holds is
decided once, here: a cover, for each section its rows (a picture, then one sentence a line,
then the hard words of the row explained), "Words we use" with pictures, and who to contact.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import SourceError
from ..model import (
    Document,
    EasyReadRow,
    GlossaryEntry,
    GlossaryTerm,
    Inline,
    Picture,
    Text,
    plain_text,
    walk_inlines,
)  # fmt: skip
from ..readers.picture_words import PictureWords, choose_picture, load_picture_words
from ..readers.pictures import icon_picture
from ..sentences import split_sentences as sentence_spans

COVER_ICON = ("book", "A leaflet")
WORD_ICON = ("info", "An information sign")  # for a hard word no picture clearly shows
CONTACT_ICONS = {"phone": ("phone", "A telephone"), "email": ("laptop", "A laptop computer"),
                 "website": ("laptop", "A laptop computer"), "address": ("home", "A building")}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Explanation:
    word: str
    meaning: str

    @property
    def sentence(self) -> str:
        """'Biopsy means a small sample of tissue.'"""
        first_word = self.meaning.split()[0]
        lower_first = len(first_word) == 1 or first_word[1:].islower()  # keep NHS, DNA as they are
        meaning = self.meaning[0].lower() + self.meaning[1:] if lower_first else self.meaning
        return f"{self.word[0].upper()}{self.word[1:]} means {meaning.rstrip('.')}."


@dataclass(frozen=True, slots=True)
class Row:
    picture: Picture | None
    sentences: tuple[tuple[Inline, ...], ...]
    explanations: tuple[Explanation, ...]
    line: int


@dataclass(frozen=True, slots=True)
class EasySection:
    heading: str
    anchor: str
    rows: tuple[Row, ...]


@dataclass(frozen=True, slots=True)
class WordWithPicture:
    entry: GlossaryEntry
    picture: Picture


@dataclass(frozen=True, slots=True)
class ContactRow:
    label: str
    value: str
    href: str | None
    picture: Picture


@dataclass(frozen=True, slots=True)
class EasyReadEdition:
    document: Document
    cover_picture: Picture
    sections: tuple[EasySection, ...]
    words: tuple[WordWithPicture, ...]
    contact: tuple[ContactRow, ...]

    @property
    def title(self) -> str:
        return plain_text(self.document.title.content)

    @property
    def uses_health_icons(self) -> bool:
        return any(picture.icon for picture in self.pictures)

    @property
    def pictures(self) -> tuple[Picture, ...]:
        """Every picture the edition shows, in order, each once."""
        found = [self.cover_picture]
        found += [row.picture for section in self.sections for row in section.rows if row.picture]
        found += [word.picture for word in self.words]
        found += [contact.picture for contact in self.contact]
        unique = {picture.path: picture for picture in reversed(found)}
        return tuple(sorted(unique.values(), key=found.index))


def missing_sections(document: Document) -> list[str]:
    """The titles of the sections that have no easy-read text."""
    return [s.title for s in document.sections if s.heading is not None and not s.easy_read]


def easy_read_edition(document: Document) -> EasyReadEdition:
    """Gather the easy-read edition, or refuse when a section has no easy-read text."""
    missing = missing_sections(document)
    if missing or not document.has_easy_read:
        names = "; ".join(f"'{name}'" for name in missing) or "every section"
        raise SourceError(
            document.source, 0,
            f"No easy read edition can be made: these sections have no easy-read text: {names}.",
            "Add a '::: easy-read' block to each of them (a list of a picture and one or two short "
            f"sentences), or run 'leaflet draft-easy-read {document.source}' to write a first draft.",
        )  # fmt: skip
    vocabulary = load_picture_words()
    sections = tuple(
        EasySection(
            section.title,
            section.heading.anchor if section.heading else document.title.anchor,
            tuple(_row(row) for block in section.easy_read for row in block.rows),
        )  # fmt: skip
        for section in document.sections
        if section.heading is not None or section.easy_read
    )
    return EasyReadEdition(
        document=document,
        cover_picture=_icon(document.source, *COVER_ICON),
        sections=sections,
        words=tuple(_word(entry, document.source, vocabulary) for entry in _words_used(document)),
        contact=_contact(document),
    )


def _row(row: EasyReadRow) -> Row:
    explanations = tuple(
        Explanation(term.text, term.explanation)
        for term in walk_inlines(row.content)
        if isinstance(term, GlossaryTerm) and term.first_use
    )
    return Row(row.picture, split_sentences(row.content), explanations, row.line)


def split_sentences(inlines: tuple[Inline, ...]) -> tuple[tuple[Inline, ...], ...]:
    """One sentence a line: the row's text split where the check's splitter ends a sentence
    (so "Dr. Shah" and "9 a.m." stay whole), cutting plain text only, never a link or a term."""
    texts = [inline.text if isinstance(inline, Text) else plain_text((inline,)) for inline in inlines]
    starts = {offset for offset, _ in sentence_spans("".join(texts))} - {0}
    sentences: list[list[Inline]] = [[]]
    offset = 0
    for inline, text in zip(inlines, texts, strict=True):
        if offset in starts:
            _new_sentence(sentences)
        if isinstance(inline, Text):
            cuts = [start - offset for start in sorted(starts) if offset < start < offset + len(text)]
            for number, (begin, end) in enumerate(zip([0, *cuts], [*cuts, len(text)], strict=True)):
                if number:
                    _new_sentence(sentences)
                sentences[-1].append(Text(text[begin:end]))
        else:
            sentences[-1].append(inline)
        offset += len(text)
    kept = (tuple(i for i in sentence if not isinstance(i, Text) or i.text) for sentence in sentences)
    return tuple(sentence for sentence in kept if plain_text(sentence).strip())


def _new_sentence(sentences: list[list[Inline]]) -> None:
    """End the sentence so far (without the space after its last word) and start another."""
    last = sentences[-1]
    if last and isinstance(last[-1], Text):
        last[-1] = Text(last[-1].text.rstrip())
    sentences.append([])


def _words_used(document: Document) -> list[GlossaryEntry]:
    used = {
        inline.term.lower()
        for section in document.sections
        for block in section.easy_read
        for row in block.rows
        for inline in walk_inlines(row.content)
        if isinstance(inline, GlossaryTerm)
    }
    return [entry for entry in document.glossary if entry.term.lower() in used]


def _word(entry: GlossaryEntry, source: Path, vocabulary: tuple[PictureWords, ...]) -> WordWithPicture:
    chosen = choose_picture(entry.term, vocabulary) or choose_picture(entry.explanation, vocabulary)
    return WordWithPicture(
        entry, _icon(source, chosen.icon, chosen.alt) if chosen else _icon(source, *WORD_ICON)
    )


def _contact(document: Document) -> tuple[ContactRow, ...]:
    organisation = document.meta.organisation
    if organisation is None:
        return ()
    rows = []
    for field, label, scheme in (("phone", "Phone", "tel:"), ("email", "Email", "mailto:"),
                                 ("website", "Website", ""), ("address", "Address", None)):  # fmt: skip
        value = getattr(organisation, field)
        if value:
            href = (
                None if scheme is None else scheme + (value.replace(" ", "") if field == "phone" else value)
            )
            rows.append(ContactRow(label, value, href, _icon(document.source, *CONTACT_ICONS[field])))
    return tuple(rows)


def _icon(source: Path, name: str, alt: str) -> Picture:
    return icon_picture(name, alt, source, 0)
