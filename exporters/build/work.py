"""One output's work, as a worker does it: what to make, and what comes back.

A worker is given an Output and the document, makes the file in a part file of its own, and
sends back the bytes; the build that asked writes them (atomically, see output.py) and records
their fingerprint. So a worker needs no access to the output folder, and it may run on another
computer (see cluster.py). Every failure comes back as an outcome with a message, so that one
output cannot stop the others.
"""

from __future__ import annotations

import time
import warnings
from dataclasses import dataclass
from pathlib import Path

from ..errors import OutputWarning, SourceError
from ..formats import FORMATS, make
from ..limits import MEMORY_MB, OverLimit, memory_limit, memory_message, time_limit
from ..model import Document
from ..output import output_path
from ..timeline import mark
from ..variants import LayoutSettings


@dataclass(frozen=True, slots=True)
class Output:
    """One file a build makes."""

    source: Path
    slug: str
    format_name: str
    settings: LayoutSettings
    out_dir: Path

    @property
    def target(self) -> Path:
        extension = FORMATS[self.format_name].extension
        return output_path(self.out_dir, self.slug, self.settings.variant.name, extension)

    @property
    def label(self) -> str:
        return self.target.name


@dataclass(frozen=True, slots=True)
class Outcome:
    output: Output
    seconds: float = 0.0
    error: SourceError | None = None
    up_to_date: bool = False
    pages: int | None = None
    warnings: tuple[str, ...] = ()  # what the exporter could make only in part (OutputWarning)
    data: bytes | None = None  # the file, on its way from a worker to the build that writes it

    @property
    def written(self) -> bool:
        return self.error is None and not self.up_to_date


def make_output(output: Output, document: Document, scratch: Path) -> Outcome:
    """Make one output in this process, in a part file under `scratch`, and return its bytes."""
    started, began = time.perf_counter(), time.time()
    what = f"Making {output.label}"
    try:
        with time_limit(what), memory_limit(), warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", OutputWarning)
            data, pages = make(document, output.format_name, output.settings, scratch)
    except SourceError as error:
        return Outcome(output, time.perf_counter() - started, error)
    except OverLimit as error:
        return Outcome(output, time.perf_counter() - started, SourceError(document.source, 0, str(error)))
    except MemoryError:
        problem = SourceError(document.source, 0, memory_message(what))
        return Outcome(output, time.perf_counter() - started, problem)
    except OSError as error:
        problem = SourceError(
            document.source, 0,
            f"The {output.format_name} file could not be written: {error.strerror or error}.",
            f"Check that there is free space and that you may write to {scratch}.",
        )  # fmt: skip
        return Outcome(output, time.perf_counter() - started, problem)
    except Exception as error:  # a fault of leaflet or of a library on this input
        problem = SourceError(
            document.source, 0, f"{output.label} could not be made ({type(error).__name__}: {error}).",
            "This is a fault in leaflet, not in your leaflet: please report it with the leaflet "
            "that causes it. The other outputs were built.",
        )  # fmt: skip
        return Outcome(output, time.perf_counter() - started, problem)
    notes = tuple(str(caught_warning.message) for caught_warning in caught
                  if issubclass(caught_warning.category, OutputWarning))  # fmt: skip
    mark(f"made {output.label}", began)
    return Outcome(output, time.perf_counter() - started, pages=pages, warnings=notes, data=data)


def worker_lost(output: Output, how_to_see: str = "Build again with --jobs 1 to see the problem") -> Outcome:
    """The outcome of an output whose worker died before it sent the file back."""
    problem = SourceError(
        output.source, 0, f"The worker making {output.label} ended before it finished; the system "
        "may have stopped it for using too much memory.",
        f"{how_to_see}, or {MEMORY_MB.how_to_raise()}.",
    )  # fmt: skip
    return Outcome(output, error=problem)
