"""No `leaflet` process outlives its build: normal end, exit 2, Ctrl-C, SIGTERM, kill -9.

Each build runs in a child process with two workers on small leaflets (HTML only: the point is
the processes, not the format). The workers are found by their parent's process id while the
build runs, and looked for again after it ended. A worker that has died but that nobody has
collected yet (a zombie, whose parent is gone) holds no memory and does nothing: it counts as
ended. Part files are what an interrupted output leaves; none may stay behind.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT, write_leaflet

LEAFLETS = 24
WAIT_SECONDS = 60


def write_library(folder: Path, bad: bool = False, leaflets: int = LEAFLETS) -> Path:
    folder.mkdir()
    for number in range(leaflets):
        write_leaflet(folder, f"## What happens\n\nLeaflet {number}: a nurse takes some blood.\n" * 20,
                      name=f"leaflet-{number}.md")  # fmt: skip
    if bad:
        write_leaflet(folder, "![A chart](https://example.org/chart.png)\n", name="bad.md")
    return folder


def start_build(source: Path, out: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "exporters", "build", str(source), "--out", str(out),
               "--format", "html", "--jobs", "2", "--force"]  # fmt: skip
    return subprocess.Popen(command, cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def children_of(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text(encoding="ascii").rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    """Running or sleeping: not gone, and not a zombie."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def workers_while_building(build: subprocess.Popen, out: Path) -> list[int]:
    """The two workers, once the build is under way (its first output is written)."""
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        workers = children_of(build.pid)
        if len(workers) >= 2 and any(out.rglob("*.html")):
            return workers
        assert build.poll() is None, build.communicate()
        time.sleep(0.01)
    raise AssertionError("the build never started its workers")


def still_running(workers: list[int]) -> list[int]:
    deadline = time.monotonic() + 5  # the kernel's signal to an orphan takes a moment
    while time.monotonic() < deadline and any(map(alive, workers)):
        time.sleep(0.05)
    return [worker for worker in workers if alive(worker)]


@pytest.mark.parametrize("bad", [False, True], ids=["normal end", "exit 2"])
def test_workers_end_with_a_build_that_ends(tmp_path, bad):
    out = tmp_path / "out"
    build = start_build(write_library(tmp_path / "source", bad, leaflets=8), out)
    workers = workers_while_building(build, out)
    _, errors = build.communicate(timeout=WAIT_SECONDS)
    assert build.returncode == (2 if bad else 0), errors
    assert still_running(workers) == [] and list(out.rglob("*.part")) == []


@pytest.mark.parametrize(("stop", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)], ids=["Ctrl-C", "SIGTERM"])
def test_a_stopped_build_stops_its_workers_and_leaves_no_part_files(tmp_path, stop, code):
    out = tmp_path / "out"
    build = start_build(write_library(tmp_path / "source"), out)
    workers = workers_while_building(build, out)
    build.send_signal(stop)
    _, errors = build.communicate(timeout=WAIT_SECONDS)
    assert build.returncode == code and errors.rstrip().endswith("Stopped.") and "Traceback" not in errors
    assert still_running(workers) == []
    assert list(out.rglob("*.part")) == []
    assert len(list(out.rglob("*.html"))) < 2 * LEAFLETS  # it really was stopped part way


def test_workers_of_a_killed_build_die_with_it_and_the_next_build_tidies_up(tmp_path):
    source, out = write_library(tmp_path / "source"), tmp_path / "out"
    build = start_build(source, out)
    workers = workers_while_building(build, out)
    build.kill()
    build.communicate(timeout=WAIT_SECONDS)
    assert still_running(workers) == []
    again = start_build(source, out)
    _, errors = again.communicate(timeout=WAIT_SECONDS)
    assert again.returncode == 0, errors
    assert list(out.rglob("*.part")) == [] and len(list(out.rglob("*.html"))) == 2 * LEAFLETS


def test_ctrl_c_in_a_one_process_build_says_stopped(tmp_path):
    out = tmp_path / "out"
    command = [sys.executable, "-m", "exporters", "build", str(write_library(tmp_path / "source")),
               "--out", str(out), "--format", "html", "--jobs", "1"]  # fmt: skip
    build = subprocess.Popen(command, cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + WAIT_SECONDS
    while not any(out.rglob("*.html")) and time.monotonic() < deadline:
        time.sleep(0.01)
    build.send_signal(signal.SIGINT)
    _, errors = build.communicate(timeout=WAIT_SECONDS)
    assert build.returncode == 130 and errors.rstrip().endswith("Stopped.") and "Traceback" not in errors
    assert list(out.rglob("*.part")) == []
