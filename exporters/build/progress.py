"""What `leaflet build` tells the person at the terminal: a progress bar and a table, or one line."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from rich.console import Console

from ..errors import printable


@dataclass(frozen=True, slots=True)
class Leaflet:
    """One leaflet of the build, for the summary."""

    source: Path
    slug: str
    findings: int  # what the check found (for an unchanged leaflet: when it was last checked)
    checked: bool  # False: unchanged since it was last checked, so neither read nor checked


class Progress:
    """A rich progress bar on stderr when it is a terminal; quiet otherwise."""

    def __init__(self) -> None:
        self.console = Console(stderr=True)
        self.interactive = sys.stderr.isatty()
        self._bar = None
        self._task = None
        if self.interactive:
            from rich.progress import BarColumn, MofNCompleteColumn, TextColumn
            from rich.progress import Progress as RichProgress

            self._bar = RichProgress(
                TextColumn("Building"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
                console=self.console, transient=True,
            )  # fmt: skip
            self._task = self._bar.add_task("", total=0)

    def __enter__(self) -> Progress:
        if self._bar:
            self._bar.start()
        return self

    def __exit__(self, kind: type | None, error: BaseException | None, trace: TracebackType | None) -> None:
        if self._bar:
            self._bar.stop()

    def expect(self, outputs: int) -> None:
        """More outputs to wait for: the total grows as the leaflets are read."""
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, total=self._bar.tasks[0].total + outputs)

    def advance(self, description: str) -> None:
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, advance=1, description=description)

    def say(self, message: str) -> None:
        self.console.print(printable(message), markup=False, highlight=False, soft_wrap=True)

    def summary(self, leaflets: list[Leaflet], outcomes: list, out_dir: Path, problems: int) -> None:
        """A table of what was built when at a terminal; one line otherwise."""
        written = [o for o in outcomes if o.written]
        fresh = len([o for o in outcomes if o.up_to_date])
        if self.interactive and outcomes:
            self.console.print(_table(leaflets, outcomes))
        line = f"Built {len(written)} file{'s' * (len(written) != 1)}"
        if fresh:
            line += f" ({fresh} already up to date)"
        line += f" from {len(leaflets)} leaflet{'s' * (len(leaflets) != 1)} into {out_dir}/"
        line += f" in {sum(o.seconds for o in outcomes):.1f} s of work"
        if problems:
            line += f"; {problems} problem{'s' * (problems != 1)} to fix (see above)"
        self.say(line + ".")
        unchanged = [leaflet for leaflet in leaflets if not leaflet.checked and leaflet.findings]
        if unchanged:
            self.say(f"{_count(unchanged, 'unchanged leaflet')} had warnings or suggestions when last "
                     "checked; run 'leaflet check' to see them.")  # fmt: skip


def _count(items: list, noun: str) -> str:
    return f"{len(items)} {noun}{'s' * (len(items) != 1)}"


def _table(leaflets: list[Leaflet], outcomes: list):
    from rich.table import Table

    table = Table("Leaflet", "Outputs", "Pages", "Findings", "Time", title="leaflet build",
                  title_justify="left")  # fmt: skip
    for leaflet in leaflets:
        mine = [o for o in outcomes if o.output.source == leaflet.source]
        pages = [str(o.pages) for o in mine if o.pages]
        built, fresh = len([o for o in mine if o.written]), len([o for o in mine if o.up_to_date])
        table.add_row(
            leaflet.slug,
            f"{built} built, {fresh} up to date",
            "/".join(pages) or "-",
            str(leaflet.findings) + ("" if leaflet.checked else " (last check)"),
            f"{sum(o.seconds for o in mine):.1f} s",
        )
    return table
