"""The readability formulas and the score card."""

from __future__ import annotations

import pytest

from exporters.checks.metrics import (
    Sample,
    flesch_kincaid_grade,
    flesch_reading_ease,
    measure,
    reading_age,
    smog_grade,
)  # fmt: skip
from tests.checks.helpers import check_text


def test_formulas_give_the_published_values():
    # 100 words, 5 sentences, 150 syllables; 30 polysyllables in 30 sentences.
    assert flesch_reading_ease(100, 5, 150) == pytest.approx(206.835 - 1.015 * 20 - 84.6 * 1.5)
    assert flesch_kincaid_grade(100, 5, 150) == pytest.approx(0.39 * 20 + 11.8 * 1.5 - 15.59)
    assert smog_grade(30, 30) == pytest.approx(1.0430 * 30**0.5 + 3.1291)
    assert reading_age(6.0) == 11.0


def test_smog_on_few_sentences_is_marked_as_an_estimate():
    few = measure([Sample(("We", "take", "blood"))] * 29)
    enough = measure([Sample(("We", "take", "blood"))] * 30)
    assert few.smog_is_estimate and few.as_dict()["smog_is_estimate"] is True
    assert not enough.smog_is_estimate


def test_score_card_of_a_leaflet(tmp_path):
    report = check_text(
        tmp_path, "You can go home. Your blood is taken by a nurse.\n\n## After\n\nRest at home today.\n"
    )
    figures = report.metrics
    assert (figures.words, figures.sentences) == (15, 3)
    assert figures.passive_share == pytest.approx(1 / 3)
    assert figures.you_share == pytest.approx(2 / 3)
    assert [section.title for section in report.sections] == ["Introduction", "After"]
    assert report.sections[1].metrics.sentences == 1
