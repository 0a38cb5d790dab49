"""What a command was asked to do, once its arguments are parsed: frozen, so nothing changes it
on the way, and free of argparse, so that build and check can be called without the command line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class BuildRequest:
    """`leaflet build`: which leaflets, into which folder, in which formats and editions."""

    paths: tuple[Path, ...] = ()
    out: Path = Path("output")
    formats: tuple[str, ...] = ()  # empty: every format
    variants: tuple[str, ...] = ()  # empty: every edition each format makes
    font_size: float | None = None  # the plain --font-size: only when one edition is built
    font_sizes: tuple[tuple[str, float], ...] = ()  # --font-size EDITION=POINTS, by edition
    paper: str = "a4"
    jobs: int = 1
    force: bool = False
    no_check: bool = False
    braille_grade: int = 2  # 1 uncontracted, 2 contracted
    braille_page: tuple[int, int] | None = None  # cells, lines; None: the layout's own size
    scheduler: str | None = None  # a Dask scheduler's address: the outputs are made on its cluster


@dataclass(frozen=True, slots=True)
class CheckRequest:
    """`leaflet check`: which leaflets, the report's form and where it goes."""

    paths: tuple[Path, ...] = ()
    report_format: str = "text"
    out: Path | None = None
    profile: str | None = None


@dataclass(frozen=True, slots=True)
class ImportRequest:
    """`leaflet import`: which Word files, into which folder, under which short name."""

    files: tuple[Path, ...]
    source: Path = Path("source")
    slug: str | None = None
    force: bool = False


@dataclass(frozen=True, slots=True)
class ServeRequest:
    """`leaflet serve`: the library's folder, where outputs go, and where the web page listens."""

    path: Path = Path("source")
    out: Path = Path("output")
    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None
    jobs: int = 2
