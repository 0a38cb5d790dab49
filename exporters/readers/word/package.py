"""Opening a Word file: refusing what is not one, and what python-docx tells of the file itself.

The document properties (title, language, the summary our own exporter writes), the company, and
what the import leaves out by design (headers, footers, comments) come from here.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from ...errors import SourceError
from ..frontmatter import LANGUAGE_PATTERN
from .notes import Notes, counted, quoted

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .doc files and encrypted .docx files
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")  # the stream an encrypted .docx keeps
MAIN_PART = "word/document.xml"
MAX_WORD_MB = 50  # a Word leaflet with photographs is a few MB
MAX_UNPACKED_MB = 500  # refuse a zip that would swell to more than this (a "zip bomb")
PAGE_NUMBER_ONLY = re.compile(r"^(page\s*)?\d*(\s*(of|/)\s*\d*)?$", re.IGNORECASE)
SAVE_AS_DOCX = "Open it in Word and save it again with 'Save as' and the type 'Word Document (*.docx)'."


class NotAWordFile(SourceError):
    """Another kind of file than a Word document (.docx): an old .doc, a spreadsheet, a zip, plain
    text. A Word document that cannot be imported (locked, damaged, empty) is a plain SourceError."""


@dataclass(frozen=True)
class Properties:
    """What the file says about itself (empty text where it says nothing)."""

    title: str
    summary: str
    language: str
    organisation: str
    author: str
    slug: str
    version: str


def open_word(data: bytes, name: Path) -> WordDocument:
    """The Word document in `data`, or a SourceError saying why it cannot be imported."""
    if len(data) > MAX_WORD_MB * 1024 * 1024:
        raise _refuse(
            name,
            f"The file is larger than {MAX_WORD_MB} MB, far larger than a leaflet.",
            "Make the pictures in it smaller, or split it into several leaflets.",
        )
    if data.startswith(OLE_SIGNATURE):
        if ENCRYPTED_STREAM in data:
            raise _refuse(
                name,
                "The Word file is protected with a password, so it cannot be read.",
                "Open it in Word, remove the password (File, Info, Protect Document), "
                "save it and import it again.",
            )
        raise _refuse(name, "This is an old Word file (.doc), not a .docx file.", SAVE_AS_DOCX, NotAWordFile)
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise _refuse(
            name,
            "This is not a Word document (.docx).",
            "Choose a file saved by Word as .docx. " + SAVE_AS_DOCX,
            NotAWordFile,
        )
    _refuse_other_zips(data, name)
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds on a damaged package
        raise _refuse(
            name,
            f"The Word file is damaged and cannot be read ({type(error).__name__}).",
            "Open it in Word; if Word can repair it, save it again and import the new file.",
        ) from None


def _refuse_other_zips(data: bytes, name: Path) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        entries = package.infolist()
        if sum(entry.file_size for entry in entries) > MAX_UNPACKED_MB * 1024 * 1024:
            raise _refuse(
                name,
                "The Word file unpacks to far more than any leaflet needs.",
                "Save it again from Word; if it holds huge pictures, make them smaller.",
            )
        names = {entry.filename for entry in entries}
        if MAIN_PART in names:
            return
        kind = "a zip file"
        if "xl/workbook.xml" in names:
            kind = "an Excel spreadsheet"
        elif "ppt/presentation.xml" in names:
            kind = "a PowerPoint presentation"
        elif "mimetype" in names and b"opendocument.text" in package.read("mimetype"):
            kind = "an OpenDocument text (.odt)"
    raise _refuse(
        name,
        f"This is {kind}, not a Word document (.docx).",
        "Open it in its program and save it as a Word document (.docx).",
        NotAWordFile,
    )


def _refuse(name: Path, message: str, hint: str, kind: type[SourceError] = SourceError) -> SourceError:
    return kind(name, 0, message, hint)


def read_properties(word: WordDocument) -> Properties:
    """The document's own properties, read from its parts' XML: python-docx's `core_properties` does
    not find them in LibreOffice's files (their relationship is spelt differently) and would add
    a second, empty copy."""
    core = _properties_part(word, "core-properties")
    language = _property(core, "language") or _default_language(word)
    return Properties(
        title=_property(core, "title"),
        summary=_property(core, "description"),
        language=language if LANGUAGE_PATTERN.match(language or "") else "",
        organisation=_property(_properties_part(word, "extended-properties"), "Company"),
        author=_property(core, "creator"),
        slug=_property(core, "identifier"),
        version=_property(core, "version"),
    )


def _properties_part(word: WordDocument, kind: str):
    for relationship in word.part.package.rels.values():
        if relationship.reltype.lower().endswith("/" + kind) and not relationship.is_external:
            return parse_xml(relationship.target_part.blob)
    return None


def _property(root, name: str) -> str:
    if root is None:
        return ""
    found = [element.text or "" for element in root if element.tag.endswith("}" + name)]
    return " ".join(found[0].split()) if found else ""


def _default_language(word: WordDocument) -> str:
    """The language of the document's default text (its docDefaults), as Word sets it."""
    defaults = word.styles.element.find(qn("w:docDefaults"))
    language = (
        defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}") if defaults is not None else None
    )
    return language.get(qn("w:val"), "") if language is not None else ""


def note_what_is_left_out(word: WordDocument, notes: Notes) -> None:
    """Headers, footers and comments are not part of a leaflet: say what they held."""
    texts: list[str] = []
    page_numbers = False
    for section in word.sections:
        for part in (
            section.header,
            section.first_page_header,
            section.even_page_header,
            section.footer,
            section.first_page_footer,
            section.even_page_footer,
        ):
            if part.is_linked_to_previous:
                continue
            for paragraph in part.paragraphs:
                text = " ".join(paragraph.text.split())
                if PAGE_NUMBER_ONLY.match(text):
                    page_numbers = page_numbers or bool(text)
                elif text not in texts:
                    texts.append(text)
    for text in texts:
        notes.lose(f"The header or footer {quoted(text)} was left out: the outputs make their own.")
    if page_numbers:
        notes.lose(
            "The page numbers in the header or footer were left out: every output numbers its own pages."
        )
    comments = _count_in_part(word, "comments", "comment")
    if comments:
        notes.lose(f"{counted(comments, 'Word comment')} left out.")
    changes = sum(1 for _ in word.element.body.iter(qn("w:ins"), qn("w:del")))
    if changes:
        notes.find(f"{counted(changes, 'tracked change')}: the text is read as if they were accepted.")


def _count_in_part(word: WordDocument, name: str, element: str) -> int:
    for part in word.part.package.iter_parts():
        if part.partname == f"/word/{name}.xml":
            return len(parse_xml(part.blob).findall(qn(f"w:{element}")))
    return 0
