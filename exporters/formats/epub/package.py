"""Writing the EPUB file itself: ebooklib's writer, with the two things it leaves undone.

1. `xml:lang` on the package element (ebooklib 0.20 omits it; Ace by DAISY reports epub-lang).
2. Reproducible bytes: ebooklib stamps every zip entry with the current time, so the same leaflet
   would give a different file on each build. Here every entry gets the leaflet's own date and
   the same permissions, and `mimetype` stays the first entry, stored uncompressed.

And one check before the book can count as made: every XML document in it must be well formed
(ebooklib writes whatever text it is given), so that a book no reader can open is never taken
as built and kept by the incremental build.
"""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path
from xml.etree.ElementTree import ParseError

from defusedxml.ElementTree import fromstring as parse_xml
from ebooklib import epub

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XML_DOCUMENTS = (".xhtml", ".opf", ".ncx", ".xml", ".svg", ".smil")
# The earliest time a zip entry can hold; used when the leaflet's date is earlier still.
ZIP_EPOCH = datetime(1980, 1, 1)


class _DatedZip(zipfile.ZipFile):
    """A zip file whose entries all carry one given date, whatever the clock says."""

    def __init__(self, file: Path, date_time: tuple[int, ...]) -> None:
        super().__init__(file, "w", zipfile.ZIP_DEFLATED, compresslevel=9)
        self.date_time = date_time

    def writestr(self, name, data, compress_type=None, compresslevel=None):  # type: ignore[override]
        if isinstance(name, zipfile.ZipInfo):
            name = name.filename
        entry = zipfile.ZipInfo(name, date_time=self.date_time)
        entry.compress_type = self.compression if compress_type is None else compress_type
        entry.external_attr = 0o644 << 16
        super().writestr(entry, data, compresslevel=compresslevel)


class _Writer(epub.EpubWriter):
    def __init__(self, target: Path, book: epub.EpubBook, modified: datetime) -> None:
        options = {"mtime": modified, "epub2_guide": False, "epub3_landmark": False}
        super().__init__(str(target), book, options)
        self.modified = modified

    def _write_opf_file(self, root):
        root.set(XML_LANG, self.book.language)
        # ebooklib declares the `rendition` prefix, which EPUB 3 reserves already.
        root.attrib.pop("prefix", None)
        super()._write_opf_file(root)

    def write(self):
        stamp = max(self.modified.replace(tzinfo=None), ZIP_EPOCH)
        with _DatedZip(Path(self.file_name), stamp.timetuple()[:6]) as self.out:
            self.out.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
            self._write_container()
            self._write_opf()
            self._write_items()


def write_book(book: epub.EpubBook, target: Path, modified: datetime) -> None:
    """Write `book` to `target`; `modified` becomes dcterms:modified and every entry's date."""
    writer = _Writer(target, book, modified)
    writer.process()
    writer.write()
    _refuse_badly_formed(target)


def _refuse_badly_formed(target: Path) -> None:
    """Raise ValueError, naming the document, when an XML document of the book is not well formed."""
    with zipfile.ZipFile(target) as book:
        for name in book.namelist():
            if name.endswith(XML_DOCUMENTS):
                try:
                    parse_xml(book.read(name), forbid_dtd=False)
                except ParseError as error:
                    raise ValueError(f"the e-book's {name} is not well-formed XML ({error})") from None
