"""Sentences, words and syllables: counted as a reader would, better than the usual packages."""

from __future__ import annotations

from pathlib import Path

import pytest

from exporters.checks.syllables import syllables
from exporters.sentences import split_sentences, words

SYLLABLES = Path(__file__).parent / "data" / "syllables.txt"


def _sentences(text: str) -> list[str]:
    return [sentence for _, sentence in split_sentences(text)]


def test_short_sentences_are_kept():
    # textstat 0.7.13 counts this as 2 sentences: it drops fragments of two words or fewer.
    assert _sentences("Do not drive. Take it. Ask us. Keep the tablets safe.") == [
        "Do not drive.", "Take it.", "Ask us.", "Keep the tablets safe."]  # fmt: skip


@pytest.mark.parametrize("text", [
    "See Dr Smith at St. Mary's clinic.",
    "Take 1.5 mg at 9 a.m. before breakfast.",
    "Call us if your temperature is 37.5C or more.",
    "Bring something to do, e.g. a book or i.e. Tom's puzzle.",
    "Ask for Mr. Jones or Prof. Okafor at the desk.",
    "It is on p. 4 of the booklet.",
])  # fmt: skip
def test_abbreviations_and_numbers_do_not_end_a_sentence(text):
    assert _sentences(text) == [text]


def test_a_sentence_after_a_time_or_etc_still_starts():
    assert _sentences("Come at 9 a.m. Then wait in the day room.") == [
        "Come at 9 a.m.",
        "Then wait in the day room.",
    ]
    assert _sentences("Bring pyjamas, slippers etc. We have towels.") == [
        "Bring pyjamas, slippers etc.", "We have towels."]  # fmt: skip


def test_words_keep_numbers_contractions_and_a_and_e_whole():
    assert words("Don't take 1.5 mg; go to A&E now.") == [
        "Don't",
        "take",
        "1.5",
        "mg",
        "go",
        "to",
        "A&E",
        "now",
    ]


def _hand_counted() -> list[tuple[str, int]]:
    lines = SYLLABLES.read_text(encoding="utf-8").splitlines()
    return [(word, int(count)) for word, count in (line.split() for line in lines if line and line[0] != "#")]


def test_syllables_match_a_hand_counted_sample():
    sample = _hand_counted()
    assert len(sample) >= 200
    wrong = [(word, count, syllables(word)) for word, count in sample if syllables(word) != count]
    assert len(wrong) <= 0.05 * len(sample), wrong
    assert all(abs(found - count) == 1 for _, count, found in wrong), wrong


@pytest.mark.parametrize(("word", "count"), [
    ("leukaemia", 4), ("anaemia", 4), ("haemoglobin", 4), ("oesophagus", 4), ("diarrhoea", 4),
    ("colour", 2), ("centre", 2), ("organise", 3), ("paediatric", 4),
])  # fmt: skip
def test_british_spellings_are_looked_up_by_their_us_form(word, count):
    assert syllables(word) == count


def test_words_not_in_the_dictionary_get_an_estimate():
    assert syllables("blinatumomab") == 5
    assert syllables("tisagenlecleucel") >= 5
