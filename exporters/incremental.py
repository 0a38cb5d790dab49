"""Rebuilding only what changed: a fingerprint of everything an output depends on.

An output depends on the document as read (its source, the shared glossary words it uses and
how its words were marked), the bytes of the pictures it shows, the layout files, the build's
settings and the program itself. The fingerprint is kept in OUT/.leaflet-cache/, written after
the output, so an interrupted build at worst rebuilds that output once more.
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path

from .model import Document
from .output import atomic_target
from .variants import LayoutSettings

PACKAGE = Path(__file__).resolve().parent


def fingerprint(document: Document, format_name: str, settings: LayoutSettings) -> str:
    digest = hashlib.sha256()
    for part in (
        _program_digest(),
        _folder_digest(settings.layouts),
        format_name,
        repr(settings),
        repr(document),
        *(_file_digest(picture.path) for picture in document.pictures),
        os.environ.get("SOURCE_DATE_EPOCH", ""),
    ):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


CACHE_FOLDER = ".leaflet-cache"


def stamp_path(output: Path) -> Path:
    """OUT/.leaflet-cache/<slug>/<file>.fingerprint: beside the outputs, out of the readers' way."""
    return output.parent.parent / CACHE_FOLDER / output.parent.name / f"{output.name}.fingerprint"


def is_up_to_date(output: Path, expected: str) -> bool:
    stamp = stamp_path(output)
    try:
        return output.is_file() and stamp.read_text(encoding="ascii") == expected
    except (OSError, UnicodeDecodeError):
        return False


def record(output: Path, value: str) -> None:
    with atomic_target(stamp_path(output)) as temporary:
        temporary.write_text(value, encoding="ascii")


@lru_cache(maxsize=1)
def _program_digest() -> str:
    """Changes whenever the program's code or data changes, not only its version number."""
    return _folder_digest(PACKAGE)


@lru_cache(maxsize=8)
def _folder_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(_file_digest(path).encode())
    return digest.hexdigest()


def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
