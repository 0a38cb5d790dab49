"""Reading a Word file (.docx) into the document model, for `leaflet import`.

mammoth does the reading (Word to semantic HTML with a style map: headings, lists nested by
their numbering level, bold, links, field-code links, tables with merged cells, footnotes and
each picture's alt text); python-docx opens the file and gives its properties and its XML.

Written here, because neither library does it:
- prepare.py: a pass over the XML before mammoth. Levels of lists whose style says the level
  ("List Number 2") while their numbering says level 0; lists typed by hand ("•", "-", "1.");
  headings in styles of their own (their outline level); boxes (paragraph borders); text boxes,
  which mammoth drops when a file keeps no old-style copy of them (LibreOffice's files); the
  decorative mark and the SVG original of a picture, which mammoth does not pass on.
- package.py: refusing files that are not Word documents, old .doc files and password-protected
  files (an encrypted .docx is an OLE compound file, not a zip); headers, footers and comments,
  which are left out and reported.
- tables.py, structure.py: what a Word author means by a bold short line, a table with no header
  row, a merged cell, a one-cell table, the Title style.
- gather.py, facts.py, dates.py, abbreviations.py: the front matter from the text.
"""

from __future__ import annotations

from .notes import Guess, Notes, Sure
from .package import NotAWordFile
from .picture_files import PictureFile
from .reader import WordLeaflet, read_word

__all__ = ["Guess", "NotAWordFile", "Notes", "PictureFile", "Sure", "WordLeaflet", "read_word"]
