"""The check and the picture chooser on the corpus's held-out leaflets (tests/corpus/held-out/), which
nothing was tuned on. Each floor is a little under the figure reached when the rules were last
changed (tests/checks/accuracy/corpus.py and pictures.py print them), so that a regression fails.
"""

from __future__ import annotations

import pytest

from tests.checks.accuracy.corpus import measure_split
from tests.checks.accuracy.pictures import measure as measure_pictures

# (precision, recall) floors; reached: all rules 0.82 and 0.88.
FLOORS = {
    "all rules": (0.78, 0.85),
    "long-sentence": (0.97, 0.97),
    "passive-voice": (0.90, 0.88),
    "small-number": (0.90, 0.97),
    "abbreviation": (0.50, 0.75),
    "plain-words": (0.65, 0.50),
    "hard-word": (0.17, 0.33),
}
NOISE_PER_THOUSAND = 19.5  # errors and warnings per 1,000 words on held-out; reached 18.2
WORDS_PER_LOUD_FINDING = 20  # the ceiling: one error or warning per 20 words on a real leaflet
WRITTEN_BADLY_ON_PURPOSE = {"cardiac-catheterisation"}  # tests/corpus/README.md: not a real leaflet's style


@pytest.fixture(scope="module")
def held_out():
    return measure_split("held-out")


@pytest.mark.parametrize("rule", list(FLOORS))
def test_precision_and_recall_stay_above_their_floors(held_out, rule):
    tally = held_out.total() if rule == "all rules" else held_out.rules[rule]
    precision, recall = FLOORS[rule]
    assert tally.precision >= precision and tally.recall >= recall, (rule, tally.precision, tally.recall)


def test_the_check_does_not_cry_wolf(held_out):
    assert held_out.noise_per_thousand <= NOISE_PER_THOUSAND
    for name, (loud, words) in held_out.noise.items():
        if name not in WRITTEN_BADLY_ON_PURPOSE:
            assert loud * WORDS_PER_LOUD_FINDING <= words, (name, loud, words)


def test_the_picture_choice_on_held_out_sentences():
    score = measure_pictures("held-out")
    assert score.precision >= 0.65  # reached 0.68 (train: 0.81); the issue asks for 0.80
    assert score.coverage >= 0.40  # rows with a fitting icon that get one; reached 0.44
