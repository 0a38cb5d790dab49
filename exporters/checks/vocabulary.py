"""How common a word is (wordfreq's Zipf scale), judged generously so that plain words pass.

A word is given the highest frequency of its British and US spellings, its stems ("thins" ->
"thin", "spongy" -> "sponge") and, for a compound, its two halves ("fingernail", "helpline").
"""

from __future__ import annotations

import re
from functools import lru_cache

from wordfreq import zipf_frequency

from .syllables import BRITISH_TO_US

STEM_ENDINGS = ("s", "es", "ed", "d", "ing", "ly", "ness", "y", "er", "est", "ful", "less")
COMMON_HALF = 3.5  # each half of a compound must be a common word
MIN_HALF = 3
MAX_COMPOUND = 30  # letters: "antidisestablishmentarianism" has 28; past this a word is no compound of two


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    return zipf_frequency(word, "en")


@lru_cache(maxsize=65536)
def familiarity(word: str) -> float:
    """The highest Zipf frequency of the word in any of its spellings, stems or halves."""
    lower = word.lower()
    return max(_simple_familiarity(lower), _compound(lower))


@lru_cache(maxsize=65536)
def _simple_familiarity(lower: str) -> float:
    """The highest Zipf frequency of the word's spellings and stems."""
    candidates = {lower, *_us_forms(lower)}
    for ending in STEM_ENDINGS:
        if lower.endswith(ending) and len(lower) - len(ending) >= MIN_HALF:
            stem = lower[: -len(ending)]
            candidates.update((stem, stem + "e", *_us_forms(stem)))
            if len(stem) > 3 and stem[-1] == stem[-2]:
                candidates.add(stem[:-1])  # "bleeding" -> "bleed" is whole; "stopped" -> "stop"
    return max(zipf(candidate) for candidate in candidates)


def _us_forms(word: str) -> list[str]:
    return [word.replace(british, american) for british, american in BRITISH_TO_US if british in word]


def _compound(word: str) -> float:
    """The familiarity of the rarer half of a compound ("fingernail"); 0 for no compound.
    Each split costs a look-up, so a word of 100,000 letters must not be split at every letter."""
    if len(word) > MAX_COMPOUND and "-" not in word:
        return 0.0
    if "-" in word:
        parts = [part for part in re.split(r"-+", word) if part]
        return min((_simple_familiarity(part) for part in parts), default=0.0)
    for split in range(MIN_HALF, len(word) - MIN_HALF + 1):
        first, second = word[:split], word[split:]
        if zipf(first) >= COMMON_HALF and _simple_familiarity(second) >= COMMON_HALF:
            return min(zipf(first), _simple_familiarity(second))
    return 0.0
