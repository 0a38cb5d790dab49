"""Words a reader may not know: medical words and rare words, unless the leaflet explains them."""

from __future__ import annotations

import re

from ..units import Sentence
from ..vocabulary import familiarity
from ..wordlists import load_words, load_yaml, phrase_list
from .base import Context, Rule, Scope, Switches, word_index_at
from .explanations import explained_here

MIN_RARE_LENGTH = 5  # shorter rare words are mostly names and units
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
            message, advice = _rare_word_advice(word, sentence)
            context.report_at("hard-word", settings.severity_of("frequency-severity"), sentence, index,
                              message, advice, word)  # fmt: skip


def _rare_word_advice(word: str, sentence: Sentence) -> tuple[str, str]:
    """What to say of a rare word: a medicine's name needs saying what it is for, not a commoner word."""
    if looks_like_medicine(word, sentence):
        return (f'"{word}" may be the name of a medicine, which readers may not know.',
                f'If it is a medicine, say what it is for the first time: "{word}, a medicine '
                'that ...".')  # fmt: skip
    return (f'"{word}" is an unusual word that some readers may not know.',
            "Use a more common word, or explain it in plain words the first time.")  # fmt: skip


def looks_like_medicine(word: str, sentence: Sentence) -> bool:
    """A medicine's name: the ending of an international medicine name ("-mab", "-nib"), or a rare
    word in a sentence about medicines."""
    names = load_yaml("medicine-names.yaml")
    lower = word.lower()
    if lower.endswith(tuple(names["endings"])):
        return True
    return not sentence.token_set.isdisjoint(names["context"])


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


RULES = (
    Rule("hard-word", Scope.SENTENCE, hard_word, mark="hard"),
)
