"""The `leaflet` command: arguments in, exit code out. The work itself lives in build.py."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from .errors import ExitStatus, SourceError, Stopped, UsageError, printable
from .requests import BuildRequest, CheckRequest, ImportRequest, ServeRequest
from .variants import PAPER_SIZES

# Named here, not imported from exporters.checks, so that --help does not load the word lists.
REPORT_FORMATS = ("text", "json", "sarif", "html")
CHECK_PROFILES = ("standard", "easy-read")


def _comma_list(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _font_sizes(value: str) -> list[tuple[str | None, float]]:
    """ "24" (the one edition built) or "large-print=24,easy-read=20"."""
    sizes = []
    for part in _comma_list(value):
        edition, _, points = part.rpartition("=")
        try:
            sizes.append((edition.strip() or None, float(points)))
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"'{part}' is not a size: write points (24) or an edition and points (large-print=24)"
            ) from None
    return sizes


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def _page_size(value: str) -> tuple[int, int]:
    """'40x25': cells across, lines down."""
    cells, _, lines = value.lower().partition("x")
    if not (cells.isdigit() and lines.isdigit()):
        raise argparse.ArgumentTypeError("write the page as CELLSxLINES, for example 40x25")
    return int(cells), int(lines)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="leaflet",
        description="Make accessible health leaflets (web page, large-print PDF, Word, EPUB, "
        "easy read, braille) from one Markdown source.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    build = commands.add_parser("build", help="build leaflets into output files",
                                description="Build every leaflet found in PATH into OUT/<slug>/.")
    build.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                       help="leaflet files or folders of them (default: source/)")
    build.add_argument("--out", type=Path, default=Path("output"), metavar="DIR",
                       help="where to write the outputs (default: output/)")
    build.add_argument("--format", type=_comma_list, metavar="LIST",
                       help="formats to build, comma separated: html, pdf, docx, epub, brf, pef, markdown "
                       "(default: all but markdown, the source format)")
    build.add_argument("--variant", type=_comma_list, metavar="LIST",
                       help="standard, large-print, easy-read; comma separated "
                       "(default: every variant each format makes)")
    build.add_argument("--font-size", type=_font_sizes, action="append", metavar="[EDITION=]POINTS",
                       help="body text size of an edition, e.g. large-print=24 (large print: 16 to 28, "
                       "default 18; standard: 12 to 28, default 14; easy-read: 16 to 28, default 16); "
                       "plain POINTS when one edition is built")
    build.add_argument("--paper", default="a4", choices=PAPER_SIZES,
                       help="paper size for printed formats (default: a4)")
    build.add_argument("--braille-grade", type=int, choices=(1, 2), default=2,
                       help="braille: 2 contracted (the default) or 1 uncontracted Unified English Braille")
    build.add_argument("--braille-page", type=_page_size, metavar="CELLSxLINES",
                       help="braille page size in cells and lines (default: 40x25, set in "
                       "layouts/braille/layout.yaml)")
    build.add_argument("--jobs", type=_positive, default=os.cpu_count() or 1, metavar="N",
                       help="how many outputs to build at once (default: the number of processor cores)")
    build.add_argument("--force", action="store_true",
                       help="rebuild every output, even those that are up to date")
    build.add_argument("--no-check", action="store_true",
                       help="build leaflets even when the plain-English check finds errors "
                       "(the findings are still shown)")
    build.add_argument("--scheduler", metavar="ADDRESS",
                       help="make the outputs on a Dask cluster, for example tcp://10.0.0.5:8786 "
                       "(this computer still reads, checks and writes every file)")

    check = commands.add_parser("check", help="check leaflets for plain English and trustworthy information",
                                description="Check every leaflet found in PATH and report what to fix.")
    check.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                       help="leaflet files or folders of them (default: source/)")
    check.add_argument("--format", default="text", choices=REPORT_FORMATS,
                       help="how to write the report (default: text)")
    check.add_argument("--out", type=Path, metavar="FILE", help="write the report to FILE, not the screen")
    check.add_argument("--profile", choices=CHECK_PROFILES,
                       help="check every text as this profile (default: easy-read blocks as easy read, "
                       "the rest as standard)")

    new = commands.add_parser("new", help="start a new leaflet from a ready-to-edit example",
                              description="Write source/NAME.md, a leaflet ready to edit.")
    new.add_argument("name", metavar="NAME", help="the short name, for example blood-test")
    new.add_argument("--source", type=Path, default=Path("source"), metavar="DIR",
                     help="the folder to write it into (default: source/)")
    draft = commands.add_parser(
        "draft-easy-read", help="write a first draft of easy-read text into a leaflet",
        description="Add a draft '::: easy-read' block to each section of SOURCE that has none. "
        "The draft is marked <!-- leaflet: draft -->: check every row, then remove that line.",
    )  # fmt: skip
    draft.add_argument("source", type=Path, metavar="SOURCE", help="the leaflet file")
    _add_import(commands)
    _add_serve(commands)
    script = commands.add_parser(
        "audio-script", help="print the words the audio edition says, one sentence a line",
        description="Print exactly what the MP3 of SOURCE says, one sentence a line (a blank line "
        "between chapters), so that you can check numbers, names and pronunciations without listening.",
    )  # fmt: skip
    script.add_argument("source", type=Path, metavar="SOURCE", help="the leaflet file")
    script.add_argument("--variant", default="standard", choices=("standard", "easy-read"),
                        help="the edition to read (default: standard)")
    return parser


def _add_import(commands) -> None:
    word = commands.add_parser(
        "import", help="bring Word leaflets (.docx) in as leaflets to edit and build",
        description="Write each Word file as DIR/<slug>.md, its pictures as DIR/pictures/<slug>-<n>.<ext>, "
        "and report what was found, what was guessed and what could not be kept. With several files, "
        "one line each; import one file alone to see its whole report.",
    )  # fmt: skip
    word.add_argument("files", nargs="+", type=Path, metavar="FILE.docx", help="the Word files")
    word.add_argument("--source", type=Path, default=Path("source"), metavar="DIR",
                      help="the folder of leaflets to write into (default: source/)")
    word.add_argument("--slug", metavar="NAME", help="the leaflet's short name (default: from its title)")
    word.add_argument("--force", action="store_true", help="replace a leaflet of the same name")


def _add_serve(commands) -> None:
    serve = commands.add_parser(
        "serve", help="open the library in a web browser: edit leaflets and see their findings live",
        description="Show every leaflet of PATH in a web page, where you can edit each one and see "
        "what the check finds and its outputs rebuilt as you save.",
    )  # fmt: skip
    serve.add_argument("path", nargs="?", type=Path, default=Path("source"), metavar="PATH",
                       help="the folder of leaflets (default: source/)")
    serve.add_argument("--out", type=Path, default=Path("output"), metavar="DIR",
                       help="where to write the outputs (default: output/)")
    serve.add_argument("--host", default="127.0.0.1",
                       help="the address to listen on (default: 127.0.0.1, this computer only)")
    serve.add_argument("--port", type=_positive, default=8000, help="the port to listen on (default: 8000)")
    serve.add_argument("--token", metavar="TOKEN",
                       help="a secret that every visitor must give; needed for any host but this computer")


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    try:
        arguments = parser.parse_args(argv)
    except SystemExit as stop:  # argparse's own exit after --help or a usage error
        return ExitStatus.DONE if stop.code == 0 else ExitStatus.BAD_INPUT
    try:
        with _stopped_by_sigterm():
            return _run(arguments)
    except (UsageError, SourceError) as error:
        print(f"leaflet: {printable(str(error))}", file=sys.stderr)
        return ExitStatus.BAD_INPUT
    except KeyboardInterrupt as stop:  # Ctrl-C, or SIGTERM (see Stopped): the work in hand is undone
        print("Stopped.", file=sys.stderr)
        return 128 + (stop.signal_number if isinstance(stop, Stopped) else signal.SIGINT)


def _run(arguments: argparse.Namespace) -> int:
    if arguments.command == "build":
        from .timeline import mark

        mark("the command line read (Python started, the command's imports)")
        from .build import run_build

        mark("the build's imports")

        return run_build(build_request(arguments))
    if arguments.command == "check":
        from .checks.command import run_check

        return run_check(check_request(arguments))
    if arguments.command == "serve":
        from .serve import run_serve

        return run_serve(ServeRequest(arguments.path, arguments.out, arguments.host, arguments.port,
                                      arguments.token, max(2, os.cpu_count() or 1)))
    if arguments.command == "draft-easy-read":
        return _draft_easy_read(arguments.source)
    if arguments.command == "import":
        from .importer import run_import

        return run_import(ImportRequest(tuple(arguments.files), arguments.source, arguments.slug,
                                        arguments.force))  # fmt: skip
    if arguments.command == "audio-script":
        return _audio_script(arguments.source, arguments.variant)
    from .starter import write_starter

    written = write_starter(arguments.name, arguments.source)
    print(f"Wrote {written}. Edit it, then run: leaflet build {written}")
    return ExitStatus.DONE


@contextmanager
def _stopped_by_sigterm() -> Iterator[None]:
    """While the command runs, SIGTERM stops it as Ctrl-C does, so that it cleans up first.
    (Only a main thread can handle signals; run from another thread, the command leaves them be.)"""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _raise_stopped)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _raise_stopped(signum: int, frame) -> None:
    raise Stopped(signum)


def build_request(arguments: argparse.Namespace) -> BuildRequest:
    sizes = [size for given in arguments.font_size or () for size in given]
    plain = [points for edition, points in sizes if edition is None]
    named = tuple((edition, points) for edition, points in sizes if edition is not None)
    return BuildRequest(
        paths=tuple(arguments.paths), out=arguments.out, formats=tuple(arguments.format or ()),
        variants=tuple(arguments.variant or ()), font_size=plain[-1] if plain else None, font_sizes=named,
        paper=arguments.paper, jobs=arguments.jobs, force=arguments.force, no_check=arguments.no_check,
        braille_grade=arguments.braille_grade, braille_page=arguments.braille_page,
        scheduler=arguments.scheduler,
    )  # fmt: skip


def check_request(arguments: argparse.Namespace) -> CheckRequest:
    return CheckRequest(tuple(arguments.paths), arguments.format, arguments.out, arguments.profile)


def _audio_script(source: Path, variant: str) -> int:
    from .formats.audio import audio_script
    from .readers.leaflet import read
    from .variants import layout_settings

    sys.stdout.write(audio_script(read(source), layout_settings(variant)))
    return ExitStatus.DONE


def _draft_easy_read(source: Path) -> int:
    from .editions.draft import draft_easy_read

    drafted = draft_easy_read(source)
    if not drafted:
        print(f"Every section of {source} already has easy-read text: nothing to draft.")
    else:
        names = ", ".join(f"'{name}'" for name in drafted)
        print(f"Wrote draft easy-read text into {source} for: {names}.\n"
              "Read every row, choose pictures where a row has none, then remove the line "
              "<!-- leaflet: draft --> from each block.")
    return ExitStatus.DONE
