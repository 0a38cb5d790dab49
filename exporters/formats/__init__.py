"""The registry of output formats: one table of name -> exporter module, one way to call them.

Each exporter module has one function, `write(document, settings, target) -> None`, that
writes the whole file at `target`. Modules are imported only when their format is built,
so that `leaflet --help` and `leaflet check` do not load WeasyPrint or LibreOffice bindings.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError
from ..model import Document
from ..output import atomic_target, output_path, remove_abandoned_parts
from ..variants import LayoutSettings

SYSTEM_PACKAGES = (
    "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 libcairo2 fonts-dejavu-core fonts-liberation2"
)


class MissingSystemPiece(UsageError):
    """A program or library outside Python that a format needs is not installed."""


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    extension: str
    module: str
    variants: tuple[str, ...]


FORMATS = {
    "html": Format("html", "html", "exporters.formats.html", ("standard", "large-print", "easy-read")),
    "pdf": Format("pdf", "pdf", "exporters.formats.pdf", ("standard", "large-print", "easy-read")),
    "docx": Format("docx", "docx", "exporters.formats.docx", ("standard", "large-print", "easy-read")),
    "epub": Format("epub", "epub", "exporters.formats.epub", ("standard", "large-print", "easy-read")),
}


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
        return importlib.import_module(chosen.module)
    except (OSError, ImportError) as error:
        raise MissingSystemPiece(
            f"The {chosen.name} format cannot be made on this computer: a library it needs is "
            f"missing ({error}). Install it with 'bash .ci/setup' or, on Debian, "
            f"'apt-get install {SYSTEM_PACKAGES}'."
        ) from None


def export(document: Document, format_name: str, settings: LayoutSettings, out_dir: Path) -> Path:
    """Build one output file and return its path."""
    chosen = FORMATS[format_name]
    target = output_path(out_dir, document.meta.slug, settings.variant.name, chosen.extension)
    exporter = _load(chosen)
    remove_abandoned_parts(target.parent)
    with atomic_target(target) as temporary:
        exporter.write(document, settings, temporary)
    return target
