"""`leaflet build`: find the leaflets, read and check those that changed, and write the outputs.

A leaflet unchanged since it last passed the check, with all its outputs up to date, is judged
from the bytes of its files alone (see incremental.py): the reader and the check are imported
only when some leaflet has to be read.
"""

from __future__ import annotations

import sys
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ExitStatus, SourceError, UsageError
from ..formats import FORMATS, check_supported, default_formats
from ..limits import OverLimit, check_every_limit, time_limit
from ..model import Document
from ..output import output_path
from ..readers.sources import find_sources, slug_clash
from ..requests import BuildRequest
from ..timeline import mark, span
from ..variants import VARIANTS, LayoutSettings, known_variant, layout_settings
from .incremental import LeafletRecord, Library, stamp_path
from .parallel import Builder, Output, Workers
from .progress import Leaflet, Progress

if TYPE_CHECKING:
    from ..checks import CheckSettings, DocumentReport

def plan(formats: tuple[str, ...], variants: tuple[str, ...]) -> list[tuple[str, str]]:
    """The (format, variant) pairs to build. Asked-for pairs must all be possible; without
    --format, a format that does not make an asked-for variant (audio in large print) is left out."""
    for variant in variants:
        known_variant(variant)
    chosen_formats = list(formats or default_formats())
    if formats:
        check_supported(chosen_formats, list(variants))
    return [(name, variant) for name in chosen_formats for variant in (variants or FORMATS[name].variants)
            if variant in FORMATS[name].variants]  # fmt: skip


def check_font_sizes(request: BuildRequest, variants: set[str]) -> None:
    """A plain --font-size is for a build of one edition; with more, it must name its edition, so
    that asking for large print at 24 points does not make clear print 24 points too."""
    if request.font_size is not None and len(variants) > 1:
        names = ", ".join(sorted(variants))
        raise UsageError(
            f"--font-size {request.font_size:g} would change every edition ({names}). Name the edition: "
            f"--font-size large-print={request.font_size:g}, or build one with --variant."
        )
    for variant, _ in request.font_sizes:
        known_variant(variant)
        if variant not in variants:
            raise UsageError(f"--font-size names {variant}, which this build does not make.")


def cluster(request: BuildRequest, program: str) -> Workers | None:
    """The Dask cluster's workers with --scheduler; None builds on this computer."""
    if request.scheduler is None:
        return None
    from .cluster import DaskWorkers

    return DaskWorkers(request.scheduler, program)


def today() -> date:
    """The day the review-date rule compares with (a function, so that tests can move it)."""
    return date.today()


def run_build(request: BuildRequest) -> int:
    check_every_limit()
    pairs = plan(request.formats, request.variants)
    check_font_sizes(request, {variant for _, variant in pairs})
    sources = find_sources(list(request.paths))
    if request.out.exists() and not request.out.is_dir():
        raise UsageError(f"{request.out} is a file, and the outputs need a folder: give --out a folder.")
    try:
        return _build(request, pairs, sources)
    except OSError as error:  # the records and fingerprints are written by this process
        raise UsageError(
            f"leaflet could not write into {request.out} ({error.strerror or error}). Check that there "
            "is free space and that you may write there, or give --out another folder."
        ) from None


def _build(request: BuildRequest, pairs: list[tuple[str, str]], sources: list[Path]) -> int:
    run = Run(request, pairs, Library(request.out, today()), progress=Progress())
    keys = {source: run.library.key(source) for source in sources}
    unchanged = {} if request.force else run.unchanged(sources, keys)
    jobs = min(request.jobs, (len(sources) - len(unchanged)) * len(pairs))
    workers = cluster(request, run.library.program) if jobs else None
    # Each worker imports this build's exporters while this process reads and checks (measured:
    # 0.5 s sooner for one leaflet, no slower for 21; WeasyPrint alone takes 0.7 s to import).
    ready = tuple(dict.fromkeys(name for name, _ in pairs))
    with Builder(jobs, run.library, request.force, run.advance, workers, ready) as run.builder, run.progress:
        mark("workers started")
        for source in sources:
            run.leaflet(source, unchanged.get(source))
        outcomes = run.builder.finish()
    mark("every output made")
    run.errors += [outcome.error for outcome in outcomes if outcome.error]
    for note in dict.fromkeys(note for outcome in outcomes for note in outcome.warnings):
        run.progress.say(f"warning: {note}")
    for error in run.errors:
        print(f"leaflet: {error}", file=sys.stderr)
    run.progress.summary(run.leaflets, outcomes, request.out, len(run.errors) + run.refused)
    if run.errors:
        return ExitStatus.BAD_INPUT
    return ExitStatus.CHECKS_FAILED if run.refused and not request.no_check else ExitStatus.DONE


