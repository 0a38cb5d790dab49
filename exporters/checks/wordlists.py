"""The word lists of data/, and finding their words and phrases in a sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml


def _data_text(name: str) -> str:
    return resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")


# PyYAML's C loader when it was built with libyaml: the same data, ten times faster to load.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def load_yaml(name: str) -> Any:
    return yaml.load(_data_text(name), Loader=SAFE_LOADER)


@cache
def load_words(name: str) -> frozenset[str]:
    """A text list: one entry a line, '#' starts a comment."""
    lines = (line.split("#", 1)[0].strip() for line in _data_text(name).splitlines())
    return frozenset(line for line in lines if line)


def inflections(word: str) -> list[str]:
    """A word and its usual endings: commence, commences, commenced, commencing."""
    stem = word[:-1] if word.endswith("e") else word
    forms = [word, word + "s", word + "es", stem + "ed", stem + "ing", word + "d"]
    if word.endswith("y") and len(word) > 3 and word[-2] not in "aeiou":
        forms += [word[:-1] + "ies", word[:-1] + "ied"]
    return forms


def _word_forms(key: str, inflect: bool) -> list[frozenset[str]]:
    """The forms each word of an entry may take: "a|b" lists them; a lone word gets its endings."""
    words = key.lower().split()
    if len(words) == 1 and "|" not in key and inflect and key.isalpha():
        return [frozenset(inflections(words[0]))]
    return [frozenset(word.split("|")) for word in words]


_TOKEN = re.compile(r"\w+(?:[.'’&-]\w+)*\.?")


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    text: str
    key: str
    alternative: str


Token = tuple[int, str, str]  # offset, the token in small letters, the same without a final full stop


def list_tokens(text: str) -> list[Token]:
    """The tokens of a text for matching the lists: "e.g." and "A&E" are one token."""
    tokens = []
    for match in _TOKEN.finditer(text):
        token = match.group(0).replace("’", "'").lower()
        tokens.append((match.start(), token, token.rstrip(".")))
    return tokens


def words_of(tokens: list[Token]) -> frozenset[str]:
    """Every form a list may match a token by: as written and without its final full stop."""
    return frozenset(word for _, token, bare in tokens for word in (token, bare))


Candidates = list[tuple[str, list[frozenset[str]]]]


class PhraseList:
    """Finds the entries of a list (word or phrase -> alternative) in text, longest first.

    Entries are indexed by their first word (and, for phrases, their first two words), which is
    many times faster than one regular expression of all the entries.
    """

    def __init__(self, entries: dict[str, str], inflect: bool = True) -> None:
        self.entries = entries
        self._singles: dict[str, Candidates] = {}
        self._phrases: dict[tuple[str, str], Candidates] = {}
        for key in sorted(entries, key=lambda k: (-len(k.split()), -len(k))):
            forms = _word_forms(key, inflect)
            if len(forms) == 1:
                for word in forms[0]:
                    self._singles.setdefault(word, []).append((key, forms))
                continue
            for first in forms[0]:
                for second in forms[1]:
                    self._phrases.setdefault((first, second), []).append((key, forms))
        self._firsts = frozenset(self._singles) | frozenset(first for first, _ in self._phrases)

    def find(self, text: str, tokens: list[Token] | None = None,
             token_set: frozenset[str] | None = None) -> list[Match]:  # fmt: skip
        """The entries in `text`; `tokens` (and the set of their words) when the caller has them."""
        tokens = tokens if tokens is not None else list_tokens(text)
        firsts = self._firsts
        if firsts.isdisjoint(token_set if token_set is not None else words_of(tokens)):
            return []
        found: list[Match] = []
        index = 0
        while index < len(tokens):
            _, token, bare = tokens[index]
            if token not in firsts and bare not in firsts:
                index += 1
                continue
            match = self._match_at(text, tokens, index)
            if match is None:
                index += 1
                continue
            found.append(match[0])
            index = match[1]
        return found

    def _candidates(self, tokens: list[Token], index: int) -> Candidates:
        _, token, bare = tokens[index]
        phrases: Candidates = []
        if index + 1 < len(tokens):
            _, second, second_bare = tokens[index + 1]
            for pair in {(token, second), (token, second_bare), (bare, second), (bare, second_bare)}:
                phrases.extend(self._phrases.get(pair, []))
            phrases.sort(key=lambda candidate: (-len(candidate[1]), -len(candidate[0])))
        return phrases + self._singles.get(token, []) + self._singles.get(bare, [])

    def _match_at(self, text: str, tokens: list[Token], index: int) -> tuple[Match, int] | None:
        for key, forms in self._candidates(tokens, index):
            end = _ends_at(tokens, index, forms)
            if end is not None:
                start = tokens[index][0]
                return Match(start, end, text[start:end], key, str(self.entries[key])), index + len(forms)
        return None


def _ends_at(tokens: list[Token], index: int, forms: list[frozenset[str]]) -> int | None:
    """Where the entry with these word forms ends if it starts at tokens[index], else None."""
    if index + len(forms) > len(tokens):
        return None
    end = 0
    for offset, choices in enumerate(forms):
        start, token, bare = tokens[index + offset]
        if token in choices:
            end = start + len(token)
        elif bare in choices:
            end = start + len(bare)
        else:
            return None
    return end


@cache
def phrase_list(name: str, inflect: bool = True) -> PhraseList:
    entries = load_yaml(name)
    return PhraseList({str(key): str(value) for key, value in entries.items()}, inflect)


@cache
def everyday_phrases() -> PhraseList:
    """Phrases that hold a listed word but that readers know ("local anaesthetic", "the following"):
    the word-list rules report nothing inside them."""
    return PhraseList({phrase: "" for phrase in load_words("everyday-phrases.txt")}, inflect=False)


def outside_everyday_phrases(found: list[Match], text: str, tokens: list[Token] | None = None,
                             token_set: frozenset[str] | None = None) -> list[Match]:  # fmt: skip
    """The matches of a list that do not stand inside an everyday phrase of the text."""
    if not found:  # most sentences: no need to look for the phrases
        return found
    everyday = everyday_phrases().find(text, tokens, token_set)
    return [m for m in found if not any(e.start <= m.start and m.end <= e.end for e in everyday)]
