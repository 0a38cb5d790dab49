"""What `leaflet build` tells the person at the terminal: a progress bar, or one summary line."""

from __future__ import annotations

import sys
from pathlib import Path
from types import TracebackType

from rich.console import Console
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

    def summary(self, leaflets: int, written: list[Path], out_dir: Path, failures: int) -> None:
        files = "file" if len(written) == 1 else "files"
        line = f"Built {len(written)} {files} from {leaflets} leaflet{'s' if leaflets != 1 else ''} into {out_dir}/"
        if failures:
            line += f"; {failures} problem{'s' if failures != 1 else ''} to fix (see above)"
        self.console.print(line + ".", markup=False, highlight=False)
