"""`leaflet import`: Word files in, leaflets out, and a report of what was found and guessed.

The import is two steps of the pipeline: the Word reader (readers/word) makes the document, the
Markdown format (formats/markdown) writes it as a leaflet. The leaflet is then read back by the
leaflet reader before it takes its place, and checked: what the check finds is the officer's
to-do list. `import_word` returns the report as data for other callers (a web upload).
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from .errors import ExitStatus, SourceError, UsageError, cannot_read
from .findings import Severity
from .formats.markdown import SUFFIX, leaflet_text
from .model import Document, Important, Link, ListBlock, Picture, Table, inlines_of, walk_blocks, walk_inlines
from .output import atomic_target
from .readers.frontmatter import SLUG_PATTERN
from .readers.leaflet import read
from .readers.word import Guess, PictureFile, Sure, WordLeaflet, read_word
from .requests import ImportRequest

CHECK_COMMAND = "leaflet check"


class WouldReplace(SourceError):
    """The leaflet, or one of its pictures, is in the folder already (and `force` was not given)."""


@dataclass(frozen=True)
class ImportReport:
    """What one import did, for the command line or any other caller."""

    source: Path  # the Word file
    leaflet: Path  # the leaflet written
    pictures: tuple[Path, ...]
    contents: str  # what the leaflet holds, in one sentence
    found: tuple[str, ...]
    guessed: tuple[Guess, ...]
    lost: tuple[str, ...]
    check: dict[str, int]  # findings of `leaflet check` by severity
    to_do: tuple[str, ...]  # the rules whose findings are errors or warnings


def import_word(
    word_file: Path | bytes,
    destination: Path,
    *,
    name: str | None = None,
    slug: str | None = None,
    force: bool = False,
) -> ImportReport:
    """Import one Word file (a path, or its bytes and `name`) as a leaflet in `destination`.

    Raises SourceError (naming the file) for a file that cannot be imported: NotAWordFile (readers/word) for
    another kind of file, WouldReplace for one that would overwrite a leaflet without `force`, a
    plain SourceError for a Word file that is locked with a password, damaged or empty; UsageError
    for a bad `slug`.
    """
    source = Path(name) if name else Path(word_file) if isinstance(word_file, Path) else Path("upload.docx")
    if slug is not None and not SLUG_PATTERN.match(slug):
        raise UsageError(
            f"'{slug}' cannot be a leaflet's short name: use small letters, digits and "
            "hyphens, for example 'blood-test'."
        )
    data = _read_bytes(word_file, source)
    leaflet = read_word(data, source, destination, slug)
    target = destination / f"{leaflet.document.meta.slug}{SUFFIX}"
    _refuse_overwrite(source, target, leaflet.pictures, force)
    document = replace(leaflet.document, source=target)
    written = _write(document, leaflet, target)
    report = _check(written)
    return ImportReport(
        source=source,
        leaflet=target,
        pictures=tuple(p.path for p in leaflet.pictures),
        contents=contents(written),
        found=tuple(leaflet.notes.found),
        guessed=tuple(leaflet.notes.guessed),
        lost=tuple(leaflet.notes.lost),
        check=report[0],
        to_do=report[1],
    )


def _read_bytes(word_file: Path | bytes, source: Path) -> bytes:
    if isinstance(word_file, bytes):
        return word_file
    try:
        return word_file.read_bytes()
    except OSError as error:
        raise cannot_read(source, error) from None


def _refuse_overwrite(source: Path, target: Path, pictures: tuple[PictureFile, ...], force: bool) -> None:
    if force:
        return
    taken = [path for path in (target, *(picture.path for picture in pictures)) if path.exists()]
    if taken:
        raise WouldReplace(
            source,
            0,
            f"Importing it would replace {taken[0]}, which exists already.",
            "Give the leaflet another short name with --slug NAME, or add --force to replace it.",
        )


def _write(document: Document, leaflet: WordLeaflet, target: Path) -> Document:
    """Write the pictures, then the leaflet, read back before it takes its place; all or nothing."""
    created: list[Path] = []
    try:
        for picture in leaflet.pictures:
            if not picture.path.exists():
                created.append(picture.path)
            with atomic_target(picture.path) as temporary:
                temporary.write_bytes(picture.data)
        with atomic_target(target) as temporary:
            temporary.write_text(leaflet_text(document), encoding="utf-8")
            written = read(temporary)
    except BaseException:
        for path in created:
            path.unlink(missing_ok=True)
        raise
    return replace(written, source=target)


def _check(document: Document) -> tuple[dict[str, int], tuple[str, ...]]:
    from .checks import check_document, load_project_settings

    report = check_document(document, load_project_settings(), today=date.today())
    counts = {str(severity): report.count(severity) for severity in Severity}
    serious = Counter(f.rule for f in report.findings if f.severity != Severity.SUGGESTION)
    return counts, tuple(rule for rule, _ in serious.most_common())


def contents(document: Document) -> str:
    """'6 sections, 3 lists (1 nested), 2 tables, 3 pictures, 1 box, 4 links'."""
    blocks = [
        nested for section in document.sections for block in section.blocks for nested in walk_blocks(block)
    ]
    lists = [b for b in blocks if isinstance(b, ListBlock)]
    nested = sum(
        1 for b in lists for item in b.items for child in item.blocks if isinstance(child, ListBlock)
    )
    links = sum(1 for b in blocks for i in walk_inlines(inlines_of(b)) if isinstance(i, Link))
    figures = [
        (sum(1 for s in document.sections if s.heading), "section"),
        (len(lists), "list"),
        (sum(isinstance(b, Table) for b in blocks), "table"),
        (sum(isinstance(b, Picture) for b in blocks), "picture"),
        (sum(isinstance(b, Important) for b in blocks), "box"),
        (links, "link"),
    ]
    parts = [
        f"{number} {thing}{'s' * (number != 1)}" if thing != "box" else f"{number} box{'es' * (number != 1)}"
        for number, thing in figures
    ]
    if nested:
        parts[1] += f" ({nested} nested)"
    return ", ".join(parts)


# The command line ------------------------------------------------------------------------------


def run_import(request: ImportRequest) -> int:
    """Import each file; one file gets the whole report, several get one line each."""
    if request.slug and len(request.files) > 1:
        raise UsageError("--slug names one leaflet: import one Word file at a time when you give it.")
    refused = 0
    for word_file in request.files:
        try:
            report = import_word(word_file, request.source, slug=request.slug, force=request.force)
        except (SourceError, UsageError) as error:
            print(f"leaflet: {error}", file=sys.stderr)
            refused += 1
            continue
        print(report_text(report) if len(request.files) == 1 else report_line(report))
    return ExitStatus.BAD_INPUT if refused else ExitStatus.DONE


def report_line(report: ImportReport) -> str:
    to_check = sum(1 for guess in report.guessed if guess.sure is not Sure.SURE)
    return (
        f"{report.source} -> {report.leaflet}: {len(report.guessed)} guesses ({to_check} to check), "
        f"{len(report.lost)} not kept; {check_summary(report)}."
    )


def report_text(report: ImportReport) -> str:
    lines = [
        f"Imported {report.source} as {report.leaflet}"
        + (
            f", with {len(report.pictures)} picture file(s) in {report.pictures[0].parent}."
            if report.pictures
            else "."
        ),
        f"Found: {report.contents}.",
    ]
    lines += [f"  - {found}" for found in report.found]
    if report.guessed:
        lines.append("Guessed, the least sure first:")
        lines += [f"  - {guess.what} ({guess.sure})" for guess in ranked_guesses(report)]
    if report.lost:
        lines.append("Could not keep:")
        lines += [f"  - {lost}" for lost in report.lost]
    lines.append(
        f"Your to-do list is what '{CHECK_COMMAND} {report.leaflet}' reports: {check_summary(report)}"
        + (f" ({', '.join(report.to_do)})" if report.to_do else "")
        + "."
    )
    lines.append(f"Fix those in the leaflet, then build it with 'leaflet build {report.leaflet}'.")
    return "\n".join(lines)


def ranked_guesses(report: ImportReport) -> list[Guess]:
    """The guesses, the least sure first: those are the ones to look at."""
    return sorted(report.guessed, key=lambda guess: list(Sure).index(guess.sure), reverse=True)


def check_summary(report: ImportReport) -> str:
    counts = [f"{number} {severity}{'s' * (number != 1)}" for severity, number in report.check.items()]
    return "the check finds " + ", ".join(counts[:-1]) + " and " + counts[-1]
