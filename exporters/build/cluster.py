"""Building on a Dask cluster: `leaflet build --scheduler tcp://HOST:PORT`.

This computer still finds, reads and checks the leaflets, keeps the incremental records and writes
every output; the cluster's workers only make the files. A worker shares no disk with this
computer: it is sent each document (its pictures travel inside it, as the reader checked them)
and, once, the layout files, which it unpacks into its own scratch folder; it sends back the bytes
(see work.py). So the workers need leaflet installed, the same version as here (a worker running
another version says so instead of building), and nothing else: no copy of the sources, the
layouts or the output folder.

The spoken formats record each file in a process of their own, which a daemon process may not
start: Dask's workers must then be started with DASK_DISTRIBUTED__WORKER__DAEMON=False, and a
worker that is a daemon says so instead of failing with Python's assertion.

Dask does the scheduling: a worker that dies has its outputs made again by another one. If the
scheduler itself goes away, the build stops with a message (exit 2); the files already written
are whole and recorded, so the next build makes only the rest.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import tempfile
import threading
from concurrent.futures import CancelledError, Future
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from ..errors import SourceError, UsageError
from ..formats import FORMATS
from ..model import Document
from .incremental import program_digest
from .work import Outcome, Output, make_output, worker_lost

CONNECT_SECONDS = 10  # how long to wait for the scheduler to answer before saying so
QUIET_LOGGERS = ("distributed", "tornado")  # their reconnection reports would bury our message
WATCH_SECONDS = 0.5  # how often the build looks whether the client gave up on the scheduler


@dataclass(frozen=True, slots=True)
class LayoutFiles:
    """The files of a layouts folder, to be unpacked on a worker that cannot read this disk."""

    digest: str
    files: tuple[tuple[str, bytes], ...]  # path inside the folder (with /), bytes

    @classmethod
    def of(cls, folder: Path) -> LayoutFiles:
        paths = sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        files = tuple((path.relative_to(folder).as_posix(), path.read_bytes()) for path in paths)
        digest = hashlib.sha256()
        for name, data in files:
            digest.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
        return cls(digest.hexdigest(), files)

    def unpack(self, root: Path) -> Path:
        """The folder under `root` that holds these files, written once (whole, or not at all)."""
        folder = root / f"layouts-{self.digest[:20]}"
        if folder.is_dir():
            return folder
        root.mkdir(parents=True, exist_ok=True)
        unpacking = Path(tempfile.mkdtemp(prefix=".layouts-", dir=root))
        for name, data in self.files:
            path = unpacking / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        try:
            unpacking.rename(folder)
        except OSError:  # another task of this worker unpacked them first
            if not folder.is_dir():
                raise
        return folder


def make_on_worker(output: Output, document: Document, layouts: LayoutFiles, program: str) -> Outcome:
    """Run on a Dask worker: make one output from what was sent, in the worker's own folder."""
    from distributed import get_worker

    if _installed_program() != program:
        problem = SourceError(
            output.source, 0, f"The Dask worker at {get_worker().address} runs another version of "
            "leaflet than this computer, so its files could differ.",
            "Install the same version of leaflet on every worker (bash .ci/setup), then build again.",
        )  # fmt: skip
        return Outcome(output, error=problem)
    if FORMATS[output.format_name].starts_processes and multiprocessing.current_process().daemon:
        return Outcome(output, error=daemon_worker(output, get_worker().address))
    scratch = Path(get_worker().local_directory) / "leaflet"
    here = replace(output, settings=replace(output.settings, layouts=layouts.unpack(scratch)))
    outcome = make_output(here, document, scratch / "parts")
    if outcome.error is not None:  # named as this computer knows the leaflet, not by its full path
        outcome.error.source = output.source
    return replace(outcome, output=output)


def daemon_worker(output: Output, address: str) -> SourceError:
    """A Dask worker started by a nanny is a daemon process, which may start no process of its
    own; the spoken formats start one for each recording (see formats/audio/espeak.py)."""
    return SourceError(
        output.source, 0, f"{output.label} could not be made: the Dask worker at {address} may not "
        "start the process that records it (Dask starts its workers as daemon processes).",
        "Start each worker with DASK_DISTRIBUTED__WORKER__DAEMON=False in its environment (or with "
        "--no-nanny), then build again.",
    )  # fmt: skip


def delivered(value: object) -> object:
    """A task that gives back what it was sent: how a document or the layouts reach the workers."""
    return value


@cache
def _installed_program() -> str:
    return program_digest()


