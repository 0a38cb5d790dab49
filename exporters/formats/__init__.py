"""The registry of output formats: one row a format, and the one way to call an exporter.

A row says everything the build needs to know of its format: the file's extension, the
exporter module, the function that writes each edition, how costly it is to build (the costly
ones start first), and the names of its optional hooks. Modules are imported only when their
format is built, so that `leaflet --help` and `leaflet check` do not load WeasyPrint or python-docx.

An exporter module has, for each edition it makes, a function `(document, settings, target) -> None`
that writes the whole file at `target`. Optional hooks: `count_pages(path) -> int` for the summary,
and `release()`, which frees what a worker keeps between outputs before the worker ends.
A row may name the build options that only its format reads (`options`, fields of the build
request such as `braille_grade`): they reach that format alone, in `LayoutSettings.format_options`.
Adding a format is its folder under formats/ and one row here.
"""

from __future__ import annotations

import importlib
import sys
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError
from ..model import Document
from ..output import output_path, part_file, remove_abandoned_parts, write_atomically
from ..timeline import span
from ..variants import LayoutSettings

SYSTEM_PACKAGES = (
    "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 libcairo2 fonts-dejavu-core fonts-liberation2"
)
EVERY_EDITION = (("standard", "write"), ("large-print", "write"), ("easy-read", "write_easy_read"))
# Exporters whose one `write` makes whichever edition the settings name (its plan follows the edition).
EVERY_EDITION_ONE_WRITER = (("standard", "write"), ("large-print", "write"), ("easy-read", "write"))
BRAILLE_PACKAGES = "liblouis-bin liblouis-data python3-louis"
BRAILLE_OPTIONS = ("braille_grade", "braille_page")
BRAILLE_BRF = (("standard", "write_brf"), ("easy-read", "write_easy_read_brf"))
BRAILLE_PEF = (("standard", "write_pef"), ("easy-read", "write_easy_read_pef"))
SPOKEN_EDITIONS = (("standard", "write"), ("easy-read", "write"))  # large print is not heard


class MissingSystemPiece(UsageError):
    """A program or library outside Python that a format needs is not installed."""


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    extension: str
    module: str
    writers: tuple[tuple[str, str], ...]  # (edition, the exporter's function that writes it)
    cost: int  # seconds of work per output, roughly: the build starts the costliest first
    count_pages: str | None = None  # the exporter's hook that counts an output's pages
    release: str | None = None  # the exporter's hook that frees its caches when a worker ends
    system_packages: str = SYSTEM_PACKAGES  # what to install when the exporter cannot load
    options: tuple[str, ...] = ()  # the build request's fields this format alone reads
    by_default: bool = True  # built when `leaflet build` is not given --format
    starts_processes: bool = False  # the exporter starts a process of its own for each output

    @property
    def variants(self) -> tuple[str, ...]:
        return tuple(edition for edition, _ in self.writers)

    def writer_of(self, variant: str) -> str:
        return dict(self.writers)[variant]


FORMATS = {
    "html": Format("html", "html", "exporters.formats.html", EVERY_EDITION, cost=1),
    "pdf": Format("pdf", "pdf", "exporters.formats.pdf", EVERY_EDITION, cost=4,
                  count_pages="count_pages", release="release"),
    "docx": Format("docx", "docx", "exporters.formats.docx", EVERY_EDITION, cost=3),
    "epub": Format("epub", "epub", "exporters.formats.epub", EVERY_EDITION_ONE_WRITER, cost=2),
    "brf": Format("brf", "brf", "exporters.formats.braille", BRAILLE_BRF, cost=1,
                  count_pages="brf_page_count", system_packages=BRAILLE_PACKAGES, options=BRAILLE_OPTIONS),
    "pef": Format("pef", "pef", "exporters.formats.braille", BRAILLE_PEF, cost=1,
                  count_pages="pef_page_count", system_packages=BRAILLE_PACKAGES, options=BRAILLE_OPTIONS),
    "markdown": Format("markdown", "md", "exporters.formats.markdown", (("standard", "write"),), cost=1,
                       by_default=False),
    "audio": Format("audio", "mp3", "exporters.formats.audio.edition", SPOKEN_EDITIONS, cost=5,
                    system_packages="espeak-ng", starts_processes=True),
    "talking-book": Format("talking-book", "talking-book.epub", "exporters.formats.talking_book",
                           SPOKEN_EDITIONS, cost=5, system_packages="espeak-ng", starts_processes=True),
}  # fmt: skip


def default_formats() -> list[str]:
    """The formats `leaflet build` makes when it is not told which."""
    return [name for name, chosen in FORMATS.items() if chosen.by_default]


def check_supported(format_names: list[str], variant_names: list[str]) -> None:
    """Refuse, before any work starts, a format or a variant a format cannot make."""
    for name in format_names:
        if name not in FORMATS:
            raise UsageError(f"Unknown format '{name}'. Choose from: {', '.join(FORMATS)}.")
        for variant in variant_names:
            if variant not in FORMATS[name].variants:
                raise UsageError(
                    f"The {name} format cannot make the '{variant}' variant yet. "
                    f"It makes: {', '.join(FORMATS[name].variants)}."
                )


def _load(chosen: Format):
    """Import an exporter; a missing system library becomes a message that says how to install it."""
    try:
        first_time = chosen.module not in sys.modules
        with span(f"imported {chosen.module}") if first_time else nullcontext():
            return importlib.import_module(chosen.module)
    except (OSError, ImportError) as error:
        raise MissingSystemPiece(
            f"The {chosen.name} format cannot be made on this computer: a library it needs is "
            f"missing ({error}). Install it with 'bash .ci/setup' or, on Debian, "
            f"'apt-get install {chosen.system_packages}'."
        ) from None


def make(document: Document, format_name: str, settings: LayoutSettings,
         scratch: Path) -> tuple[bytes, int | None]:  # fmt: skip
    """Build one output in a part file under `scratch`; return its bytes and its pages (None for
    formats without fixed pages). The part file never stays: whoever asked writes the bytes."""
    chosen = FORMATS[format_name]
    exporter = _load(chosen)
    write = getattr(exporter, chosen.writer_of(settings.variant.name))
    name = output_path(scratch, document.meta.slug, settings.variant.name, chosen.extension).name
    with part_file(scratch, name) as temporary:
        write(document, settings, temporary)
        pages = getattr(exporter, chosen.count_pages)(temporary) if chosen.count_pages else None
        return temporary.read_bytes(), pages


def export(document: Document, format_name: str, settings: LayoutSettings, out_dir: Path) -> Path:
    """Build one output file and return its path."""
    target = output_path(out_dir, document.meta.slug, settings.variant.name, FORMATS[format_name].extension)
    remove_abandoned_parts(target.parent)
    data, _ = make(document, format_name, settings, target.parent)
    write_atomically(target, data)
    return target


def load_exporter(format_name: str) -> None:
    """Import a format's exporter now, ahead of its first output; raises MissingSystemPiece, which
    says what to install, when this computer cannot make the format."""
    _load(FORMATS[format_name])


def load_exporters(format_names: tuple[str, ...]) -> None:
    """Import these formats' exporters now, ahead of their first output. One that cannot load is
    left: its first output says what to install."""
    for name in format_names:
        try:
            load_exporter(name)
        except MissingSystemPiece:
            pass


def release_loaded() -> None:
    """Let every exporter this process has loaded free what it keeps between outputs."""
    for chosen in FORMATS.values():
        module = sys.modules.get(chosen.module)
        if module is not None and chosen.release:
            getattr(module, chosen.release)()
