"""Finding the leaflets a command was given, and reading them all with one short name each."""

from __future__ import annotations

from pathlib import Path

from ..errors import SourceError, UsageError
from ..model import Document

DEFAULT_SOURCE = Path("source")
NOT_LEAFLETS = {"README.md"}


def find_sources(paths: list[Path]) -> list[Path]:
    """The leaflet files named, and those in the folders named, in a stable order."""
    found: list[Path] = []
    for path in paths or [DEFAULT_SOURCE]:
        if path.is_dir():
            found.extend(p for p in sorted(path.rglob("*.md")) if p.name not in NOT_LEAFLETS)
        elif path.is_file():
            found.append(path)
        else:
            raise UsageError(f"There is no file or folder called '{path}'.")
    if not found:
        places = ", ".join(map(str, paths or [DEFAULT_SOURCE]))
        raise UsageError(f"No leaflets (*.md files) were found in {places}.")
    return found


def read_all(sources: list[Path], errors: list[SourceError]) -> list[Document]:
    """Read every leaflet; those that cannot be read, or take a slug already taken, go to `errors`."""
    from .leaflet import read

    documents: list[Document] = []
    slugs: dict[str, Path] = {}
    for source in sources:
        try:
            document = read(source)
        except SourceError as error:
            errors.append(error)
            continue
        clash = slug_clash(document, slugs)
        if clash:
            errors.append(clash)
            continue
        documents.append(document)
    return documents


def slug_clash(document: Document, slugs: dict[str, Path]) -> SourceError | None:
    """Refuse a second leaflet with the same slug; otherwise note the slug as taken."""
    if document.meta.slug not in slugs:
        slugs[document.meta.slug] = document.source
        return None
    return SourceError(
        document.source, document.meta.line_of("slug"),
        f"This leaflet has the same short name (slug) '{document.meta.slug}' as "
        f"{slugs[document.meta.slug]}, so their outputs would overwrite each other.",
        "Give one of them another 'slug: ...' in its front matter, or rename the file.",
    )  # fmt: skip
