"""Running every rule over one leaflet: its findings, less the silenced ones, and its score card."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..findings import Finding, Severity
from ..model import Document
from .metrics import Metrics, Sample, measure
from .rules import RULES
from .rules.base import Context
from .settings import CheckSettings, leaflet_layer
from .units import Locator, Sentence, TextBlock, split_document

SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.SUGGESTION: 2}
YOU_WORDS = frozenset("you your yours yourself yourselves you're you'll you've you'd".split())


@dataclass
class SectionFigures:
    title: str
    metrics: Metrics


@dataclass
class DocumentReport:
    """What the check found in one leaflet."""

    source: Path
    title: str
    findings: list[Finding]
    metrics: Metrics
    easy_read_metrics: Metrics
    sections: list[SectionFigures] = field(default_factory=list)
    blocks: list[TextBlock] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.severity == Severity.ERROR]

    def count(self, severity: Severity) -> int:
        return sum(1 for finding in self.findings if finding.severity == severity)


def sample(sentence: Sentence) -> Sample:
    return Sample(
        words=sentence.words,
        passive=bool(sentence.passives),
        speaks_to_reader=any(word.lower().replace("’", "'") in YOU_WORDS for word in sentence.words),
    )


def figures(sentences: list[Sentence], samples: dict[int, Sample]) -> Metrics:
    """The figures of the running text among `sentences` (samples by sentence index)."""
    return measure([samples[sentence.index] for sentence in sentences if sentence.counts_in_metrics])


def check_document(
    document: Document, settings: CheckSettings | None = None, today: date | None = None,
    source_text: str | None = None,
) -> DocumentReport:  # fmt: skip
    """Check one leaflet read into the model. `today` decides which review dates have passed."""
    settings = (settings or CheckSettings()).with_layer(
        leaflet_layer(document.meta.checks, document.source, document.meta.line_of("checks"))
    )
    text = source_text if source_text is not None else _source_text(document.source)
    blocks = split_document(document, text, settings.profile)
    sentences = [sentence for block in blocks for sentence in block.sentences]
    samples = {sentence.index: sample(sentence) for sentence in sentences if sentence.counts_in_metrics}
    by_profile = {
        profile: figures([s for s in sentences if s.profile == profile], samples)
        for profile in ("standard", "easy-read")
    }
    context = Context(
        document,
        blocks,
        settings,
        today or date.today(),
        Locator(text),
        {profile: metrics for profile, metrics in by_profile.items() if not metrics.empty},
    )
    for rule in RULES.values():
        rule.run(context)
    findings = sorted(
        (finding for finding in context.findings if not _silenced(finding, document)),
        key=lambda f: (f.line, f.column, SEVERITY_ORDER[f.severity], f.rule),
    )
    sections = [
        SectionFigures(section.title or "Introduction", figures(_standard_in(sentences, number), samples))
        for number, section in enumerate(document.sections)
    ]  # fmt: skip
    return DocumentReport(document.source, document.meta.title, findings, by_profile["standard"],
                          by_profile["easy-read"], sections, blocks)  # fmt: skip


def check_again_on(document: Document, settings: CheckSettings, today: date) -> date | None:
    """The first day after `today` on which the check may find something new in an unchanged
    leaflet (a review date falling due); None when no rule depends on the day."""
    settings = settings.with_layer(
        leaflet_layer(document.meta.checks, document.source, document.meta.line_of("checks"))
    )
    days = [
        rule.due_again(document, settings.rule(rule.id, profile), today)
        for rule in RULES.values() if rule.due_again
        for profile in rule.profiles
    ]  # fmt: skip
    return min((day for day in days if day is not None), default=None)


def _standard_in(sentences: list[Sentence], section: int) -> list[Sentence]:
    return [s for s in sentences if s.block.section == section and s.profile == "standard"]


def _source_text(source: Path) -> str:
    try:
        return source.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    except (OSError, UnicodeDecodeError):
        return ""


def _silenced(finding: Finding, document: Document) -> bool:
    return any(
        (finding.rule in suppression.rules or "all" in suppression.rules)
        and suppression.first_line <= finding.line <= suppression.last_line
        for suppression in document.suppressions
    )
