"""Choosing a picture for an easy-read row from its words.

The candidates come from whole-word matches on our curated words (layouts/easy-read/pictures.yaml)
and on Health Icons' own titles and tags (its meta-data.json). A row gets a picture only when one
candidate clearly wins; otherwise the candidates are offered to a person. Words written in capitals
are abbreviations ("CAR-T", "PET") and never call for a picture ("car", "pet").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ..variants import LAYOUTS
from .pictures import healthicons_folder, icon_index, icon_metadata

PICTURE_WORDS = LAYOUTS / "easy-read" / "pictures.yaml"
ICON_WORDS = LAYOUTS / "easy-read" / "icon-words.yaml"
_CAPITALS = re.compile(r"(?<![\w-])[A-Z][A-Z0-9&]+(?:-[A-Za-z0-9]+)*(?![\w-])")
# What a row says is not so calls for no picture of it: "It does not hurt", "You cannot eat".
NEGATIONS = ("not", "no", "never", "cannot", "can't", "don't", "won't", "without")
_NEGATED = re.compile(rf"\b((?:{'|'.join(NEGATIONS)})\s+)(?:[\w'-]+\s+){{0,2}}[\w'-]+", re.IGNORECASE)
_NAME = re.compile(r"(?<=[\w,;:)] )(?:[A-Z][a-z]+(?: (?:of|and|for|the) )?)+(?:[A-Z][a-z]+)?")


@dataclass(frozen=True, slots=True)
class PictureWords:
    words: tuple[str, ...]
    icon: str
    alt: str
    general: bool = False


@dataclass(frozen=True, slots=True)
class Candidate:
    icon: str  # the name to write after "icon:", as the first list that found it calls it
    alt: str
    score: float
    path: str  # group/name, as Health Icons files it


@lru_cache(maxsize=8192)
def _whole_word(word: str) -> re.Pattern[str]:
    """The word as a whole word, singular or plural: "fruit" finds "Fruits", "tablets" finds "tablet"."""
    return re.compile(rf"(?<![\w-]){re.escape(_singular(word.lower()))}(?:s|es)?(?![\w-])", re.IGNORECASE)


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
    never = set(settings["never"])
    vague = set(settings["vague-tags"])
    entries: list[PictureWords] = []
    for icon in icon_metadata(folder):
        path = str(icon["path"])
        if path in never or path.split("/")[0] in never:
            continue
        title = str(icon["title"]).strip()
        tags = [t.strip() for t in icon.get("tags", []) if _useful_tag(t.strip(), vague)]
        alt = title[:1].upper() + title[1:].lower()
        if title.lower() not in vague:
            entries.append(PictureWords((title.lower(),), path, alt, general=False))
        entries.append(PictureWords(tuple(t.lower() for t in tags if t.lower() != title.lower()), path, alt,
                                    general=True))  # fmt: skip
    return tuple(entry for entry in entries if entry.words)


def _useful_tag(tag: str, vague: set[str]) -> bool:
    """A tag that says what the icon shows: not "dhis2:...", a letter ("A"), an abbreviation ("IT",
    which would match "it") or a vague word."""
    return ":" not in tag and len(tag) > 2 and not tag.isupper() and tag.lower() not in vague


Found = tuple[int, int, str, str, PictureWords, int]  # start, end, word, icon path, entry, weight


def picture_candidates(text: str, entries: tuple[PictureWords, ...] | None = None) -> list[Candidate]:
    """Every picture the words call for, best first, scored by what matched: a curated health word
    3, a Health Icons title 2, a curated everyday word or a Health Icons tag 1. A longer phrase
    takes its words from shorter ones of other pictures: "blood sugar" is a glucometer, not sugar."""
    curated = load_picture_words() if entries is None else entries
    words = _negated(curated).sub(r"\1", _NAME.sub(" ", _CAPITALS.sub(" ", text)))  # see _NEGATED, _NAME
    found = _matches(words, curated)
    taken: list[tuple[int, int, str]] = []
    scores: dict[str, float] = {}
    counted: set[tuple[str, int]] = set()
    for start, end, _, path, entry, weight in sorted(found, key=lambda f: f[0] - f[1]):
        if any(start < to and since < end and other != path for since, to, other in taken):
            continue
        taken.append((start, end, path))
        if (path, id(entry)) not in counted:  # an entry counts once, however many of its words it finds
            counted.add((path, id(entry)))
            scores[path] = scores.get(path, 0) + weight
    ours = {f[3]: f[4] for f in reversed(found) if f[4] in curated}  # our name and alt text, if ours
    health = {f[3]: f[4] for f in found}
    candidates = [Candidate((ours.get(path) or health[path]).icon, (ours.get(path) or health[path]).alt,
                            score, path) for path, score in scores.items()]  # fmt: skip
    return sorted(candidates, key=lambda c: (-c.score, c.path))


@lru_cache(maxsize=4)
def _negated(curated: tuple[PictureWords, ...]) -> re.Pattern[str]:
    """_NEGATED, except where the negation starts one of our phrases: "do not smoke" has a picture
    of its own (the no-smoking sign), so "smoke" stays."""
    kept = set()
    for word in (word.lower() for entry in curated for word in entry.words):
        tokens = word.split()
        where = next((i for i, token in enumerate(tokens) if token in NEGATIONS), None)
        if where is not None and where + 1 < len(tokens):
            kept.add(" ".join(tokens[where + 1 :]))
    if not kept:
        return _NEGATED
    keep = "|".join(re.escape(phrase) for phrase in sorted(kept))
    return re.compile(_NEGATED.pattern.replace(r"\s+)", rf"\s+)(?!(?:{keep})\b)", 1), re.IGNORECASE)


def _matches(words: str, curated: tuple[PictureWords, ...]) -> list[Found]:
    """Every whole-word match of the curated words and the Health Icons titles and tags in `words`.
    Terms are looked up by their first word, so only the few that can match are tried."""
    found: list[Found] = []
    firsts = {_singular(token) for token in re.findall(r"[\w'&-]+", words.lower())}
    for first in firsts:
        for word, path, entry, score in _term_index(curated).get(first, ()):
            hits = _whole_word(word).finditer(words)
            found.extend((hit.start(), hit.end(), word, path, entry, score) for hit in hits)
    return found


@lru_cache(maxsize=4)
def _term_index(curated: tuple[PictureWords, ...]) -> dict[str, list[tuple[str, str, PictureWords, int]]]:
    """Each term of our list and of Health Icons, by its first word: (term, icon path, entry, score)."""
    weights = icon_words()["weights"]
    index = icon_index(healthicons_folder())
    terms: dict[str, list[tuple[str, str, PictureWords, int]]] = {}
    for group, weight, general_weight in (
        (curated, weights["curated"], weights["curated-everyday"]),
        (health_icon_words(healthicons_folder()), weights["title"], weights["tag"]),
    ):
        for entry in group:
            path = _full_name(entry.icon, index)
            for word in entry.words:
                first = _singular(word.lower().split()[0]) if word.split() else ""
                score = general_weight if entry.general else weight
                terms.setdefault(first, []).append((word, path, entry, score))
    return terms


def _singular(word: str) -> str:
    """The form a word is looked up by: "fruits" and "fruit" alike."""
    if word.endswith("es") and len(word) > 4 and word[:-2].endswith(("s", "x", "ch", "sh")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 3 else word


def clear_winner(candidates: list[Candidate]) -> Candidate | None:
    """The best candidate when it is strong enough and ahead of the next by a clear margin."""
    rules = icon_words()["decide"]
    if not candidates or candidates[0].score < rules["least-score"]:
        return None
    if len(candidates) > 1 and candidates[0].score - candidates[1].score < rules["margin"]:
        return None
    if len(candidates) > 1 and candidates[0].score == rules["least-score"]:
        return None  # a title alone is not sure enough beside another candidate
    return candidates[0]


def choose_picture(text: str, entries: tuple[PictureWords, ...] | None = None) -> Candidate | None:
    """The one picture the words clearly call for, or None when none or several fit."""
    return clear_winner(picture_candidates(text, entries))


def _full_name(icon: str, index: dict[str, Path]) -> str:
    """'doctor' -> 'people/doctor', as Health Icons files it (unchanged when it is not installed)."""
    path = index.get(icon.lower())
    return f"{path.parent.name}/{path.stem}" if path is not None else icon
