"""The report for the terminal: findings grouped by file, in colour when it is a terminal."""

from __future__ import annotations

import io

from rich.console import Console
from rich.text import Text

from ...errors import printable
from ...findings import Finding, Severity
from ..engine import DocumentReport
from .scorecard import score_lines, score_note

COLOURS = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.SUGGESTION: "cyan"}


def finding_line(finding: Finding) -> Text:
    line = Text(printable(f"{finding.source}:{finding.line}:{finding.column} "))
    line.append(str(finding.severity), style=COLOURS[finding.severity])
    line.append(f" {finding.rule} ", style="bold")
    line.append(finding.message)
    if finding.suggestion:
        line.append(f" {finding.suggestion}", style="dim")
    return line


def print_report(reports: list[DocumentReport], console: Console) -> None:
    for report in reports:
        console.print(Text(printable(str(report.source)), style="bold underline"))
        for finding in report.findings:
            console.print(finding_line(finding), soft_wrap=True)
        if not report.findings:
            console.print("  No problems found.")
        scores = " · ".join(f"{label} {value}" for label, value in score_lines(report.metrics))
        console.print(Text(f"  {scores}", style="dim"), soft_wrap=True)
        if score_note(report.metrics):
            console.print(Text(f"  {score_note(report.metrics)}", style="dim"), soft_wrap=True)
        if not report.easy_read_metrics.empty:
            age = report.easy_read_metrics.reading_age
            console.print(Text(f"  Easy read: reading age {age:.1f}, "
                               f"{report.easy_read_metrics.average_sentence_length:.1f} words a sentence",
                               style="dim"), soft_wrap=True)  # fmt: skip
        console.print()
    console.print(summary(reports))


def summary(reports: list[DocumentReport]) -> str:
    counts = {severity: sum(report.count(severity) for report in reports) for severity in Severity}
    leaflets = f"{len(reports)} leaflet{'s' * (len(reports) != 1)}"
    parts = [f"{count} {severity}{'s' * (count != 1)}" for severity, count in counts.items()]
    return f"Checked {leaflets}: {', '.join(parts)}."


def render(reports: list[DocumentReport]) -> str:
    buffer = io.StringIO()
    print_report(reports, Console(file=buffer, width=120, no_color=True, highlight=False))
    return buffer.getvalue()
