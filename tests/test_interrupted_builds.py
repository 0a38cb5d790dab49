"""A build killed at any moment leaves each output whole (old or new), and the next build recovers."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import PROJECT_ROOT, write_leaflet

LEAFLETS = 6
KILLS = 8


def build_command(source: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "exporters", "build", str(source), "--out", str(out), "--format", "html"]


def write_library(folder: Path, version: str) -> None:
    for number in range(LEAFLETS):
        write_leaflet(
            folder, f"This is version {version} of leaflet {number}.\n" * 200, name=f"leaflet-{number}.md"
        )


def complete_outputs(source: Path, version: str, out: Path) -> dict[str, bytes]:
    write_library(source, version)
    subprocess.run(build_command(source, out), check=True, cwd=PROJECT_ROOT, capture_output=True)
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*.html")}


def test_killed_builds_never_leave_a_broken_output(tmp_path):
    source, out = tmp_path / "source", tmp_path / "out"
    source.mkdir()
    versions = {v: complete_outputs(source, v, tmp_path / f"reference-{v}") for v in ("one", "two")}
    complete_outputs(source, "one", out)
    chooser = random.Random(1605)
    for attempt in range(KILLS):
        write_library(source, "two" if attempt % 2 == 0 else "one")
        process = subprocess.Popen(
            build_command(source, out), cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(chooser.uniform(0.2, 1.2))
        process.send_signal(signal.SIGKILL)
        process.wait()
        for path in out.rglob("*.html"):
            key = path.relative_to(out).as_posix()
            assert path.read_bytes() in (versions["one"][key], versions["two"][key]), f"{key} is broken"
    write_library(source, "two")
    subprocess.run(build_command(source, out), check=True, cwd=PROJECT_ROOT, capture_output=True)
    assert {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*.html")} == versions["two"]
    assert list(out.rglob("*.part")) == []


def test_two_builds_at_once_do_not_corrupt_each_other(tmp_path):
    source, out = tmp_path / "source", tmp_path / "out"
    source.mkdir()
    expected = complete_outputs(source, "one", tmp_path / "reference")
    processes = [
        subprocess.Popen(build_command(source, out), cwd=PROJECT_ROOT, stderr=subprocess.PIPE)
        for _ in range(3)
    ]
    for process in processes:
        _, errors = process.communicate(timeout=120)
        assert process.returncode == 0, errors.decode()
    assert {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*.html")} == expected
    assert list(out.rglob("*.part")) == []
