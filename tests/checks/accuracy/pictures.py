"""How well the easy-read picture chooser (exporters/readers/picture_words.py) picks Health Icons, on
the labelled sentences of tests/corpus/easy-read-pictures.yaml.

Run it by hand:
    python tests/checks/accuracy/pictures.py                  # the sets tuned on, then held-out-2
    python tests/checks/accuracy/pictures.py --split train --mistakes
    python tests/checks/accuracy/pictures.py --code /tmp/old-checkout   # another checkout's chooser

A row is pictured when the chooser is sure of one icon; it is right when that icon is one the
editor accepted, and wrong otherwise (a row labelled "none fits" that gets a picture is wrong too).
The chooser was tuned on train and held-out ("tuned on"); held-out-2 is for reporting only, and
tests/checks/test_corpus.py holds its figures.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[3]
LABELS = ROOT / "tests" / "corpus" / "easy-read-pictures.yaml"
SPLITS = ("train", "held-out", "held-out-2")
GROUPS = {"tuned-on": ("train", "held-out")}  # reported together
DEFAULT = ("tuned-on", "held-out-2")
SUGGESTIONS = 3  # the draft's comment offers up to three candidates


@dataclass
class PictureScore:
    rows: int = 0
    with_icons: int = 0
    pictured: int = 0
    right: int = 0
    offered: int = 0  # rows without a picture whose right icon is among the suggestions
    unpictured_with_icons: int = 0
    mistakes: list[str] = field(default_factory=list)

    @property
    def wrong(self) -> int:
        return self.pictured - self.right

    @property
    def precision(self) -> float:
        return self.right / self.pictured if self.pictured else 1.0

    @property
    def coverage(self) -> float:
        return self.right / self.with_icons if self.with_icons else 1.0


def chooser():
    """(pick, suggestions): functions of a row's text giving group/name icons, for this checkout or
    an older one whose chooser returned a single curated entry."""
    from exporters.readers import picture_words
    from exporters.readers.pictures import _icon_index, healthicons_folder

    index = _icon_index(healthicons_folder())

    def full(name: str) -> str:
        path = index.get(name.lower())
        return f"{path.parent.name}/{path.stem}" if path else name

    if hasattr(picture_words, "picture_candidates"):
        def pick(text):
            chosen = picture_words.choose_picture(text)
            return chosen.path if chosen else None

        def suggestions(text):
            return [c.path for c in picture_words.picture_candidates(text)[:SUGGESTIONS]]
        return pick, suggestions

    entries = picture_words.load_picture_words()

    def old_pick(text):
        chosen = picture_words.choose_picture(text, entries)
        return full(chosen.icon) if chosen else None

    return old_pick, lambda text: [name for name in [old_pick(text)] if name]


def measure(split: str, labels: Path = LABELS) -> PictureScore:
    pick, suggestions = chooser()
    score = PictureScore()
    wanted_splits = GROUPS.get(split, (split,))
    for row in yaml.safe_load(labels.read_text(encoding="utf-8")):
        if row["split"] not in wanted_splits:
            continue
        wanted = set(row["icons"])
        score.rows += 1
        score.with_icons += bool(wanted)
        chosen = pick(row["text"])
        if chosen is None:
            if wanted:
                score.unpictured_with_icons += 1
                score.offered += bool(wanted & set(suggestions(row["text"])))
            continue
        score.pictured += 1
        if chosen in wanted:
            score.right += 1
        else:
            score.mistakes.append(f"{row['text']} -> {chosen} (accepted: {', '.join(row['icons']) or 'none'})")
    return score


def report(split: str, score: PictureScore) -> str:
    return "\n".join([
        f"{split}: {score.rows} sentences, {score.with_icons} with an icon that fits",
        f"  pictured {score.pictured}: right {score.right}, wrong {score.wrong} "
        f"(first suggestion right for {score.precision:.0%} of pictured rows)",
        f"  rows with a fitting icon that got it: {score.coverage:.0%}",
        f"  rows left for a person: {score.unpictured_with_icons}, the right icon among the "
        f"{SUGGESTIONS} suggestions for {score.offered} of them",
    ])  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=(*SPLITS, *GROUPS), action="append")
    parser.add_argument("--mistakes", action="store_true", help="list each wrong picture")
    parser.add_argument("--code", type=Path, default=ROOT, help="the checkout whose chooser is measured")
    arguments = parser.parse_args()
    sys.path.insert(0, str(arguments.code.resolve()))
    for split in arguments.split or DEFAULT:
        score = measure(split)
        if not score.rows:
            print(f"{split}: no sentences yet")
            continue
        print(report(split, score))
        if arguments.mistakes:
            print("\n".join(f"    {mistake}" for mistake in score.mistakes))


if __name__ == "__main__":
    main()
