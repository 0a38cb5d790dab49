"""Rules that are word lists: plainer words, verbs for nouns, Latin, spelling, inclusive words."""

from __future__ import annotations

from functools import partial

from ...sentences import word_spans
from ..units import Sentence
from ..wordlists import Match, phrase_list
from .base import Context, word_list_rule


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
    word_list_rule("plain-words", partial(phrase_list, "plain-words.yaml"), _plain, mark="wordy"),
    word_list_rule("nominalisation", partial(phrase_list, "nominalisations.yaml", False), _nominalisation,
                   mark="wordy"),
    word_list_rule("latin-abbreviation", partial(phrase_list, "latin-abbreviations.yaml", False), _latin,
                   mark="wordy"),
    word_list_rule("us-spelling", partial(phrase_list, "us-spellings.yaml"), _us_spelling, _british_leaflet),
    word_list_rule("inclusive-language", partial(phrase_list, "inclusive-language.yaml", False), _inclusive),
    word_list_rule("patient-not-you", partial(phrase_list, "patient-words.yaml", False), _patient,
                   counts=_not_in_a_name),
)  # fmt: skip
