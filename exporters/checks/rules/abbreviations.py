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
from ..passive import passive_words
from ..units import Sentence
from ..vocabulary import zipf
from ..wordlists import load_words, phrase_list
from .base import Context, Rule, Scope, Switches
from .explanations import explained_before
from .surroundings import row_neighbours

SHOUTED_WORD_ZIPF = 4.0  # a word in capitals this common is shouted, not abbreviated
SHOUTED_SHORT_WORD_ZIPF = 5.0  # three letters: "NOW", "NOT", but not "PET" (scan)
NAME_WORD_ZIPF = 3.0  # a word in capitals this common, beside an abbreviation, is a word of a name
# A cell that says what a marker is: "A change that ...", "Your cells have a gene called ...".
_EXPLAINS_A_MARKER = re.compile(r"^(?:an?|the|your|a kind of|a type of)\s+[a-z]", re.IGNORECASE)
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
# "a protein called CD20", "two genes, called BRCA1 and BRCA2", "other genes, such as PALB2 and TP53"
_CALLED = re.compile(
    r"\b(?:called|named|such as)\s+(?:an?\s+|the\s+)?(?P<list>(?:[\w+-]+(?:\s*,\s*|\s+and\s+|\s+or\s+))*)$",
    re.IGNORECASE,
)
# A word a marker's name may end with: "FLT3-positive", "HER2-negative", "CD20-low".
MARKER_ENDINGS = ("-positive", "-negative", "-low", "-high", "+", "-", "−")
# A word before a common word in capitals that makes it a name: "people with ALL", "your ALL".
AFTER_A_NAME = frozenset(  # "your ALL may come back", "ALL cells": a verb or a noun after a name
    "has have had can may might will would could should must does did usually often cells cell "
    "treatment".split()
)
TAKES_A_NAME = frozenset("with for of have has had your the their my called treat treating treats".split())


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
    called = _CALLED.search(before)
    if called and explained_before(before[: called.start("list")]):
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
    if bracket and len(before[: bracket.start()].split()) >= 2 and re.match(r"^['’]?s?[+−-]?\s*\)", after):
        return True  # the bracket holds the abbreviation alone, not a list: "(BP, pulse, temperature)"
    return bool(re.match(r"^[+−-]?\s*\((?:\w+[\s,-]+){1,}\w+", after))


def abbreviation(context: Context, switches: Switches) -> None:
    """Abbreviations and markers not spelled out at first use, each root reported once. A heading
    that names an abbreviation without spelling it out leaves its first use to the text below."""
    seen: set[str] = set()
    in_headings: dict[str, tuple] = {}  # root -> where a heading first named it
    sentences = list(context.sentences)
    for position, sentence in enumerate(sentences):
        settings = switches.get(sentence.profile)
        if settings is None:
            continue
        following = sentences[position + 1] if position + 1 < len(sentences) else None
        for index, bare in _abbreviations_in(context, sentence):
            if bare in seen:
                continue
            explained = bare.lower() in sentence.block.marked_words or _spelled_out_near(
                context, sentence, bare, following
            )
            if sentence.block.kind == "heading" and not explained:
                in_headings.setdefault(bare, (sentence, index, settings))
                continue
            seen.add(bare)
            if not explained:
                _report_unexplained(context, sentence, index, settings)
    for bare, (sentence, index, settings) in in_headings.items():
        if bare not in seen:  # named only in headings
            _report_unexplained(context, sentence, index, settings)
    _twice_spelled(context, switches)


