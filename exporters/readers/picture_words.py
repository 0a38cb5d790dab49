"""Choosing a picture for an easy-read row from its words.

The candidates come from whole-word matches on our curated words (layouts/easy-read/pictures.yaml)
and on Health Icons' own titles and tags (its meta-data.json). A row gets a picture only when one
candidate clearly wins; otherwise the candidates are offered to a person. Words written in capitals
are abbreviations ("CAR-T", "PET") and never call for a picture ("car", "pet").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ..variants import LAYOUTS
from .pictures import healthicons_folder, icon_index

PICTURE_WORDS = LAYOUTS / "easy-read" / "pictures.yaml"
ICON_WORDS = LAYOUTS / "easy-read" / "icon-words.yaml"
_CAPITALS = re.compile(r"(?<![\w-])[A-Z][A-Z0-9&]+(?:-[A-Za-z0-9]+)*(?![\w-])")
_NAME = re.compile(r"(?<=[\w,;:)] )(?:[A-Z][a-z]+(?: (?:of|and|for|the) )?)+(?:[A-Z][a-z]+)?")


@dataclass(frozen=True, slots=True)
class PictureWords:
    words: tuple[str, ...]
    icon: str
    alt: str
    general: bool = False

    def matches(self, text: str) -> bool:
        return bool(self.matched(text))

    def matched(self, text: str) -> list[str]:
        """The entry's words found in `text` as whole words (a plural too)."""
        return [word for word in self.words if _whole_word(word).search(text)]


@dataclass(frozen=True, slots=True)
class Candidate:
    icon: str  # the name to write after "icon:", as the first list that found it calls it
    alt: str
    score: float
    because: tuple[str, ...]  # the words that called for it
    path: str  # group/name, as Health Icons files it


@lru_cache(maxsize=8192)
def _whole_word(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(word)}(?:s|es)?(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=4)
def load_picture_words(path: Path = PICTURE_WORDS) -> tuple[PictureWords, ...]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return tuple(
        PictureWords(
            tuple(str(w) for w in entry["words"]),
            str(entry["icon"]),
            entry["alt"],
            bool(entry.get("general", False)),
        )  # fmt: skip
        for entry in entries
    )


@lru_cache(maxsize=2)
def icon_words(path: Path = ICON_WORDS) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=2)
def health_icon_words(folder: Path) -> tuple[PictureWords, ...]:
    """Each Health Icon's title and tags as words that call for it (the title counts more), less
    the icons a health leaflet never wants by chance (icon-words.yaml's `never`)."""
    settings = icon_words()
    meta = folder.parent / "meta-data.json"
    if not meta.is_file():
        return ()
    never = set(settings["never"])
    vague = set(settings["vague-tags"])
    entries: list[PictureWords] = []
    for icon in json.loads(meta.read_text(encoding="utf-8")):
        path = str(icon["path"])
        if path in never or path.split("/")[0] in never:
            continue
        title = str(icon["title"]).strip()
        tags = [t.strip() for t in icon.get("tags", []) if ":" not in t and t.strip().lower() not in vague]
        alt = title[:1].upper() + title[1:].lower()
        if title.lower() not in vague:
            entries.append(PictureWords((title.lower(),), path, alt, general=False))
        entries.append(PictureWords(tuple(t.lower() for t in tags if t.lower() != title.lower()), path, alt,
                                    general=True))  # fmt: skip
    return tuple(entry for entry in entries if entry.words)


def picture_candidates(text: str, entries: tuple[PictureWords, ...] | None = None) -> list[Candidate]:
    """Every picture the words call for, best first, scored by what matched: a curated health word
    3, a Health Icons title 2, a curated everyday word or a Health Icons tag 1."""
    weights = icon_words()["weights"]
    words = _NAME.sub(" ", _CAPITALS.sub(" ", text))  # abbreviations and names call for no picture
    index = icon_index(healthicons_folder())
    curated = load_picture_words() if entries is None else entries
    scores: dict[str, Candidate] = {}
    sources = (
        (curated, weights["curated"], weights["curated-everyday"]),
        (health_icon_words(healthicons_folder()), weights["title"], weights["tag"]),
    )
    for group, weight, general_weight in sources:
        for entry in group:
            found = entry.matched(words)
            if not found:
                continue
            path = _full_name(entry.icon, index)
            earlier = scores.get(path)
            score = (general_weight if entry.general else weight) + (earlier.score if earlier else 0)
            if earlier is None:
                scores[path] = Candidate(entry.icon, entry.alt, score, tuple(found), path)
            else:  # ours come first: keep our name and alt text
                scores[path] = Candidate(earlier.icon, earlier.alt, score, (*earlier.because, *found), path)
    return sorted(scores.values(), key=lambda c: (-c.score, c.path))


def clear_winner(candidates: list[Candidate]) -> Candidate | None:
    """The best candidate when it is strong enough and ahead of the next by a clear margin."""
    rules = icon_words()["decide"]
    if not candidates or candidates[0].score < rules["least-score"]:
        return None
    if len(candidates) > 1 and candidates[0].score - candidates[1].score < rules["margin"]:
        return None
    return candidates[0]


def choose_picture(text: str, entries: tuple[PictureWords, ...] | None = None) -> Candidate | None:
    """The one picture the words clearly call for, or None when none or several fit."""
    return clear_winner(picture_candidates(text, entries))


def _full_name(icon: str, index: dict[str, Path]) -> str:
    """'doctor' -> 'people/doctor', as Health Icons files it (unchanged when it is not installed)."""
    path = index.get(icon.lower())
    return f"{path.parent.name}/{path.stem}" if path is not None else icon
