"""A respelling ('im-MAT-in-ib') as espeak-ng's phonemes ("Im'matInIb"), by the key in
layouts/audio/respelling.yaml: each syllable's letters, longest group first, become sounds, and
the syllable in capitals is stressed. A key, rather than espeak-ng's guess at each syllable on its
own, so that "a" is the "a" of "cat" and not the name of the letter. Letters said one by one
('NHS') take their names from the same file."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from .spoken import Letters

RESPELLING_FILE = "audio/respelling.yaml"
CONSONANT = "bcdfghjklmnpqrstvwxz"


@lru_cache(maxsize=4)
def load_respelling_key(layouts: Path) -> dict:
    return yaml.safe_load((layouts / RESPELLING_FILE).read_text(encoding="utf-8"))


def respelled(respelling: str, key: dict) -> str:
    """Every word of the respelling, its syllables' sounds joined, a stress mark before the loud one."""
    words = []
    for word in respelling.split():
        syllables = [s for s in re.split(r"[-'’]", word) if s]
        stressed = [syllable.isupper() for syllable in syllables]
        if not any(stressed):
            stressed[0] = True
        said = (
            ("'" if loud else "") + syllable_sounds(s.lower(), key, loud)
            for s, loud in zip(syllables, stressed, strict=True)
        )
        words.append("".join(said))
    return " ".join(words)


def syllable_sounds(syllable: str, key: dict, stressed: bool) -> str:
    sounds = key["sounds"]
    long_vowel = re.fullmatch(rf"(.*)([aeiou])([{CONSONANT}])e", syllable)
    if long_vowel:
        head, vowel, consonant = long_vowel.groups()
        return syllable_sounds(head, key, stressed) + key["long_vowels"][vowel] + sounds[consonant]
    if re.fullmatch(rf".*[{CONSONANT}]y", syllable) and not re.search("[aeiou]", syllable):
        return syllable_sounds(syllable[:-1], key, stressed) + key["final_y"]
    found, position = [], 0
    longest = max(len(letters) for letters in sounds)
    while position < len(syllable):
        for size in range(min(longest, len(syllable) - position), 0, -1):
            letters = syllable[position : position + size]
            if letters in sounds:
                weak = not stressed and letters in key["unstressed"]
                found.append(key["unstressed"][letters] if weak else sounds[letters])
                position += size
                break
        else:
            position += 1  # a letter the key does not know is left out
        if len(found) > 1 and found[-1] == found[-2] and found[-1] in CONSONANT:
            found.pop()  # "parra": a doubled consonant sounds as one
    return "".join(found)


def letters(piece: Letters, key: dict) -> str:
    """'NHS' -> ',En,eItS'Es': every letter stressed a little and the last the most, as initials are."""
    names = [key["letters"][char.upper()] for char in piece.text if char.upper() in key["letters"]]
    if not names:
        return ""
    said = "".join("," + name for name in names[:-1]) + "'" + names[-1]
    if piece.plural:
        said += key["plural_after_hiss"] if piece.text[-1].upper() in "SXZH" else key["plural"]
    return said
