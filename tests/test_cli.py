"""The `leaflet` command, called in-process: exit codes, output paths, safe and repeatable writes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from exporters.cli import ExitStatus, main
from tests.conftest import PROJECT_ROOT, write_leaflet

SOMEONE_ELSES = PROJECT_ROOT / "tests" / "fixtures" / "someone-else"


def html_build(*paths: Path, out: Path, extra: tuple[str, ...] = ()) -> int:
    return main(["build", *map(str, paths), "--out", str(out), "--format", "html", *extra])


def test_build_writes_the_contracted_paths(tmp_path):
    assert html_build(SOMEONE_ELSES, out=tmp_path) == ExitStatus.DONE
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.html")) == [
        "flu-vaccine/flu-vaccine.large-print.html",
        "flu-vaccine/flu-vaccine.standard.html",
    ]


def test_two_builds_give_identical_bytes(tmp_path):
    html_build(SOMEONE_ELSES, out=tmp_path / "one")
    html_build(SOMEONE_ELSES, out=tmp_path / "two")
    outputs = [p for p in (tmp_path / "one").rglob("*.html")]
    assert len(outputs) == 2
    for first in outputs:
        assert first.read_bytes() == (tmp_path / "two" / first.relative_to(tmp_path / "one")).read_bytes()


def test_bad_input_exits_2_names_file_and_line_and_keeps_earlier_outputs(tmp_path, capsys):
    source = write_leaflet(tmp_path, "Some text.\n")
    out = tmp_path / "out"
    assert html_build(source, out=out, extra=("--variant", "standard")) == ExitStatus.DONE
    good = (out / "blood-test" / "blood-test.standard.html").read_bytes()

    write_leaflet(tmp_path, "Some text.\n\n![A chart](https://example.org/chart.png)\n")
    capsys.readouterr()
    assert html_build(source, out=out, extra=("--variant", "standard")) == ExitStatus.BAD_INPUT
    message = capsys.readouterr().err
    assert f"{source}:11:" in message and "offline" in message and "What to do:" in message
    assert (out / "blood-test" / "blood-test.standard.html").read_bytes() == good
    assert [p.name for p in (out / "blood-test").iterdir()] == ["blood-test.standard.html"]


def test_one_bad_leaflet_does_not_stop_the_others(tmp_path):
    write_leaflet(tmp_path, "Fine.\n", name="good.md")
    write_leaflet(tmp_path, "::: unknown\nx\n:::\n", name="bad.md")
    assert html_build(tmp_path, out=tmp_path / "out") == ExitStatus.BAD_INPUT
    assert (tmp_path / "out" / "good" / "good.standard.html").is_file()
    assert not (tmp_path / "out" / "bad").exists()


@pytest.mark.parametrize(
    "arguments",
    [
        ["build", "--format", "braille"],
        ["build", "--variant", "giant-print"],
        ["build", "--format", "html", "--variant", "large-print", "--font-size", "12"],
        ["build", "no-such-folder"],
        ["build", "--paper", "a3"],
        ["frobnicate"],
    ],
)
def test_usage_mistakes_exit_2(arguments, capsys):
    assert main(arguments) == ExitStatus.BAD_INPUT
    assert capsys.readouterr().err


def test_help_exits_0(capsys):
    assert main(["--help"]) == ExitStatus.DONE
    assert "build" in capsys.readouterr().out
    assert main(["build", "--help"]) == ExitStatus.DONE


def test_new_writes_a_leaflet_that_builds(tmp_path):
    assert main(["new", "hand-washing", "--source", str(tmp_path / "source")]) == ExitStatus.DONE
    written = tmp_path / "source" / "hand-washing.md"
    assert written.read_text(encoding="utf-8").startswith("---\ntitle: Hand washing\n")
    assert html_build(written, out=tmp_path / "out") == ExitStatus.DONE
    assert main(["new", "hand-washing", "--source", str(tmp_path / "source")]) == ExitStatus.BAD_INPUT


def test_a_failed_write_leaves_no_partial_file(tmp_path, monkeypatch, capsys):
    from exporters.formats import html

    source = write_leaflet(tmp_path, "Text.\n")

    def broken_write(document, settings, target):
        target.write_text("half a page")
        raise OSError("disk full")

    monkeypatch.setattr(html, "write", broken_write)
    assert html_build(source, out=tmp_path / "out") == ExitStatus.BAD_INPUT
    assert "disk full" in capsys.readouterr().err
    assert os.listdir(tmp_path / "out" / "blood-test") == []


def test_a_missing_system_library_is_named_with_the_command_that_installs_it(tmp_path, monkeypatch, capsys):
    import importlib

    real_import = importlib.import_module

    def no_pango(name, *args):
        if name == "exporters.formats.html":
            raise OSError("cannot load library 'libpango-1.0-0': not found")
        return real_import(name, *args)

    monkeypatch.setattr(importlib, "import_module", no_pango)
    source = write_leaflet(tmp_path, "Text.\n")
    assert html_build(source, out=tmp_path / "out") == ExitStatus.BAD_INPUT
    message = capsys.readouterr().err
    assert "libpango-1.0-0" in message and "apt-get install" in message


def test_parallel_workers_leave_no_temporary_folders(tmp_path, monkeypatch):
    """WeasyPrint's font folders go to a temporary folder of this test's own, so that another
    program printing on the same computer cannot make the test pass or fail."""
    import tempfile

    private = tmp_path / "tmp"
    private.mkdir()
    monkeypatch.setenv("TMPDIR", str(private))
    monkeypatch.setattr(tempfile, "tempdir", None)  # read TMPDIR again, here and in the forked workers
    arguments = ["build", str(SOMEONE_ELSES), "--out", str(tmp_path / "out"), "--format", "pdf", "--jobs", "2"]
    assert main(arguments) == ExitStatus.DONE
    assert len(list((tmp_path / "out").rglob("*.pdf"))) == 2
    assert tempfile.gettempdir() == str(private)
    assert not list(private.glob("weasyprint-*"))
