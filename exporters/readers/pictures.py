"""Finding the file behind a picture: a file beside the leaflet, or a Health Icons pictogram."""

from __future__ import annotations

import difflib
import json
import os
import re
from functools import lru_cache
from pathlib import Path

from ..errors import SourceError
from ..model import Picture
from ..variants import PROJECT_ROOT
from .picture_safety import check_picture_file

HEALTHICONS_VERSION = "2.0.0"
PICTURE_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg")
URL_PATTERN = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")
DECORATIVE_TITLE = "decorative"


def healthicons_folder() -> Path:
    """Where the set-up put the Health Icons SVGs; LEAFLET_HEALTHICONS overrides it."""
    configured = os.environ.get("LEAFLET_HEALTHICONS")
    if configured:
        return Path(configured)
    return PROJECT_ROOT / ".cache" / f"healthicons-{HEALTHICONS_VERSION}" / "public" / "icons" / "svg"


def resolve_picture(source: Path, line: int, alt: str, target: str, title: str) -> Picture:
    """Check a picture written as ![alt](target "title") and find its file."""
    decorative = title.strip().lower() == DECORATIVE_TITLE
    alt = alt.strip()
    if not alt and not decorative:
        raise SourceError(
            source, line, f"The picture '{target}' has no alt text.",
            "Describe it between the square brackets: ![A nurse taking blood](...). If it is "
            'only decoration, write ![](' + target + ' "decorative").',
        )  # fmt: skip
    if target.startswith("icon:"):
        return icon_picture(target.removeprefix("icon:"), alt, source, line, decorative)
    path = _local_file(source, line, target)
    return Picture("" if decorative else alt, path, line, decorative=decorative,
                   data=check_picture_file(path, source, line))  # fmt: skip


def icon_picture(name: str, alt: str, source: Path, line: int, decorative: bool = False) -> Picture:
    """A Health Icons pictogram, with the bytes of its file (the icons are trusted, so not checked)."""
    path = find_icon(name, source, line)
    return Picture(alt, path, line, icon=name, decorative=decorative, data=path.read_bytes())


def _local_file(source: Path, line: int, target: str) -> Path:
    if URL_PATTERN.match(target):
        raise SourceError(
            source, line, f"The picture '{target}' is on the web, and outputs must work offline.",
            f"Save the picture into {source.parent}/pictures/ and write its path, "
            "for example ![...](pictures/name.svg).",
        )  # fmt: skip
    folder = source.parent.resolve()
    path = (folder / target).resolve()
    if not path.is_relative_to(folder):
        raise SourceError(
            source, line, f"The picture '{target}' is outside the leaflet's folder.",
            f"Copy the picture into {source.parent}/pictures/ and write that path.",
        )  # fmt: skip
    if not path.is_file():
        raise SourceError(
            source, line, f"The picture '{target}' does not exist.",
            "Check the spelling of its path; paths are relative to the leaflet's file.",
        )  # fmt: skip
    if path.suffix.lower() not in PICTURE_SUFFIXES:
        raise SourceError(
            source, line, f"The picture '{target}' is not an SVG, PNG or JPEG file.",
            "Save it as SVG (best: it stays sharp in large print), PNG or JPEG.",
        )  # fmt: skip
    return path


def find_icon(name: str, source: Path, line: int) -> Path:
    """The SVG of a Health Icons name: 'doctor', 'people/doctor' or 'outline/people/doctor'."""
    index = _icon_index(healthicons_folder())
    if not index:
        raise SourceError(
            source, line, f"The picture 'icon:{name}' needs Health Icons, which are not installed.",
            "Run 'bash .ci/setup' to install them.",
        )  # fmt: skip
    key = name.strip().lower()
    if key in index:
        return index[key]
    nearest = icon_suggestions(key, index)
    hint = "Did you mean " + " or ".join(f"'icon:{n}'" for n in nearest) + "? " if nearest else ""
    raise SourceError(
        source, line, f"There is no Health Icons picture called '{name}'.",
        hint + "The names are the SVG file names of Health Icons; the website "
        "https://healthicons.org shows them all.",
    )  # fmt: skip


def icon_suggestions(key: str, index: dict[str, Path], most: int = 3) -> list[str]:
    """Icon names for what an author wrote: the same name with '_' for spaces or hyphens, icons
    whose title or tags (Health Icons' own words) hold every word written, then similar names."""
    found = []
    written = re.sub(r"[\s-]+", "_", key)
    if written in index:
        found.append(written)
    asked = set(re.findall(r"[a-z0-9]+", key))
    scored = []
    for icon, (title, tags) in _icon_words(index_folder(index)).items():
        score = 2 if asked <= title else 1 if asked <= title | tags else 0
        if asked and score and icon in index:
            scored.append((-score, len(icon), icon))
    found.extend(icon for _, _, icon in sorted(scored))
    short_names = [n for n in index if "/" not in n]
    found.extend(difflib.get_close_matches(key, short_names, n=most, cutoff=0.6))
    return list(dict.fromkeys(found))[:most]


def index_folder(index: dict[str, Path]) -> Path:
    """The Health Icons folder an index was made from (its SVGs are at STYLE/GROUP/NAME.svg)."""
    return next(iter(index.values())).parent.parent.parent


@lru_cache(maxsize=4)
def icon_metadata(folder: Path) -> tuple[dict, ...]:
    """Health Icons' own meta-data.json beside the icons folder (each icon's id, path, title and
    tags), read once; none when it is missing or cannot be read."""
    try:
        return tuple(json.loads((folder.parent / "meta-data.json").read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return ()


@lru_cache(maxsize=4)
def _icon_words(folder: Path) -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """Each icon's words: those of its title, and those of its tags (Health Icons' meta-data)."""
    words = {}
    for entry in icon_metadata(folder):
        tags = " ".join(tag for tag in entry.get("tags", []) if ":" not in tag)
        words[str(entry.get("id", "")).lower()] = (
            frozenset(re.findall(r"[a-z0-9]+", str(entry.get("title", "")).lower())),
            frozenset(re.findall(r"[a-z0-9]+", tags.lower())),
        )
    return words


@lru_cache(maxsize=4)
def _icon_index(folder: Path) -> dict[str, Path]:
    """Every name an icon can be called by; filled icons win over outline ones."""
    index: dict[str, Path] = {}
    for style in ("outline", "filled"):
        for path in sorted((folder / style).glob("*/*.svg")):
            group, name = path.parent.name, path.stem.lower()
            index[f"{style}/{group}/{name}"] = path
            index[f"{group}/{name}"] = path
            index[name] = path
    return index


def icon_index(folder: Path) -> dict[str, Path]:
    """Every name an icon can be called by ('doctor', 'people/doctor', 'outline/people/doctor')."""
    return _icon_index(folder)


def icon_names() -> list[str]:
    """The short names of all installed icons."""
    return sorted(name for name in _icon_index(healthicons_folder()) if "/" not in name)
