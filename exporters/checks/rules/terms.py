"""Words a reader may not know: medical words and rare words, unless the leaflet explains them."""

from __future__ import annotations

import re

from ...model import plain_text
from ...sentences import word_spans
from ..units import Sentence
from ..vocabulary import familiarity
from ..wordlists import load_words, load_yaml, phrase_list
from .abbreviations import leaflet_abbreviations
from .base import Context, Rule, Scope, Switches, word_index_at
from .explanations import explained_here

MIN_RARE_LENGTH = 5  # shorter rare words are mostly names and units
def _known_words(context: Context) -> set[str]:
    """Words the leaflet explains or is about: its glossary, its abbreviations, and the words of its
    title (a leaflet called "Taking warfarin" is about warfarin from its first line)."""
    words = {entry.term.lower() for entry in context.document.glossary}
    title = " ".join([plain_text(context.document.title.content), context.document.meta.title])
    return (
        words
        | {word + "s" for word in words}
        | {e.abbreviation.lower() for e in context.document.abbreviations}
        | {word.lower() for _, word in word_spans(title) if len(word) >= MIN_RARE_LENGTH}
    )


def hard_word(context: Context, switches: Switches) -> None:
    """Medical words from the curated list, then rare words, unless explained at first use."""
    known = _known_words(context)
    seen: set[str] = set()
    sentences = list(context.sentences)
    names = _names_pattern(leaflet_abbreviations(context).expansions)
    for position, sentence in enumerate(sentences):
        settings = switches.get(sentence.profile)
        if settings is None or sentence.block.kind == "heading":
            continue  # a heading names what the text below explains
        following = sentences[position + 1] if position + 1 < len(sentences) else None
        named = _named_spans(sentence.text, names)
        covered = _listed_words(context, sentence, settings, following, named, known, seen)
        threshold = settings.get("zipf", 3.0)
        rare = [i for i, (start, word) in enumerate(sentence.spans)
                if start not in covered and _is_rare(sentence, i, threshold)]  # fmt: skip
        for first, last in _runs(rare):
            start, end = sentence.spans[first][0], sentence.spans[last][0] + len(sentence.spans[last][1])
            term = sentence.text[start:end]  # "atrial fibrillation", "inotuzumab ozogamicin": one term
            keys = {word.lower() for _, word in sentence.spans[first : last + 1]}
            if keys <= seen:
                continue
            seen.update(keys)
            if all(_is_known(word, sentence, known) for _, word in sentence.spans[first : last + 1]):
                continue
            if explained_here(sentence, start, end, following):
                continue
            message, advice = _rare_word_advice(term, sentence)
            context.report_at("hard-word", settings.severity_of("frequency-severity"), sentence, first,
                              message, advice, term)  # fmt: skip


def _listed_words(context: Context, sentence: Sentence, settings, following: Sentence | None,
                  named: set[int], known: set[str], seen: set[str]) -> set[int]:  # fmt: skip
    """Report the curated medical words of the sentence; return the offsets they and names cover."""
    curated = phrase_list("medical-words.yaml")
    found = curated.find(sentence.text, sentence.tokens, sentence.token_set)
    listed = [match for match in found if match.start not in named]
    for match in listed:
        key = match.key.lower()
        if key in seen or _is_known(match.text, sentence, known):
            continue
        if _after_a_rare_word(sentence, match, settings):
            continue
        seen.add(key)
        if not explained_here(sentence, match.start, match.end, following):
            index = word_index_at(sentence, match.start)
            context.report_at("hard-word", settings.severity, sentence, index,
                              f'"{match.text}" is a medical word that many readers do not know.',
                              f'Use "{match.alternative}", or explain it: "{match.alternative} '
                              f'({match.text})".', match.text)  # fmt: skip
    return named | {offset for m in listed for offset in range(m.start, m.end)}


def _after_a_rare_word(sentence: Sentence, match, settings) -> bool:
    """ "aromatase inhibitor": the term is reported once, by its rare first word."""
    index = word_index_at(sentence, match.start)
    return index > 0 and _is_rare(sentence, index - 1, settings.get("zipf", 3.0))


def _runs(indexes: list[int]) -> list[tuple[int, int]]:
    """Runs of neighbouring word numbers: [3, 4, 7] -> [(3, 4), (7, 7)]."""
    runs: list[tuple[int, int]] = []
    for index in indexes:
        if runs and runs[-1][1] == index - 1:
            runs[-1] = (runs[-1][0], index)
        else:
            runs.append((index, index))
    return runs


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


def _names_pattern(expansions: tuple[str, ...]) -> re.Pattern[str] | None:
    """The full names the leaflet gives its abbreviations, under `abbreviations:` or in its text."""
    names = sorted({re.escape(expansion) for expansion in expansions}, key=len, reverse=True)
    return re.compile("|".join(names), re.IGNORECASE) if names else None


def _named_spans(text: str, names: re.Pattern[str] | None) -> set[int]:
    """Character offsets inside the full name of one of the leaflet's abbreviations: a condition's
    name that the leaflet spells out ("acute lymphoblastic leukaemia" for ALL) is not jargon to flag."""
    if names is None:
        return set()
    return {offset for match in names.finditer(text) for offset in range(match.start(), match.end())}


def _is_known(word: str, sentence: Sentence, glossary: set[str]) -> bool:
    lower = word.lower()
    return lower in sentence.block.marked_words or lower in glossary or lower.rstrip("s") in glossary


def _is_rare(sentence: Sentence, index: int, threshold: float) -> bool:
    word = sentence.words[index]
    if len(word) < MIN_RARE_LENGTH or not word.replace("-", "").isalpha():
        return False
    if word[0].isupper() and (index > 0 or word.isupper()):
        return False  # a name, or an abbreviation (the abbreviation rule sees those)
    following = sentence.words[index + 1] if index + 1 < len(sentence.words) else ""
    if word[0].isupper() and following[:1].isupper() and sentence.gaps[index] == " ":
        return False  # a name that starts the sentence: "Brackenbury Blood Cancer Support"
    everyday = load_words("common-words.txt")
    lower = word.lower()
    return lower not in everyday and lower.removesuffix("s") not in everyday and familiarity(word) < threshold


RULES = (
    Rule("hard-word", Scope.SENTENCE, hard_word, mark="hard"),
)