@dataclass
class Run:
    """One `leaflet build`: each leaflet in turn is skipped, or read, checked and handed to the builder."""

    request: BuildRequest
    pairs: list[tuple[str, str]]
    library: Library
    progress: Progress
    builder: Builder | None = None
    leaflets: list[Leaflet] = field(default_factory=list)
    errors: list[SourceError] = field(default_factory=list)
    refused: int = 0  # leaflets with errors from the check
    _slugs: dict[str, Path] = field(default_factory=dict)
    _check_settings: CheckSettings | None = None
    _settings: dict[tuple[str, tuple], LayoutSettings] = field(default_factory=dict)

    def unchanged(self, sources: list[Path], keys: dict[Path, str | None]) -> dict[Path, LeafletRecord]:
        """The leaflets whose record holds and whose outputs are all up to date."""
        found = {}
        for source in sources:
            kept = self.library.fresh_record(source, keys[source])
            if kept and self.all_up_to_date(source, kept):
                found[source] = kept
        return found

    def all_up_to_date(self, source: Path, kept: LeafletRecord) -> bool:
        for output in self.outputs(source, kept.slug, kept.has_easy_read):
            stamp = self.library.fingerprint(kept.document, output.format_name, output.settings)
            if not self.library.is_up_to_date(output.target, stamp):
                return False
        return True

    def outputs(self, source: Path, slug: str, has_easy_read: bool) -> list[Output]:
        """Without --variant, easy read is made only for leaflets that have easy-read text."""
        return [
            Output(source, slug, name, self.layout(name, variant), self.request.out)
            for name, variant in self.pairs
            if self.request.variants or has_easy_read or not VARIANTS[variant].needs_easy_read_text
        ]  # fmt: skip

    def remove_stale(self, slug: str, outputs: list[Output]) -> None:
        """Remove the files of this build's formats and editions that the leaflet no longer makes
        (easy read, once the leaflet has no easy-read text), and say so."""
        made = {(output.format_name, output.settings.variant.name) for output in outputs}
        for name, variant in self.pairs:
            if (name, variant) in made:
                continue
            target = output_path(self.request.out, slug, variant, FORMATS[name].extension)
            if target.is_file():
                target.unlink()
                stamp_path(target).unlink(missing_ok=True)
                self.progress.say(f"Removed {target}: the leaflet has no easy-read text any more.")

    def layout(self, format_name: str, variant: str) -> LayoutSettings:
        """The settings of one output; a format's own options (its row's `options`) reach it alone."""
        options = tuple((option, getattr(self.request, option)) for option in FORMATS[format_name].options)
        key = (variant, options)
        if key not in self._settings:
            size = dict(self.request.font_sizes).get(variant, self.request.font_size)
            settings = layout_settings(variant, size, self.request.paper)
            self._settings[key] = replace(settings, format_options=options)
        return self._settings[key]

    def advance(self, outcome) -> None:
        self.progress.advance(outcome.output.label)

    def leaflet(self, source: Path, kept: LeafletRecord | None) -> None:
        if kept and kept.slug not in self._slugs:
            self._slugs[kept.slug] = source
            outputs = self.outputs(source, kept.slug, kept.has_easy_read)
            self.remove_stale(kept.slug, outputs)
            self.progress.expect(len(outputs))
            self.builder.up_to_date(outputs)
            self.leaflets.append(Leaflet(source, kept.slug, kept.findings, checked=False))
            return
        checked = self.read_and_check(source)
        if checked is None:
            return
        document, report, digest = checked
        self.leaflets.append(Leaflet(source, document.meta.slug, len(report.findings), checked=True))
        say_findings(report, self.progress, held_back=not self.request.no_check)
        if report.errors and not self.request.no_check:
            return
        for warning in document.warnings:
            self.progress.say(f"warning: {warning.source}:{warning.line}: {warning.message}")
        outputs = self.outputs(source, document.meta.slug, document.has_easy_read)
        self.remove_stale(document.meta.slug, outputs)
        self.progress.expect(len(outputs))
        try:
            self.builder.add(outputs, document, digest)
        except BrokenProcessPool:  # a worker died: the rest of this build's outputs cannot be made
            self.builder.lost(outputs)

    def read_and_check(self, source: Path) -> tuple[Document, DocumentReport, str] | None:
        """Read and check one leaflet (with its document digest); record it when the check
        passed, forget it otherwise. The record's key is made from the very bytes the reader
        read, so that a leaflet edited during the build is never taken as checked."""
        from ..checks import check_again_on, check_document, load_project_settings
        from ..readers.files import read_source
        from ..readers.leaflet import read
        from .incremental import document_digest

        if self._check_settings is None:
            self._check_settings = load_project_settings()
        try:
            with time_limit(f"Reading and checking {source}"):
                with span(f"read {source.name}"):
                    data = read_source(source)
                    key = self.library.key(source, data)
                    shared = self.library.shared_glossary(source), self.library.shared_pronunciations(source)
                    document = read(source, data, *shared)
                clash = slug_clash(document, self._slugs)
                if clash:
                    raise clash
                with span(f"checked {source.name}"):
                    report = check_document(document, self._check_settings, today=self.library.today)
        except (SourceError, OverLimit) as error:
            self.library.forget(source)
            self.errors.append(SourceError(source, 0, str(error)) if isinstance(error, OverLimit) else error)
            return None
        if report.errors:
            self.library.forget(source)
            self.refused += 1
            return document, report, document_digest(document)
        again = check_again_on(document, self._check_settings, self.library.today)
        return document, report, self.library.remember(source, key, document, len(report.findings), again)


def say_findings(report: DocumentReport, progress: Progress, held_back: bool) -> None:
    """The errors and warnings of the check (suggestions are counted); a leaflet with errors is
    not built unless --no-check."""
    from ..checks.reports.text import finding_line
    from ..findings import Severity

    for finding in report.findings:
        if finding.severity != Severity.SUGGESTION:
            progress.console.print(finding_line(finding), soft_wrap=True, highlight=False)
    suggestions = report.count(Severity.SUGGESTION)
    if suggestions:
        progress.say(f"{report.source}: {suggestions} suggestion{'s' * (suggestions != 1)} more: "
                     f"run 'leaflet check {report.source}' to see them.")  # fmt: skip
    errors = len(report.errors)
    if errors and held_back:
        progress.say(f"{report.source} was not built: the check found {errors} error{'s' * (errors != 1)} "
                     "to fix first. Its earlier outputs are kept.")  # fmt: skip
    elif errors:
        progress.say(f"{report.source} was built anyway (--no-check), with {errors} "
                     f"error{'s' * (errors != 1)} from the check.")  # fmt: skip
