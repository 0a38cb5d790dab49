"""Writing small leaflets and checking them, for the tests of the check."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from exporters.checks import CheckSettings, DocumentReport, check_document
from exporters.readers.leaflet import read

TODAY = date(2026, 6, 1)
FRONT_MATTER = """\
title: Having a blood test
organisation: {name: Northfield Test Service, phone: 01632 960000}
reviewed: 2026-01-01
next_review: 2028-01-01
references: [NHS website, blood tests]
"""
DOT_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><circle cx="5" cy="5" r="4"/></svg>\n'
)


def write_checked_leaflet(folder: Path, body: str, front_matter: str = FRONT_MATTER,
                          name: str = "leaflet.md") -> Path:  # fmt: skip
    (folder / "dot.svg").write_text(DOT_SVG, encoding="utf-8")
    path = folder / name
    path.write_text(f"---\n{front_matter}---\n{body}", encoding="utf-8")
    return path


def check_text(folder: Path, body: str, front_matter: str = FRONT_MATTER,
               settings: CheckSettings | None = None) -> DocumentReport:  # fmt: skip
    return check_document(read(write_checked_leaflet(folder, body, front_matter)), settings, today=TODAY)
