"""Benchmark, run by hand: how long a 3,000-word leaflet takes to become an MP3 and a talking book.

    python tests/benchmarks/audio_speed.py [LEAFLET] [--rounds 3] [--jobs 2]

Target: under 20 s on 2 cores for both files of the standard edition. The default leaflet is the
corpus's 3,000-word chemotherapy booklet (tests/corpus/held-out/r-chop-chemotherapy-booklet.md).
Each round is one whole `leaflet build --format audio,talking-book --variant standard --force`
(start-up, reading and the check included), timed by the wall clock, with the CPU time of all its
processes beside it; then where the time goes inside one process, stage by stage, for the MP3.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

DEFAULT = ROOT / "tests" / "corpus" / "held-out" / "r-chop-chemotherapy-booklet.md"
TARGET = 20.0


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def one_build(leaflet: Path, out: Path, jobs: int) -> tuple[float, float]:
    command = [sys.executable, "-m", "exporters", "build", str(leaflet), "--out", str(out), "--format",
               "audio,talking-book", "--variant", "standard", "--force", "--no-check", "--jobs", str(jobs)]  # fmt: skip
    cpu, started = children_cpu(), time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - started, children_cpu() - cpu


def stages(leaflet: Path) -> list[tuple[str, float]]:
    """Reading the e-book aloud, speaking, encoding: the MP3's work in this process."""
    from exporters.formats.audio import mp3_parts
    from exporters.formats.audio.edition import voice_for
    from exporters.formats.audio.mp3 import encode
    from exporters.formats.audio.speech import joined, record
    from exporters.readers.leaflet import read
    from exporters.variants import layout_settings

    settings = layout_settings("standard")
    timings, started = [], time.perf_counter()
    document = read(leaflet)
    timings.append(("read the leaflet", time.perf_counter() - started))
    started = time.perf_counter()
    parts = mp3_parts(document, settings)
    timings.append(("e-book documents, sentences and what is said", time.perf_counter() - started))
    started = time.perf_counter()
    voice = voice_for(document, settings)
    whole, _ = joined([record(part.utterances, voice) for part in parts])
    timings.append((f"espeak-ng speaking ({whole.length / whole.sample_rate / 60:.1f} min of audio)",
                    time.perf_counter() - started))  # fmt: skip
    started = time.perf_counter()
    encode(whole.samples, whole.sample_rate)
    timings.append(("LAME encoding at 64 kbit/s", time.perf_counter() - started))
    words = sum(len(u.script.split()) for part in parts for u in part.utterances)
    timings.append((f"words said: {words}", 0.0))
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("leaflet", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    arguments = parser.parse_args()
    load = os.getloadavg()[0]
    source_words = len(arguments.leaflet.read_text(encoding="utf-8").split())
    print(f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores; "
          f"Python {platform.python_version()}; load average at start {load:.1f}")  # fmt: skip
    print(f"Leaflet: {arguments.leaflet.relative_to(ROOT)} ({source_words} words in the file)")
    walls, cpus = [], []
    with tempfile.TemporaryDirectory() as folder:
        for round_number in range(arguments.rounds):
            wall, cpu = one_build(arguments.leaflet, Path(folder) / "out", arguments.jobs)
            walls.append(wall)
            cpus.append(cpu)
            print(f"  round {round_number + 1}: {wall:5.1f} s (CPU {cpu:5.1f} s)")
        sizes = {p.name: p.stat().st_size for p in (Path(folder) / "out").rglob("*.*") if p.is_file()}
    median = statistics.median(walls)
    print(f"MP3 + talking book, --jobs {arguments.jobs}: median {median:.1f} s (CPU {statistics.median(cpus):.1f} s); "
          f"target under {TARGET:.0f} s: {'met' if median < TARGET else 'missed'}")  # fmt: skip
    for name, size in sorted(sizes.items()):
        if not name.endswith(".fingerprint"):
            print(f"  {name}: {size / 1e6:.1f} MB")
    print("Where the MP3's time goes, in one process:")
    for stage, seconds in stages(arguments.leaflet):
        print(f"  {stage:60} {seconds:5.2f} s" if seconds else f"  {stage}")
    print(f"load average at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
