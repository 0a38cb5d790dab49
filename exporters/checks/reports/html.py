"""A report to open in a browser: the leaflet's text with each problem sentence marked by kind
(as Hemingway does), what to do about it, and the score card."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from jinja2 import Environment, select_autoescape

from ...findings import Finding
from ...variants import LAYOUTS
from ..engine import DocumentReport
from ..rules import RULES
from ..units import Sentence
from .scorecard import score_lines, score_note

KIND_LABELS = {"long": "Long", "passive": "Passive", "wordy": "Plainer word", "hard": "Hard word",
               "other": "Other"}  # fmt: skip


@dataclass
class MarkedSentence:
    text: str
    findings: list[Finding] = field(default_factory=list)

    @property
    def kinds(self) -> list[str]:
        return sorted({RULES[finding.rule].mark for finding in self.findings})


@dataclass
class MarkedBlock:
    kind: str
    sentences: list[MarkedSentence]
    profile: str = "standard"  # easy-read blocks are in the easy-read edition only


def place_findings(report: DocumentReport) -> tuple[list[MarkedBlock], list[Finding]]:
    """Each finding beside the sentence it points into; the rest concern the whole leaflet.
    (The web page of `leaflet serve` marks them in the preview from the same placing.)"""
    sentences: list[tuple[tuple[int, int], Sentence, MarkedSentence]] = []
    blocks = []
    for block in report.blocks:
        marked = [MarkedSentence(sentence.text) for sentence in block.sentences]
        sentences.extend(((s.line, s.column), s, m) for s, m in zip(block.sentences, marked, strict=True))
        blocks.append(MarkedBlock(block.kind, marked, block.profile))
    sentences.sort(key=lambda item: item[0])
    positions = [position for position, _, _ in sentences]
    general: list[Finding] = []
    for finding in report.findings:
        index = bisect.bisect_right(positions, (finding.line, finding.column)) - 1
        if (
            index < 0
            or not RULES[finding.rule].scope.placed
            or (finding.line > sentences[index][0][0] + 3)
        ):
            general.append(finding)
        else:
            sentences[index][2].findings.append(finding)
    return blocks, general


def render(reports: list[DocumentReport]) -> str:
    environment = Environment(
        autoescape=select_autoescape(default=True), trim_blocks=True, lstrip_blocks=True
    )
    template = environment.from_string((LAYOUTS / "checks" / "report.html.j2").read_text(encoding="utf-8"))
    documents = []
    for report in reports:
        blocks, general = place_findings(report)
        documents.append({"report": report, "blocks": blocks, "general": general,
                          "scores": score_lines(report.metrics),
                          "score_note": score_note(report.metrics),
                          "easy_read_scores": score_lines(report.easy_read_metrics)
                          if not report.easy_read_metrics.empty else []})  # fmt: skip
    return template.render(documents=documents, labels=KIND_LABELS)
