"""The JSON, SARIF, HTML and text reports say the same findings, each in its own way."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest

from exporters.checks.reports import FORMATS
from tests.checks.helpers import check_text

BODY = "Your blood is taken by a nurse.\n\nYou may have nausea after the test. Please ensure you rest.\n"


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    return [check_text(tmp_path_factory.mktemp("report"), BODY)]


def test_sarif_is_version_2_1_0_with_a_location_per_finding(reports):
    log = json.loads(FORMATS["sarif"](reports))
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    results = run["results"]
    assert len(results) == len(reports[0].findings)
    rule_ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    for result, finding in zip(results, reports[0].findings, strict=True):
        assert rule_ids[result["ruleIndex"]] == result["ruleId"] == finding.rule
        region = result["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"]) == (finding.line, finding.column)
    assert {result["level"] for result in results} <= {"error", "warning", "note"}


class _Marks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.marked: list[tuple[str, str]] = []
        self._open: str | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "mark":
            self._open = dict(attrs).get("class", "")

    def handle_data(self, data):
        if self._open is not None:
            self.marked.append((self._open, data))
            self._open = None


def test_html_marks_each_problem_sentence_by_kind_and_shows_the_score_card(reports):
    page = FORMATS["html"](reports)
    parser = _Marks()
    parser.feed(page)
    marked = dict((text, kind) for kind, text in parser.marked)
    assert marked["Your blood is taken by a nurse."] == "passive"
    assert marked["You may have nausea after the test."] == "hard"
    assert marked["Please ensure you rest."] == "wordy"
    assert "Reading age" in page and '<html lang="en-GB">' in page


def test_text_report_groups_findings_under_their_file(reports):
    text = FORMATS["text"](reports)
    lines = text.splitlines()
    assert lines[0] == str(reports[0].source)
    assert any(" suggestion passive-voice " in line for line in lines)
    assert lines[-1].startswith("Checked 1 leaflet:")
