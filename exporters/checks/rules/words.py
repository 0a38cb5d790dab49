"""Rules that are word lists: plainer words, verbs for nouns, Latin, spelling, inclusive words."""

from __future__ import annotations

import re
from functools import partial

from ...sentences import word_spans
from ..units import Sentence
from ..wordlists import Match, phrase_list
from .base import Context, Rule, Scope, Switches, word_index_at, word_list_rule


def _plain(match: Match) -> tuple[str, str]:
    return (f'"{match.text}" is not a plain word.', f'Try "{match.alternative}".')


def _nominalisation(match: Match) -> tuple[str, str]:
    return (f'"{match.text}" hides the action in a noun.', f'Use the verb: "{match.alternative}".')


def _latin(match: Match) -> tuple[str, str]:
    return (f'"{match.text}" is a Latin abbreviation that many readers and screen readers stumble on.',
            f"Write {match.alternative}.")  # fmt: skip


def _us_spelling(match: Match) -> tuple[str, str]:
    british = match.alternative + match.text.lower()[len(match.key):] if match.text.lower().startswith(
        match.key) else match.alternative  # fmt: skip
    return (f'"{match.text}" is the US spelling.', f'Use the British spelling "{british}".')


def _inclusive(match: Match) -> tuple[str, str]:
    return (f'"{match.text}" can label or hurt the people it describes.', f'Try "{match.alternative}".')


def _patient(match: Match) -> tuple[str, str]:
    return (f'"{match.text}" talks about the reader, not to them.',
            f'Speak to the reader: "{match.alternative}".')  # fmt: skip


OTHER_PEOPLE = frozenset("other another some all many most no older younger".split())
# Readers who are not the patient, named first in the leaflet's audience or subtitle.
FOR_OTHERS = re.compile(
    r"^(?:(?:a |an )?(?:guide|leaflet|information|booklet)\s+for\s+)?(?:paid |unpaid |young )?"
    r"(?:carers?|famil(?:y|ies)|relatives?|parents?|friends?|staff|professionals?|visitors?)\b",
    re.IGNORECASE,
)


def written_for_others(context: Context) -> bool:
    """A leaflet for carers, parents or staff talks about the patient, rightly."""
    meta = context.document.meta
    return any(FOR_OTHERS.match(text.strip()) for text in (meta.audience, meta.subtitle) if text)


def patient_not_you(context: Context, switches: Switches) -> None:
    """ "The patient", "patients should" where the leaflet could say "you": once a line, never
    inside a name, about other people ("another patient"), or in a leaflet for carers or staff."""
    if written_for_others(context):
        return
    found = phrase_list("patient-words.yaml", False)
    lines: set[int] = set()
    for sentence, settings in context.sentences_for(switches):
        for match in found.find(sentence.text, sentence.tokens, sentence.token_set):
            before = sentence.text[: match.start].split()
            if not _not_in_a_name(sentence, match) or (before and before[-1].lower() in OTHER_PEOPLE):
                continue
            if sentence.block.line in lines:
                continue
            lines.add(sentence.block.line)
            message, advice = _patient(match)
            index = word_index_at(sentence, match.start)
            severity = settings.severity
            context.report_at("patient-not-you", severity, sentence, index, message, advice, match.text)


def _not_in_a_name(sentence: Sentence, match: Match) -> bool:
    """ "the Patient Information Forum", "Patient Advice and Liaison Service" are names, not the reader."""
    words = [word for _, word in word_spans(sentence.text[match.start :])]
    inside = words[: len(match.text.split())]
    after = words[len(inside) : len(inside) + 1]
    at_start = not sentence.text[: match.start].strip()
    capitals = [word for number, word in enumerate(inside) if word[:1].isupper() and (number or not at_start)]
    named_after = bool(after) and after[0][:1].isupper() and inside[-1][:1].isupper()
    return not capitals and not named_after


def _british_leaflet(context: Context) -> bool:
    languages = context.rule("us-spelling").get("languages", ["en-GB"])
    return context.document.meta.language in languages


RULES = (
    word_list_rule("plain-words", partial(phrase_list, "plain-words.yaml"), _plain, mark="wordy", once=True),
    word_list_rule("nominalisation", partial(phrase_list, "nominalisations.yaml", False), _nominalisation,
                   mark="wordy", once=True),
    word_list_rule("latin-abbreviation", partial(phrase_list, "latin-abbreviations.yaml", False), _latin,
                   mark="wordy"),
    word_list_rule("us-spelling", partial(phrase_list, "us-spellings.yaml"), _us_spelling, _british_leaflet),
    word_list_rule("inclusive-language", partial(phrase_list, "inclusive-language.yaml", False), _inclusive),
    Rule("patient-not-you", Scope.SENTENCE, patient_not_you),
)  # fmt: skip
