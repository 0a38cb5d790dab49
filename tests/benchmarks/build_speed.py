"""Benchmark, run by hand: `leaflet build` against pandoc's route to the same three formats.

    python tests/benchmarks/build_speed.py [--rounds 3] [--leaflets 20] [--jobs N]

On the same content and the same machine, in one run, alternating the two sides:
(a) one leaflet, large print, PDF + Word + EPUB;
(b) 20 leaflets (copies of the example leaflets under new names), both sides given all cores:
    `leaflet build --jobs N` against a pool of N running pandoc's jobs side by side;
(c) an unchanged rebuild of the 20 leaflets (our side only: pandoc has no incremental build);
(d) the peak memory of each worker process on a leaflet of about 100 large-print pages;
(e) every format and edition, braille, audio and the talking book included: the CPU seconds of one
    more leaflet (see format_costs.py), and the hours a library of 5,000 would take here.

Pandoc's route is `pandoc -o x.docx`, `pandoc -o x.epub`, and `pandoc -s -o x.html` followed by
WeasyPrint (the same version that we use) to PDF. Pandoc is given the text of the large-print
edition: the leaflet without its easy-read blocks, with pictograms as file paths. Our side
includes reading and the plain-English check; pandoc does neither. Times are wall-clock times
of whole commands, start-up included; the CPU time of each side's processes is shown beside them.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from exporters.readers.pictures import find_icon  # noqa: E402
from tests.benchmarks.format_costs import format_costs, report, sample_leaflets  # noqa: E402

BIN = Path(sys.executable).parent
EXAMPLES = sorted(p for p in (ROOT / "source").glob("*.md") if p.name != "README.md")
EASY_READ_BLOCK = re.compile(r"^::: easy-read\n.*?^:::\n", re.MULTILINE | re.DOTALL)
ICON = re.compile(r"\]\(icon:([\w/-]+)\)")
LARGE_PRINT_PAGES = 100


# The content ---------------------------------------------------------------------------------


def library(folder: Path, count: int) -> list[Path]:
    """`count` leaflets: copies of the examples, each under its own file name and slug."""
    folder.mkdir(parents=True)
    shutil.copy(ROOT / "source" / "glossary.yaml", folder / "glossary.yaml")
    shutil.copytree(ROOT / "source" / "pictures", folder / "pictures")
    made = []
    for number in range(count):
        original = EXAMPLES[number % len(EXAMPLES)]
        text = re.sub(r"^slug: .*\n", "", original.read_text(encoding="utf-8"), flags=re.MULTILINE)
        made.append(folder / f"{original.stem}-{number:02d}.md")
        made[-1].write_text(text, encoding="utf-8")
    return made


def long_leaflet(folder: Path) -> Path:
    """The longest example, its sections repeated under new headings, to about 100 pages."""
    original = max(EXAMPLES, key=lambda p: p.stat().st_size)
    text = re.sub(r"^slug: .*\n", "", original.read_text(encoding="utf-8"), flags=re.MULTILINE)
    front, body = text.split("\n---\n", 1)
    parts = [re.sub(r"^## (.*)$", rf"## \1, part {n}", body, flags=re.MULTILINE) for n in range(1, 9)]
    path = folder / "long-leaflet.md"
    path.write_text(front + "\n---\n" + "\n".join(parts), encoding="utf-8")
    return path


def for_pandoc(leaflet: Path, folder: Path) -> Path:
    """The large-print edition's text, as pandoc can read it."""
    text = EASY_READ_BLOCK.sub("", leaflet.read_text(encoding="utf-8"))
    text = ICON.sub(lambda m: f"]({find_icon(m.group(1), leaflet, 0)})", text)
    path = folder / leaflet.name
    path.write_text(text, encoding="utf-8")
    return path


# The two sides -------------------------------------------------------------------------------


def ours(leaflets: list[Path], out: Path, formats: str, jobs: int, check: bool = True) -> None:
    command = [str(BIN / "leaflet"), "build", *map(str, leaflets), "--out", str(out), "--format", formats,
               "--variant", "large-print", "--jobs", str(jobs)]  # fmt: skip
    if not check:
        command.append("--no-check")
    subprocess.run(command, check=True, capture_output=True, cwd=leaflets[0].parent)


def pandoc_jobs(markdown: Path, out: Path, formats: list[str]) -> list[list[list[str]]]:
    """Each output as a list of commands run one after the other."""
    base = out / markdown.stem
    jobs = {
        "docx": [["pandoc", str(markdown), "-o", f"{base}.docx"]],
        "epub": [["pandoc", str(markdown), "-o", f"{base}.epub"]],
        "pdf": [
            ["pandoc", "-s", str(markdown), "-V", "fontsize=18pt", "-o", f"{base}.html"],
            [str(BIN / "weasyprint"), f"{base}.html", f"{base}.pdf"],
        ],
    }
    return [jobs[name] for name in formats]


def pandoc(markdowns: list[Path], out: Path, formats: list[str], jobs: int) -> None:
    out.mkdir(parents=True, exist_ok=True)

    def run(commands: list[list[str]]) -> None:
        for command in commands:
            subprocess.run(command, check=True, capture_output=True, cwd=markdowns[0].parent)

    work = [job for markdown in markdowns for job in pandoc_jobs(markdown, out, formats)]
    with ThreadPoolExecutor(jobs) as pool:
        list(pool.map(run, work))


