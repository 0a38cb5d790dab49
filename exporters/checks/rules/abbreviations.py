"""Abbreviations and words in capitals: which is which, and which a reader is left to guess.

A word in capitals is an abbreviation when the leaflet treats it as one (the known list, its
`abbreviations:`, or spelled out anywhere, a heading included), when it is a marker written with
a sign ("HER2+", "Rh-") or when it is not a common English word ("PIF"). Only common words in
capitals that the leaflet does not treat as abbreviations ("DO NOT", "NOW") are shouting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...findings import Severity
from ...model import Abbreviation, walk_inlines
from ...sentences import word_spans
from ..units import Sentence
from ..vocabulary import zipf
from ..wordlists import load_words, phrase_list
from .base import Context, Rule, Scope, Switches
from .explanations import explained_before

SHOUTED_WORD_ZIPF = 4.0  # a word in capitals this common is shouted, not abbreviated
SHOUTED_SHORT_WORD_ZIPF = 5.0  # three letters: "NOW", "NOT", but not "PET" (scan)
ROMAN_NUMERALS = frozenset("II III IV VI VII VIII IX XI XII".split())
NUMBERED = frozenset(
    "stage type grade class phase part level chapter section appendix schedule category".split()
)
JOINING_WORDS = frozenset("of and the for in on to with a an".split())
MARKER_SIGNS = "+-−"  # "HER2+", "Rh-": a marker that something is there or not
_ABBREVIATION = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Za-z][A-Za-z0-9&-]*[A-Za-z0-9](?:['’]s)?$")
_MARKER = re.compile(r"^[A-Z][A-Za-z0-9]{1,5}$")
_BRACKET_BEFORE = re.compile(
    r"\(\s*(?:sometimes written|also written|written|shortened to|short for|or|also called|called)?\s*$",
    re.IGNORECASE,
)
_LETTER_LIST = re.compile(r"\b[A-Z]{1,2}(?:(?:,\s*|\s+or\s+|\s+and\s+)[A-Z]{1,2}\b){2,}")
_CALLED = re.compile(r"\b(?:called|named)\s+(?:an?\s+|the\s+)?$", re.IGNORECASE)


def root(word: str) -> str:
    """What an abbreviation is reported by once: "GPs" and "GP's" -> "GP", "CD20-positive" -> "CD20"."""
    bare = re.sub(r"['’]s$", "", word)
    if len(bare) > 2 and bare.endswith("s") and bare[-2].isupper():
        bare = bare[:-1]
    first = bare.split("-")[0]
    return first if first != bare and looks_abbreviated(first) else bare


def looks_abbreviated(word: str) -> bool:
    """ABC, GPs, eGFR, HbA1c, SpR: two capitals or more, and mostly capitals or with a digit
    (so that names such as McDonald are not taken for abbreviations)."""
    if len(word) < 2 or word.islower() or not _ABBREVIATION.match(word):
        return False
    letters = [c for c in re.sub(r"['’]?s$", "", word) if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    return capitals * 2 >= len(letters) or any(c.isdigit() for c in word)


def is_marker(sentence: Sentence, start: int, word: str) -> bool:
    """A word with a sign after it, "HER2+", "ER+", "Rh-", "Ph+": a marker of a test result."""
    end = start + len(word)
    text = sentence.text
    if not (_MARKER.match(word) and (len(word) == 2 or looks_abbreviated(word))):
        return False
    if end >= len(text) or text[end] not in MARKER_SIGNS:
        return False
    rest = text[end + 1 :]
    return not rest[:1].isalnum() and not re.match(r"\s+(?:and|or|to)\b", rest)  # "pre- and post-"


@dataclass(frozen=True)
class LeafletAbbreviations:
    """The abbreviations a leaflet lists or spells out somewhere, by root, and the full words that
    the text gives for them ("acute lymphoblastic leukaemia" before "(ALL)")."""

    listed: frozenset[str]
    spelled_out: frozenset[str]
    expansions: tuple[str, ...] = ()

    def known(self, word: str) -> bool:
        return word in self.listed or root(word) in self.listed or root(word) in self.spelled_out


def leaflet_abbreviations(context: Context) -> LeafletAbbreviations:
    return context.fact("abbreviations", _find_abbreviations)


def _find_abbreviations(context: Context) -> LeafletAbbreviations:
    listed = load_words("known-abbreviations.txt") | {e.abbreviation for e in context.document.abbreviations}
    sentences = list(context.sentences)
    spelled = set()
    expansions = [entry.expansion for entry in context.document.abbreviations]
    for position, sentence in enumerate(sentences):
        following = sentences[position + 1] if position + 1 < len(sentences) else None
        for start, word in sentence.spans:
            if (looks_abbreviated(word) or is_marker(sentence, start, word)) and spelled_out(
                sentence, start, start + len(word), following
            ):
                spelled.add(root(word))
                before = sentence.text[:start].rstrip("( ")
                expansions.extend(filter(None, [expansion_before(before, word)]))
    return LeafletAbbreviations(frozenset(listed), frozenset(spelled), tuple(expansions))


def expansion_before(before: str, abbreviation: str) -> str | None:
    """The words at the end of `before` whose first letters spell the abbreviation ("acute
    lymphoblastic leukaemia" for ALL); small joining words ("of", "and") may stand between."""
    letters = [c.lower() for c in root(abbreviation) if c.isalpha()]
    words = [word for _, word in word_spans(before)]
    picked: list[str] = []
    position, wanted = len(words) - 1, len(letters) - 1
    while position >= 0 and wanted >= 0:
        word = words[position]
        if word[0].lower() == letters[wanted]:
            picked.insert(0, word)
            wanted -= 1
        elif word.lower() in JOINING_WORDS and picked:
            picked.insert(0, word)
        else:
            return None
        position -= 1
    return " ".join(picked) if wanted < 0 else None


def spelled_out(sentence: Sentence, start: int, end: int, following: Sentence | None) -> bool:
    """ "full words (ABC)", "ABC (full words)", "ABC stands for ...", here or in the next sentence,
    or a marker named with plain words: "a protein called CD20". ("Also known as ABC" names an
    abbreviation; it does not spell it out.)"""
    before = sentence.text[:start]
    if in_brackets_with_words(sentence, start, end):
        return True
    if _CALLED.search(before) and explained_before(before):
        return True  # "a protein called CD19", "problems with the nerves, called ICANS"
    pattern = rf"\b{re.escape(sentence.text[start:end])}\W{{0,2}}\s+(?:stands for|means|is short for)\b"
    if re.search(pattern, sentence.text):
        return True
    return following is not None and bool(
        re.match(r"^(?:this|that|it)\s+(?:stands for|is short for)\b", following.text, re.IGNORECASE)
    )


def in_brackets_with_words(sentence: Sentence, start: int, end: int) -> bool:
    """ "full words (ABC)", "ABC (full words)", "RhD positive (sometimes written Rh+)"."""
    before, after = sentence.text[:start], sentence.text[end:]
    bracket = _BRACKET_BEFORE.search(before)
    if bracket and len(before[: bracket.start()].split()) >= 2:
        return True
    return bool(re.match(r"^[+−-]?\s*\((?:\w+[\s,-]+){1,}\w+", after))


def abbreviation(context: Context, switches: Switches) -> None:
    """Abbreviations and markers not spelled out at first use, each root reported once."""
    known = leaflet_abbreviations(context)
    latin = {key.upper().rstrip(".") for key in phrase_list("latin-abbreviations.yaml", False).entries}
    seen: set[str] = set()
    sentences = list(context.sentences)
    for position, sentence in enumerate(sentences):
        settings = switches.get(sentence.profile)
        if settings is None:
            continue
        following = sentences[position + 1] if position + 1 < len(sentences) else None
        for index, (start, word) in enumerate(sentence.spans):
            marker = is_marker(sentence, start, word)
            if not (marker or looks_abbreviated(word)) or word in known.listed:
                continue
            bare = root(word)
            if bare in seen or bare in known.listed or bare.upper() in latin:
                continue
            if _numbered(sentence, index, bare) or (not marker and shouted(sentence, index, known)):
                continue
            if _among_letters(sentence, index):
                continue
            seen.add(bare)
            if bare.lower() in sentence.block.marked_words or spelled_out(
                sentence, start, start + len(word), following
            ):
                continue
            shown = sentence.text[start : start + len(word) + marker]
            context.report_at("abbreviation", settings.severity, sentence, index,
                              f'"{shown}" is an abbreviation that is not spelled out at its first use.',
                              f'Write the words in full the first time: "the full words ({shown})", '
                              "or add it under 'abbreviations' in the front matter.", shown)  # fmt: skip
    _twice_spelled(context, switches)


def _twice_spelled(context: Context, switches: Switches) -> None:
    """An `abbreviations:` entry that the text spells out too. Where the outputs add the full words
    again ("measurable residual disease (minimal residual disease (MRD))") it is a warning."""
    settings = switches.get("standard")
    entries = {entry.abbreviation: entry.expansion for entry in context.document.abbreviations}
    if settings is None or not entries:
        return
    reported: set[str] = set()
    for sentence in context.sentences:
        for index, (start, word) in enumerate(sentence.spans):
            entry = word if word in entries else root(word)
            if entry not in entries or entry in reported:
                continue
            if not in_brackets_with_words(sentence, start, start + len(word)):
                continue
            reported.add(entry)
            doubled = any(isinstance(i, Abbreviation) and i.text == word and i.first_use
                          for i in walk_inlines(sentence.block.inlines))  # fmt: skip
            severity = settings.severity if doubled else Severity.SUGGESTION
            seen = "so readers see the full words twice" if doubled else "which the outputs already spell out"
            context.report_at("abbreviation", severity, sentence, index,
                              f'"{word}" is spelled out here and also under \'abbreviations\' as '
                              f'"{entries[entry]}", {seen}.',
                              "Keep one: delete the entry under 'abbreviations', or the full words here.",
                              word)  # fmt: skip


def _among_letters(sentence: Sentence, index: int) -> bool:
    """ "A, B, AB or O": blood groups (or grades) listed with single letters are not abbreviations."""
    return any(len(match.group(0).split()) >= 3 for match in _LETTER_LIST.finditer(sentence.text)
               if match.start() <= sentence.spans[index][0] < match.end())  # fmt: skip


def _numbered(sentence: Sentence, index: int, bare: str) -> bool:
    """A Roman numeral after a word that numbers things: "stage IV", but not "IV sedation"."""
    return bare in ROMAN_NUMERALS and index > 0 and sentence.words[index - 1].lower() in NUMBERED


def _common(word: str) -> bool:
    if not word.isalpha() or len(word) < 3:
        return False
    return zipf(word.lower()) >= (SHOUTED_WORD_ZIPF if len(word) > 3 else SHOUTED_SHORT_WORD_ZIPF)


def shouted(sentence: Sentence, index: int, known: LeafletAbbreviations) -> bool:
    """Whether a word in capitals is shouting: a common word the leaflet does not treat as an
    abbreviation, or a short word ("DO", "IF") beside one."""
    words = sentence.words
    word = words[index]
    if not word.isupper() or known.known(word):
        return False
    if _common(word):
        return True
    neighbours = [words[i] for i in (index - 1, index + 1) if 0 <= i < len(words)]
    return len(word) <= 3 and word.isalpha() and any(
        n.isupper() and _common(n) and not known.known(n) for n in neighbours
    )


def all_caps(context: Context, switches: Switches) -> None:
    """Words written in capitals for emphasis (blocks of capitals are hard to read)."""
    known = leaflet_abbreviations(context)
    for sentence, settings in context.sentences_for(switches):
        for index, word in enumerate(sentence.words):
            if len(word) < 2 or not shouted(sentence, index, known):
                continue
            if index > 0 and shouted(sentence, index - 1, known):
                continue  # report a run of capitals once, at its first word
            context.report_at(
                "all-caps",
                settings.severity,
                sentence,
                index,
                f'"{word}" is written in capital letters, which are harder to read.',
                "Write it in small letters; make it bold if it must stand out. If it is an "
                "abbreviation, spell it out the first time: \"the full words (ABC)\".",
                word,
            )


RULES = (
    Rule("abbreviation", Scope.SENTENCE, abbreviation, mark="hard"),
    Rule("all-caps", Scope.SENTENCE, all_caps),
)
