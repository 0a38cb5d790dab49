"""The check and the picture chooser on the corpus (tests/corpus/). held-out-2 was written and
labelled by someone who never ran the checker, and nothing was tuned on it: its floors are the
honest measure. held-out was looked at in the first round and is tuned on now; its floors guard
against regressions. Each floor is a little under the figure reached when the rules were last
changed (tests/checks/accuracy/corpus.py and pictures.py print them), so that a regression fails.
"""

from __future__ import annotations

import pytest

from tests.checks.accuracy.corpus import measure_split
from tests.checks.accuracy.pictures import measure as measure_pictures

# (precision, recall) floors by split. Reached on held-out-2: all rules 0.89 and 0.92 (before this
# round's rules: 0.86 and 0.91); on held-out: 0.97 and 0.98 (first round: 0.82 and 0.88).
FLOORS = {
    "held-out-2": {
        "all rules": (0.86, 0.89),
        "long-sentence": (0.97, 0.97),
        "passive-voice": (0.93, 0.93),
        "small-number": (0.85, 0.97),
        "abbreviation": (0.80, 0.95),
        "plain-words": (0.65, 0.62),
        "hard-word": (0.53, 0.68),
    },
    "held-out": {
        "all rules": (0.93, 0.95),
        "long-sentence": (0.97, 0.97),
        "passive-voice": (0.95, 0.95),
        "small-number": (0.95, 0.97),
        "abbreviation": (0.95, 0.90),
        "plain-words": (0.80, 0.90),
        "hard-word": (0.80, 0.85),
    },
}
# Errors and warnings per 1,000 words; reached 15.7 on held-out-2 (before: 16.3), 17.2 on held-out.
NOISE_PER_THOUSAND = {"held-out-2": 16.5, "held-out": 18.5}
# (first suggestion right, rows with a fitting icon that get it); reached 0.75 and 0.52 on held-out-2
# (before: 0.67 and 0.43), 0.90 and 0.59 on held-out. The issue asks for 0.80.
PICTURE_FLOORS = {"held-out-2": (0.72, 0.48), "held-out": (0.85, 0.55)}
WORDS_PER_LOUD_FINDING = 20  # the ceiling: one error or warning per 20 words on a real leaflet
WRITTEN_BADLY_ON_PURPOSE = {"cardiac-catheterisation", "haemodialysis-attendance"}  # tests/corpus/README.md
CASES = [(split, rule) for split, floors in FLOORS.items() for rule in floors]


@pytest.fixture(scope="module")
def measured():
    return {split: measure_split(split) for split in FLOORS}


@pytest.mark.parametrize(("split", "rule"), CASES, ids=[f"{split}-{rule}" for split, rule in CASES])
def test_precision_and_recall_stay_above_their_floors(measured, split, rule):
    result = measured[split]
    tally = result.total() if rule == "all rules" else result.rules[rule]
    precision, recall = FLOORS[split][rule]
    assert tally.precision >= precision and tally.recall >= recall, (rule, tally.precision, tally.recall)


@pytest.mark.parametrize("split", list(FLOORS))
def test_the_check_does_not_cry_wolf(measured, split):
    result = measured[split]
    assert result.noise_per_thousand <= NOISE_PER_THOUSAND[split]
    for name, (loud, words) in result.noise.items():
        if name not in WRITTEN_BADLY_ON_PURPOSE:
            assert loud * WORDS_PER_LOUD_FINDING <= words, (name, loud, words)


@pytest.mark.parametrize("split", list(PICTURE_FLOORS))
def test_the_picture_choice_on_sentences_not_tuned_on(split):
    score = measure_pictures(split)
    precision, coverage = PICTURE_FLOORS[split]
    assert score.precision >= precision and score.coverage >= coverage, (score.precision, score.coverage)
