"""`leaflet build --scheduler`: the outputs made on a real Dask cluster on this computer.

A scheduler and two workers (`dask scheduler`, `dask worker --nthreads 1`) are started for this
module on free ports of 127.0.0.1. The workers share this disk, so a preload (cluster_preload.py)
records every file they open under the leaflets' folder, layouts/ and Health Icons: it must stay
empty, because a worker is sent the documents and the layouts it needs. The tests run in order:
a build whose files are byte for byte those of a build on this computer; a build that loses one
worker part way and still finishes (Dask gives its work to the other); a build whose scheduler
stops part way, which ends with a message and exit code 2 and keeps only whole files; and a build
with no scheduler to answer. No Dask process outlives the module.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import psutil
import pytest

from exporters.readers.pictures import healthicons_folder
from tests.conftest import PROJECT_ROOT, write_leaflet

LEAFLETS = 20
FORMATS = "html,epub,brf,docx,pdf,audio"
MADE = LEAFLETS * len(FORMATS.split(","))
BIN = Path(sys.executable).parent
START_SECONDS = 60
PICTURE = """<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" viewBox="0 0 40 40">
<circle cx="20" cy="20" r="15" fill="#005eb8"/></svg>"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def write_library(folder: Path) -> Path:
    """Twenty small leaflets that use the shared glossary, a picture of their own and a Health Icon."""
    (folder / "pictures").mkdir(parents=True)
    (folder / "pictures" / "spot.svg").write_text(PICTURE, encoding="utf-8")
    (folder / "glossary.yaml").write_text("sample: A small amount of blood, taken to be tested.\n", encoding="utf-8")
    for number in range(LEAFLETS):
        body = (f"## What happens\n\nLeaflet {number}: a nurse takes a sample from your arm.\n\n"
                "![A blue spot](pictures/spot.svg)\n\n## Afterwards\n\n![A doctor](icon:doctor)\n\n"
                + "You can go home straight away. " * (1 + number % 3) + "\n")  # fmt: skip
        write_leaflet(folder, body, name=f"leaflet-{number:02d}.md")
    return folder


def build(source: Path, out: Path, *extra: str, formats: str = FORMATS) -> subprocess.Popen:
    """The build, run from the leaflets' parent folder and naming them relative to it (as an
    officer would type it: a worker, in another folder, must not be thrown by that)."""
    command = [str(BIN / "leaflet"), "build", source.name, "--out", str(out), "--format", formats,
               "--variant", "standard", *extra]  # fmt: skip
    return subprocess.Popen(command, cwd=source.parent, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def errors_of(process: subprocess.Popen, timeout: float) -> str:
    """The build's error stream once it has ended; a build still running after `timeout` is
    killed (so that a hung build fails its test and outlives nothing)."""
    try:
        return process.communicate(timeout=timeout)[1]
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        raise


def files_of(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*")
            if p.is_file() and ".leaflet-cache" not in p.parts}  # fmt: skip


def wait_for_first_output(out: Path, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_SECONDS
    while not any(out.rglob("*.html")) and time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()
        time.sleep(0.02)


def dask_processes(port: int) -> list[str]:
    """What pgrep finds of this module's scheduler and workers (all name its port)."""
    found = subprocess.run(["pgrep", "-f", f"127.0.0.1:{port}"], capture_output=True, text=True)
    return found.stdout.split()


class Cluster:
    def __init__(self, folder: Path, watched: list[Path]) -> None:
        self.port = free_port()
        self.address = f"tcp://127.0.0.1:{self.port}"
        self.opened = folder / "opened.log"
        self.opened.touch()
        environment = dict(os.environ, LEAFLET_WATCHED=os.pathsep.join(map(str, watched)),
                           LEAFLET_OPENED_LOG=str(self.opened))  # fmt: skip
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "cwd": folder}
        self.scheduler = subprocess.Popen([str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port",
                                           str(self.port), "--no-dashboard"], **quiet)  # fmt: skip
        self.workers = [
            subprocess.Popen([str(BIN / "dask"), "worker", self.address, "--nthreads", "1", "--no-nanny",
                              "--no-dashboard", "--name", f"worker-{number}", "--local-directory",
                              str(folder / f"worker-{number}"), "--preload", str(PROJECT_ROOT / "tests" / "cluster_preload.py")],
                             env=environment, **quiet)  # fmt: skip
            for number in range(2)
        ]

    def wait_until_ready(self) -> None:
        from distributed import Client

        with Client(self.address, timeout=START_SECONDS, set_as_default=False) as client:
            client.wait_for_workers(2, timeout=START_SECONDS)
            # The recorder works: a file a worker opens under a watched folder is in the log.
            client.run(lambda: open(PROJECT_ROOT / "layouts" / "html" / "leaflet.css").close())
        assert "layouts/html/leaflet.css" in self.opened.read_text(encoding="utf-8")
        self.opened.write_text("", encoding="utf-8")

    def stop(self) -> None:
        for process in [*self.workers, self.scheduler]:
            if process.poll() is None:
                process.kill()
            process.wait(timeout=30)


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cluster")
    source = write_library(folder / "source")
    local = build(source, folder / "local", "--jobs", "2")
    errors = errors_of(local, 300)
    assert local.returncode == 0, errors
    return source, files_of(folder / "local")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory, library):
    folder = tmp_path_factory.mktemp("dask")
    source, _ = library
    started = Cluster(folder, [source, PROJECT_ROOT / "layouts", healthicons_folder()])
    try:
        started.wait_until_ready()
        yield started
    finally:
        started.stop()
        assert dask_processes(started.port) == [], "a Dask process outlived the tests"


