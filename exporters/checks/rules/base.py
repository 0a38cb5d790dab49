"""What a rule is (a value: id, scope, check), what it is handed (the Context and its settings),
and the reusable kind of rule: a word list."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import TypeVar

from ...findings import Finding, Severity
from ...model import Document
from ...sentences import word_spans
from ..metrics import Metrics
from ..settings import CheckSettings, RuleSettings
from ..units import Locator, Sentence, TextBlock
from ..wordlists import Match, PhraseList, outside_everyday_phrases

PROFILES = ("standard", "easy-read")
T = TypeVar("T")


class Scope(StrEnum):
    """What a rule looks at, which decides the profiles it is set for and where reports show it."""

    SENTENCE = "sentence"  # each sentence, in the profile of its text
    BLOCK = "block"  # paragraphs, headings, tables, pictures and links
    LEAFLET = "leaflet"  # the leaflet as a whole: its dates, sources, contact, reading age
    EASY_READ = "easy-read"  # the rows of the easy-read blocks

    @property
    def placed(self) -> bool:
        """Whether its findings point at a sentence (and not at the whole leaflet)."""
        return self is not Scope.LEAFLET


@dataclass(frozen=True)
class Switches:
    """A rule's settings in each profile where it is switched on (absent where it is off)."""

    by_profile: dict[str, RuleSettings]

    def get(self, profile: str) -> RuleSettings | None:
        return self.by_profile.get(profile)

    def __getitem__(self, profile: str) -> RuleSettings:
        return self.by_profile[profile]


Check = Callable[["Context", Switches], None]
DueAgain = Callable[[Document, RuleSettings, date], "date | None"]


@dataclass(frozen=True)
class Rule:
    """One rule of the check (in the spirit of proselint's checks and Vale's rules).

    `id` is also its setting's name and the word that silences it; `mark` is how the HTML
    report marks the sentences it finds; `due_again`, for a rule whose findings change with
    the day, gives the first day after today on which an unchanged leaflet may be judged anew.
    """

    id: str
    scope: Scope
    check: Check
    mark: str = "other"
    profiles: tuple[str, ...] = PROFILES
    due_again: DueAgain | None = None

    def switches(self, context: Context) -> Switches:
        on = {profile: context.rule(self.id, profile) for profile in self.profiles}
        return Switches({profile: settings for profile, settings in on.items() if settings.enabled})

    def run(self, context: Context) -> None:
        """Check the document, unless the rule is off in every profile it is set for."""
        switches = self.switches(context)
        if switches.by_profile:
            self.check(context, switches)


def leaflet_rule(id: str, check: Check, **fields) -> Rule:
    """A rule about the leaflet as a whole, set by its standard settings."""
    return Rule(id, Scope.LEAFLET, check, profiles=("standard",), **fields)


def easy_read_rule(id: str, check: Check, **fields) -> Rule:
    return Rule(id, Scope.EASY_READ, check, profiles=("easy-read",), **fields)


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
    _facts: dict[str, object] = field(default_factory=dict)

    @property
    def sentences(self) -> Iterator[Sentence]:
        for block in self.blocks:
            yield from block.sentences

    def rule(self, rule: str, profile: str = "standard") -> RuleSettings:
        if (rule, profile) not in self._rules:
            self._rules[(rule, profile)] = self.settings.rule(rule, profile)
        return self._rules[(rule, profile)]

    def fact(self, name: str, work: Callable[[Context], T]) -> T:
        """Something several rules need to know of the leaflet, worked out once."""
        if name not in self._facts:
            self._facts[name] = work(self)
        return self._facts[name]  # type: ignore[return-value]

    def sentences_for(self, switches: Switches) -> Iterator[tuple[Sentence, RuleSettings]]:
        """Each sentence with the rule's settings in the sentence's profile, when the rule is on there."""
        for sentence in self.sentences:
            settings = switches.get(sentence.profile)
            if settings is not None:
                yield sentence, settings

    def blocks_for(self, switches: Switches) -> Iterator[tuple[TextBlock, RuleSettings]]:
        """Each block of text with the rule's settings in its profile, when the rule is on there."""
        for block in self.blocks:
            settings = switches.get(block.profile)
            if settings is not None:
                yield block, settings

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
    mark: str = "other",
    once: bool = False,
) -> Rule:
    """A rule that is only a list: each entry found is reported with its alternative (Vale's
    "substitution", proselint's "preferred forms"); with `once` each entry is reported at its
    first use only: its first use in the text, as a heading only names what the text below says
    (a heading's use is reported when the text has none)."""

    def check(context: Context, switches: Switches) -> None:
        if not applies(context):
            return
        found = phrases()
        seen: set[tuple[str, str]] = set()
        in_headings: dict[tuple[str, str], tuple[Sentence, RuleSettings, Match]] = {}
        for sentence, settings in context.sentences_for(switches):
            matches = found.find(sentence.text, sentence.tokens, sentence.token_set)
            matches = outside_everyday_phrases(matches, sentence.text, sentence.tokens, sentence.token_set)
            for match in matches:
                first_use = (sentence.profile, match.key)  # each edition has its own first use
                if once and first_use in seen:
                    continue
                if once and sentence.block.kind == "heading":
                    in_headings.setdefault(first_use, (sentence, settings, match))
                    continue
                seen.add(first_use)
                report(context, sentence, settings, match)
        for first_use, (sentence, settings, match) in in_headings.items():
            if first_use not in seen:
                report(context, sentence, settings, match)

    def report(context: Context, sentence: Sentence, settings: RuleSettings, match: Match) -> None:
        message, suggestion = describe(match)
        context.report_at(rule, settings.severity, sentence, word_index_at(sentence, match.start),
                          message, suggestion, match.text)  # fmt: skip

    check.__doc__ = f"The {rule} rule: a list of words and what to write instead."
    return Rule(rule, Scope.SENTENCE, check, mark)
