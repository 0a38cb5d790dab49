"""`leaflet check`: read the leaflets, check them, and write the report asked for."""

from __future__ import annotations

import sys
from pathlib import Path

from rich.console import Console

from ..errors import ExitStatus, SourceError, UsageError
from ..limits import OverLimit, check_every_limit, time_limit
from ..model import Document
from ..output import atomic_target
from ..readers.sources import find_sources, read_all
from ..requests import CheckRequest
from .engine import DocumentReport, check_document
from .reports import FORMATS
from .reports.text import print_report
from .settings import CheckSettings, load_project_settings


def check_all(documents: list[Document], settings: CheckSettings,
              errors: list[SourceError]) -> list[DocumentReport]:  # fmt: skip
    """Check each document; a leaflet whose `checks:` setting is wrong is an input error."""
    reports = []
    for document in documents:
        try:
            with time_limit(f"Checking {document.source}"):
                reports.append(check_document(document, settings))
        except SourceError as error:
            errors.append(error)
        except OverLimit as error:
            errors.append(SourceError(document.source, 0, str(error)))
    return reports


def run_check(request: CheckRequest) -> int:
    check_every_limit()
    settings = load_project_settings(profile=request.profile)
    errors: list[SourceError] = []
    documents = read_all(find_sources(list(request.paths)), errors)
    reports = check_all(documents, settings, errors)
    if reports or not errors or request.out or request.report_format != "text":
        write_report(reports, request.report_format, request.out)  # not "Checked 0 leaflets" above the errors
    for error in errors:
        print(f"leaflet: {error}", file=sys.stderr)
    if errors:
        return ExitStatus.BAD_INPUT
    return ExitStatus.CHECKS_FAILED if any(report.errors for report in reports) else ExitStatus.DONE


def write_report(reports: list[DocumentReport], report_format: str, out: Path | None) -> None:
    if out is None and report_format == "text":
        print_report(reports, Console(highlight=False))
        return
    text = FORMATS[report_format](reports)
    if out is None:
        sys.stdout.write(text)
        return
    try:  # whole or not at all: a full disk must not leave half a report in place of the last one
        with atomic_target(out) as temporary:
            temporary.write_text(text, encoding="utf-8")
    except OSError as error:
        raise UsageError(f"The report could not be written to {out}: {error.strerror or error}.") from None
    print(f"Wrote the {report_format} report to {out}.")
