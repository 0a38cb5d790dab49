"""SARIF 2.1.0, so that code hosts show each finding beside the line it is about."""

from __future__ import annotations

import json

from ...findings import Severity
from ..engine import DocumentReport
from ..settings import default_rules

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "note"}


def render(reports: list[DocumentReport]) -> str:
    rules = list(default_rules())
    results = [
        {
            "ruleId": finding.rule,
            **({"ruleIndex": rules.index(finding.rule)} if finding.rule in rules else {}),
            "level": LEVELS[finding.severity],
            "message": {"text": f"{finding.message} {finding.suggestion}".strip()},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": finding.source.as_posix()},
                        "region": {"startLine": max(finding.line, 1), "startColumn": max(finding.column, 1)},
                    }
                }
            ],
        }  # fmt: skip
        for report in reports
        for finding in report.findings
    ]
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "leaflet check",
                "rules": [{"id": rule, "name": rule, "shortDescription": {"text": rule.replace("-", " ")}}
                          for rule in rules],
            }},
            "results": results,
        }],
    }  # fmt: skip
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