class DaskWorkers:
    """The workers of a Dask cluster, through the client's concurrent.futures executor."""

    def __init__(self, address: str, program: str) -> None:
        from distributed import Client

        self.address = address
        self._program = program
        try:
            self.client = Client(address, timeout=CONNECT_SECONDS, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as error:
            raise UsageError(
                f"No Dask scheduler answered at {address} ({_reason(error)}). Check the address and "
                "that the scheduler is running ('dask scheduler' prints its address), or build on "
                "this computer alone without --scheduler."
            ) from None
        _quieten_dask_logs()
        self.executor = self.client.get_executor(pure=False)
        self._layouts: dict[Path, object] = {}
        self._stopping = False
        self._pending: set[Future[Outcome]] = set()
        self._lock = threading.Lock()
        self._unmade = 0  # outputs lost with the scheduler
        self._closed = threading.Event()
        threading.Thread(target=self._watch_the_scheduler, name="scheduler-watch", daemon=True).start()

    def send(self, document: Document) -> object:
        """The document goes to the cluster once, as a task of its own that each of its outputs'
        tasks depends on. (Not scattered: scattered data dies with its worker, whereas Dask runs a
        lost task again from the copy the scheduler keeps.)"""
        if self._scheduler_gone():
            return None
        # A worker has another working folder: a leaflet named relative to this one's would not
        # be found there (its pictures are named by full paths already).
        whole = replace(document, source=document.source.absolute())
        return self.client.submit(delivered, whole, pure=False)

    def submit(self, output: Output, document: object) -> Future[Outcome]:
        if self._scheduler_gone():
            return _cancelled()
        folder = output.settings.layouts
        if folder not in self._layouts:
            self._layouts[folder] = self.client.submit(delivered, LayoutFiles.of(folder), pure=False)
        future = self.executor.submit(make_on_worker, output, document, self._layouts[folder], self._program)
        with self._lock:
            self._pending.add(future)
        future.add_done_callback(self._forget)
        return future

    def outcome_of(self, output: Output, future: Future[Outcome]) -> Outcome | None:
        from distributed.scheduler import KilledWorker

        if future.cancelled() and self._stopping:
            return None
        try:
            return future.result()
        except KilledWorker:  # Dask gave up after the task's workers died, one after another
            return worker_lost(output, "Build again without --scheduler to see the problem on this computer")
        except (CancelledError, OSError):  # the scheduler went away: close() says so, once
            with self._lock:
                self._unmade += 1
            return Outcome(output, error=SourceError(output.source, 0, "The Dask scheduler went away."))

    def close(self, stopped: bool) -> None:
        from distributed.client import ClosedClientError

        self._stopping = stopped
        self._closed.set()
        try:
            self.executor.shutdown(wait=not stopped and not self._unmade)
        except ClosedClientError:  # the scheduler went away: there is nothing left to cancel there
            pass
        finally:
            try:
                self.client.close(timeout=CONNECT_SECONDS)
            except (OSError, TimeoutError):  # the scheduler is gone already: nothing to close
                pass
        if self._unmade and not stopped:
            raise UsageError(
                f"The Dask scheduler at {self.address} stopped answering during the build, so "
                f"{self._unmade} output{'s were' if self._unmade != 1 else ' was'} not made. The files "
                "already made are whole and up to date. Start the scheduler again (or build without "
                "--scheduler) and build again: only what is missing is made."
            )

    def _scheduler_gone(self) -> bool:
        return self.client.status in ("closing", "closed")

    def _watch_the_scheduler(self) -> None:
        """Once the client gives up reconnecting to a scheduler that went away, Dask leaves some of
        its futures waiting for ever (those it had not yet sent); this ends them, so that the
        build can finish and say what was not made."""
        while not self._closed.wait(WATCH_SECONDS):
            if self._scheduler_gone():
                with self._lock:
                    waiting = list(self._pending)
                for future in waiting:
                    future.cancel()
                return

    def _forget(self, future: Future[Outcome]) -> None:
        with self._lock:
            self._pending.discard(future)


def _cancelled() -> Future[Outcome]:
    future: Future[Outcome] = Future()
    future.cancel()
    future.set_running_or_notify_cancel()
    return future


def _quieten_dask_logs() -> None:
    """Dask logs each failed reconnection with its traceback; the build says what happened in
    one sentence instead. (Dask sets levels on its own child loggers, so each is set here.)"""
    for name in list(logging.root.manager.loggerDict):
        if name.split(".")[0] in QUIET_LOGGERS:
            logging.getLogger(name).setLevel(logging.CRITICAL + 1)


def _reason(error: BaseException) -> str:
    return str(error).splitlines()[0] if str(error) else type(error).__name__

