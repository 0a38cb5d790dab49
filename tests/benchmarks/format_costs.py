"""Benchmark, run by hand: what each format costs per leaflet, and what 5,000 leaflets would take.

    python tests/benchmarks/format_costs.py [--sample 4] [--leaflets 5000]

A national publisher rebuilds its whole library in every format when a layout changes, so the
figure that matters is the steady cost of one more output once a worker has its libraries loaded:
the CPU seconds of this process and of the programs it starts (espeak-ng for the audio), for each
format and edition, averaged over a sample of real leaflets (the examples in source/, then the
untouched held-out corpus). Reading and the plain-English check are counted once per leaflet.
Each exporter is run once on a first leaflet before timing starts, so imports are left out: they
are paid once per worker, not once per leaflet. The projection divides the CPU time by the
cores of this machine, which is what `leaflet build --jobs N` reaches on a library this large.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from exporters.checks import check_document  # noqa: E402
from exporters.formats import FORMATS, make  # noqa: E402
from exporters.readers.leaflet import read  # noqa: E402
from exporters.variants import VARIANTS, layout_settings  # noqa: E402

SAMPLE_FOLDERS = (ROOT / "source", ROOT / "tests" / "corpus" / "held-out-2")


def sample_leaflets(count: int) -> list[Path]:
    found = [path for folder in SAMPLE_FOLDERS for path in sorted(folder.glob("*.md")) if path.name != "README.md"]
    return found[:count]


def cpu_seconds() -> float:
    """CPU time of this process and of every child it has waited for (espeak-ng, LibreOffice...)."""
    mine, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return mine.ru_utime + mine.ru_stime + children.ru_utime + children.ru_stime


def measured(work) -> tuple[float, float, object]:
    """(wall seconds, CPU seconds, result) of one call."""
    cpu, wall = cpu_seconds(), time.perf_counter()
    result = work()
    return time.perf_counter() - wall, cpu_seconds() - cpu, result


def outputs_of(document) -> list[tuple[str, str]]:
    """Every (format, edition) that `leaflet build` would make of this leaflet by default, and
    the formats it does not make by default but a publisher may (braille PEF beside BRF)."""
    return [(name, variant) for name, chosen in FORMATS.items() if name != "markdown"
            for variant in chosen.variants
            if document.has_easy_read or not VARIANTS[variant].needs_easy_read_text]  # fmt: skip


def words_of(leaflet: Path) -> int:
    """The words of a leaflet's text (after its front matter), as a word counter counts them."""
    return len(leaflet.read_text(encoding="utf-8").split("\n---\n", 1)[-1].split())


def format_costs(leaflets: list[Path], scratch: Path) -> dict[tuple[str, str], list[float]]:
    """CPU seconds per leaflet of reading + checking, and of each (format, edition)."""
    scratch.mkdir(parents=True, exist_ok=True)
    costs: dict[tuple[str, str], list[float]] = defaultdict(list)
    warmed: set[tuple[str, str]] = set()
    check_document(read(leaflets[0]))  # the check's word lists, loaded once per process
    for leaflet in leaflets:
        _, cpu, document = measured(partial(read, leaflet))
        _, check_cpu, _ = measured(partial(check_document, document))
        costs[("read and check", "")].append(cpu + check_cpu)
        for name, variant in outputs_of(document):
            settings = layout_settings(variant)
            if (name, variant) not in warmed:  # the imports and first-use caches of this exporter
                make(document, name, settings, scratch)
                warmed.add((name, variant))
            _, cpu, _ = measured(partial(make, document, name, settings, scratch))
            costs[(name, variant)].append(cpu)
    return dict(costs)


def report(costs: dict, leaflets: int, library: int) -> list[str]:
    lines = [f"{'format':<14}{'edition':<13}{'CPU s per leaflet':>18}{'min':>7}{'max':>7}"]
    total = 0.0
    for (name, variant), values in costs.items():
        mean = statistics.fmean(values)
        total += mean
        lines.append(f"{name:<14}{variant:<13}{mean:>18.2f}{min(values):>7.2f}{max(values):>7.2f}")
    cores = os.cpu_count() or 1
    hours = total * library / cores / 3600
    lines.append(f"{'every format and edition, one leaflet':<27}{total:>18.2f}")
    lines.append(f"{library:,} leaflets in every format on this machine ({cores} cores): {hours:.1f} hours "
                 f"(sample of {leaflets} leaflets)")  # fmt: skip
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=4, help="how many leaflets to time")
    parser.add_argument("--leaflets", type=int, default=5000, help="the library to project to")
    options = parser.parse_args()
    leaflets = sample_leaflets(options.sample)
    with tempfile.TemporaryDirectory() as scratch:
        costs = format_costs(leaflets, Path(scratch))
    words = statistics.fmean(words_of(leaflet) for leaflet in leaflets)
    print(f"Sample: {', '.join(p.stem for p in leaflets)} ({words:.0f} words on average); "
          f"load average {os.getloadavg()[0]:.1f}")  # fmt: skip
    print("\n".join(report(costs, len(leaflets), options.leaflets)))


if __name__ == "__main__":
    main()