def timed(work, *arguments) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child processes)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    work(*arguments)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def race(rounds: int, our_side, their_side) -> tuple[list, list]:
    """Alternate the two sides, starting with each in turn."""
    mine, theirs = [], []
    for number in range(rounds):
        for side in (our_side, their_side) if number % 2 == 0 else (their_side, our_side):
            (mine if side is our_side else theirs).append(timed(side, number))
    return mine, theirs


# Memory --------------------------------------------------------------------------------------


def peak_memory_of_workers(leaflet: Path, out: Path, formats: str, jobs: int) -> dict[int, float]:
    """The peak resident memory (MB) of each worker process of one build, read from /proc."""
    command = [str(BIN / "leaflet"), "build", str(leaflet), "--out", str(out), "--format", formats,
               "--variant", "large-print", "--jobs", str(jobs), "--no-check"]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=leaflet.parent)
    peaks: dict[int, float] = {}
    while process.poll() is None:
        for pid in _children(process.pid):
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            found = re.search(r"VmHWM:\s+(\d+) kB", status)
            if found:
                peaks[pid] = max(peaks.get(pid, 0.0), int(found.group(1)) / 1024)
        time.sleep(0.02)
    return peaks


def _children(pid: int) -> list[int]:
    try:
        return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


# The report ----------------------------------------------------------------------------------


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())  # fmt: skip
    memory = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1)) / 1024**2
    pandoc_version = subprocess.run(["pandoc", "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    import weasyprint

    return (f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GB; {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}; WeasyPrint {weasyprint.__version__}; {pandoc_version}; "
            f"load average at start {os.getloadavg()[0]:.1f}")  # fmt: skip


def line(label: str, mine: list, theirs: list | None = None) -> str:
    wall = statistics.median(t[0] for t in mine)
    cpu = statistics.median(t[1] for t in mine)
    text = f"{label:<44} leaflet {wall:6.2f} s (CPU {cpu:6.2f} s)"
    if theirs:
        their_wall = statistics.median(t[0] for t in theirs)
        their_cpu = statistics.median(t[1] for t in theirs)
        text += f"   pandoc {their_wall:6.2f} s (CPU {their_cpu:6.2f} s)   ratio {wall / their_wall:4.2f}"
    return text


def epub_ready() -> bool:
    try:
        import exporters.formats.epub  # noqa: F401
    except ImportError:
        return False
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--leaflets", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--sample", type=int, default=4, help="leaflets timed in every format, for (e)")
    parser.add_argument("--library", type=int, default=5000, help="the library (e) projects to")
    options = parser.parse_args()
    formats = ["pdf", "docx", "epub"] if epub_ready() else ["pdf", "docx"]
    if shutil.which("pandoc") is None:
        sys.exit("pandoc is not installed: on Debian, 'apt-get install pandoc'.")
    print(f"Machine: {machine()}")
    print(f"Formats: {', '.join(formats)}, large print; median of {options.rounds} rounds, sides alternating")
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        leaflets = library(folder / "source", options.leaflets)
        (folder / "pandoc-source").mkdir()
        markdowns = [for_pandoc(leaflet, folder / "pandoc-source") for leaflet in leaflets]
        shutil.copytree(folder / "source" / "pictures", folder / "pandoc-source" / "pictures")
        one = [leaflet for leaflet in leaflets if leaflet.stem.startswith(EXAMPLES[0].stem)][:1]
        one_md = [folder / "pandoc-source" / one[0].name]
        jobs, listed = options.jobs, ",".join(formats)

        single = race(options.rounds, lambda n: ours(one, folder / f"a-ours-{n}", listed, jobs),
                      lambda n: pandoc(one_md, folder / f"a-pandoc-{n}", formats, jobs))  # fmt: skip
        print(line(f"(a) one leaflet ({one[0].stem}), {jobs} cores", *single))
        many = race(options.rounds, lambda n: ours(leaflets, folder / f"b-ours-{n}", listed, jobs),
                    lambda n: pandoc(markdowns, folder / f"b-pandoc-{n}", formats, jobs))  # fmt: skip
        print(line(f"(b) {len(leaflets)} leaflets, {jobs} cores", *many))
        again = [timed(ours, leaflets, folder / "b-ours-0", listed, jobs) for _ in range(options.rounds * 2)]
        print(line(f"(c) unchanged rebuild of the {len(leaflets)}", again) +
              f"   slowest {max(t[0] for t in again):.2f} s")  # fmt: skip

        long = long_leaflet(folder / "source")
        peaks = peak_memory_of_workers(long, folder / "memory", listed, jobs)
        import pikepdf

        with pikepdf.open(folder / "memory" / "long-leaflet" / "long-leaflet.large-print.pdf") as pdf:
            pages = len(pdf.pages)
        workers = ", ".join(f"{peak:.0f} MB" for peak in sorted(peaks.values(), reverse=True))
        print(f"{'(d) peak memory per worker, ' + str(pages) + '-page leaflet':<44} {workers}")

        sample = sample_leaflets(options.sample)
        print(f"(e) every format, CPU seconds per leaflet once a worker has its libraries "
              f"({', '.join(p.stem for p in sample)}):")  # fmt: skip
        print("\n".join(report(format_costs(sample, folder / "scratch"), len(sample), options.library)))


if __name__ == "__main__":
    main()
