"""Splitting text into sentences and words, the way a reader would count them.

Unlike a single regular expression, the splitter keeps titles (Dr, St), Latin abbreviations
(e.g., i.e.), times (a.m.) and numbers (1.5 mg, 37.5C) inside their sentence, and never drops
a short sentence: "Ask us." is a sentence.
"""

from __future__ import annotations

import re

# A full stop after one of these never ends a sentence: a name or a number follows.
TITLES = frozenset("dr mr mrs ms mx prof st sr jr dept".split())
# A full stop after one of these ends no sentence when a number follows ("No. 5", "approx. 20").
BEFORE_NUMBERS = frozenset("no nos fig vol approx tel ext ref p pp".split())
# A full stop after one of these ends a sentence only when a capital letter follows
# and the word is not one that usually runs on ("e.g. Tom" does not end).
RUN_ON = frozenset("e.g eg i.e ie cf viz vs".split())
TIMES = frozenset("a.m am p.m pm".split())
# Words that start sentences and are not names: after "Area C." they start a new sentence.
SENTENCE_OPENERS = frozenset(
    "the a an you your we our it its this these that those they there if when please allow ask call "
    "phone take do don't try most some many".split()
)

_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+|$)")
_SPACES = re.compile(r"\s*")
_WORD = re.compile(r"[A-Za-z0-9À-ÿ]+(?:['’.&-][A-Za-z0-9À-ÿ]+)*")


def split_sentences(text: str) -> list[tuple[int, str]]:
    """The sentences of one unit of text (a paragraph, a list item, a heading).

    Returns (offset in `text`, sentence) pairs; every sentence with at least one word is kept.
    """
    sentences: list[tuple[int, str]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if not _ends_sentence(text, match.start(), end):
            continue
        _keep(sentences, text, start, end)
        start = end
    _keep(sentences, text, start, len(text))
    return sentences


def _keep(sentences: list[tuple[int, str]], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped and _WORD.search(stripped):
        sentences.append((start + len(piece) - len(piece.lstrip()), stripped))
    elif stripped and sentences:  # stray punctuation belongs to the sentence before
        offset, previous = sentences[-1]
        sentences[-1] = (offset, text[offset:end].strip())


def _ends_sentence(text: str, stop: int, end: int) -> bool:
    """Whether the punctuation at text[stop:end] closes a sentence."""
    if text[stop] != ".":
        return True
    begin = stop  # the word before the stop; found by stepping back, which stays linear on any text
    while begin > 0 and not text[begin - 1].isspace():
        begin -= 1
    token = text[begin:stop].lower().lstrip("(\"'‘“")
    after = _SPACES.match(text, end).end()
    following = text[after : after + 2]
    next_char = following[:1]
    if not next_char:
        return True
    if token in TITLES or (token in BEFORE_NUMBERS and next_char.isdigit()):
        return False
    if len(token) == 1 and token.isalpha() and next_char.isupper():
        return _after_a_letter(text[:stop], following)
    if token in RUN_ON:
        return False
    if token in TIMES or token == "etc":
        return next_char.isupper() and not following.startswith(("I ", "GP"))
    return not next_char.islower()


def _after_a_letter(before: str, following: str) -> bool:
    """Whether "X." ends a sentence: "the ground floor, Area C. Allow an hour", "A, B, AB or O. The
    second ...", but not an initial: "Dr J. Smith", "John F. Kennedy"."""
    previous = before[:-1].split()[-1:] if before[:-1].split() else []
    next_word = following.split()[0].strip("\"'‘“(").lower() if following.split() else ""
    if previous and previous[0].islower():
        return True
    return next_word in SENTENCE_OPENERS


def words(sentence: str) -> list[str]:
    """The words of a sentence; numbers count as words, as a reader reads them."""
    return _WORD.findall(sentence)


def word_spans(sentence: str) -> list[tuple[int, str]]:
    """The words of a sentence with their offsets."""
    return [(match.start(), match.group(0)) for match in _WORD.finditer(sentence)]


def word_gaps(text: str, spans: list[tuple[int, str]]) -> list[str]:
    """The text after each word of `spans` (from word_spans), up to the next word: its
    punctuation and spaces."""
    starts = [start for start, _ in spans[1:]] + [len(text)]
    pairs = zip(spans, starts, strict=True)
    return [text[start + len(word) : following] for (start, word), following in pairs]
