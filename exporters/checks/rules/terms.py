"""Words a reader may not know: medical words and rare words, unless the leaflet explains them.

A word is reported once, at its first use in the text, with the other words of its family
("angiography" and "angiogram", "sensitisation" and "sensitise"). A heading names what the text
below explains, and the leaflet's title is a heading too: its words are reported where the text
first uses them unexplained. Words of a name ("the Acute Oncology Line", "Antenatal clinic: 01632
...") are not reported; nor are words that the same table row explains ("| Cyclophosphamide | A
chemotherapy drug |") or that the sentence says in the plain words of the curated list ("a cannula,
a thin tube in a vein").
"""

from __future__ import annotations

import re

from ...sentences import word_spans
from ..units import Sentence
from ..vocabulary import familiarity
from ..wordlists import Match, everyday_phrases, load_words, load_yaml, phrase_list
from .abbreviations import leaflet_abbreviations
from .base import Context, Rule, Scope, Switches, word_index_at
from .explanations import FUNCTION_WORDS, explained_here, has_plain_content
from .surroundings import explaining_cells, in_a_name, inside_addresses, service_name_end

MIN_RARE_LENGTH = 5  # shorter rare words are mostly names and units
MIN_STEM = 4
# Endings that make another word of the same family: angiography, angiogram; cystoscopy, cystoscope.
FAMILY_ENDINGS = ("isation", "ization", "ological", "ologist", "ology", "ography", "ogram", "oscopy",
                  "oscope", "ised", "ized", "ise", "ize")  # fmt: skip


def _known_words(context: Context) -> set[str]:
    """Words the leaflet explains: its glossary and its abbreviations."""
    words = {entry.term.lower() for entry in context.document.glossary}
    abbreviations = {entry.abbreviation.lower() for entry in context.document.abbreviations}
    return words | {word + "s" for word in words} | abbreviations


def family(word: str) -> str:
    """The stem a word shares with its family: "angiogram" and "angiography" -> "angi"."""
    lower = word.lower().removesuffix("s")
    for ending in FAMILY_ENDINGS:
        if lower.endswith(ending) and len(lower) - len(ending) >= MIN_STEM:
            return lower[: -len(ending)]
    return lower


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
        row = [text for text in explaining_cells(context, sentence.block) if _plain_cell(text)]
        skipped = (_named_spans(sentence.text, names) | set(range(service_name_end(context, sentence)))
                   | inside_addresses(sentence.text))  # fmt: skip
        covered = _listed_words(context, sentence, settings, (following, row), skipped, known, seen)
        threshold = settings.get("zipf", 3.0)
        rare = [i for i, (start, word) in enumerate(sentence.spans)
                if start not in covered and _is_rare(sentence, i, threshold)]  # fmt: skip
        for first, last in _runs(rare, sentence.gaps):
            start, end = sentence.spans[first][0], sentence.spans[last][0] + len(sentence.spans[last][1])
            term = sentence.text[start:end]  # "atrial fibrillation", "inotuzumab ozogamicin": one term
            keys = {family(word) for _, word in sentence.spans[first : last + 1]}
            if keys <= seen:
                continue
            seen.update(keys)
            if all(_is_known(word, sentence, known) for _, word in sentence.spans[first : last + 1]):
                continue
            if row or explained_here(sentence, start, end, following):
                continue
            message, advice = _rare_word_advice(term, sentence)
            context.report_at("hard-word", settings.severity_of("frequency-severity"), sentence, first,
                              message, advice, term)  # fmt: skip


def _listed_words(context: Context, sentence: Sentence, settings, nearby: tuple[Sentence | None, list[str]],
                  skipped: set[int], known: set[str], seen: set[str]) -> set[int]:  # fmt: skip
    """Report the curated medical words of the sentence; return the offsets they and names cover.
    `nearby` is the next sentence and the cells of the table row that say what this one's thing is."""
    following, row = nearby
    everyday = everyday_phrases().find(sentence.text, sentence.tokens, sentence.token_set)
    seen.update(family(word) for match in everyday for _, word in word_spans(match.key))
    skipped = skipped | {offset for match in everyday for offset in range(match.start, match.end)}
    found = phrase_list("medical-words.yaml").find(sentence.text, sentence.tokens, sentence.token_set)
    listed = [match for match in found if match.start not in skipped
              and not in_a_name(sentence, word_index_at(sentence, match.start))]  # fmt: skip
    for match in listed:
        key = family(match.key)
        if key in seen or _is_known(match.text, sentence, known):
            continue
        if _after_a_rare_word(sentence, match, settings):
            continue
        seen.add(key)
        if row or _says_it_plainly(match, sentence.text) or explained_here(
            sentence, match.start, match.end, following
        ):
            continue
        index = word_index_at(sentence, match.start)
        context.report_at("hard-word", settings.severity, sentence, index,
                          f'"{match.text}" is a medical word that many readers do not know.',
                          f'Use "{match.alternative}", or explain it: "{match.alternative} '
                          f'({match.text})".', match.text)  # fmt: skip
    return skipped | {offset for match in found for offset in range(match.start, match.end)}


def _plain_cell(text: str) -> bool:
    """A cell that says something in plain words; its first word may start with a capital ("Mixed")."""
    return has_plain_content(text[:1].lower() + text[1:])


def _says_it_plainly(match: Match, text: str) -> bool:
    """The sentence also gives the curated plain words: "a cannula in each arm, or a thin tube in
    a vein" (cannula: thin tube put into a vein). All of them when there is one, else two or more."""
    wanted = {_stem(word) for _, word in word_spans(match.alternative)
              if word.lower() not in FUNCTION_WORDS and len(word) > 2}  # fmt: skip
    here = {_stem(word) for _, word in word_spans(text.replace(match.text, " "))}
    found = len(wanted & here)
    return bool(wanted) and found >= min(2, len(wanted)) and found * 2 >= len(wanted)


def _stem(word: str) -> str:
    return re.sub(r"(?:ies|es|s|ed|ing)$", "", word.lower()) or word.lower()


def _after_a_rare_word(sentence: Sentence, match, settings) -> bool:
    """ "aromatase inhibitor": the term is reported once, by its rare first word."""
    index = word_index_at(sentence, match.start)
    return index > 0 and _is_rare(sentence, index - 1, settings.get("zipf", 3.0))


def _runs(indexes: list[int], gaps: list[str]) -> list[tuple[int, int]]:
    """Runs of neighbouring word numbers, with only a space or a hyphen between them: [3, 4, 7] ->
    [(3, 4), (7, 7)]; "apixaban, rivaroxaban" are two terms."""
    runs: list[tuple[int, int]] = []
    for index in indexes:
        if runs and runs[-1][1] == index - 1 and gaps[index - 1] in (" ", "-"):
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
