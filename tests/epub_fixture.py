"""A leaflet that uses every construct of the source format, for the EPUB tests."""

from __future__ import annotations

import zipfile
from pathlib import Path

from tests.conftest import write_leaflet

FRONT_MATTER = """\
title: Every part of a leaflet
subtitle: A test leaflet for the e-book edition
summary: This leaflet uses every kind of text a leaflet can hold, so that the e-book can be checked.
language: en-GB
slug: every-part
organisation:
  name: Northfield Test Service
  phone: 01632 960 000
  email: tests@example.org
  website: https://example.org/tests
  address: Test Unit, Northfield General Hospital, Orchard Road, Northfield NF1 4QX
published: 2026-10-20
reviewed: 2026-11-02
next_review: 2028-11-01
version: "3.2"
audience: People who test leaflets
licence: Copyright 2026 Northfield Test Service
reviewers:
  - A consultant
  - Our reading group
references:
  - title: NHS website
    url: https://www.nhs.uk/
  - Northfield test procedure (2026)
glossary:
  cannula: A thin, soft plastic tube put into a vein.
  platelet: A tiny blood cell that helps your blood to clot.
abbreviations:
  FBC: full blood count
"""

BODY = """\
This leaflet has an introduction without a heading.
It mentions a cannula, and an FBC.

::: easy-read
- ![A doctor](icon:doctor) This row belongs to the easy-read edition only.
:::

## Before your test

You can eat and drink as normal.\\
Your FBC counts your platelets. Read about [what to do if you feel unwell](#if-you-feel-unwell).

![A thermometer showing 38 degrees](pictures/thermometer.svg)

![](pictures/line.svg "decorative")

### Things to bring

3. Your letter
4. A list of your medicines:
   - tablets
   - **creams**
5. A drink

#### Things to leave at home

- Jewellery, with `code` inside

## If you feel unwell

![A nurse](icon:nurse)

::: important
Phone us **straight away** if your arm is hot.

- Day: [01632 960 000](tel:+441632960000)
- Night: [tests@example.org](mailto:tests@example.org)
:::

> Most people feel fine. Go back to the [start](#before-your-test).

| Time | Who to phone | Number |
|:---|:---:|---:|
| Day | The clinic | 01632 960 000 |
| Night | The ward | 01632 960 001 |

    Ward 7, bed 12

Read more on the [NHS website](https://www.nhs.uk/).
"""

THERMOMETER = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" viewBox="0 0 100 100">'
    '<rect x="40" y="10" width="20" height="70" fill="#fff" stroke="#000" stroke-width="4"/>'
    '<circle cx="50" cy="82" r="14" fill="#000"/></svg>\n'
)
LINE = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="10" viewBox="0 0 100 10">'
    '<rect x="0" y="4" width="100" height="2" fill="#000"/></svg>\n'
)


def write_every_part(folder: Path) -> Path:
    """Write the leaflet and its pictures into `folder` and return the leaflet's path."""
    pictures = folder / "pictures"
    pictures.mkdir(parents=True, exist_ok=True)
    (pictures / "thermometer.svg").write_text(THERMOMETER, encoding="utf-8")
    (pictures / "line.svg").write_text(LINE, encoding="utf-8")
    return write_leaflet(folder, BODY, FRONT_MATTER, name="every-part.md")


def break_book(book: Path, target: Path) -> Path:
    """A copy of `book` with two faults the validators must find: no language on the package
    (Ace: epub-lang) and a link to an id that does not exist (EPUBCheck: RSC-012)."""
    with zipfile.ZipFile(book) as original, zipfile.ZipFile(target, "w") as broken:
        for entry in original.infolist():
            data = original.read(entry)
            if entry.filename.endswith("content.opf"):
                data = data.replace(b' xml:lang="en-GB"', b"")
            elif entry.filename.endswith("title.xhtml"):
                data = data.replace(b"</main>", b'<p><a href="#nowhere">A broken link</a></p></main>')
            broken.writestr(entry, data)
    return target


EASY_READ_FRONT_MATTER = """\
title: Having a biopsy
language: en-GB
slug: biopsy
organisation:
  name: Northfield Test Service
  phone: 01632 960 000
  email: tests@example.org
  website: https://example.org/tests
reviewed: 2026-11-02
next_review: 2028-11-01
version: "1.0"
glossary:
  biopsy: A small sample of tissue taken to look at.
"""

EASY_READ_BODY = """\
This leaflet is about a biopsy.

::: easy-read
- ![A doctor](icon:doctor) A doctor will take a small biopsy.
:::

## Before the test

Eat and drink as you normally would.

::: easy-read
- ![A thermometer showing 38 degrees](pictures/thermometer.svg) Tell us if you feel **hot**.
  We may move your test.
- You can eat as normal.
- ![A calendar](icon:calendar) Read what happens [after the test](#after-the-test).
:::

## After the test

Keep the dressing dry for a day.

::: easy-read
- ![A plaster](icon:bandage_adhesive) Keep the plaster dry for one day.
:::
"""


def write_easy_read_leaflet(folder: Path) -> Path:
    """A short leaflet with easy-read text in every section: an own picture, icons, a row that
    gets its picture by keyword, two sentences in a row, a hard word and a link to a section."""
    pictures = folder / "pictures"
    pictures.mkdir(parents=True, exist_ok=True)
    (pictures / "thermometer.svg").write_text(THERMOMETER, encoding="utf-8")
    return write_leaflet(folder, EASY_READ_BODY, EASY_READ_FRONT_MATTER, name="biopsy.md")
