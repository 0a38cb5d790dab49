"""What every rule is handed (the Context) and the reusable kind of rule: a word list."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date

from ...findings import Finding, Severity
from ...model import Document
from ...sentences import word_spans
from ..metrics import Metrics
from ..settings import CheckSettings, RuleSettings
from ..units import Locator, Sentence, TextBlock
from ..wordlists import Match, PhraseList

PROFILE_NAMES = {"standard": "", "easy-read": " (easy read)"}


@dataclass
class Context:
    """One document as the rules see it, and the findings they report."""

    document: Document
    blocks: list[TextBlock]
    settings: CheckSettings
    today: date
    locator: Locator
    metrics: dict[str, Metrics] = field(default_factory=dict)  # by profile: the whole leaflet's figures
    findings: list[Finding] = field(default_factory=list)
    _rules: dict[tuple[str, str], RuleSettings] = field(default_factory=dict)

    @property
    def sentences(self) -> Iterator[Sentence]:
        for block in self.blocks:
            yield from block.sentences

    def rule(self, rule: str, profile: str = "standard") -> RuleSettings:
        if (rule, profile) not in self._rules:
            self._rules[(rule, profile)] = self.settings.rule(rule, profile)
        return self._rules[(rule, profile)]

    def sentences_for(self, rule: str) -> Iterator[tuple[Sentence, RuleSettings]]:
        """Each sentence with the rule's settings in the sentence's profile, when the rule is on."""
        by_profile = {profile: self.rule(rule, profile) for profile in ("standard", "easy-read")}
        for sentence in self.sentences:
            settings = by_profile[sentence.profile]
            if settings.enabled:
                yield sentence, settings

    def report(self, rule: str, severity: Severity, line: int, column: int, message: str,
               suggestion: str = "", text: str = "") -> None:  # fmt: skip
        self.findings.append(Finding(rule, severity, self.document.source, line, column, message,
                                     suggestion, text))  # fmt: skip

    def report_at(self, rule: str, severity: Severity, sentence: Sentence, word_index: int,
                  message: str, suggestion: str = "", text: str = "") -> None:  # fmt: skip
        line, column = sentence.position_of(word_index) if word_index else (sentence.line, sentence.column)
        self.report(rule, severity, line, column, message, suggestion, text or sentence.text)

    def position(self, text: str, line: int) -> tuple[int, int]:
        """Where `text` stands in the source, looking from the start of `line`."""
        words = [word for _, word in word_spans(text)]
        found = self.locator.find(words[:3], self.locator.offset_of_line(line))
        return self.locator.position(found) if found is not None else (line, 1)


def word_index_at(sentence: Sentence, offset: int) -> int:
    """The number of the word that starts at or after character `offset` of the sentence."""
    for index, (start, _) in enumerate(sentence.spans):
        if start >= offset:
            return index
    return max(0, len(sentence.spans) - 1)


Describe = Callable[[Match], tuple[str, str]]


def word_list_rule(
    rule: str,
    phrases: Callable[[], PhraseList],
    describe: Describe,
    applies: Callable[[Context], bool] = lambda context: True,
) -> Callable[[Context], None]:
    """A rule that is only a list: each entry found is reported with its alternative (Vale's
    "substitution", proselint's "preferred forms")."""

    def check(context: Context) -> None:
        if not applies(context):
            return
        found = phrases()
        for sentence, settings in context.sentences_for(rule):
            for match in found.find(sentence.text, sentence.tokens, sentence.token_set):
                message, suggestion = describe(match)
                context.report_at(rule, settings.severity, sentence, word_index_at(sentence, match.start),
                                  message, suggestion, match.text)  # fmt: skip

    check.__doc__ = f"The {rule} rule: a list of words and what to write instead."
    return check
