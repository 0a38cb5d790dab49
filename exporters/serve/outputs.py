"""The outputs of every format, rebuilt in the background by the build's own warm worker pool.

Each output file has a slot. At most one build of a slot is in the workers at a time; an edit
that arrives while it builds waits in the slot, and a newer edit replaces the waiting one, so the
newest edit always wins and an older build can never overwrite a newer file. Whether an output
is up to date is the build's own judgement (its fingerprints in OUT/.leaflet-cache/), so
`leaflet build` and the web page agree on what needs building.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from ..build import plan
from ..build.incremental import Library
from ..build.parallel import Builder, Outcome, Output
from ..checks import CheckSettings, DocumentReport, check_again_on
from ..formats import MissingSystemPiece, load_exporter
from ..model import Document
from ..variants import VARIANTS, LayoutSettings, layout_settings

WORKER_NICENESS = 10  # the workers give way to the check and the preview, which a person waits for


class State(StrEnum):
    UP_TO_DATE = "up to date"
    BUILDING = "building"
    FAILED = "failed"
    HELD_BACK = "not rebuilt"  # the check found errors: the earlier file, if any, is kept
    NOT_BUILT = "not built yet"


@dataclass
class Slot:
    """One output file of one leaflet, and what is happening to it."""

    output: Output
    state: State = State.NOT_BUILT
    message: str = ""
    in_workers: bool = False
    waiting: tuple[Document, str] | None = None  # the newest edit, to build when the workers are done
    held_back: int = 0  # errors the check found in the newest edit: it is not built

    @property
    def exists(self) -> bool:
        return self.output.target.is_file()


class Outputs:
    """Every leaflet's output slots and the worker pool that fills them."""

    def __init__(self, out_dir: Path, library: Library, jobs: int, formats: tuple[str, ...],
                 on_change: Callable[[str], None]) -> None:  # fmt: skip
        self.out_dir = out_dir
        self.library = library
        self.pairs = plan(formats, ())
        self._jobs = jobs
        self._on_change = on_change
        self._settings: dict[str, LayoutSettings] = {name: layout_settings(name) for name in VARIANTS}
        self._slots: dict[str, dict[Path, Slot]] = {}
        self._builder: Builder | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    def start(self) -> None:
        """Import every exporter once, then start the workers, which inherit them warm. A format
        this computer cannot make (a system library missing) is left out, and the log says why."""
        for name in sorted({name for name, _ in self.pairs}):
            try:
                load_exporter(name)
            except MissingSystemPiece as missing:
                logging.getLogger("leaflet.serve").warning("The %s files are not made. %s", name, missing)
                self.pairs = [pair for pair in self.pairs if pair[0] != name]
        self._loop = asyncio.get_running_loop()
        self._start_workers()

    def _start_workers(self) -> None:
        self._builder = Builder(self._jobs, self.library, False, self._done_in_worker)
        self._builder.__enter__()
        for worker in multiprocessing.active_children():
            try:
                os.setpriority(os.PRIO_PROCESS, worker.pid, WORKER_NICENESS)
            except (OSError, TypeError):  # not allowed here, or already gone: they keep their priority
                pass

    def stop(self) -> None:
        """As after an interruption of a build: outputs not started are dropped, the workers are
        stopped and the part files of those being written removed (a file is whole or not there)."""
        if self._builder is not None:
            builder, self._builder = self._builder, None
            stopping = InterruptedError("the web page is stopping")
            builder.__exit__(type(stopping), stopping, None)

    def slots(self, slug: str) -> list[Slot]:
        return list(self._slots.get(slug, {}).values())

    def update(self, document: Document, report: DocumentReport, key: str | None,
               settings: CheckSettings) -> None:  # fmt: skip
        """A leaflet was read and checked: rebuild what is out of date, unless it has errors."""
        source, slug = document.source, document.meta.slug
        slots = self._ensure(source, slug, document.has_easy_read)
        if report.errors:
            self.library.forget(source)
            for slot in slots:
                slot.waiting, slot.held_back = None, len(report.errors)
                if not slot.in_workers:
                    slot.state, slot.message = State.HELD_BACK, _held_back(slot.held_back, slot.exists)
            return
        again = check_again_on(document, settings, self.library.today)
        digest = self.library.remember(source, key, document, len(report.findings), again)
        for slot in slots:
            slot.held_back = 0
            if slot.in_workers:
                slot.waiting = (document, digest)
            else:
                self._hand_over(slot, document, digest)

    def _ensure(self, source: Path, slug: str, has_easy_read: bool) -> list[Slot]:
        """The slots of one leaflet: every format and edition, easy read only with easy-read text."""
        slots = self._slots.setdefault(slug, {})
        wanted = [
            Output(source, slug, name, self._settings[variant], self.out_dir)
            for name, variant in self.pairs
            if has_easy_read or not VARIANTS[variant].needs_easy_read_text
        ]  # fmt: skip
        for output in wanted:
            slots.setdefault(output.target, Slot(output))
        for target in [t for t, slot in slots.items() if slot.output not in wanted and not slot.in_workers]:
            del slots[target]
        return [slots[output.target] for output in wanted]

    def _hand_over(self, slot: Slot, document: Document, digest: str) -> None:
        output = slot.output
        stamp = self.library.fingerprint(digest, output.format_name, output.settings)
        if self.library.is_up_to_date(output.target, stamp):
            slot.state, slot.message = State.UP_TO_DATE, ""
            return
        slot.state, slot.message, slot.in_workers = State.BUILDING, "", True
        assert self._builder is not None, "the outputs were not started"
        try:
            self._builder.add([output], document, digest)
        except BrokenProcessPool:  # a worker was killed (out of memory, say): start them again
            self._restart_workers()
            slot.state, slot.in_workers = State.BUILDING, True
            assert self._builder is not None
            self._builder.add([output], document, digest)

    def _restart_workers(self) -> None:
        """The outputs the dead workers had are built again at their leaflet's next change."""
        self.stop()
        for slots in self._slots.values():
            for slot in slots.values():
                if slot.in_workers:
                    slot.in_workers, slot.waiting, slot.state = False, None, State.NOT_BUILT
        self._start_workers()

    def _done_in_worker(self, outcome: Outcome) -> None:
        """Called in the pool's thread as an output ends: hand it to the event loop (unless the
        web page has stopped meanwhile)."""
        if self._builder is not None and self._loop is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._done, outcome)

    def _done(self, outcome: Outcome) -> None:
        slot = self._slots.get(outcome.output.slug, {}).get(outcome.output.target)
        if slot is None or self._builder is None:
            return
        slot.in_workers = False
        if slot.waiting is not None:
            document, digest = slot.waiting
            slot.waiting = None
            self._hand_over(slot, document, digest)
        elif outcome.error is not None:
            slot.state, slot.message = State.FAILED, outcome.error.message
        elif slot.held_back:
            slot.state, slot.message = State.HELD_BACK, _held_back(slot.held_back, slot.exists)
        else:
            slot.state, slot.message = State.UP_TO_DATE, ""
        self._on_change(outcome.output.slug)


def _held_back(errors: int, exists: bool) -> str:
    kept = "The file here is from before the last change." if exists else "There is no file yet."
    return f"The check found {errors} error{'s' * (errors != 1)} to fix first. {kept}"
