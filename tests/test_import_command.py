"""`leaflet import` as an officer runs it: the report, several files at once, each refusal, nothing
half-written, and a Word file that LibreOffice saved."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from exporters.cli import ExitStatus, main
from exporters.importer import import_word
from exporters.model import Important, ListBlock, Paragraph, Picture, Table, plain_text, walk_blocks
from exporters.readers.leaflet import read

from .conftest import require_command
from .word_fixtures import not_word, weak_points_document, word_file


def run(*arguments: object) -> int:
    return main(["import", *map(str, arguments)])


def test_one_file_gets_the_whole_report_and_the_leaflet_is_written(tmp_path, capsys):
    source = word_file(tmp_path / "word", "Having a blood test")
    assert run(source, "--source", tmp_path / "leaflets") == ExitStatus.DONE
    printed = capsys.readouterr().out
    leaflet = tmp_path / "leaflets" / "having-a-blood-test.md"
    assert f"Imported {source} as {leaflet}, with 1 picture file(s) in {tmp_path / 'leaflets' / 'pictures'}." in printed
    assert "Found: 1 section, 0 lists, 0 tables, 1 picture, 0 boxes, 0 links." in printed
    assert "  - The title 'Having a blood test', from the Title style. (sure)" in printed
    assert "  - reviewed: 2026-03-01, from 'Reviewed: 1 March 2026'. (sure)" in printed
    assert f"Your to-do list is what 'leaflet check {leaflet}' reports: the check finds 1 error" in printed
    assert "review-date" in printed or "contact" in printed
    document = read(leaflet)
    assert document.meta.reviewed.isoformat() == "2026-03-01"
    assert (tmp_path / "leaflets" / "pictures" / "having-a-blood-test-1.png").is_file()
    assert main(["check", str(leaflet)]) in (ExitStatus.DONE, ExitStatus.CHECKS_FAILED)


def test_several_files_get_one_line_each(tmp_path, capsys):
    first = word_file(tmp_path / "word", "Having a blood test")
    second = word_file(tmp_path / "word", "Having an X-ray")
    assert run(first, second, "--source", tmp_path / "leaflets") == ExitStatus.DONE
    lines = capsys.readouterr().out.strip().split("\n")
    assert len(lines) == 2
    assert lines[0].startswith(f"{first} -> {tmp_path / 'leaflets' / 'having-a-blood-test.md'}: ")
    assert lines[1].startswith(f"{second} -> {tmp_path / 'leaflets' / 'having-an-x-ray.md'}: ")
    assert all("guesses" in line and "the check finds" in line for line in lines)


@pytest.mark.parametrize("kind", ["text", "spreadsheet", "old word", "password", "empty"])
def test_a_file_that_cannot_be_imported_is_refused_with_exit_2_and_nothing_written(tmp_path, capsys, kind):
    path, message = not_word(tmp_path / "word")[kind]
    assert run(path, "--source", tmp_path / "leaflets") == ExitStatus.BAD_INPUT
    error = capsys.readouterr().err
    assert error.startswith(f"leaflet: {path}: {message}") and "What to do:" in error
    assert not (tmp_path / "leaflets").exists() or not any((tmp_path / "leaflets").rglob("*"))


def test_an_existing_leaflet_is_not_replaced_without_force(tmp_path, capsys):
    source = word_file(tmp_path / "word", "Having a blood test")
    leaflets = tmp_path / "leaflets"
    assert run(source, "--source", leaflets) == ExitStatus.DONE
    target = leaflets / "having-a-blood-test.md"
    target.write_text(target.read_text(encoding="utf-8") + "\nAn officer's own change.\n", encoding="utf-8")
    edited = target.read_bytes()
    capsys.readouterr()
    assert run(source, "--source", leaflets) == ExitStatus.BAD_INPUT
    error = capsys.readouterr().err
    assert f"would replace {target}, which exists already" in error and "--force" in error
    assert target.read_bytes() == edited
    assert run(source, "--source", leaflets, "--force") == ExitStatus.DONE
    assert b"An officer's own change." not in target.read_bytes()
    assert run(source, "--source", leaflets, "--slug", "blood-test-copy") == ExitStatus.DONE
    assert (leaflets / "blood-test-copy.md").is_file() and (leaflets / "pictures" / "blood-test-copy-1.png").is_file()


def test_a_refused_file_among_several_does_not_stop_the_others(tmp_path, capsys):
    good = word_file(tmp_path / "word", "Having a blood test")
    bad, _ = not_word(tmp_path / "bad")["text"]
    assert run(bad, good, "--source", tmp_path / "leaflets") == ExitStatus.BAD_INPUT
    assert (tmp_path / "leaflets" / "having-a-blood-test.md").is_file()
    assert str(bad) in capsys.readouterr().err


def test_a_bad_slug_or_one_slug_for_several_files_is_refused(tmp_path, capsys):
    source = word_file(tmp_path / "word", "Having a blood test")
    assert run(source, "--slug", "Blood Test", "--source", tmp_path / "leaflets") == ExitStatus.BAD_INPUT
    assert run(source, source, "--slug", "blood", "--source", tmp_path / "leaflets") == ExitStatus.BAD_INPUT
    assert "--slug names one leaflet" in capsys.readouterr().err
    assert not (tmp_path / "leaflets").exists()


def test_nothing_is_left_half_written_when_the_leaflet_cannot_be_read_back(tmp_path, monkeypatch):
    source = word_file(tmp_path / "word", "Having a blood test")
    monkeypatch.setattr("exporters.importer.leaflet_text", lambda document: "no front matter\n")
    with pytest.raises(Exception, match="front matter"):
        import_word(source, tmp_path / "leaflets")
    assert [p for p in (tmp_path / "leaflets").rglob("*") if p.is_file()] == []


def test_bytes_and_a_name_give_the_report_as_data(tmp_path):
    """What a web upload calls: no file on disk, the report as values."""
    data = word_file(tmp_path / "word", "Having a blood test").read_bytes()
    report = import_word(data, tmp_path / "leaflets", name="upload from Jo.docx")
    assert report.source == Path("upload from Jo.docx")
    assert report.leaflet == tmp_path / "leaflets" / "having-a-blood-test.md"
    assert report.pictures == (tmp_path / "leaflets" / "pictures" / "having-a-blood-test-1.png",)
    assert set(report.check) == {"error", "warning", "suggestion"}
    assert report.guessed[0].what == "The title 'Having a blood test', from the Title style."


def test_a_word_file_saved_by_libreoffice_imports_with_its_weak_points_mended(tmp_path):
    """LibreOffice writes its own flavour of the format: text boxes without an old-style copy,
    its own style names, every list as direct numbering."""
    soffice = require_command("soffice", "install LibreOffice: apt-get install libreoffice-writer-nogui")
    original = tmp_path / "built" / "heart-scan.docx"
    original.parent.mkdir()
    weak_points_document().save(original)
    saved = tmp_path / "libreoffice"
    result = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "docx",
         "--outdir", str(saved), str(original)],
        capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    assert result.returncode == 0 and (saved / "heart-scan.docx").is_file(), result.stderr
    report = import_word(saved / "heart-scan.docx", tmp_path / "leaflets")
    document = read(report.leaflet)
    blocks = [b for s in document.sections for block in s.blocks for b in walk_blocks(block)]
    assert plain_text(document.title.content) == "Coming in for a heart scan"
    assert [s.title for s in document.sections if s.heading] == ["Before your scan", "How long each part takes",
                                                                   "Contact us", "Notes"]  # fmt: skip
    numbered = next(b for b in blocks if isinstance(b, ListBlock) and b.ordered)
    assert [len(item.blocks) for item in numbered.items] == [1, 2, 1]  # "List Number 2" nested under item 2
    typed = next(b for b in blocks if isinstance(b, ListBlock) and not b.ordered)
    assert [plain_text(item.blocks[0].content) for item in typed.items][-1] == "Leave jewellery at home."
    texts = [plain_text(b.content) for b in blocks if isinstance(b, Paragraph)]
    assert "Tell us if the gel feels too cold." in texts  # LibreOffice keeps no old-style copy of the box
    tables = [b for b in blocks if isinstance(b, Table)]
    assert [plain_text(c.content) for c in tables[1].header] == ["Wards for adults", "Wards for adults"]
    pictures = [b for b in blocks if isinstance(b, Picture)]
    assert pictures[0].alt == "A person lying on their side while a probe is held to their chest"
    # LibreOffice 7.4 does not keep Word's decorative mark: the picture is reported as undescribed
    assert pictures[-1].decorative or any(pictures[-1].path.name + " has no description" in lost
                                          for lost in report.lost)  # fmt: skip
    assert "uses sound waves to look at your heart.[1]" in plain_text(document.sections[0].blocks[0].content)
    assert document.meta.organisation.name == "Riverside Cardiology Service"  # the author, read from its XML
    assert (document.meta.reviewed.isoformat(), document.meta.next_review.isoformat()) == ("2026-03-01", "2029-03-01")
    assert not [b for b in blocks if isinstance(b, Important)]
    assert any("merged cells" in guess.what for guess in report.guessed)
