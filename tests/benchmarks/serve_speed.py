"""Benchmark, run by hand: how soon after a save `leaflet serve` has the findings and the preview.

    python tests/benchmarks/serve_speed.py [--saves 20]

It serves one leaflet of over 3,000 words of running text (the two example leaflets' text in one
file, the second one twice, its headings renamed) with every format, in this process (Starlette's test client, no network), and saves it again and again with
one sentence changed, as the editor page does. For each save it times:

- findings: from the save's request to the check's findings being ready (the file written, read
  again and checked), as the server measured it, and as the page sees it (the save's answer,
  then findings.json);
- preview: the same, up to the HTML edition with its marks (the save's answer, then the page).

The other formats are rebuilt by the workers in the background meanwhile, as they would be:
their work competes for the same cores. Medians and the slowest of the saves are printed, with
the machine's load average.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from starlette.testclient import TestClient  # noqa: E402

from exporters.requests import ServeRequest  # noqa: E402
from exporters.serve.app import create_app  # noqa: E402

FINDINGS_TARGET, PREVIEW_TARGET = 0.3, 0.5


def long_leaflet(folder: Path) -> Path:
    """One leaflet: the targeted therapies leaflet with the bone marrow leaflet's text after it."""
    source = folder / "source"
    shutil.copytree(ROOT / "source" / "pictures", source / "pictures")
    shutil.copy(ROOT / "source" / "glossary.yaml", source / "glossary.yaml")
    first = (ROOT / "source" / "all-targeted-therapies.md").read_text(encoding="utf-8")
    second = (ROOT / "source" / "bone-marrow-test.md").read_text(encoding="utf-8")
    body = second.split("\n---\n", 1)[1]
    again = body.replace("\n## ", "\n## More: ")
    path = source / "long-leaflet.md"
    path.write_text(first.rstrip("\n") + "\n\n" + body + "\n" + again, encoding="utf-8")
    return path


def in_isolation(path: Path, rounds: int = 10) -> None:
    """The same work with no server and nothing building beside it: wall and CPU time."""
    from exporters.checks import check_document
    from exporters.formats.html import render
    from exporters.readers.leaflet import read
    from exporters.serve.marks import marked_preview
    from exporters.serve.templates import environment
    from exporters.variants import layout_settings

    macros, settings = environment().get_template("marks.html.j2"), layout_settings("standard")
    phases: dict[str, list[tuple[float, float]]] = {"read": [], "check": [], "preview": []}
    for round_number in range(rounds + 1):
        clock = (time.perf_counter(), time.process_time())
        document = read(path)
        clock = lap(phases["read"], clock, round_number)
        report_of_check = check_document(document)
        clock = lap(phases["check"], clock, round_number)
        marked_preview(render(document, settings), report_of_check, macros)
        lap(phases["preview"], clock, round_number)
    for name, laps in phases.items():
        print(f"  in isolation, {name:8} median {statistics.median(w for w, _ in laps) * 1000:5.0f} ms wall, "
              f"{statistics.median(c for _, c in laps) * 1000:5.0f} ms CPU")  # fmt: skip


def lap(laps: list[tuple[float, float]], clock: tuple[float, float], round_number: int) -> tuple[float, float]:
    now = (time.perf_counter(), time.process_time())
    if round_number:  # the first round loads the word lists: not counted
        laps.append((now[0] - clock[0], now[1] - clock[1]))
    return now


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=20)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        path = long_leaflet(folder)
        in_isolation(path)
        started = time.perf_counter()
        app = create_app(ServeRequest(folder / "source", folder / "output", jobs=2))
        with TestClient(app, base_url="http://127.0.0.1:8000") as client:
            print(f"Start (imports, workers, first check): {time.perf_counter() - started:.2f} s")
            run(client, app, path, arguments.saves)


def run(client: TestClient, app, path: Path, saves: int) -> None:
    (slug,) = app.state.live.leaflets
    leaflet = app.state.live.leaflets[slug]
    print(f"Leaflet: {leaflet.report.metrics.words} words of running text, {len(path.read_text().split())} "
          f"words in the file; {len(leaflet.report.findings)} findings")  # fmt: skip
    csrf = re.search(r'name="csrf-token" content="([^"]+)"', client.get(f"/leaflets/{slug}").text).group(1)
    etag, text = leaflet.etag, leaflet.text
    server_checked, server_previewed, page_findings, page_preview = [], [], [], []
    for number in range(saves):
        changed = text.replace("## ", f"We utilise test number {number} here.\n\n## ", 1)
        begun = time.perf_counter()
        answer = client.put(f"/leaflets/{slug}/source", content=changed.encode(), headers={
            "X-CSRF-Token": csrf, "If-Match": etag, "Content-Type": "text/plain; charset=utf-8"})  # fmt: skip
        etag = answer.headers["etag"]
        saved = time.perf_counter()
        findings = client.get(f"/leaflets/{slug}/findings.json").json()
        page_findings.append(time.perf_counter() - begun)
        assert any(f"number {number}" in f["text"] or f["rule"] == "plain-words" for f in findings["documents"][0]["findings"])
        mid = time.perf_counter()
        page = client.get(f"/leaflets/{slug}").text
        assert f"test number {number}" in page.split('class="preview"')[1]
        page_preview.append(saved - begun + time.perf_counter() - mid)
        looked = app.state.live.leaflets[slug]
        server_checked.append(looked.checked_in)
        server_previewed.append(looked.previewed_in)
        time.sleep(1.0)  # a short pause between saves; the workers build meanwhile
    report("findings ready (server: read + check)", server_checked, FINDINGS_TARGET)
    report("findings at the page (save + findings.json)", page_findings, FINDINGS_TARGET)
    report("preview ready (server: + HTML edition + marks)", server_previewed, PREVIEW_TARGET)
    report("preview at the page (save + the page)", page_preview, PREVIEW_TARGET)
    print(f"Load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; {os.cpu_count()} cores")


def report(label: str, seconds: list[float], target: float) -> None:
    median, slowest = statistics.median(seconds), max(seconds)
    met = "met" if median <= target else "MISSED"
    print(f"{label:50} median {median * 1000:6.0f} ms  slowest {slowest * 1000:6.0f} ms  "
          f"(target {target * 1000:.0f} ms: {met})")  # fmt: skip


if __name__ == "__main__":
    print(f"Load average at the start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    main()
