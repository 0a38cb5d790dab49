"""Running the outputs of a build (leaflet x format x variant) in parallel worker processes.

Each worker imports an exporter's libraries once and keeps them for every task it is given.
Outputs that are already up to date (see incremental.py) never reach a worker.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from .errors import SourceError
from .formats import FORMATS, export
from .incremental import fingerprint, is_up_to_date, record
from .model import Document
from .output import output_path
from .variants import LayoutSettings


@dataclass(frozen=True, slots=True)
class Task:
    document: Document
    format_name: str
    settings: LayoutSettings
    out_dir: Path

    @property
    def target(self) -> Path:
        extension = FORMATS[self.format_name].extension
        return output_path(self.out_dir, self.document.meta.slug, self.settings.variant.name, extension)

    @property
    def label(self) -> str:
        return self.target.name


@dataclass(frozen=True, slots=True)
class Outcome:
    task: Task
    seconds: float = 0.0
    error: SourceError | None = None
    up_to_date: bool = False
    pages: int | None = None

    @property
    def written(self) -> bool:
        return self.error is None and not self.up_to_date


def run_tasks(
    tasks: Iterable[Task], jobs: int, force: bool, on_done: Callable[[Outcome], None]
) -> list[Outcome]:
    """Build every task that is out of date, `jobs` at a time; report each outcome as it ends."""
    outcomes: list[Outcome] = []
    to_build: list[tuple[Task, str]] = []
    for task in tasks:
        stamp = fingerprint(task.document, task.format_name, task.settings)
        if not force and is_up_to_date(task.target, stamp):
            outcomes.append(Outcome(task, up_to_date=True))
            on_done(outcomes[-1])
        else:
            to_build.append((task, stamp))
    if jobs <= 1 or len(to_build) <= 1:
        finished = (build_one(task, stamp) for task, stamp in to_build)
        for outcome in finished:
            outcomes.append(outcome)
            on_done(outcome)
        return outcomes
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(build_one, task, stamp) for task, stamp in to_build]
        for future in as_completed(futures):
            outcomes.append(future.result())
            on_done(outcomes[-1])
    return outcomes


def build_one(task: Task, stamp: str) -> Outcome:
    """Build one output in this process; the fingerprint is recorded only after the file is whole."""
    started = time.perf_counter()
    document = task.document
    try:
        path = export(document, task.format_name, task.settings, task.out_dir)
        record(path, stamp)
        pages = count_pages(path)
    except SourceError as error:
        return Outcome(task, time.perf_counter() - started, error)
    except OSError as error:
        problem = SourceError(
            document.source, 0, f"The {task.format_name} file could not be written: {error.strerror or error}.",
            f"Check that there is free space and that you may write to {task.out_dir}.",
        )  # fmt: skip
        return Outcome(task, time.perf_counter() - started, problem)
    return Outcome(task, time.perf_counter() - started, pages=pages)


def count_pages(path: Path) -> int | None:
    """The number of pages of a PDF, for the summary; other formats have no fixed pages."""
    if path.suffix != ".pdf":
        return None
    import pikepdf

    with pikepdf.open(path) as pdf:
        return len(pdf.pages)
