"""Rebuilding only what changed, at two levels.

An output (OUT/<slug>/<slug>.<variant>.<ext>) has a fingerprint of everything it depends on: the
document as read (see `document_digest`: the source, the shared glossary words it uses, how its
words were marked, the bytes of its pictures), the layout files, the format, the build's settings
and the program itself. The fingerprint is kept in OUT/.leaflet-cache/<slug>/, written after the
output, so that an interrupted build at worst rebuilds that output once more.

A leaflet has a record (OUT/.leaflet-cache/_sources/<name>.json) of what reading and checking it
gave: its slug, its document digest and its findings. It is written only for a leaflet the check
passed, and it holds while its inputs stay the same: the source's bytes, the entries of the shared
glossary and of the shared pronunciations whose words occur in the source, the pictures' bytes,
the program, the check's settings, and the day on which the review-date rule could first say
something new. A leaflet whose record holds and whose outputs are all up to date is neither read
nor checked again: that is what lets an unchanged library of hundreds of leaflets rebuild in a moment.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from ..errors import SourceError
from ..limits import READING_LIMITS
from ..model import Document
from ..output import atomic_target, remove_abandoned_parts
from ..readers.files import read_source
from ..readers.glossary import load_glossary_file, shared_glossary_path
from ..readers.pronunciations import load_pronunciations_file, shared_pronunciations_path
from ..variants import PACKAGE, LayoutSettings

CACHE_FOLDER = ".leaflet-cache"
RECORDS_FOLDER = "_sources"  # an underscore: no slug can take this name
PROJECT_SETTINGS = "pyproject.toml"  # [tool.leaflet.checks]
# Settings read from the environment that change what is read, checked or written.
ENVIRONMENT = ("SOURCE_DATE_EPOCH", "LEAFLET_HEALTHICONS", *(limit.variable for limit in READING_LIMITS))
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


# Outputs -------------------------------------------------------------------------------------


def document_digest(document: Document) -> str:
    """The document model as read, with the bytes of the pictures it shows (as they were checked)."""
    return _digest(repr(document), *(_bytes_digest(picture.data) for picture in document.pictures))


def stamp_path(output: Path) -> Path:
    """OUT/.leaflet-cache/<slug>/<file>.fingerprint: beside the outputs, out of the readers' way."""
    return output.parent.parent / CACHE_FOLDER / output.parent.name / f"{output.name}.fingerprint"


def record(output: Path, value: str) -> None:
    with atomic_target(stamp_path(output)) as temporary:
        temporary.write_text(value, encoding="ascii")


# Leaflets ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LeafletRecord:
    """What reading and checking one leaflet gave, and the day it must be checked again."""

    key: str  # the inputs of the source: see Library.key
    slug: str
    has_easy_read: bool
    document: str  # document_digest
    findings: int
    pictures: dict[str, str]  # picture file -> digest of its bytes
    check_again_on: str | None  # ISO date; None: the check does not depend on the day