def test_a_build_on_the_cluster_makes_the_same_bytes_and_reads_nothing_from_the_shared_disk(tmp_path, library, cluster):
    source, expected = library
    finished = build(source, tmp_path / "out", "--scheduler", cluster.address)
    errors = errors_of(finished, 300)
    assert finished.returncode == 0, errors
    made = files_of(tmp_path / "out")
    assert len(made) == MADE and made == expected
    assert cluster.opened.read_text(encoding="utf-8") == ""
    assert f"Built {MADE} files from {LEAFLETS} leaflets" in errors


def test_a_worker_killed_part_way_leaves_its_work_to_the_other(tmp_path, library, cluster):
    source, expected = library
    out = tmp_path / "out"
    running = build(source, out, "--scheduler", cluster.address)
    wait_for_first_output(out, running)
    cluster.workers[0].send_signal(signal.SIGKILL)
    errors = errors_of(running, 300)
    assert cluster.workers[0].wait(timeout=30) == -signal.SIGKILL
    assert running.returncode == 0, errors
    assert files_of(out) == expected


def test_a_scheduler_that_stops_part_way_ends_the_build_with_a_message(tmp_path, library, cluster):
    source, expected = library
    out = tmp_path / "out"
    running = build(source, out, "--scheduler", cluster.address)
    wait_for_first_output(out, running)
    cluster.scheduler.send_signal(signal.SIGTERM)
    errors = errors_of(running, 120)
    assert running.returncode == 2, errors
    assert f"The Dask scheduler at {cluster.address} stopped answering during the build" in errors
    assert "Traceback" not in errors
    made = files_of(out)
    assert 0 < len(made) < MADE and all(expected[name] == data for name, data in made.items())
    assert list(out.rglob("*.part")) == []


def test_a_build_with_no_scheduler_to_answer_says_so(tmp_path, library, cluster):
    source, _ = library
    cluster.scheduler.wait(timeout=30)  # stopped by the test before
    finished = build(source, tmp_path / "out", "--scheduler", cluster.address)
    errors = errors_of(finished, 120)
    assert finished.returncode == 2
    assert f"No Dask scheduler answered at {cluster.address}" in errors and "Traceback" not in errors
    assert not (tmp_path / "out").exists() or files_of(tmp_path / "out") == {}


@contextmanager
def daemon_worker_cluster(folder: Path):
    """A scheduler and one worker started as Dask starts them by default: by a nanny, as a daemon
    process. Stopped (the nanny with SIGTERM, so that it stops its worker) when the block ends."""
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "cwd": folder}
    scheduler = subprocess.Popen([str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                  "--no-dashboard"], **quiet)  # fmt: skip
    nanny = subprocess.Popen([str(BIN / "dask"), "worker", address, "--nthreads", "1", "--no-dashboard",
                              "--local-directory", str(folder / "worker")], **quiet)  # fmt: skip
    try:
        from distributed import Client

        with Client(address, timeout=START_SECONDS, set_as_default=False) as client:
            client.wait_for_workers(1, timeout=START_SECONDS)
        workers = psutil.Process(nanny.pid).children(recursive=True)
        yield address
    finally:
        nanny.terminate()
        nanny.wait(timeout=60)
        scheduler.kill()
        scheduler.wait(timeout=30)
    _, alive = psutil.wait_procs(workers, timeout=30)  # a worker ends a moment after its nanny
    for worker in alive:
        worker.kill()
    assert alive == [], "a Dask worker outlived its nanny"


def test_a_spoken_format_on_a_daemon_worker_says_how_to_start_the_workers(tmp_path, library):
    source, expected = library
    (tmp_path / "dask").mkdir()
    with daemon_worker_cluster(tmp_path / "dask") as address:
        finished = build(source, tmp_path / "out", "--scheduler", address, formats="html,audio")
        errors = errors_of(finished, 300)
    assert finished.returncode == 2, errors
    assert "DASK_DISTRIBUTED__WORKER__DAEMON=False" in errors and "Traceback" not in errors
    made = files_of(tmp_path / "out")
    assert sorted(made) == sorted(name for name in expected if name.endswith(".html"))
    assert all(expected[name] == data for name, data in made.items())
