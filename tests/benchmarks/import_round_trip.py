"""Figures, run by hand: each leaflet exported to Word (clear print) and imported back.

    python tests/benchmarks/import_round_trip.py [LEAFLET ...]

For every example leaflet, someone else's leaflet and every corpus leaflet (or those named):
whether the headings came back equal, the share of the words that came back, whether the lists
and the pictures (with their descriptions) came back the same, how many guesses the import made
and how long the export and the import took. tests/test_import_round_trip.py holds the targets.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.round_trip import LEAFLETS, round_trip  # noqa: E402


def main(arguments: list[str]) -> None:
    leaflets = [Path(argument) for argument in arguments] or LEAFLETS
    print(f"load average at start {os.getloadavg()[0]:.1f}")
    print(f"{'leaflet':44} {'headings':>8} {'words':>7} {'lists':>5} {'pictures':>8} {'guesses':>7} {'seconds':>7}")
    with tempfile.TemporaryDirectory() as folder:
        for number, leaflet in enumerate(leaflets):
            started = time.perf_counter()
            trip = round_trip(leaflet, Path(folder) / str(number))
            seconds = time.perf_counter() - started
            name = f"{leaflet.parent.name}/{leaflet.name}"
            print(f"{name:44} {_yes(trip.headings_equal):>8} {trip.word_share:>7.1%} {_yes(trip.lists_equal):>5} "
                  f"{_yes(trip.pictures_equal):>8} {len(trip.report.guessed):>7} {seconds:>7.2f}")  # fmt: skip


def _yes(value: bool) -> str:
    return "equal" if value else "DIFFER"


if __name__ == "__main__":
    main(sys.argv[1:])
