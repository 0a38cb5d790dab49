"""Every rule fires on its failing examples and keeps quiet on its passing ones (examples.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from exporters.checks.rules import RULES
from exporters.checks.settings import default_rules
from tests.checks.helpers import FRONT_MATTER, check_text

EXAMPLES = yaml.safe_load(Path(__file__).with_name("examples.yaml").read_text(encoding="utf-8"))


def _cases(kind: str) -> list:
    return [
        pytest.param(rule, example, id=f"{rule}-{kind}-{number}")
        for rule, examples in EXAMPLES.items()
        for number, example in enumerate(examples.get(kind, []))
    ]


def _fired(tmp_path: Path, example) -> list:
    body, front = (example, FRONT_MATTER) if isinstance(example, str) else (
        example["body"], example.get("front_matter", FRONT_MATTER))  # fmt: skip
    return check_text(tmp_path, body, front).findings


def test_every_rule_has_examples_that_fail_and_pass():
    for rule in set(RULES) | set(default_rules()):
        examples = EXAMPLES.get(rule, {})
        assert examples.get("fail") and examples.get("pass"), f"the rule {rule} has no examples of both kinds"


def test_the_rules_and_their_settings_name_the_same_ids():
    assert set(RULES) == set(default_rules())


@pytest.mark.parametrize(("rule", "example"), _cases("fail"))
def test_rule_fires(tmp_path, rule, example):
    findings = _fired(tmp_path, example)
    assert any(finding.rule == rule for finding in findings), [str(f) for f in findings]


@pytest.mark.parametrize(("rule", "example"), _cases("pass"))
def test_rule_keeps_quiet(tmp_path, rule, example):
    findings = [f for f in _fired(tmp_path, example) if f.rule == rule]
    assert not findings, [str(f) for f in findings]
