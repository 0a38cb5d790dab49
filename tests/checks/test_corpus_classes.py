"""Classes of false alarms and misses that the corpus (tests/corpus/) showed in the word lists, the
passive voice, small numbers and easy-read rows; each test failed before its fix."""

from __future__ import annotations

import pytest

from tests.checks.helpers import check_text


def _found(report, rule: str) -> list[tuple[int, str]]:
    """The findings of a rule about a place in the text (not its summary of the whole leaflet)."""
    return [(finding.line, finding.text) for finding in report.findings if finding.rule == rule and finding.text]


def test_a_formal_word_in_a_heading_is_reported_at_its_first_use_in_the_text(tmp_path):
    body = "## Eating prior to the test\n\nDo not eat for 6 hours prior to the test.\n"
    assert _found(check_text(tmp_path, body), "plain-words") == [(10, "prior to")]


def test_a_formal_word_only_in_a_heading_is_still_reported(tmp_path):
    body = "## Eating prior to the test\n\nDo not eat for six hours before it.\n"
    assert _found(check_text(tmp_path, body), "plain-words") == [(8, "prior to")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Following the test, rest at home.\n", "Following"),
        ("The clinic is situated on the first floor.\n", "situated"),
        ("Your tablets may be withheld for a day.\n", "withheld"),
        ("A nurse will administer the injection.\n", "administer"),
        ("Please refrain from driving.\n", "refrain from"),
        ("The test has been undertaken.\n", "undertaken"),
    ],
)
def test_formal_words_the_list_lacked(tmp_path, body, expected):
    assert [text for _, text in _found(check_text(tmp_path, body), "plain-words")] == [expected]


@pytest.mark.parametrize(
    "body",
    [
        "Phone us if any of the following happen.\n",  # "the following" is as plain as it gets
        "We want you to make an informed choice.\n",
        "Phone 999 immediately if you cannot breathe.\n",  # NHS pages use "immediately"
    ],
)
def test_everyday_phrases_are_not_formal_words(tmp_path, body):
    assert _found(check_text(tmp_path, body), "plain-words") == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Most tests are undertaken in the morning.\n", "are undertaken"),  # "under-" is not "un-"
        ("Your tablets must be withheld for a day.\n", "be withheld"),  # an irregular participle
        ("A warm feeling may be experienced when the dye goes in.\n", "be experienced"),
    ],
)
def test_passives_of_irregular_and_under_verbs(tmp_path, body, expected):
    assert [text for _, text in _found(check_text(tmp_path, body), "passive-voice")] == [expected]


def test_is_left_is_a_state(tmp_path):
    body = "A scan shows whether any cancer is left.\n"
    assert _found(check_text(tmp_path, body), "passive-voice") == []


def test_the_numbers_of_a_list_of_days_stay_figures(tmp_path):
    body = "You have the drip on days 1, 3 and 5, and rest for 2 days after.\n"
    assert [text for _, text in _found(check_text(tmp_path, body), "small-number")] == ["2"]


def test_a_row_whose_picture_the_computer_chose_is_reported_for_a_person_to_check(tmp_path):
    body = "::: easy-read\n- Drink plenty of water.\n- ![A nurse](dot.svg) A nurse will see you.\n:::\n"
    rows = [f for f in check_text(tmp_path, body).findings if f.rule == "easy-read-row"]
    assert [(f.line, f.severity) for f in rows] == [(9, "warning")]
    assert "the computer chose" in rows[0].message and "icon:" in rows[0].suggestion
