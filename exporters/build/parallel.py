"""Building the outputs of a build (leaflet x format x variant) in parallel worker processes.

Each output is handed to the workers as soon as its leaflet has passed the check, the slowest
formats first, so that reading and checking overlap with building. A worker imports an exporter's
libraries when it first builds that format and keeps them for every later output: WeasyPrint alone
takes about a second to import. (Importing every exporter in every worker up front was measured
slower: on a busy machine the imports a worker never needs cost more than the overlap gains.)
Outputs that are already up to date (see incremental.py) never reach a worker.
"""

from __future__ import annotations

import gc
import multiprocessing
import multiprocessing.util
import sys
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from ..errors import SourceError
from ..formats import FORMATS, count_pages, export, release_loaded
from ..model import Document
from ..output import output_path
from ..variants import LayoutSettings
from .incremental import Library, record


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
        self._futures: list[Future[Outcome]] = []
        self._pool: ProcessPoolExecutor | None = None
        if jobs > 1:
            self._pool = ProcessPoolExecutor(jobs, _start_method(), initializer=_tidy_on_exit)
            self._pool.submit(time.perf_counter)  # start the workers now, before any thread of ours

    def __enter__(self) -> Builder:
        return self

    def __exit__(self, kind: type | None, error: BaseException | None, trace: TracebackType | None) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=error is None, cancel_futures=error is not None)

    def add(self, outputs: Iterable[Output], document: Document, digest: str) -> None:
        """Build those outputs of one leaflet that are out of date; `digest` is its document digest."""
        for output in sorted(outputs, key=lambda o: -FORMATS[o.format_name].cost):
            stamp = self.library.fingerprint(digest, output.format_name, output.settings)
            if not self.force and self.library.is_up_to_date(output.target, stamp):
                self.up_to_date([output])
            elif self._pool is None:
                self._finished(build_one(output, document, stamp))
            else:
                future = self._pool.submit(build_one, output, document, stamp)
                future.add_done_callback(self._report)
                self._futures.append(future)

    def up_to_date(self, outputs: Iterable[Output]) -> None:
        for output in outputs:
            self._finished(Outcome(output, up_to_date=True))

    def finish(self) -> list[Outcome]:
        """Wait for every output handed to the workers; a failure of the program itself (not
        of a leaflet) is raised here."""
        return self._outcomes + [future.result() for future in self._futures]

    def _report(self, future: Future[Outcome]) -> None:
        """Called as each worker's output ends, for the progress bar."""
        if not future.cancelled() and future.exception() is None:
            self._on_done(future.result())

    def _finished(self, outcome: Outcome) -> None:
        self._outcomes.append(outcome)
        self._on_done(outcome)


def _start_method() -> multiprocessing.context.BaseContext:
    """On Linux, fork: a worker starts in milliseconds with what this process has imported."""
    return multiprocessing.get_context("fork" if sys.platform == "linux" else None)


def _tidy_on_exit() -> None:
    """A worker ends without Python's usual clean-up, so objects that remove their temporary
    files when collected (WeasyPrint's font folders) would leave them behind: collect them first."""
    multiprocessing.util.Finalize(None, _release_cached_objects, exitpriority=10)


def _release_cached_objects() -> None:
    release_loaded()
    gc.collect()


def build_one(output: Output, document: Document, stamp: str) -> Outcome:
    """Build one output in this process; the fingerprint is recorded only after the file is whole."""
    started = time.perf_counter()
    try:
        path = export(document, output.format_name, output.settings, output.out_dir)
        record(path, stamp)
        pages = count_pages(output.format_name, path)
    except SourceError as error:
        return Outcome(output, time.perf_counter() - started, error)
    except OSError as error:
        problem = SourceError(
            document.source, 0,
            f"The {output.format_name} file could not be written: {error.strerror or error}.",
            f"Check that there is free space and that you may write to {output.out_dir}.",
        )  # fmt: skip
        return Outcome(output, time.perf_counter() - started, problem)
    return Outcome(output, time.perf_counter() - started, pages=pages)
