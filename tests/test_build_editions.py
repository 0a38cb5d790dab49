"""`leaflet build` and its editions: --font-size names the edition it resizes, and outputs the build
no longer makes (easy read, once a leaflet has lost its easy-read text) are removed, with a word."""

from __future__ import annotations

from docx import Document as WordDocument

from exporters.cli import ExitStatus, main
from tests.conftest import write_leaflet

FRONT_MATTER = """\
title: Having a blood test
organisation: {name: Northfield Test Service, phone: 01632 960000}
reviewed: 2026-01-01
next_review: 2028-01-01
references: [NHS website]
"""
EASY_READ = "\n::: easy-read\n- ![A nurse](icon:nurse) The nurse takes some blood.\n:::\n"


def body_size(path) -> float:
    return WordDocument(str(path)).styles["Normal"].font.size.pt


def test_font_size_names_the_edition_it_resizes(tmp_path):
    source = write_leaflet(tmp_path, "We take some blood from your arm.\n", FRONT_MATTER)
    out = tmp_path / "out"
    code = main(["build", str(source), "--out", str(out), "--format", "docx", "--font-size", "large-print=24"])
    assert code == ExitStatus.DONE
    assert body_size(out / "blood-test" / "blood-test.large-print.docx") == 24
    assert body_size(out / "blood-test" / "blood-test.standard.docx") == 14  # clear print as it was


def test_a_plain_font_size_is_for_a_build_of_one_edition(tmp_path, capsys):
    source = write_leaflet(tmp_path, "We take some blood from your arm.\n", FRONT_MATTER)
    out = tmp_path / "out"
    assert main(["build", str(source), "--out", str(out), "--format", "docx", "--font-size", "24"]) == (
        ExitStatus.BAD_INPUT)  # fmt: skip
    said = capsys.readouterr().err
    assert "--font-size large-print=24" in said and not out.exists()
    one = ["build", str(source), "--out", str(out), "--format", "docx", "--variant", "large-print"]
    assert main([*one, "--font-size", "24"]) == ExitStatus.DONE
    assert body_size(out / "blood-test" / "blood-test.large-print.docx") == 24


def test_outputs_the_build_no_longer_makes_are_removed_with_a_word(tmp_path, capsys):
    text = "We take some blood from your arm.\n"
    source = write_leaflet(tmp_path, "## The test\n\n" + text + EASY_READ, FRONT_MATTER)
    out = tmp_path / "out"
    assert main(["build", str(source), "--out", str(out), "--format", "html"]) == ExitStatus.DONE
    easy = out / "blood-test" / "blood-test.easy-read.html"
    assert easy.is_file()
    write_leaflet(tmp_path, "## The test\n\n" + text, FRONT_MATTER)
    capsys.readouterr()
    assert main(["build", str(source), "--out", str(out), "--format", "html"]) == ExitStatus.DONE
    assert not easy.exists()
    assert (out / "blood-test" / "blood-test.large-print.html").is_file()
    assert f"Removed {easy}: the leaflet has no easy-read text any more." in capsys.readouterr().err
