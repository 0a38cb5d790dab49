"""Incremental builds: an output is rebuilt only when something it depends on changed, and an
unchanged leaflet is neither read nor checked again. Built as web pages, for speed."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

import exporters.build
import exporters.build.incremental
import exporters.readers.leaflet
from exporters.checks import check_again_on, check_document, load_project_settings
from exporters.cli import ExitStatus, main
from exporters.readers.leaflet import read
from exporters.variants import LAYOUTS, layout_settings

FRONT_MATTER = """\
title: {title}
organisation: {{name: Northfield Test Service, phone: 01632 960000}}
reviewed: 2026-01-01
next_review: 2028-10-01
references: [NHS website, blood tests]
"""
TEXT = {
    "biopsy.md": "You will have a biopsy. You can eat and drink as normal.\n",
    "scan.md": "You can eat and drink as normal. Bring your letter.\n\n![A dot](dot.svg)\n",
    "x-ray.md": "You will have an x\\-ray. Bring your letter.\n",
}
GLOSSARY = "biopsy: Taking a small sample from your body.\nx-ray: A picture of the inside of your body.\n"
DOT = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><circle cx="5" cy="5" r="4"/></svg>\n'
SLUGS = {Path(name).stem for name in TEXT}
BEFORE_REVIEW = date(2027, 1, 15)


def write(folder: Path, name: str, body: str, next_review: str = "2028-10-01") -> Path:
    front = FRONT_MATTER.format(title="Your appointment").replace("2028-10-01", next_review)
    path = folder / name
    path.write_text(f"---\n{front}---\n{body}", encoding="utf-8")
    return path


@pytest.fixture
def library(tmp_path, monkeypatch):
    """Three leaflets and a shared glossary; the build sees the same day every time."""
    monkeypatch.setattr(exporters.build, "today", lambda: BEFORE_REVIEW)
    folder = tmp_path / "source"
    folder.mkdir()
    (folder / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    (folder / "dot.svg").write_text(DOT, encoding="utf-8")
    for name, body in TEXT.items():
        write(folder, name, body)
    return folder


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The names of the leaflets each build reads."""
    seen: list[str] = []

    def reading(path, *given):
        seen.append(Path(path).name)
        return read(path, *given)

    monkeypatch.setattr(exporters.readers.leaflet, "read", reading)
    return seen


def build(folder: Path, *extra: str, out: str = "out", jobs: str = "1") -> int:
    options = ["--out", str(folder.parent / out), "--format", "html", "--jobs", jobs, *extra]
    return main(["build", str(folder), *options])


def files(folder: Path, out: str = "out") -> dict[str, tuple[int, int]]:
    """Each output with what changes when it is written again (a new file replaces it)."""
    written = (folder.parent / out).glob("*/*.html")
    return {f"{p.parent.name}/{p.name}": (p.stat().st_ino, p.stat().st_mtime_ns) for p in written}


def rewritten(before: dict[str, tuple[int, int]], folder: Path) -> set[str]:
    after = files(folder)
    return {name.split("/")[0] for name in after if after[name] != before.get(name)}


def first_build(folder: Path, reads: list[str]) -> dict[str, tuple[int, int]]:
    assert build(folder) == ExitStatus.DONE
    assert sorted(reads) == sorted(TEXT)
    reads.clear()
    return files(folder)


def test_an_unchanged_library_is_neither_read_nor_rebuilt(library, reads, capsys):
    before = first_build(library, reads)
    assert len(before) == 6
    capsys.readouterr()
    assert build(library) == ExitStatus.DONE
    assert reads == [] and rewritten(before, library) == set()
    assert "Built 0 files (6 already up to date) from 3 leaflets" in capsys.readouterr().err


def test_changing_one_leaflet_rebuilds_only_its_outputs(library, reads):
    before = first_build(library, reads)
    write(library, "scan.md", TEXT["scan.md"] + "\nPhone us if you have a question.\n")
    assert build(library) == ExitStatus.DONE
    assert reads == ["scan.md"] and rewritten(before, library) == {"scan"}
    assert "Phone us" in (library.parent / "out" / "scan" / "scan.standard.html").read_text()


def test_a_changed_glossary_word_rebuilds_only_the_leaflets_that_use_it(library, reads):
    before = first_build(library, reads)
    (library / "glossary.yaml").write_text(GLOSSARY.replace("from your body", "of your body"))
    assert build(library) == ExitStatus.DONE
    assert reads == ["biopsy.md"] and rewritten(before, library) == {"biopsy"}
    assert "sample of your body" in (library.parent / "out" / "biopsy" / "biopsy.standard.html").read_text()


def test_a_glossary_word_behind_a_markdown_escape_is_still_found(library, reads):
    before = first_build(library, reads)
    (library / "glossary.yaml").write_text(GLOSSARY.replace("A picture of", "A photograph of"))
    assert build(library) == ExitStatus.DONE
    assert reads == ["x-ray.md"] and rewritten(before, library) == {"x-ray"}
    assert "A photograph of" in (library.parent / "out" / "x-ray" / "x-ray.standard.html").read_text()


def test_a_new_glossary_word_rebuilds_the_leaflets_that_use_it_and_no_other(library, reads):
    before = first_build(library, reads)
    (library / "glossary.yaml").write_text(GLOSSARY + "letter: What we send you by post.\n")
    assert build(library) == ExitStatus.DONE
    assert sorted(reads) == ["scan.md", "x-ray.md"] and rewritten(before, library) == {"scan", "x-ray"}
    assert "What we send you by post" in (library.parent / "out" / "scan" / "scan.standard.html").read_text()
    reads.clear()
    (library / "glossary.yaml").write_text(GLOSSARY + "letter: What we send you by post.\nknife: A blade.\n")
    assert build(library) == ExitStatus.DONE
    assert reads == []


