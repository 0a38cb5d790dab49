"""Configuring rules: pyproject.toml, a leaflet's front matter, and silencing comments."""

from __future__ import annotations

import pytest

from exporters.checks import load_project_settings
from exporters.errors import SourceError, UsageError
from tests.checks.helpers import FRONT_MATTER, check_text

LONG = (
    "If you have any questions about your test or your results, "
    "please phone the nurses on the ward at any time of the day.\n"
)


def _rules(report) -> list[str]:
    return [finding.rule for finding in report.findings]


def test_pyproject_turns_a_rule_off_and_sets_thresholds(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.leaflet.checks]\npassive-voice = "off"\n'
        "long-sentence = { suggestion = 30, warning = 40, error = 50 }\n"
    )
    settings = load_project_settings(tmp_path)
    report = check_text(tmp_path, "Your blood is taken by a nurse. " + LONG, settings=settings)
    assert "passive-voice" not in _rules(report) and "long-sentence" not in _rules(report)


def test_a_severity_replaces_the_graded_thresholds(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.leaflet.checks]\nlong-sentence = "error"\n')
    report = check_text(tmp_path, LONG, settings=load_project_settings(tmp_path))
    assert [str(f.severity) for f in report.findings if f.rule == "long-sentence"] == ["error"]


def test_an_unknown_rule_in_pyproject_is_refused_with_the_list(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.leaflet.checks]\npasive-voice = "off"\n')
    with pytest.raises(UsageError, match="no rule called 'pasive-voice'"):
        load_project_settings(tmp_path)


def test_front_matter_settings_apply_to_one_leaflet(tmp_path):
    front = FRONT_MATTER + "checks:\n  long-sentence: off\n  plain-words: warning\n"
    report = check_text(tmp_path, LONG + "\nPlease ensure you come.\n", front)
    assert "long-sentence" not in _rules(report)
    assert [str(f.severity) for f in report.findings if f.rule == "plain-words"] == ["warning"]


def test_a_bad_front_matter_setting_points_at_its_line(tmp_path):
    with pytest.raises(SourceError) as error:
        check_text(tmp_path, "Text.\n", FRONT_MATTER + "checks:\n  long-sentence: loud\n")
    assert error.value.line == 7 and "severity" in error.value.message


def test_a_comment_silences_a_rule_on_its_block_only(tmp_path):
    body = (
        "<!-- leaflet: ignore passive-voice -->\nYour blood is taken by a nurse.\n\n"
        "Your arm is cleaned by a nurse.\n"
    )
    findings = [f for f in check_text(tmp_path, body).findings if f.rule == "passive-voice"]
    assert [f.line for f in findings] == [11]