class Library:
    """The leaflet records of one output folder, and the inputs every leaflet of a build shares."""

    def __init__(self, out_dir: Path, today: date) -> None:
        self.out_dir = out_dir
        self.today = today
        self.program = program_digest()
        project = Path.cwd() / PROJECT_SETTINGS
        self._shared = _digest(
            self.program, _file_digest(project) if project.is_file() else "",
            *(os.environ.get(name, "") for name in ENVIRONMENT),
        )  # fmt: skip
        self._shared_files: dict[Path, dict[str, str] | None] = {}
        self._layouts: dict[Path, str] = {}
        remove_abandoned_parts(self.records_folder)  # of a build that was killed

    def fingerprint(self, document: str, format_name: str, settings: LayoutSettings) -> str:
        """Everything one output depends on; `document` is its leaflet's document digest."""
        if settings.layouts not in self._layouts:
            self._layouts[settings.layouts] = _folder_digest(settings.layouts)
        return _digest(
            self.program, self._layouts[settings.layouts], format_name, repr(settings), document,
            os.environ.get("SOURCE_DATE_EPOCH", ""),
        )  # fmt: skip

    def is_up_to_date(self, output: Path, stamp: str) -> bool:
        """The output exists and was made from the inputs whose fingerprint is `stamp`."""
        try:
            return output.is_file() and stamp_path(output).read_text(encoding="ascii") == stamp
        except (OSError, UnicodeDecodeError):
            return False

    def key(self, source: Path, data: bytes | None = None) -> str | None:
        """The inputs of reading and checking `source` that can be known without reading it:
        its bytes (`data` when the caller has read them), the shared glossary and pronunciations
        entries whose words occur in it, the shared inputs. None when they cannot be known (the file
        or a shared file cannot be read)."""
        if data is None:
            try:
                data = read_source(source)
            except SourceError:
                return None
        glossary, pronunciations = self.shared_glossary(source), self.shared_pronunciations(source)
        if glossary is None or pronunciations is None:
            return None
        text = data.decode("utf-8", "replace")
        entries = _entries_in(text, glossary) + _entries_in(text, pronunciations)
        return _digest(self._shared, str(source), hashlib.sha256(data).hexdigest(), *entries)

    def fresh_record(self, source: Path, key: str | None) -> LeafletRecord | None:
        """The record of `source` when it still holds for `key`, today and the pictures' bytes."""
        if key is None:
            return None
        try:
            data = json.loads(self._record_path(source).read_text(encoding="utf-8"))
            kept = LeafletRecord(**data)
        except (OSError, ValueError, TypeError):
            return None
        if kept.key != key or (kept.check_again_on and self.today.isoformat() >= kept.check_again_on):
            return None
        if not all(_file_digest_or_none(Path(path)) == digest for path, digest in kept.pictures.items()):
            return None
        return kept

    def remember(self, source: Path, key: str | None, document: Document, findings: int,
                 check_again_on: date | None) -> str:  # fmt: skip
        """Record a leaflet the check passed; return its document digest."""
        digest = document_digest(document)
        if key is None:
            return digest
        kept = LeafletRecord(
            key, document.meta.slug, document.has_easy_read, digest, findings,
            {str(p.path): _bytes_digest(p.data) for p in document.pictures},
            check_again_on.isoformat() if check_again_on else None,
        )  # fmt: skip
        with atomic_target(self._record_path(source)) as temporary:
            temporary.write_text(json.dumps(asdict(kept), indent=1), encoding="utf-8")
        return digest

    def forget(self, source: Path) -> None:
        """A leaflet the check refused, or that could not be read, is never taken as checked."""
        self._record_path(source).unlink(missing_ok=True)

    @property
    def records_folder(self) -> Path:
        return self.out_dir / CACHE_FOLDER / RECORDS_FOLDER

    def _record_path(self, source: Path) -> Path:
        name = hashlib.sha256(str(source.resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:32]
        return self.records_folder / f"{name}.json"

    def shared_glossary(self, source: Path) -> dict[str, str] | None:
        """The shared glossary of the leaflet's folder, read once a build; None when it cannot be
        read (reading the leaflet says why)."""
        return self._shared_file(shared_glossary_path(source), load_glossary_file)

    def shared_pronunciations(self, source: Path) -> dict[str, str] | None:
        """The shared pronunciations of the leaflet's folder, read once a build, as the glossary."""
        return self._shared_file(shared_pronunciations_path(source), load_pronunciations_file)

    def _shared_file(self, path: Path, load: Callable[[Path], dict[str, str]]) -> dict[str, str] | None:
        """A shared file of the source folder (glossary, pronunciations) as written; None when it
        cannot be read (reading the leaflets says why)."""
        if path not in self._shared_files:
            try:
                self._shared_files[path] = load(path)
            except (OSError, SourceError):
                self._shared_files[path] = None
        return self._shared_files[path]


def _entries_in(text: str, glossary: dict[str, str]) -> list[str]:
    """The shared entries whose words may occur in the text, as "term=explanation", sorted.

    A generous search, so that no entry the leaflet uses is missed: the word without its last
    letter (which finds its plurals) anywhere in the text as written or with Markdown escapes and
    character references undone, ignoring case. An entry found that the leaflet does not use
    only costs a rebuild when that entry changes.
    """
    written = text.casefold()
    unescaped = html.unescape(_ESCAPED.sub(r"\1", text)).casefold()
    found = []
    for term, explanation in glossary.items():
        word = term.casefold()
        probe = word[:-1] if len(word) > 3 else word
        if probe in written or probe in unescaped:
            found.append(f"{term}={explanation}")
    return sorted(found)


# Digests -------------------------------------------------------------------------------------


def program_digest() -> str:
    """The program itself, its code and its data: it changes with any change of either."""
    return _folder_digest(PACKAGE)


def _digest(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def _folder_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(_file_digest(path).encode())
    return digest.hexdigest()


def _file_digest(path: Path) -> str:
    return _bytes_digest(path.read_bytes())


def _bytes_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _file_digest_or_none(path: Path) -> str | None:
    try:
        return _file_digest(path)
    except OSError:
        return None