def test_a_changed_picture_rebuilds_the_leaflet_that_shows_it(library, reads):
    before = first_build(library, reads)
    (library / "dot.svg").write_text(DOT.replace('r="4"', 'r="3"'))
    assert build(library) == ExitStatus.DONE
    assert reads == ["scan.md"] and rewritten(before, library) == {"scan"}


def test_a_leaflet_whose_review_falls_due_is_checked_again(library, reads, monkeypatch, capsys):
    before = first_build(library, reads)
    monkeypatch.setattr(exporters.build, "today", lambda: date(2028, 8, 1))
    capsys.readouterr()
    assert build(library) == ExitStatus.DONE  # within three months of the review: a warning
    assert sorted(reads) == sorted(TEXT) and rewritten(before, library) == set()
    assert capsys.readouterr().err.count("is due for review on 01 October 2028") == 3
    reads.clear()
    assert build(library) == ExitStatus.DONE
    assert reads == []
    monkeypatch.setattr(exporters.build, "today", lambda: date(2028, 10, 2))
    assert build(library) == ExitStatus.CHECKS_FAILED
    assert sorted(reads) == sorted(TEXT) and "that date has passed" in capsys.readouterr().err


@pytest.mark.parametrize("due", [date(2028, 3, 31), date(2028, 10, 1), date(2029, 2, 28), date(2028, 12, 31)])
def test_the_day_to_check_again_is_the_first_day_the_check_finds_something_else(tmp_path, due):
    document = read(write(tmp_path, "leaflet.md", TEXT["biopsy.md"], next_review=due.isoformat()))
    settings = load_project_settings(tmp_path)

    def review_findings(day: date) -> list[str]:
        findings = check_document(document, settings, today=day).findings
        return [finding.message for finding in findings if finding.rule == "review-date"]

    day = date(2027, 6, 1)
    changes = []
    while (again := check_again_on(document, settings, day)) is not None:
        assert review_findings(again - (again - day) // 2) == review_findings(day)
        assert review_findings(again - timedelta(days=1)) == review_findings(day)
        assert review_findings(again) != review_findings(day)
        changes.append(again)
        day = again
    assert len(changes) == 2 and changes[-1] == due + timedelta(days=1)


def test_a_leaflet_the_check_refused_is_not_taken_as_checked(library, reads, capsys):
    overdue = write(library, "scan.md", TEXT["scan.md"], next_review="2026-12-31")
    assert build(library, "--no-check") == ExitStatus.DONE
    reads.clear()
    capsys.readouterr()
    assert build(library) == ExitStatus.CHECKS_FAILED
    assert reads == ["scan.md"]
    assert f"{overdue} was not built" in capsys.readouterr().err
    before = files(library)
    reads.clear()
    assert build(library, "--no-check") == ExitStatus.DONE
    assert reads == ["scan.md"] and rewritten(before, library) == set()


def test_options_layouts_and_a_new_program_rebuild(library, reads, monkeypatch, tmp_path):
    before = first_build(library, reads)
    assert build(library, "--variant", "large-print", "--font-size", "20") == ExitStatus.DONE
    after = files(library)
    large_print = {f"{slug}/{slug}.large-print.html" for slug in SLUGS}
    assert {name for name in after if after[name] != before[name]} == large_print

    layouts = tmp_path / "layouts"
    shutil.copytree(LAYOUTS, layouts)
    monkeypatch.setattr(exporters.build, "layout_settings",
                        lambda *options: replace(layout_settings(*options), layouts=layouts))  # fmt: skip
    assert build(library) == ExitStatus.DONE
    before = files(library)
    assert build(library) == ExitStatus.DONE and rewritten(before, library) == set()
    with (layouts / "html" / "leaflet.css").open("a") as stylesheet:
        stylesheet.write("\n/* a new rule */\n")
    assert build(library) == ExitStatus.DONE and rewritten(before, library) == SLUGS

    before = files(library)
    digest = exporters.build.incremental._folder_digest  # a new version of the program: its files differ
    new_program = exporters.build.incremental.PACKAGE
    monkeypatch.setattr(exporters.build.incremental, "_folder_digest",
                        lambda folder: "0.2" if folder == new_program else digest(folder))  # fmt: skip
    reads.clear()
    assert build(library) == ExitStatus.DONE
    assert sorted(reads) == sorted(TEXT) and rewritten(before, library) == SLUGS


def test_force_rebuilds_everything(library, reads):
    before = first_build(library, reads)
    assert build(library, "--force") == ExitStatus.DONE
    assert sorted(reads) == sorted(TEXT) and rewritten(before, library) == SLUGS


def test_a_new_leaflet_that_takes_the_slug_of_an_unchanged_one_is_refused_in_order(library, reads, capsys):
    first_build(library, reads)
    scan = (library / "scan.md").read_text(encoding="utf-8")
    (library / "a-scan.md").write_text(scan.replace("title:", "slug: scan\ntitle:"), encoding="utf-8")
    capsys.readouterr()
    assert build(library) == ExitStatus.BAD_INPUT  # the first in order keeps the slug, as always
    assert f"{library / 'scan.md'}:" in capsys.readouterr().err
    assert reads == ["a-scan.md", "scan.md"]


def test_the_build_in_worker_processes_gives_the_same_files(library, reads):
    assert build(library, out="one", jobs="1") == ExitStatus.DONE
    assert build(library, out="two", jobs="2") == ExitStatus.DONE
    outs = ("one", "two")
    one, two = ({p.name: p.read_bytes() for p in (library.parent / out).glob("*/*.html")} for out in outs)
    assert one == two and len(one) == 6
