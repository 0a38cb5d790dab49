"""The measured rules reach the issue's targets on the labelled sentences (accuracy/sentences.yaml)."""

from __future__ import annotations

import pytest

from tests.checks.accuracy.measure import MEASURED, measure


@pytest.fixture(scope="module")
def scores():
    return measure()[0]


def test_the_labelled_set_is_large_enough():
    assert measure.__module__ and measure()[1] >= 200


@pytest.mark.parametrize("rule", MEASURED)
def test_precision_and_recall(scores, rule):
    score = scores[rule]
    assert score.precision >= 0.9, score.misses
    assert score.recall >= 0.85, score.misses
