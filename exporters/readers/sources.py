"""Finding the leaflets a command was given, and reading them all with one short name each."""

from __future__ import annotations

from pathlib import Path

from ..errors import SourceError, UsageError
from ..limits import SOURCE_MB
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


def read_source(source: Path) -> bytes:
    """The bytes of a leaflet file: a real file (or a link that stays) inside its own folder, and
    no larger than the limit."""
    limit_mb = SOURCE_MB.value()
    try:
        too_large = source.stat().st_size > limit_mb * 1024 * 1024
    except OSError as error:
        raise SourceError(source, 0, f"The file cannot be read ({error.strerror}).",
                          "Check that the file exists and that you may open it.") from None  # fmt: skip
    if too_large:
        raise SourceError(
            source, 0, f"The file is larger than {limit_mb:g} MB, far longer than a leaflet.",
            f"Split it into several leaflets, or {SOURCE_MB.how_to_raise()}.",
        )  # fmt: skip
    return read_inside(source, source.parent)


def read_inside(path: Path, folder: Path) -> bytes:
    """The bytes of `path`, which must be a file inside `folder` once every link is followed.

    Git carries symbolic links, so a leaflet or glossary in a shared repository can be a link to
    any file on the computer that builds it; publishing that file would leak it.
    """
    real = path.resolve()
    if not real.is_relative_to(folder.resolve()):
        raise SourceError(
            path, 0, f"This file is a link to {real}, which is outside the folder {folder}.",
            "Copy the file itself into the folder, in place of the link: leaflet reads nothing "
            "from outside the folder it is given.",
        )  # fmt: skip
    try:
        return real.read_bytes()
    except OSError as error:
        raise SourceError(path, 0, f"The file cannot be read ({error.strerror}).",
                          "Check that the file exists and that you may open it.") from None  # fmt: skip
