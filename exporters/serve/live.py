"""The library as the web page sees it: each leaflet read, checked and previewed, kept up to date
with the page's saves and with changes on disk (from the author's own editor too)."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import threading
import time
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import anyio
from watchfiles import awatch

from ..build import today
from ..build.incremental import Library
from ..checks import DocumentReport, check_document, load_project_settings
from ..errors import SourceError, UsageError
from ..formats.html import render
from ..formats.markdown import SUFFIX
from ..importer import ImportReport, import_word
from ..model import Document
from ..output import write_atomically
from ..readers.leaflet import read
from ..readers.sources import find_sources, slug_clash
from ..variants import layout_settings
from .events import Events
from .marks import Preview, marked_preview
from .outputs import Outputs
from .templates import environment

PREVIEW_EDITION = "standard"  # the clear-print web page, as a reader would see it
LEAFLET_SUFFIX = SUFFIX  # a leaflet is a file in the source format
SHARED_SUFFIXES = (".yaml", ".svg", ".png", ".jpg", ".jpeg")  # the glossary and pictures


class EditConflict(Exception):
    """The leaflet changed since the page that saves it was loaded."""


@dataclass(frozen=True)
class Leaflet:
    """One look at a leaflet: its text, what reading and checking it gave, and its preview."""

    source: Path
    slug: str
    etag: str
    text: str
    document: Document | None
    report: DocumentReport | None
    error: SourceError | None
    preview: Preview
    checked_in: float = 0.0  # seconds to read and check it
    previewed_in: float = 0.0  # seconds to read, check and preview it

    @property
    def title(self) -> str:
        return self.document.meta.title if self.document else self.slug


def etag_of(data: bytes) -> str:
    return '"' + hashlib.sha256(data).hexdigest()[:32] + '"'


class LiveLibrary:
    """Every leaflet of one folder, their outputs and the events that tell the pages."""

    def __init__(self, root: Path, out_dir: Path, jobs: int, formats: tuple[str, ...] = ()) -> None:
        self.root = root
        self.out_dir = out_dir
        self.events = Events()
        self.settings = load_project_settings()
        self.library = Library(out_dir, today())
        self.outputs = Outputs(out_dir, self.library, jobs, formats, self._outputs_changed)
        self.leaflets: dict[str, Leaflet] = {}
        self._slugs: dict[Path, str] = {}
        self._checking = threading.Lock()  # one leaflet read and checked at a time
        self._saving = asyncio.Lock()
        self._being_saved: dict[Path, str] = {}  # the etag a save is writing: not news to the watcher
        self._macros = environment().get_template("marks.html.j2")
        self._preview_settings = layout_settings(PREVIEW_EDITION)

    async def start(self) -> None:
        self.outputs.start()
        for source in self.sources():
            await self.refresh(source)

    def stop(self) -> None:
        self.outputs.stop()

    def sources(self) -> list[Path]:
        """The leaflets of the folder; a file that leads out of the folder (a link) is left out.
        A folder with none yet is an empty library: the first can be imported from the page."""
        inside = self.root.resolve()
        try:
            found = find_sources([self.root])
        except UsageError:
            return []
        return [path for path in found if path.resolve().is_relative_to(inside)]

    async def refresh(self, source: Path, rebuild: bool = True) -> Leaflet:
        """Read, check and preview a leaflet again; tell the pages; rebuild its outputs unless
        the caller will (`rebuild` False: after its answer has gone, see `rebuild`)."""
        leaflet = await anyio.to_thread.run_sync(self._look, source)
        leaflet = self._shelve(leaflet)
        if rebuild:
            self.rebuild(leaflet)
        return leaflet

    async def save(self, slug: str, data: bytes, expected: str) -> Leaflet:
        """Write the page's text in one step, only over the text the page was given. The
        outputs are left to `rebuild`, so that the page has its findings first."""
        async with self._saving:
            source = self.leaflets[slug].source
            if etag_of(source.read_bytes()) != expected:
                raise EditConflict(slug)
            self._being_saved[source] = etag_of(data)
            try:
                await anyio.to_thread.run_sync(write_atomically, source, data)
                return await self.refresh(source, rebuild=False)
            finally:
                del self._being_saved[source]

    async def import_word(self, data: bytes, name: str, replace: bool) -> tuple[ImportReport, Leaflet]:
        """Import a Word file into the folder as `leaflet import` does (its refusals are raised),
        then look at the new leaflet at once, so that its page opens from the report. Not while
        a save is being written: one of them would overwrite the other unseen."""
        async with self._saving:
            job = partial(import_word, data, self.root, name=name, force=replace)
            report = await anyio.to_thread.run_sync(job)
            return report, await self.refresh(report.leaflet)

    def rebuild(self, leaflet: Leaflet) -> None:
        """Hand a leaflet's outputs to the workers (those out of date), unless a newer look
        at it has come meanwhile and done so."""
        newest = self.leaflets.get(leaflet.slug) is leaflet
        if not newest or leaflet.document is None or leaflet.report is None:
            return
        key = self.library.key(leaflet.source)
        self.outputs.update(leaflet.document, leaflet.report, key, self.settings)

    async def watch(self, stop: anyio.Event) -> None:
        """Follow the folder: a changed leaflet is checked again; a changed glossary or picture
        means every leaflet is."""
        async for changes in awatch(self.root, stop_event=stop, step=50, debounce=400):
            paths = [Path(path) for _, path in changes]
            changed = {path.resolve() for path in paths if _worth_watching(path, self.out_dir)}
            if not changed:
                continue
            try:
                await self._changed_on_disk(changed)
            except Exception:  # a fault of the program: say so, and keep following the folder
                logging.getLogger("leaflet.serve").exception("Could not follow a change in %s", self.root)

    async def _changed_on_disk(self, changed: set[Path]) -> None:
        """`changed` holds absolute paths; the leaflets are known by their paths as found."""
        shared = any(path.suffix.lower() in SHARED_SUFFIXES for path in changed)
        if shared:
            self.library = self.outputs.library = Library(self.out_dir, today())
        sources = {source.resolve(): source for source in self.sources()}
        gone = [known for known in self._slugs if known.resolve() in changed - sources.keys()]
        for source in gone:
            slug = self._slugs.pop(source)
            self.leaflets.pop(slug, None)
            self.events.publish("removed", slug=slug)
        for resolved, source in sources.items():
            slug = self._slugs.get(source)
            known = (self.leaflets[slug].etag, self._being_saved.get(source)) if slug else ()
            edited = resolved in changed and _etag_of_file(source) not in known
            if shared or slug is None or edited:
                await self.refresh(source)

    def _look(self, source: Path) -> Leaflet:
        """Read, check and preview one leaflet (in a worker thread of the event loop)."""
        with self._checking:
            started = time.perf_counter()
            self.library.today = today()
            data = source.read_bytes()
            text = data.decode("utf-8", errors="replace")
            document = report = error = None
            checked = 0.0
            try:
                document = read(source)
                report = check_document(document, self.settings, today=self.library.today, source_text=text)
                checked = time.perf_counter() - started
                page = render(document, self._preview_settings)
                preview = marked_preview(page, report, self._macros)
            except SourceError as problem:
                error, preview = problem, Preview("")
            slug = document.meta.slug if document else self._slugs.get(source, source.stem)
            return Leaflet(source, slug, etag_of(data), text, document, report, error, preview,
                           checked, time.perf_counter() - started)  # fmt: skip

    def _shelve(self, leaflet: Leaflet) -> Leaflet:
        """Keep the new look at a leaflet and tell the pages."""
        earlier = self._slugs.get(leaflet.source)
        owner = self.leaflets.get(leaflet.slug)
        if owner is not None and owner.source != leaflet.source:
            leaflet = _clash(leaflet, owner)
        if earlier is not None and earlier != leaflet.slug:
            self.leaflets.pop(earlier, None)
            self.events.publish("removed", slug=earlier)
        self._slugs[leaflet.source] = leaflet.slug
        self.leaflets[leaflet.slug] = leaflet
        self.events.publish("changed", slug=leaflet.slug, etag=leaflet.etag)
        return leaflet

    def _outputs_changed(self, slug: str) -> None:
        self.events.publish("outputs", slug=slug)


def _clash(leaflet: Leaflet, owner: Leaflet) -> Leaflet:
    """A second leaflet with a slug already taken: shown under its file name, with the reason."""
    error = leaflet.error
    if leaflet.document is not None:
        error = slug_clash(leaflet.document, {leaflet.slug: owner.source})
    slug = f"{leaflet.source.stem}-{hashlib.sha256(str(leaflet.source).encode()).hexdigest()[:6]}"
    return Leaflet(leaflet.source, slug, leaflet.etag, leaflet.text, None, None, error, Preview(""))


def _etag_of_file(source: Path) -> str | None:
    try:
        return etag_of(source.read_bytes())
    except OSError:
        return None


def _worth_watching(path: Path, out_dir: Path) -> bool:
    """Leaflets, the glossary and pictures; not the part files of a save, nor the outputs."""
    if path.name.startswith(".") or path.suffix.lower() not in (LEAFLET_SUFFIX, *SHARED_SUFFIXES):
        return False
    return not path.resolve().is_relative_to(out_dir.resolve())
