"""Precision and recall of the measured rules on the labelled sentences (sentences.yaml).

Run it by hand:  python tests/checks/accuracy/measure.py  (add --misses to see each mistake).
Each sentence is checked as the only paragraph of its own leaflet, so that "first use" rules
see it fresh. tests/checks/test_accuracy.py holds the targets the issue sets.
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from exporters.checks import check_document  # noqa: E402
from exporters.readers.leaflet import read  # noqa: E402

LABELS = Path(__file__).with_name("sentences.yaml")
MEASURED = ("long-sentence", "passive-voice", "plain-words", "hard-word", "abbreviation")
FRONT_MATTER = """\
title: A test leaflet
organisation: {name: Test team, phone: 01632 960000}
reviewed: 2026-01-01
next_review: 2028-01-01
references: [A source]
"""
TODAY = date(2026, 6, 1)


@dataclass
class Score:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positive + self.false_negative
        return self.true_positive / wanted if wanted else 1.0


def fired_rules(text: str, glossary: dict[str, str], folder: Path) -> set[str]:
    front = FRONT_MATTER + (yaml.safe_dump({"glossary": glossary}) if glossary else "")
    path = folder / "sentence.md"
    path.write_text(f"---\n{front}---\n{text}\n", encoding="utf-8")
    report = check_document(read(path), today=TODAY)
    return {finding.rule for finding in report.findings if finding.line > 1}


def measure() -> tuple[dict[str, Score], int]:
    entries = yaml.safe_load(LABELS.read_text(encoding="utf-8"))
    scores = {rule: Score() for rule in MEASURED}
    with tempfile.TemporaryDirectory() as folder:
        for entry in entries:
            fired = fired_rules(entry["text"], entry.get("glossary") or {}, Path(folder))
            expected = set(entry["rules"])
            for rule, score in scores.items():
                if rule in fired and rule in expected:
                    score.true_positive += 1
                elif rule in fired:
                    score.false_positive += 1
                    score.misses.append(f"false alarm: {entry['text']}")
                elif rule in expected:
                    score.false_negative += 1
                    score.misses.append(f"missed: {entry['text']}")
    return scores, len(entries)


def main() -> None:
    scores, count = measure()
    print(f"{count} labelled sentences")
    print(f"{'rule':<16} {'precision':>9} {'recall':>7} {'found':>6} {'false':>6} {'missed':>7}")
    for rule, score in scores.items():
        print(
            f"{rule:<16} {score.precision:>9.3f} {score.recall:>7.3f} {score.true_positive:>6} "
            f"{score.false_positive:>6} {score.false_negative:>7}"
        )
        if "--misses" in sys.argv:
            for miss in score.misses:
                print(f"    {miss}")


if __name__ == "__main__":
    main()
