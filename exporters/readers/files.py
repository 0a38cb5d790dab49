"""Reading a source file's bytes: only files inside their folder, and no larger than the limit.

Shared by the reader, the shared glossary, the incremental build (which fingerprints the very
bytes the reader then reads) and draft-easy-read.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import SourceError, cannot_read
from ..limits import SOURCE_MB


def read_source(source: Path) -> bytes:
    """The bytes of a leaflet file: a real file (or a link that stays) inside its own folder, and
    no larger than the limit."""
    limit_mb = SOURCE_MB.value()
    try:
        too_large = source.stat().st_size > limit_mb * 1024 * 1024
    except OSError as error:
        raise cannot_read(source, error) from None
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
        raise cannot_read(path, error) from None
