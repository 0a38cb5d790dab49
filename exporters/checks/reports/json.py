"""The JSON report: {"documents": [{"source", "metrics", "findings": [...]}]}."""

from __future__ import annotations

import json as json_module

from ..engine import DocumentReport


def as_data(reports: list[DocumentReport]) -> dict[str, object]:
    return {
        "documents": [
            {
                "source": str(report.source),
                "title": report.title,
                "metrics": report.metrics.as_dict(),
                "easy_read_metrics": report.easy_read_metrics.as_dict(),
                "sections": [{"title": s.title, "metrics": s.metrics.as_dict()} for s in report.sections],
                "findings": [finding.as_dict() for finding in report.findings],
            }
            for report in reports
        ]
    }


def render(reports: list[DocumentReport]) -> str:
    return json_module.dumps(as_data(reports), indent=2, ensure_ascii=False) + "\n"
