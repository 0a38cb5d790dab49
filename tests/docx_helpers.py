"""Helpers for the Word tests: a leaflet with every construct, and reading a .docx back."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from docx.oxml.ns import qn
from PIL import Image

from exporters.model import Document, Heading, Important, ListBlock, Quote, Table, plain_text, walk_blocks

from .conftest import PROJECT_ROOT, write_leaflet

EVERY_CONSTRUCT_FRONT_MATTER = """\
title: Looking after your central line
subtitle: For adults having treatment at home
summary: How to keep your central line clean and safe, and when to phone us.
language: en-GB
organisation:
  name: Northfield Line Service
  phone: 01632 960 300
  email: lines@example.org
  website: https://example.org/lines
  address: Ward 4, Northfield General Hospital, Northfield NF1 4QX
published: 2026-05-02
reviewed: 2026-04-15
next_review: 2029-04-15
version: "2.1"
audience: Adults with a central line
licence: You may copy this leaflet for patients.
reviewers:
  - Line nurse specialist
references:
  - title: NHS website, central venous catheters
    url: https://www.nhs.uk/
  - A printed reference without an address
glossary:
  dressing: A clean covering that keeps germs out of the place the line goes in.
abbreviations:
  PICC: peripherally inserted central catheter
---
"""

EVERY_CONSTRUCT_BODY = """\
# Looking after your central line

You may have a PICC line. This leaflet says how to keep it *clean* and **safe**.

## Keeping it clean

Change the dressing once a week.
Keep it dry in the shower.

![A thermometer showing 38 degrees](pictures/temperature-38.svg)

![A photo of a line dressing](pictures/dressing.png)

![](pictures/temperature-38.svg "decorative")

- Wash your hands first.
- Check the dressing:
  - is it dry?
  - is it stuck down?
- Call us if it is wet.

3. Get a clean dressing.
4. Take off the old one.

   Put it in the bin.

   1. Do not touch the place the line goes in.
   2. Wash your hands again.
5. Put on the new dressing.

### When to phone us

::: important
Phone us **straight away** if:

- you have a temperature of 38 degrees or more
- your arm swells
:::

> Keep this leaflet with your line record.

#### The phone line

The line is open every day, see [Keeping it clean](#keeping-it-clean) and the
[NHS website](https://www.nhs.uk/conditions/).
Write down `PICC` and the date.
First line\\
second line.

```
Ward 4
Bed 12
```

| What happens | What to do |
| --- | --- |
| The line is wet | Change the dressing |
| You feel hot | Phone us |
"""


def write_every_construct(folder: Path) -> Path:
    """A leaflet with every block and inline the model has, and its pictures beside it."""
    pictures = folder / "pictures"
    pictures.mkdir(parents=True, exist_ok=True)
    shutil.copy(PROJECT_ROOT / "source" / "pictures" / "temperature-38.svg", pictures)
    Image.new("RGB", (120, 80), (40, 90, 160)).save(pictures / "dressing.png")
    return write_leaflet(folder, EVERY_CONSTRUCT_BODY, EVERY_CONSTRUCT_FRONT_MATTER, name="central-line.md")


def words(text: str) -> list[str]:
    return re.findall(r"[\w'°]+", text.lower())


def in_order(expected: list[str], found: list[str]) -> list[str]:
    """The expected words that could not be found in order in `found` (empty when all were)."""
    missing, position = [], 0
    for word in expected:
        try:
            position = found.index(word, position) + 1
        except ValueError:
            missing.append(word)
    return missing


def model_words(document: Document) -> list[str]:
    """The words of the leaflet's own text in reading order, as the model has them.

    Table cells are left out: a PDF's text runs across a row's wrapped cells line by line,
    so their words are compared as a set (`table_words`).
    """
    texts = [plain_text(document.title.content)]
    for section in document.sections:
        if section.heading:
            texts.append(section.title)
        for block in section.blocks:
            for item in walk_blocks(block):
                texts.extend(_texts_of(item))
    return words(" ".join(texts))


def table_words(document: Document) -> list[str]:
    tables = [b for s in document.sections for block in s.blocks for b in walk_blocks(block)
              if isinstance(b, Table)]
    return words(" ".join(plain_text(cell.content) for table in tables
                          for row in (table.header, *table.rows) for cell in row))


def _texts_of(block) -> list[str]:
    if isinstance(block, ListBlock | Quote | Important | Table):
        return []
    if isinstance(block, Heading) or hasattr(block, "content"):
        return [plain_text(block.content)]
    return [block.text] if hasattr(block, "text") else []


def body_paragraphs(word) -> list:
    """Every paragraph element of the body in reading order, table cells included."""
    return list(word.element.body.iter(qn("w:p")))


def style_name(word, paragraph) -> str:
    style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    style_id = style.get(qn("w:val")) if style is not None else "Normal"
    for candidate in word.styles:
        if candidate.style_id == style_id:
            return candidate.name
    return style_id


def convert_with_libreoffice(files: list[Path], folder: Path) -> None:
    """Convert .docx files to PDF in `folder` with LibreOffice, as a reader's word processor would."""
    from .conftest import require_command

    soffice = require_command("soffice", "install LibreOffice: apt-get install libreoffice-writer-nogui")
    result = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{folder}/profile", "--headless", "--convert-to", "pdf",
         "--outdir", str(folder), *map(str, files)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
