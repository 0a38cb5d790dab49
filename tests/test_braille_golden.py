"""Golden braille: whole leaflets compared with pages a person has read, by meaning, not bytes.

A golden file (tests/fixtures/braille/golden/*.yaml) holds the pages as rows of Unicode braille,
the words liblouis reads back from them, and the liblouis version that made them, because the
UEB tables change between releases. The PEF built now is parsed (so XML layout and metadata do
not matter) and its pages compared with the golden pages when the version is the same; with
another liblouis, its back-translated words must still be the golden ones, in the same order.

After a change you mean, rewrite the golden files and read the difference before committing:
    LEAFLET_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_braille_golden.py
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from exporters.formats import export
from exporters.formats.braille.translator import back_translate, liblouis_version
from exporters.readers.leaflet import read
from exporters.variants import layout_settings
from tests.braille_checks import WORD, pef_pages
from tests.conftest import PROJECT_ROOT

GOLDEN = PROJECT_ROOT / "tests" / "fixtures" / "braille" / "golden"
CASES = [
    ("source/bone-marrow-test.md", "standard", 2),
    ("source/bone-marrow-test.md", "easy-read", 2),
    ("tests/fixtures/braille/infusion-day.md", "standard", 2),
    ("tests/fixtures/braille/infusion-day.md", "standard", 1),
]


def golden_path(source: str, edition: str, grade: int) -> Path:
    return GOLDEN / f"{Path(source).stem}.{edition}.grade-{grade}.yaml"


def words_read_back(pages: list[list[str]], grade: int) -> list[str]:
    return WORD.findall(back_translate("\u2800".join(row for page in pages for row in page), grade).lower())


@pytest.mark.parametrize(("source", "edition", "grade"), CASES, ids=[f"{Path(c[0]).stem}-{c[1]}-{c[2]}" for c in CASES])
def test_the_braille_matches_its_golden_pages(tmp_path, source, edition, grade):
    settings = replace(layout_settings(edition), format_options=(("braille_grade", grade),))
    pef = export(read(PROJECT_ROOT / source), "pef", settings, tmp_path).read_text(encoding="utf-8")
    pages = pef_pages(pef)
    path = golden_path(source, edition, grade)
    made = {"liblouis": liblouis_version(), "source": source, "edition": edition, "grade": grade,
            "words": " ".join(words_read_back(pages, grade)), "pages": pages}  # fmt: skip
    if os.environ.get("LEAFLET_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_golden_text(made), encoding="utf-8")
    golden = yaml.safe_load(path.read_text(encoding="utf-8"))
    if golden["liblouis"] == made["liblouis"]:
        for number, (page, expected) in enumerate(zip(pages, golden["pages"], strict=False), start=1):
            assert page == expected, f"braille page {number} differs from {path.name}"
        assert len(pages) == len(golden["pages"])
    else:
        assert made["words"] == golden["words"], (
            f"liblouis {made['liblouis']} reads back other words than the {golden['liblouis']} golden "
            f"file {path.name}: read the difference, then rewrite it with LEAFLET_UPDATE_GOLDEN=1"
        )


def _golden_text(made: dict) -> str:
    header = (f"# Golden braille of {made['source']} ({made['edition']}, grade {made['grade']}), made by "
              f"liblouis {made['liblouis']}.\n# Rewrite with LEAFLET_UPDATE_GOLDEN=1 (see "
              "tests/test_braille_golden.py) after reading what changed.\n")  # fmt: skip
    return header + yaml.safe_dump(made, allow_unicode=True, sort_keys=False, width=200)
