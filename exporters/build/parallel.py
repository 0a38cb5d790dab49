"""Building the outputs of a build (leaflet x format x variant) in parallel workers.

Each output is handed to the workers as soon as its leaflet has passed the check, the slowest
formats first, so that reading and checking overlap with building. A worker makes the file and
sends back its bytes (work.py); this process writes them atomically and records their fingerprint,
so the output folder and the incremental records are only ever written here. Outputs that are
already up to date (see incremental.py) never reach a worker.

The workers are any `concurrent.futures` executor behind a small adapter (Workers): a pool of
processes on this computer by default, or a Dask cluster (cluster.py). In the pool, a worker
imports the exporters of the build's formats as it starts, while the build reads and checks the
first leaflet, and keeps them for every later output: WeasyPrint alone takes most of a second to
import. (Measured: a one-leaflet build of PDF, Word and EPUB ends 0.4 to 0.6 s sooner than when
each worker imported a format at its first output, and a 21-leaflet build no later. Importing
every exporter there is, rather than the build's formats, was slower.)

The pool's workers never outlive the build: each asks the kernel to kill it when its parent dies
(so a build killed with kill -9 leaves none behind), and a build stopped by Ctrl-C or SIGTERM
stops its workers and removes the part files they were writing. Everything that is particular to
a pool of processes is under "The process pool" at the end.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import multiprocessing.util
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import Protocol

from ..errors import SourceError
from ..formats import FORMATS, load_exporters, release_loaded
from ..model import Document
from ..output import remove_abandoned_parts, write_atomically
from .incremental import Library, record, stamp_path
from .work import Outcome, Output, make_output, worker_lost

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
STOP_GRACE_SECONDS = 5  # how long a worker told to stop may take to tidy up before it is killed

__all__ = ["Builder", "Outcome", "Output", "Workers"]


class Workers(Protocol):
    """Where outputs are made: the pool of processes below, or a Dask cluster (cluster.py)."""

    def send(self, document: Document) -> object:
        """The document as the jobs of its outputs refer to it (sent once, not once a job)."""

    def submit(self, output: Output, document: object) -> Future[Outcome]:
        """Start making one output; may raise BrokenProcessPool when a worker has died."""

    def outcome_of(self, output: Output, future: Future[Outcome]) -> Outcome | None:
        """What a finished future means: its outcome, an error when its worker was lost, or None
        when the build stopped it."""

    def close(self, stopped: bool) -> None:
        """Wait for the work and let the workers go; `stopped`: drop the work and stop them now.
        Raises UsageError when the workers were lost along the way (a cluster that went away)."""


class Builder:
    """Takes the outputs of each leaflet in turn and builds those that are out of date.

    With one job (or one output to build at most) and no cluster, everything happens in this process.
    """

    def __init__(self, jobs: int, library: Library, force: bool, on_done: Callable[[Outcome], None],
                 workers: Workers | None = None, preload: tuple[str, ...] = ()) -> None:  # fmt: skip
        self.library = library
        self.force = force
        self._on_done = on_done
        self._outcomes: list[Outcome] = []
        self._written: list[tuple[Output, Future[Outcome]]] = []  # each output in the workers, once written
        self._folders: set[Path] = {library.records_folder}  # where part files may be left, if stopped
        if workers is None and jobs > 1:
            workers = ProcessWorkers(jobs, preload)
        self._workers = workers

    def __enter__(self) -> Builder:
        return self

    def __exit__(self, kind: type | None, error: BaseException | None, trace: TracebackType | None) -> None:
        """Wait for the workers; when the build was stopped, stop them at once. Either way no
        part file of this build is left behind."""
        try:
            if self._workers is not None:
                self._workers.close(stopped=error is not None)
        finally:
            for folder in self._folders:
                remove_abandoned_parts(folder, ours_too=error is not None)

    def add(self, outputs: Iterable[Output], document: Document, digest: str) -> None:
        """Build those outputs of one leaflet that are out of date; `digest` is its document digest."""
        wanted = []
        for output in sorted(outputs, key=lambda o: -FORMATS[o.format_name].cost):
            stamp = self.library.fingerprint(digest, output.format_name, output.settings)
            self._folders.update((output.target.parent, stamp_path(output.target).parent))
            if not self.force and self.library.is_up_to_date(output.target, stamp):
                self.up_to_date([output])
            else:
                wanted.append((output, stamp))
        if self._workers is None:
            for output, stamp in wanted:
                self._finished(self._write(make_output(output, document, output.target.parent), stamp))
            return
        sent = self._workers.send(document) if wanted else None
        for output, stamp in wanted:
            # A dead worker breaks a pool: submit raises BrokenProcessPool (see lost).
            future = self._workers.submit(output, sent)
            written: Future[Outcome] = Future()
            self._written.append((output, written))
            future.add_done_callback(partial(self._arrived, output, stamp, written))

    def lost(self, outputs: Iterable[Output]) -> None:
        """After `add` raised BrokenProcessPool (a worker died): those of the outputs that never
        reached a worker end with an error; those that did are reported by `finish`."""
        submitted = {output for output, _ in self._written}
        for output in outputs:
            if output not in submitted:
                self._finished(worker_lost(output))

    def up_to_date(self, outputs: Iterable[Output]) -> None:
        for output in outputs:
            self._finished(Outcome(output, up_to_date=True))

    def finish(self) -> list[Outcome]:
        """Wait for every output handed to the workers and written here. A worker that died
        (killed by the system when memory ran out, say) is an outcome with an error, not a crash."""
        return list(self._outcomes) + [written.result() for _, written in self._written]

    def _arrived(self, output: Output, stamp: str, written: Future[Outcome], future: Future[Outcome]) -> None:
        """Called in the workers' thread as each output ends: write it, then say so. Nothing is
        written for an output the build stopped (its future was cancelled)."""
        assert self._workers is not None
        try:
            outcome = self._workers.outcome_of(output, future)
            if outcome is not None:
                outcome = self._write(outcome, stamp)
        except BaseException as error:  # never leave `finish` waiting: it raises the error
            written.set_exception(error)
            return
        if outcome is None:
            written.cancel()
            return
        written.set_result(outcome)
        self._on_done(outcome)

    def _write(self, outcome: Outcome, stamp: str) -> Outcome:
        """Write the bytes a worker sent back, then their fingerprint (so that an interrupted
        build at worst makes this output once more)."""
        if outcome.data is None:
            return outcome
        target = outcome.output.target
        try:
            write_atomically(target, outcome.data)
            record(target, stamp)
        except OSError as error:
            problem = SourceError(
                outcome.output.source, 0, f"{target} could not be written: {error.strerror or error}.",
                f"Check that there is free space and that you may write to {outcome.output.out_dir}.",
            )  # fmt: skip
            return replace(outcome, error=problem, data=None)
        return replace(outcome, data=None)

    def _finished(self, outcome: Outcome) -> None:
        self._outcomes.append(outcome)
        self._on_done(outcome)


# The process pool ------------------------------------------------------------------------------


class ProcessWorkers:
    """Worker processes on this computer, which share its disk: a part file of a worker's output
    is written beside the output itself, where a stopped or killed build's leftovers are tidied."""

    def __init__(self, jobs: int, preload: tuple[str, ...] = ()) -> None:
        self.pool = start_workers(jobs, preload)

    def send(self, document: Document) -> object:
        return document

    def submit(self, output: Output, document: object) -> Future[Outcome]:
        return self.pool.submit(make_output, output, document, output.target.parent)

    def outcome_of(self, output: Output, future: Future[Outcome]) -> Outcome | None:
        if future.cancelled():
            return None
        try:
            return future.result()
        except BrokenProcessPool:
            return worker_lost(output)
        except WorkerStopped:  # told to stop as it worked: the build is stopping
            return None

    def close(self, stopped: bool) -> None:
        if stopped:
            stop_workers(self.pool)
        else:
            self.pool.shutdown(wait=True)


