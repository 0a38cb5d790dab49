"""Large input builds within bounded memory: a 5 MB leaflet, 10,000 list items, a 300-page PDF.

Each build runs in its own process, so that its peak memory can be measured on its own.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pikepdf

from tests.conftest import PROJECT_ROOT, write_leaflet

MEMORY_LIMIT_MB = 800  # a laptop's share; see the closing figures printed by `pytest -s`


def build_in_child(source: Path, out: Path, formats: str) -> float:
    """Build in a fresh process with --no-check; return that process's peak memory in MB."""
    command = [sys.executable, "-m", "exporters", "build", str(source), "--out", str(out),
               "--format", formats, "--variant", "large-print", "--no-check", "--jobs", "1"]  # fmt: skip
    script = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    finished = subprocess.run([sys.executable, "-c", script, *command], cwd=PROJECT_ROOT,
                              capture_output=True, text=True, timeout=600)  # fmt: skip
    assert finished.returncode == 0, finished.stderr
    return int(finished.stdout.split()[-1]) / 1024


def test_a_five_megabyte_leaflet_builds(tmp_path):
    paragraph = "This sentence tells you what happens at your visit and how to get ready for it. " * 8
    body = "## What happens\n\n" + (paragraph + "\n\n") * 8000
    source = write_leaflet(tmp_path, body)
    assert source.stat().st_size > 5_000_000
    peak = build_in_child(source, tmp_path / "out", "html")
    print(f"5 MB leaflet to HTML: peak {peak:.0f} MB")
    assert peak < MEMORY_LIMIT_MB
    assert (tmp_path / "out" / "blood-test" / "blood-test.large-print.html").stat().st_size > 5_000_000


def test_ten_thousand_list_items_build(tmp_path):
    source = write_leaflet(tmp_path, "## Steps\n\n" + "".join(f"- step number {n}\n" for n in range(10_000)))
    peak = build_in_child(source, tmp_path / "out", "html,docx")
    print(f"10,000 list items to HTML and Word: peak {peak:.0f} MB")
    html = (tmp_path / "out" / "blood-test" / "blood-test.large-print.html").read_text(encoding="utf-8")
    assert html.count("<li>") >= 10_000 and peak < MEMORY_LIMIT_MB


def test_a_three_hundred_page_pdf_builds(tmp_path):
    sections = "".join(
        f"## Part {number}\n\n"
        + "This paragraph says what happens at your visit and what you can do to get ready for it.\n\n" * 12
        + "".join(f"- point {item} of part {number}\n" for item in range(10))
        + "\n"
        for number in range(170)
    )
    source = write_leaflet(tmp_path, sections)
    peak = build_in_child(source, tmp_path / "out", "pdf")
    with pikepdf.open(tmp_path / "out" / "blood-test" / "blood-test.large-print.pdf") as pdf:
        print(f"{len(pdf.pages)}-page large-print PDF: peak {peak:.0f} MB")
        assert len(pdf.pages) >= 300
    assert peak < MEMORY_LIMIT_MB
