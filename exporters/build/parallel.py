"""Building the outputs of a build (leaflet x format x variant) in parallel worker processes.

Each output is handed to the workers as soon as its leaflet has passed the check, the slowest
formats first, so that reading and checking overlap with building. A worker imports an exporter's
libraries when it first builds that format and keeps them for every later output: WeasyPrint alone
takes about a second to import. (Importing every exporter in every worker up front was measured
slower: on a busy machine the imports a worker never needs cost more than the overlap gains.)
Outputs that are already up to date (see incremental.py) never reach a worker.

The workers never outlive the build: each asks the kernel to kill it when its parent dies (so
a build killed with kill -9 leaves none behind), and a build stopped by Ctrl-C or SIGTERM stops
its workers and removes the part files they were writing. Everything that is particular to a
pool of processes is in the functions under "The process pool" at the end; the Builder itself
only submits work and collects outcomes.
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
import warnings
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from ..errors import OutputWarning, SourceError
from ..formats import FORMATS, count_pages, export, release_loaded
from ..limits import MEMORY_MB, OverLimit, memory_limit, memory_message, time_limit
from ..model import Document
from ..output import output_path, remove_abandoned_parts
from ..variants import LayoutSettings
from .incremental import Library, record, stamp_path

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
STOP_GRACE_SECONDS = 5  # how long a worker told to stop may take to tidy up before it is killed


@dataclass(frozen=True, slots=True)
class Output:
    """One file a build makes."""

    source: Path
    slug: str
    format_name: str
    settings: LayoutSettings
    out_dir: Path

    @property
    def target(self) -> Path:
        extension = FORMATS[self.format_name].extension
        return output_path(self.out_dir, self.slug, self.settings.variant.name, extension)

    @property
    def label(self) -> str:
        return self.target.name


@dataclass(frozen=True, slots=True)
class Outcome:
    output: Output
    seconds: float = 0.0
    error: SourceError | None = None
    up_to_date: bool = False
    pages: int | None = None
    warnings: tuple[str, ...] = ()  # what the exporter could make only in part (OutputWarning)

    @property
    def written(self) -> bool:
        return self.error is None and not self.up_to_date


class Builder:
    """Takes the outputs of each leaflet in turn and builds those that are out of date.

    With one job (or one output to build at most) everything happens in this process.
    """

    def __init__(self, jobs: int, library: Library, force: bool, on_done: Callable[[Outcome], None]) -> None:
        self.library = library
        self.force = force
        self._on_done = on_done
        self._outcomes: list[Outcome] = []
        self._futures: list[tuple[Output, Future[Outcome]]] = []
        self._folders: set[Path] = {library.records_folder}  # where part files may be left, if stopped
        self._pool = start_workers(jobs) if jobs > 1 else None

    def __enter__(self) -> Builder:
        return self

    def __exit__(self, kind: type | None, error: BaseException | None, trace: TracebackType | None) -> None:
        """Wait for the workers; when the build was stopped, stop them at once. Either way no
        part file of this build is left behind."""
        if self._pool is not None:
            if error is None:
                self._pool.shutdown(wait=True)
            else:
                stop_workers(self._pool)
        for folder in self._folders:
            remove_abandoned_parts(folder, ours_too=error is not None)

    def add(self, outputs: Iterable[Output], document: Document, digest: str) -> None:
        """Build those outputs of one leaflet that are out of date; `digest` is its document digest."""
        for output in sorted(outputs, key=lambda o: -FORMATS[o.format_name].cost):
            stamp = self.library.fingerprint(digest, output.format_name, output.settings)
            self._folders.update((output.target.parent, stamp_path(output.target).parent))
            if not self.force and self.library.is_up_to_date(output.target, stamp):
                self.up_to_date([output])
            elif self._pool is None:
                self._finished(build_one(output, document, stamp))
            else:
                # A dead worker breaks the pool: submit raises BrokenProcessPool (see lost).
                future = self._pool.submit(build_one, output, document, stamp)
                future.add_done_callback(self._report)
                self._futures.append((output, future))

    def lost(self, outputs: Iterable[Output]) -> None:
        """After `add` raised BrokenProcessPool (a worker died): those of the outputs that never
        reached a worker end with an error; those that did are reported by `finish`."""
        submitted = {output for output, _ in self._futures}
        for output in outputs:
            if output not in submitted:
                self._finished(_worker_lost(output))

    def up_to_date(self, outputs: Iterable[Output]) -> None:
        for output in outputs:
            self._finished(Outcome(output, up_to_date=True))

    def finish(self) -> list[Outcome]:
        """Wait for every output handed to the workers. A worker that died (killed by the system
        when memory ran out, say) is an outcome with an error, not a crash of the build."""
        outcomes = list(self._outcomes)
        for output, future in self._futures:
            try:
                outcomes.append(future.result())
            except BrokenProcessPool:
                outcomes.append(_worker_lost(output))
        return outcomes

    def _report(self, future: Future[Outcome]) -> None:
        """Called as each worker's output ends, for the progress bar."""
        if not future.cancelled() and future.exception() is None:
            self._on_done(future.result())

    def _finished(self, outcome: Outcome) -> None:
        self._outcomes.append(outcome)
        self._on_done(outcome)