def start_workers(jobs: int, preload: tuple[str, ...] = ()) -> ProcessPoolExecutor:
    """A pool of `jobs` worker processes, started now (before any thread of ours, see fork), each
    importing the exporters of the formats in `preload` while this process reads and checks.

    The kernel kills the workers when the thread that started them ends (PR_SET_PDEATHSIG follows
    the parent thread): start the pool from a thread that lives as long as the pool does."""
    pool = ProcessPoolExecutor(jobs, _start_method(), initializer=_worker_started,
                               initargs=(os.getpid(), preload))  # fmt: skip
    pool.submit(time.perf_counter)
    return pool


def stop_workers(pool: ProcessPoolExecutor) -> None:
    """Stop every worker now: cancel what has not started, ask the workers to stop (each removes
    its part file and WeasyPrint's temporary fonts), and kill any still there after a grace."""
    in_main_thread = threading.current_thread() is threading.main_thread()
    if in_main_thread:  # a second Ctrl-C must not cut this short
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        # The pool's own processes (a private attribute: the executor offers no public way), so
        # that a program with several pools stops only this one's.
        workers = list(getattr(pool, "_processes", {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for worker in workers:
            worker.terminate()
        deadline = time.monotonic() + STOP_GRACE_SECONDS
        for worker in workers:
            worker.join(max(0.0, deadline - time.monotonic()))
            if worker.is_alive():
                worker.kill()
                worker.join()
    finally:
        if in_main_thread:
            signal.signal(signal.SIGINT, previous)


def _start_method() -> multiprocessing.context.BaseContext:
    """On Linux, fork: a worker starts in milliseconds with what this process has imported."""
    return multiprocessing.get_context("fork" if sys.platform == "linux" else None)


class WorkerStopped(SystemExit):
    """Raised in a worker told to stop (SIGTERM): every `finally` runs (the part file is removed),
    no `except Exception` of an exporter holds it up, and the worker ends without a traceback."""


def _worker_started(parent: int, preload: tuple[str, ...]) -> None:
    """Set up a worker: die with the parent, leave Ctrl-C to the parent, stop cleanly on SIGTERM,
    tidy up when ending; then import the exporters it was asked to have ready."""
    if sys.platform == "linux":
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if os.getppid() != parent:  # the parent died before the request was made
            os._exit(1)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _stop_worker)
    _tidy_on_exit()
    load_exporters(preload)


def _stop_worker(signum, frame) -> None:
    raise WorkerStopped


def _tidy_on_exit() -> None:
    """A worker ends without Python's usual clean-up, so objects that remove their temporary
    files when collected (WeasyPrint's font folders) would leave them behind: collect them first."""
    multiprocessing.util.Finalize(None, _release_cached_objects, exitpriority=10)


def _release_cached_objects() -> None:
    release_loaded()
    gc.collect()
