"""Abbreviations spelled out in the text, "tyrosine kinase inhibitor (TKI)", for the front matter.

The words stay in the text as written: the leaflet reader sees that they are spelled out there
and does not spell them out a second time.
"""

from __future__ import annotations

import re

IN_BRACKETS = re.compile(r"\(([A-Za-z][A-Za-z0-9&-]*[A-Z0-9&])(s?)\)")
SEGMENT_END = re.compile(r"[,;:.!?()\[\]\"“”]")
WORD = re.compile(r"[A-Za-z][\w'’&-]*")
SMALL_WORDS = {"of", "and", "the", "for", "in", "on", "at", "to", "with", "a", "an", "&", "by"}
MAX_WORDS = 10


def find_abbreviations(texts: list[str]) -> dict[str, str]:
    """Abbreviation -> the words it stands for, from each first "full words (ABC)" that fits."""
    found: dict[str, str] = {}
    for text in texts:
        for match in IN_BRACKETS.finditer(text):
            abbreviation = match.group(1)
            if abbreviation in found or sum(c.isupper() for c in abbreviation) < 2:
                continue
            expansion = _expansion(text[: match.start()], abbreviation)
            if expansion:
                found[abbreviation] = expansion
    return found


def _expansion(before: str, abbreviation: str) -> str | None:
    """The shortest run of words just before the brackets whose first letters spell the abbreviation."""
    boundary = max((m.end() for m in SEGMENT_END.finditer(before)), default=0)
    segment = before[boundary:]
    words = list(WORD.finditer(segment))[-MAX_WORDS:]
    letters = [c.lower() for c in abbreviation if c.isalpha()]
    for count in range(1, len(words) + 1):
        chosen = words[-count:]
        if _spells(chosen, letters):
            text = segment[chosen[0].start() : chosen[-1].end()]
            at_start = not segment[: chosen[0].start()].strip() and before[boundary - 1 : boundary] in (
                "",
                ".",
            )
            rest_lower = all(w.group(0)[:1].islower() for w in chosen[1:])
            return text[0].lower() + text[1:] if at_start and rest_lower else text
    return None


def _spells(words: list[re.Match], letters: list[str]) -> bool:
    texts = [word.group(0) for word in words]
    if texts[0].lower() in SMALL_WORDS:
        return False
    whole = [w[0].lower() for w in texts]
    without_small = [w[0].lower() for w in texts if w.lower() not in SMALL_WORDS]
    parts = [p[0].lower() for w in texts if w.lower() not in SMALL_WORDS for p in w.split("-") if p]
    return letters in (whole, without_small, parts)