def _abbreviations_in(context: Context, sentence: Sentence) -> list[tuple[int, str]]:
    """(word number, root) of each abbreviation or marker of the sentence that the leaflet does
    not list: not a known one, a Latin one, a numeral, a shouted word or a word of a name."""
    known = leaflet_abbreviations(context)
    latin = {key.upper().rstrip(".") for key in phrase_list("latin-abbreviations.yaml", False).entries}
    found = []
    for index, (start, word) in enumerate(sentence.spans):
        marker = is_marker(sentence, start, word)
        if not (marker or looks_abbreviated(word)) or word in known.listed:
            continue
        bare = root(word)
        if bare in known.listed or bare.upper() in latin or _numbered(sentence, index, bare):
            continue
        if (not marker and shouted(sentence, index, known)) or _among_letters(sentence, index):
            continue
        if _word_of_a_name(sentence, index):
            continue
        found.append((index, bare))
    return found


def _report_unexplained(context: Context, sentence: Sentence, index: int, settings) -> None:
    start, word = sentence.spans[index]
    shown = sentence.text[start : start + len(word) + is_marker(sentence, start, word)]
    context.report_at("abbreviation", settings.severity, sentence, index,
                      f'"{shown}" is an abbreviation that is not spelled out at its first use.',
                      f'Write the words in full the first time: "the full words ({shown})", '
                      "or add it under 'abbreviations' in the front matter.", shown)  # fmt: skip


def _spelled_out_near(context: Context, sentence: Sentence, bare: str, following: Sentence | None) -> bool:
    """Spelled out in this sentence (at any of its uses: "the PIF TICK, the mark of the Patient
    Information Forum (PIF)"), or in another cell of the same table row; a marker ("FLT3-positive")
    is also explained by a cell of its row that says in plain words what it is ("A gene change")."""
    if _spelled_out_in(sentence, bare, following):
        return True
    for heading, cell in row_neighbours(context, sentence.block):
        if any(_spelled_out_in(other, bare, None) for other in cell.sentences):
            return True
        if _marker_name(sentence, bare) and _EXPLAINS_A_MARKER.match(cell.text) and heading.strip():
            return True
    return False


def _spelled_out_in(sentence: Sentence, bare: str, following: Sentence | None) -> bool:
    return any(root(word) == bare and spelled_out(sentence, start, start + len(word), following)
               for start, word in sentence.spans)  # fmt: skip


def _marker_name(sentence: Sentence, bare: str) -> bool:
    """A marker's name: capitals and digits ("FLT3", "CD33", "TP53"), or written with a sign or
    "-positive" in the sentence."""
    written = [word for _, word in sentence.spans if root(word) == bare]
    return bool(re.search(r"[A-Z]\d", bare)) or any(word.endswith(MARKER_ENDINGS) for word in written)


def _word_of_a_name(sentence: Sentence, index: int) -> bool:
    """An everyday word in capitals beside an abbreviation: the name of a mark or a service,
    "the PIF TICK", not an abbreviation of its own."""
    word = sentence.words[index]
    if not (word.isalpha() and word.isupper() and len(word) > 2 and zipf(word.lower()) >= NAME_WORD_ZIPF):
        return False
    neighbours = [sentence.words[i] for i in (index - 1, index + 1) if 0 <= i < len(sentence.words)]
    return any(looks_abbreviated(n) and zipf(n.lower()) < NAME_WORD_ZIPF for n in neighbours)


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
    if not word.isupper() or known.known(word) or _used_as_a_name(sentence, index):
        return False
    if _common(word):
        return True
    neighbours = [words[i] for i in (index - 1, index + 1) if 0 <= i < len(words)]
    return len(word) <= 3 and word.isalpha() and any(
        n.isupper() and _common(n) and not known.known(n) for n in neighbours
    )


def _used_as_a_name(sentence: Sentence, index: int) -> bool:
    """A common word in capitals standing as a noun ("people with ALL.", "your ALL has come back"):
    an abbreviation, where shouting would come before the words it stresses ("ALL appointments")."""
    words, gaps = sentence.words, sentence.gaps
    if index == 0 or words[index - 1].lower() not in TAKES_A_NAME or not words[index].isalpha():
        return False
    if index + 1 == len(words) or gaps[index].strip(" "):
        return True  # the phrase ends with it
    return words[index + 1].lower() in passive_words().be | AFTER_A_NAME


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