def build_one(output: Output, document: Document, stamp: str) -> Outcome:
    """Build one output in this process; the fingerprint is recorded only after the file is whole.

    Every failure is an outcome with a message, so that one output cannot stop the others.
    """
    started = time.perf_counter()
    what = f"Making {output.label}"
    try:
        with time_limit(what), memory_limit(), warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", OutputWarning)
            path = export(document, output.format_name, output.settings, output.out_dir)
        record(path, stamp)
        pages = count_pages(output.format_name, path)
    except SourceError as error:
        return Outcome(output, time.perf_counter() - started, error)
    except OverLimit as error:
        return Outcome(output, time.perf_counter() - started, SourceError(document.source, 0, str(error)))
    except MemoryError:
        problem = SourceError(document.source, 0, memory_message(what))
        return Outcome(output, time.perf_counter() - started, problem)
    except OSError as error:
        problem = SourceError(
            document.source, 0,
            f"The {output.format_name} file could not be written: {error.strerror or error}.",
            f"Check that there is free space and that you may write to {output.out_dir}.",
        )  # fmt: skip
        return Outcome(output, time.perf_counter() - started, problem)
    except Exception as error:  # a fault of leaflet or of a library on this input
        problem = SourceError(
            document.source, 0, f"{output.label} could not be made ({type(error).__name__}: {error}).",
            "This is a fault in leaflet, not in your leaflet: please report it with the leaflet "
            "that causes it. The other outputs were built.",
        )  # fmt: skip
        return Outcome(output, time.perf_counter() - started, problem)
    notes = tuple(str(caught_warning.message) for caught_warning in caught
                  if issubclass(caught_warning.category, OutputWarning))  # fmt: skip
    return Outcome(output, time.perf_counter() - started, pages=pages, warnings=notes)


def _worker_lost(output: Output) -> Outcome:
    problem = SourceError(
        output.source, 0, f"The worker making {output.label} ended before it finished; the system "
        "may have stopped it for using too much memory.",
        f"Build again with --jobs 1 to see the problem, or {MEMORY_MB.how_to_raise()}.",
    )  # fmt: skip
    return Outcome(output, error=problem)


# The process pool ------------------------------------------------------------------------------


def start_workers(jobs: int) -> ProcessPoolExecutor:
    """A pool of `jobs` worker processes, started now (before any thread of ours, see fork).

    The kernel kills the workers when the thread that started them ends (PR_SET_PDEATHSIG follows
    the parent thread): start the pool from a thread that lives as long as the pool does."""
    pool = ProcessPoolExecutor(jobs, _start_method(), initializer=_worker_started, initargs=(os.getpid(),))
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


def _worker_started(parent: int) -> None:
    """Set up a worker: die with the parent, leave Ctrl-C to the parent, stop cleanly on SIGTERM,
    and tidy up when ending."""
    if sys.platform == "linux":
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if os.getppid() != parent:  # the parent died before the request was made
            os._exit(1)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _stop_worker)
    _tidy_on_exit()


def _stop_worker(signum, frame) -> None:
    raise WorkerStopped


def _tidy_on_exit() -> None:
    """A worker ends without Python's usual clean-up, so objects that remove their temporary
    files when collected (WeasyPrint's font folders) would leave them behind: collect them first."""
    multiprocessing.util.Finalize(None, _release_cached_objects, exitpriority=10)


def _release_cached_objects() -> None:
    release_loaded()
    gc.collect()
