"""`leaflet build`: find the leaflets, read them, and write every output asked for."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .checks import DocumentReport, load_project_settings
from .checks.command import check_all
from .errors import SourceError, UsageError
from .findings import Severity
from .formats import FORMATS, check_supported
from .model import Document
from .reader import read
from .variants import VARIANTS, layout_settings

DEFAULT_SOURCE = Path("source")
NOT_LEAFLETS = {"README.md"}


def find_sources(paths: list[Path]) -> list[Path]:
    """The leaflet files named, and those in the folders named, in a stable order."""
    found: list[Path] = []
    for path in paths or [DEFAULT_SOURCE]:
        if path.is_dir():
            found.extend(p for p in sorted(path.rglob("*.md")) if p.name not in NOT_LEAFLETS)
        elif path.is_file():
            found.append(path)
        else:
            raise UsageError(f"There is no file or folder called '{path}'.")
    if not found:
        raise UsageError(f"No leaflets (*.md files) were found in {', '.join(map(str, paths or [DEFAULT_SOURCE]))}.")
    return found


def plan(formats: list[str] | None, variants: list[str] | None) -> list[tuple[str, str]]:
    """The (format, variant) pairs to build. Asked-for pairs must all be possible."""
    for variant in variants or []:
        if variant not in VARIANTS:
            raise UsageError(f"Unknown variant '{variant}'. Choose from: {', '.join(VARIANTS)}.")
    chosen_formats = formats or list(FORMATS)
    check_supported(chosen_formats, variants or [])
    return [
        (name, variant)
        for name in chosen_formats
        for variant in (variants or FORMATS[name].variants)
    ]


def read_all(sources: list[Path], errors: list[SourceError]) -> list[Document]:
    documents: list[Document] = []
    slugs: dict[str, Path] = {}
    for source in sources:
        try:
            document = read(source)
        except SourceError as error:
            errors.append(error)
            continue
        if document.meta.slug in slugs:
            errors.append(SourceError(
                source, document.meta.line_of("slug"),
                f"This leaflet has the same short name (slug) '{document.meta.slug}' as "
                f"{slugs[document.meta.slug]}, so their outputs would overwrite each other.",
                "Give one of them another 'slug: ...' in its front matter, or rename the file.",
            ))  # fmt: skip
            continue
        slugs[document.meta.slug] = source
        documents.append(document)
    return documents


def run_build(arguments: argparse.Namespace) -> int:
    from .cli import ExitStatus
    from .parallel import Task, run_tasks
    from .progress import Progress

    pairs = plan(arguments.format, arguments.variant)
    settings = {
        variant: layout_settings(variant, arguments.font_size, arguments.paper)
        for variant in {variant for _, variant in pairs}
    }
    errors: list[SourceError] = []
    documents = read_all(find_sources(arguments.paths), errors)
    reports = {report.source: report for report in check_all(documents, load_project_settings(), errors)}
    buildable = [
        document for document in documents
        if document.source in reports and (arguments.no_check or not reports[document.source].errors)
    ]  # fmt: skip
    tasks = [
        Task(document, format_name, settings[variant], arguments.out)
        for document in buildable
        for format_name, variant in (pairs if arguments.variant else default_pairs(document, pairs))
    ]
    with Progress(total=len(tasks)) as progress:
        for report in reports.values():
            say_findings(report, progress, held_back=not arguments.no_check)
        for document in buildable:
            for warning in document.warnings:
                progress.say(f"warning: {warning.source}:{warning.line}: {warning.message}")
        outcomes = run_tasks(tasks, arguments.jobs, arguments.force, lambda done: progress.advance(done.task.label))
    errors += [outcome.error for outcome in outcomes if outcome.error]
    for error in errors:
        print(f"leaflet: {error}", file=sys.stderr)
    failed_checks = [report for report in reports.values() if report.errors]
    progress.summary(documents, outcomes, reports, arguments.out, len(errors) + len(failed_checks))
    if errors:
        return ExitStatus.BAD_INPUT
    return ExitStatus.CHECKS_FAILED if failed_checks and not arguments.no_check else ExitStatus.DONE


def say_findings(report: DocumentReport, progress, held_back: bool) -> None:
    """The errors and warnings of the check (suggestions are counted); a leaflet with errors is
    not built unless --no-check."""
    from .checks.reports.text import finding_line

    for finding in report.findings:
        if finding.severity != Severity.SUGGESTION:
            progress.console.print(finding_line(finding), soft_wrap=True, highlight=False)
    def say(message: str) -> None:
        progress.console.print(message, soft_wrap=True, markup=False, highlight=False)

    suggestions = report.count(Severity.SUGGESTION)
    if suggestions:
        say(f"{report.source}: {suggestions} suggestion{'s' * (suggestions != 1)} more: "
                     f"run 'leaflet check {report.source}' to see them.")  # fmt: skip
    errors = len(report.errors)
    if errors and held_back:
        say(f"{report.source} was not built: the check found {errors} error{'s' * (errors != 1)} "
                     "to fix first. Its earlier outputs are kept.")
    elif errors:
        say(f"{report.source} was built anyway (--no-check), with {errors} "
                     f"error{'s' * (errors != 1)} from the check.")


def default_pairs(document: Document, pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Without --variant, easy read is made only for leaflets that have easy-read text."""
    return [(name, variant) for name, variant in pairs if variant != "easy-read" or document.has_easy_read]
