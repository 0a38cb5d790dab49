"""What `leaflet build` tells the person at the terminal: a progress bar, or one summary line."""

from __future__ import annotations

import sys
from pathlib import Path
from types import TracebackType

from rich.console import Console
from rich.table import Table
from rich.progress import BarColumn, MofNCompleteColumn, Progress as RichProgress, TextColumn


class Progress:
    """A rich progress bar on stderr when it is a terminal; quiet otherwise."""

    def __init__(self, total: int) -> None:
        self.console = Console(stderr=True)
        self.interactive = sys.stderr.isatty()
        self._bar = RichProgress(
            TextColumn("Building"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
            console=self.console, transient=True,
        ) if self.interactive else None  # fmt: skip
        self._task = self._bar.add_task("", total=total) if self._bar else None

    def __enter__(self) -> Progress:
        if self._bar:
            self._bar.start()
        return self

    def __exit__(self, kind: type | None, error: BaseException | None, trace: TracebackType | None) -> None:
        if self._bar:
            self._bar.stop()

    def advance(self, description: str) -> None:
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, advance=1, description=description)

    def say(self, message: str) -> None:
        self.console.print(message, markup=False, highlight=False)

    def summary(self, documents: list, outcomes: list, reports: dict, out_dir: Path, problems: int) -> None:
        """A table of what was built when at a terminal; one line otherwise."""
        written = [o for o in outcomes if o.written]
        fresh = len([o for o in outcomes if o.up_to_date])
        if self.interactive and outcomes:
            self.console.print(_table(documents, outcomes, reports))
        line = f"Built {len(written)} file{'s' * (len(written) != 1)}"
        if fresh:
            line += f" ({fresh} already up to date)"
        line += f" from {len(documents)} leaflet{'s' * (len(documents) != 1)} into {out_dir}/"
        line += f" in {sum(o.seconds for o in outcomes):.1f} s of work"
        if problems:
            line += f"; {problems} problem{'s' * (problems != 1)} to fix (see above)"
        self.console.print(line + ".", markup=False, highlight=False, soft_wrap=True)


def _table(documents: list, outcomes: list, reports: dict) -> Table:
    table = Table("Leaflet", "Outputs", "Pages", "Findings", "Time", title="leaflet build", title_justify="left")
    for document in documents:
        mine = [o for o in outcomes if o.task.document.source == document.source]
        report = reports.get(document.source)
        pages = [str(o.pages) for o in mine if o.pages]
        table.add_row(
            document.meta.slug,
            f"{len([o for o in mine if o.written])} built, {len([o for o in mine if o.up_to_date])} up to date",
            "/".join(pages) or "-",
            str(len(report.findings)) if report else "-",
            f"{sum(o.seconds for o in mine):.1f} s",
        )
    return table
