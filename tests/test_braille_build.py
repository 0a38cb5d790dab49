"""Braille in `leaflet build`: made by default, its options reach the braille files alone, bad
options and a computer without liblouis are told what to do (exit 2)."""

from __future__ import annotations

import importlib
import sys

import pytest

from exporters.build import plan
from exporters.cli import ExitStatus, main
from tests.conftest import PROJECT_ROOT, write_leaflet

FLU = PROJECT_ROOT / "tests" / "fixtures" / "someone-else" / "flu-vaccine.md"


def test_braille_is_built_by_default_in_both_files_and_both_editions():
    pairs = plan((), ())
    for pair in [("brf", "standard"), ("pef", "standard"), ("brf", "easy-read"), ("pef", "easy-read")]:
        assert pair in pairs


def test_braille_options_rebuild_the_braille_files_and_nothing_else(tmp_path, capsys):
    out = tmp_path / "out"
    arguments = ["build", str(FLU), "--out", str(out), "--format", "html,brf,pef", "--jobs", "1"]
    assert main(arguments) == ExitStatus.DONE
    files = {name: out / "flu-vaccine" / f"flu-vaccine.standard.{name}" for name in ("html", "brf", "pef")}
    before = {name: (path.stat().st_mtime_ns, path.read_bytes()) for name, path in files.items()}
    assert main([*arguments, "--braille-grade", "1", "--braille-page", "32x27"]) == ExitStatus.DONE
    after = {name: (path.stat().st_mtime_ns, path.read_bytes()) for name, path in files.items()}
    assert after["html"] == before["html"]
    assert after["brf"][1] != before["brf"][1] and after["pef"][1] != before["pef"][1]
    assert 'cols="32" rows="27"' in after["pef"][1].decode("utf-8")
    assert "uncontracted (grade 1)" in after["pef"][1].decode("utf-8")


@pytest.mark.parametrize(
    ("option", "words"),
    [(["--braille-page", "10x5"], "cannot be made"), (["--braille-page", "forty"], "CELLSxLINES"),
     (["--braille-grade", "3"], "invalid choice")],
)  # fmt: skip
def test_a_bad_braille_option_is_refused_with_exit_2(tmp_path, capsys, option, words):
    source = write_leaflet(tmp_path, "Some text.\n")
    arguments = ["build", str(source), "--out", str(tmp_path / "out"), "--format", "brf", *option]
    assert main(arguments) == ExitStatus.BAD_INPUT
    assert words in capsys.readouterr().err


def test_without_liblouis_the_build_names_the_debian_packages_and_exits_2(tmp_path, monkeypatch, capsys):
    for name in [name for name in sys.modules if name.startswith("exporters.formats.braille")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "louis", None)  # as on a computer without python3-louis
    with pytest.raises(ImportError):
        importlib.import_module("louis")
    source = write_leaflet(tmp_path, "Some text.\n")
    arguments = ["build", str(source), "--out", str(tmp_path / "out"), "--format", "html,pef", "--jobs", "1"]
    assert main(arguments) == ExitStatus.BAD_INPUT
    message = capsys.readouterr().err
    assert "apt-get install liblouis-bin liblouis-data python3-louis" in message
    assert not (tmp_path / "out" / "blood-test" / "blood-test.standard.pef").exists()
