"""Precision and recall per rule on the labelled corpus of leaflets (tests/corpus/), and the noise:
errors and warnings per 1,000 words.

Run it by hand:
    python tests/checks/accuracy/corpus.py                 # the sets tuned on, then held-out-2
    python tests/checks/accuracy/corpus.py --split train --misses   # each miss and false alarm
    python tests/checks/accuracy/corpus.py --code /tmp/old-checkout  # the rules of another checkout

The rules were tuned on train and held-out ("tuned on": both together). held-out-2 was written by
someone who never ran the checker, and is for reporting only: read its figures, never its misses,
while rules are still changing (tests/checks/test_corpus.py holds its floors).
A finding matches a label when the rule is the same, the line is the same (a label without a line
is about the whole leaflet) and, when the label quotes words, the finding's words share one of them.

A rule's summary of the whole leaflet ("16 of 25 sentences are passive") is counted in the noise
but not scored: the labels are per sentence, and the summary says nothing that the findings it
counts do not say one by one, so scoring it would count their mistakes twice.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT / "tests" / "corpus"
SPLITS = ("train", "held-out", "held-out-2")
TUNED_ON = ("train", "held-out")  # reported together as "tuned on"
DEFAULT = ("tuned-on", "held-out-2")
TODAY = date(2026, 6, 1)  # the day the corpus's review dates are judged on
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z0-9]+)*")  # words as the corpus README compares them: "HER2+" is "her2"


@dataclass
class Tally:
    found: int = 0
    false_alarms: int = 0
    missed: int = 0

    @property
    def precision(self) -> float:
        return self.found / (self.found + self.false_alarms) if self.found + self.false_alarms else 1.0

    @property
    def recall(self) -> float:
        return self.found / (self.found + self.missed) if self.found + self.missed else 1.0


@dataclass
class Measure:
    """What the check found on one split of the corpus, against its labels."""

    rules: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    noise: dict[str, tuple[int, int]] = field(default_factory=dict)  # leaflet -> (errors+warnings, words)
    mistakes: list[str] = field(default_factory=list)

    @property
    def noise_per_thousand(self) -> float:
        loud, words = (sum(values) for values in zip(*self.noise.values(), strict=True))
        return 1000 * loud / words if words else 0.0

    def total(self) -> Tally:
        tallies = self.rules.values()
        return Tally(sum(t.found for t in tallies), sum(t.false_alarms for t in tallies),
                     sum(t.missed for t in tallies))  # fmt: skip


def words_of(text: str) -> set[str]:
    return set(_WORD.findall(text.lower().replace("’", "'")))


def matches(finding, label: dict) -> bool:
    if finding.rule != label["rule"]:
        return False
    if "line" not in label:
        return True
    if finding.line != label["line"]:
        return False
    return "text" not in label or bool(words_of(str(label["text"])) & words_of(finding.text or finding.message))


def best_match(findings: list, label: dict):
    """The finding that matches the label, sharing the most of its words: "be avoided" goes to
    the finding "be avoided", not to "be limited" in the same sentence."""
    candidates = [finding for finding in findings if matches(finding, label)]
    wanted = words_of(str(label.get("text", "")))
    return max(candidates, key=lambda f: len(wanted & words_of(f.text or f.message)), default=None)


def leaflets(split: str, corpus: Path = CORPUS) -> list[Path]:
    """The leaflets of a split; "tuned-on" is train and held-out together."""
    folders = TUNED_ON if split == "tuned-on" else (split,)
    return [path for folder in folders for path in sorted((corpus / folder).glob("*.md"))]


def is_summary(finding) -> bool:
    """A sentence rule's finding about the whole leaflet: it quotes no words of a sentence."""
    from exporters.checks.rules import RULES
    from exporters.checks.rules.base import Scope

    rule = RULES.get(finding.rule)
    return rule is not None and rule.scope is Scope.SENTENCE and not finding.text


def measure_split(split: str, corpus: Path = CORPUS) -> Measure:
    from exporters.checks import check_document
    from exporters.findings import Severity
    from exporters.readers.leaflet import read

    result = Measure()
    for path in leaflets(split, corpus):
        labels = (yaml.safe_load(path.with_suffix(".labels.yaml").read_text(encoding="utf-8")) or {})
        report = check_document(read(path), today=TODAY)
        unmatched = [finding for finding in report.findings if not is_summary(finding)]
        for label in labels.get("findings") or []:
            finding = best_match(unmatched, label)
            tally = result.rules[label["rule"]]
            if finding is None:
                tally.missed += 1
                result.mistakes.append(f"{path.name}:{label.get('line', '-')} missed {label['rule']}: "
                                       f"{label.get('text', '')}")  # fmt: skip
            else:
                tally.found += 1
                unmatched.remove(finding)
        for finding in unmatched:
            result.rules[finding.rule].false_alarms += 1
            result.mistakes.append(f"{path.name}:{finding.line} false alarm {finding.rule}: "
                                   f"{finding.text or finding.message}")  # fmt: skip
        loud = sum(1 for f in report.findings if f.severity in (Severity.ERROR, Severity.WARNING))
        result.noise[path.stem] = (loud, report.metrics.words)
    return result


def table(split: str, result: Measure) -> str:
    lines = [f"{split}: {len(result.noise)} leaflets, {sum(w for _, w in result.noise.values())} words",
             f"{'rule':<20} {'precision':>9} {'recall':>7} {'found':>6} {'false':>6} {'missed':>7}"]  # fmt: skip
    for rule, tally in sorted(result.rules.items()):
        lines.append(f"{rule:<20} {tally.precision:>9.2f} {tally.recall:>7.2f} {tally.found:>6} "
                     f"{tally.false_alarms:>6} {tally.missed:>7}")  # fmt: skip
    total = result.total()
    lines.append(f"{'all rules':<20} {total.precision:>9.2f} {total.recall:>7.2f} {total.found:>6} "
                 f"{total.false_alarms:>6} {total.missed:>7}")  # fmt: skip
    lines.append(f"errors and warnings per 1,000 words: {result.noise_per_thousand:.1f}")
    noisiest = max(result.noise.items(), key=lambda item: item[1][0] / max(item[1][1], 1))
    loud, words = noisiest[1]
    lines.append(f"noisiest leaflet: {noisiest[0]}, one error or warning per "
                 f"{words / loud if loud else float('inf'):.0f} words")  # fmt: skip
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=(*SPLITS, "tuned-on"), action="append",
                        help="train, held-out, tuned-on (both) or held-out-2 (default: tuned-on, held-out-2)")
    parser.add_argument("--misses", action="store_true", help="list each miss and false alarm")
    parser.add_argument("--code", type=Path, default=ROOT, help="the checkout whose rules are measured")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    arguments = parser.parse_args()
    sys.path.insert(0, str(arguments.code.resolve()))
    for split in arguments.split or DEFAULT:
        if not leaflets(split, arguments.corpus):
            print(f"{split}: no leaflets yet\n")
            continue
        result = measure_split(split, arguments.corpus)
        print(table(split, result))
        if arguments.misses:
            print("\n".join(f"    {mistake}" for mistake in result.mistakes))
        print()


if __name__ == "__main__":
    main()
