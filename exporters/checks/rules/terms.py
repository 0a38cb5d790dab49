"""Words a reader may not know: medical words, rare words, abbreviations, and words in capitals."""

from __future__ import annotations

import re

from ..units import Sentence
from ..vocabulary import familiarity, zipf
from ..wordlists import load_words, phrase_list
from .base import Context, Rule, Scope, Switches, word_index_at

MIN_RARE_LENGTH = 5  # shorter rare words are mostly names and units
SHOUTED_WORD_ZIPF = 4.0  # a word in capitals this common is shouted, not abbreviated
SHOUTED_SHORT_WORD_ZIPF = 5.0
ROMAN_NUMERALS = frozenset("II III IV VI VII VIII IX XI XII".split())
NUMBERED = frozenset(
    "stage type grade class phase part level chapter section appendix schedule category".split()
)
_ABBREVIATION = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Za-z][A-Za-z0-9&-]*[A-Za-z0-9](?:'s)?$")
_DEFINES_AFTER = re.compile(
    r"^\s*(?:\(|,?\s+(?:means|(?:is|are)\s+(?:an?|when|the)|stands for)\b"
    r"|,\s+(?:which (?:is|means)|an?|the)\s|\s*[:–—-]\s)",
    re.IGNORECASE,
)
_DEFINES_BEFORE = re.compile(
    r"(?:\(\s*(?:it is|it's|this is|also called|called|or|known as)?\s*|"
    r"\b(?:called|known as|named|such as|like|including)\s+|,\s+or\s+)(?:an?\s+|the\s+)?$",
    re.IGNORECASE,
)
_NEXT_DEFINES = re.compile(
    r"^(?:this|that|it|these|they)\s+(?:means?\b|stands? for\b|(?:is|are)\s+(?:an?|when|the)\b)",
    re.IGNORECASE,
)


def explained_here(sentence: Sentence, start: int, end: int, following: Sentence | None) -> bool:
    """Whether the word at sentence.text[start:end] is explained where it stands or next."""
    word = re.escape(sentence.text[start:end])
    if _DEFINES_AFTER.match(sentence.text[end:]) or _DEFINES_BEFORE.search(sentence.text[:start]):
        return True
    if re.search(rf"\b{word}(?:\s+\w+)?\s+(?:means|stands for)\b", sentence.text, re.IGNORECASE):
        return True
    if following is not None:
        return bool(
            _NEXT_DEFINES.match(following.text)
            or re.search(rf"\b{word}\s+(?:means|is an?|stands for)\b", following.text, re.IGNORECASE)
        )
    return False


def _glossary_words(context: Context) -> set[str]:
    words = {entry.term.lower() for entry in context.document.glossary}
    return (
        words
        | {word + "s" for word in words}
        | {e.abbreviation.lower() for e in context.document.abbreviations}
    )


def hard_word(context: Context, switches: Switches) -> None:
    """Medical words from the curated list, then rare words, unless explained at first use."""
    curated = phrase_list("medical-words.yaml")
    known = _glossary_words(context)
    seen: set[str] = set()
    sentences = list(context.sentences)
    names = _names_pattern(context)
    for position, sentence in enumerate(sentences):
        settings = switches.get(sentence.profile)
        if settings is None or sentence.block.kind == "heading":
            continue  # a heading names what the text below explains
        following = sentences[position + 1] if position + 1 < len(sentences) else None
        named = _named_spans(sentence.text, names)
        listed = [
            m
            for m in curated.find(sentence.text, sentence.tokens, sentence.token_set)
            if m.start not in named
        ]
        for match in listed:
            key = match.key.lower()
            if key in seen or _is_known(match.text, sentence, known):
                continue
            seen.add(key)
            if not explained_here(sentence, match.start, match.end, following):
                index = word_index_at(sentence, match.start)
                context.report_at("hard-word", settings.severity, sentence, index,
                                  f'"{match.text}" is a medical word that many readers do not know.',
                                  f'Use "{match.alternative}", or explain it: "{match.alternative} '
                                  f'({match.text})".', match.text)  # fmt: skip
        covered = named | {index for m in listed for index in range(m.start, m.end)}
        for index, (start, word) in enumerate(sentence.spans):
            key = word.lower()
            if start in covered or key in seen or not _is_rare(word, index, settings.get("zipf", 3.0)):
                continue
            seen.add(key)
            if _is_known(word, sentence, known) or explained_here(
                sentence, start, start + len(word), following
            ):
                continue
            context.report_at(
                "hard-word",
                settings.severity_of("frequency-severity"),
                sentence,
                index,
                f'"{word}" is an unusual word that some readers may not know.',
                "Use a more common word, or explain it in plain words the first time.",
                word,
            )


def _names_pattern(context: Context) -> re.Pattern[str] | None:
    expansions = [re.escape(entry.expansion) for entry in context.document.abbreviations]
    return re.compile("|".join(expansions), re.IGNORECASE) if expansions else None


def _named_spans(text: str, names: re.Pattern[str] | None) -> set[int]:
    """Character offsets inside the full name of one of the leaflet's abbreviations: a condition's
    name that the leaflet spells out ("acute lymphoblastic leukaemia" for ALL) is not jargon to flag."""
    if names is None:
        return set()
    return {offset for match in names.finditer(text) for offset in range(match.start(), match.end())}


def _is_known(word: str, sentence: Sentence, glossary: set[str]) -> bool:
    lower = word.lower()
    return lower in sentence.block.marked_words or lower in glossary or lower.rstrip("s") in glossary


def _is_rare(word: str, index: int, threshold: float) -> bool:
    if len(word) < MIN_RARE_LENGTH or not word.replace("-", "").isalpha():
        return False
    if word[0].isupper() and (index > 0 or word.isupper()):
        return False  # a name, or an abbreviation (the abbreviation rule sees those)
    everyday = load_words("common-words.txt")
    lower = word.lower()
    return lower not in everyday and lower.removesuffix("s") not in everyday and familiarity(word) < threshold


def abbreviation(context: Context, switches: Switches) -> None:
    """Abbreviations not spelled out at first use and not in the leaflet's `abbreviations`."""
    allowed = load_words("known-abbreviations.txt") | {e.abbreviation for e in context.document.abbreviations}
    latin = {key.upper().rstrip(".") for key in phrase_list("latin-abbreviations.yaml", False).entries}
    seen: set[str] = set()
    sentences = list(context.sentences)
    for position, sentence in enumerate(sentences):
        settings = switches.get(sentence.profile)
        if settings is None:
            continue
        following = sentences[position + 1] if position + 1 < len(sentences) else None
        for index, (start, word) in enumerate(sentence.spans):
            if not _looks_abbreviated(word):
                continue
            bare = word.removesuffix("'s").removesuffix("s") if len(word) > 2 else word
            if bare in seen or word in allowed or bare in allowed:
                continue
            if bare in latin or _numbered(sentence, index, bare) or _shouted(sentence, index):
                continue
            if bare.lower() in sentence.block.marked_words:
                continue
            seen.add(bare)
            if _spelled_out(sentence, start, start + len(word), following):
                continue
            context.report_at("abbreviation", settings.severity, sentence, index,
                              f'"{word}" is an abbreviation that is not spelled out at its first use.',
                              f'Write the words in full the first time: "the full words ({word})", '
                              "or add it under 'abbreviations' in the front matter.", word)  # fmt: skip


def _looks_abbreviated(word: str) -> bool:
    """ABC, GPs, eGFR, HbA1c, SpR: two capitals or more, and mostly capitals or with a digit
    (so that names such as McDonald are not taken for abbreviations)."""
    if len(word) < 2 or word.islower() or not _ABBREVIATION.match(word):
        return False
    letters = [c for c in word.removesuffix("'s").removesuffix("s") if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    return capitals * 2 >= len(letters) or any(c.isdigit() for c in word)


def _numbered(sentence: Sentence, index: int, bare: str) -> bool:
    """A Roman numeral after a word that numbers things: "stage IV", but not "IV sedation"."""
    return bare in ROMAN_NUMERALS and index > 0 and sentence.words[index - 1].lower() in NUMBERED


def _spelled_out(sentence: Sentence, start: int, end: int, following: Sentence | None) -> bool:
    """ "full words (ABC)", "ABC (full words)", "ABC stands for ..." here or in the next sentence.
    ("Also known as ABC" names an abbreviation; it does not spell it out.)"""
    before, after = sentence.text[:start], sentence.text[end:]
    if before.endswith("(") and len(before[:-1].split()) >= 2:
        return True
    if re.match(r"^\s*\((?:\w+[\s,-]+){1,}\w+", after):
        return True
    pattern = rf"\b{re.escape(sentence.text[start:end])}\s+(?:stands for|means|is short for)\b"
    if re.search(pattern, sentence.text):
        return True
    return following is not None and bool(
        re.match(r"^(?:this|that|it)\s+(?:stands for|is short for)\b", following.text, re.IGNORECASE)
    )


def _shouted(sentence: Sentence, index: int) -> bool:
    """Whether a word in capitals is shouting: next to other words in capitals, or a common word."""
    words = sentence.words
    neighbours = [words[i] for i in (index - 1, index + 1) if 0 <= i < len(words)]
    if any(len(w) > 1 and w.isupper() and w.isalpha() for w in neighbours):
        return True
    word = words[index]
    if not word.isalpha() or len(word) < 3:
        return False
    # Three-letter words must be very common ("NOW", "NOT"), so that "PET scan" stays an abbreviation.
    return zipf(word.lower()) >= (SHOUTED_WORD_ZIPF if len(word) > 3 else SHOUTED_SHORT_WORD_ZIPF)


def all_caps(context: Context, switches: Switches) -> None:
    """Words written in capitals for emphasis (blocks of capitals are hard to read)."""
    known = load_words("known-abbreviations.txt") | {e.abbreviation for e in context.document.abbreviations}
    for sentence, settings in context.sentences_for(switches):
        for index, word in enumerate(sentence.words):
            if len(word) < 2 or not word.isupper() or word in known or not _shouted(sentence, index):
                continue
            if index > 0 and _shouted(sentence, index - 1) and sentence.words[index - 1].isupper():
                continue  # report a run of capitals once, at its first word
            context.report_at(
                "all-caps",
                settings.severity,
                sentence,
                index,
                f'"{word}" is written in capital letters, which are harder to read.',
                "Write it in small letters; make it bold if it must stand out.",
                word,
            )


RULES = (
    Rule("hard-word", Scope.SENTENCE, hard_word, mark="hard"),
    Rule("abbreviation", Scope.SENTENCE, abbreviation, mark="hard"),
    Rule("all-caps", Scope.SENTENCE, all_caps),
)
