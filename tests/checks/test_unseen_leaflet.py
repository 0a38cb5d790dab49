"""The issue's "done when": a leaflet written like a real NHS leaflet, which the rules were not tuned on."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from exporters.checks import check_document
from exporters.findings import Severity
from exporters.readers.leaflet import read

LEAFLET = Path(__file__).parent / "fixtures" / "gastroscopy.md"
# Sentences a careful plain-English editor would leave alone (their source lines).
CLEAN_LINES = (15, 16, 22, 33, 34, 37, 45, 52, 57, 58, 59, 60, 65)


@pytest.fixture(scope="module")
def report():
    return check_document(read(LEAFLET), today=date(2026, 11, 27))


def test_the_overdue_review_date_is_an_error(report):
    assert any(f.rule == "review-date" and f.severity == Severity.ERROR for f in report.findings)


def test_unexplained_abbreviations_are_flagged(report):
    assert {f.text for f in report.findings if f.rule == "abbreviation"} >= {"OGD", "IV", "BP"}


def test_unexplained_medical_words_are_flagged(report):
    flagged = {f.text.lower() for f in report.findings if f.rule == "hard-word"}
    assert flagged >= {
        "oesophagus",
        "duodenum",
        "dyspepsia",
        "biopsies",
        "anticoagulants",
        "clopidogrel",
        "sedation",
        "endoscopist",
        "perforation",
    }


def test_clean_sentences_stay_quiet(report):
    loud = [f for f in report.findings if f.severity != Severity.SUGGESTION]
    assert len(loud) <= report.metrics.words / 20
    assert not [str(f) for f in report.findings if f.line in CLEAN_LINES]
