"""Choosing a picture for an easy-read row from its words, with layouts/easy-read/pictures.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ..variants import LAYOUTS

PICTURE_WORDS = LAYOUTS / "easy-read" / "pictures.yaml"


@dataclass(frozen=True, slots=True)
class PictureWords:
    words: tuple[str, ...]
    icon: str
    alt: str
    general: bool = False

    def matches(self, text: str) -> bool:
        return any(
            re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text, re.IGNORECASE) for word in self.words
        )


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


def choose_picture(text: str, entries: tuple[PictureWords, ...]) -> PictureWords | None:
    """The one picture the words call for, or None when none or several fit.

    Health words (nurse, drip, tablets) decide first; everyday words (time, ask, home)
    only when no health word matches.
    """
    for general in (False, True):
        found = {entry.icon: entry for entry in entries if entry.general == general and entry.matches(text)}
        if len(found) == 1:
            return next(iter(found.values()))
        if found:
            return None
    return None
