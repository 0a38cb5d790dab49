"""`leaflet new`: a ready-to-edit leaflet, written from layouts/starter/."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from jinja2 import Environment, FileSystemLoader

from .errors import UsageError
from .formats.markdown import SUFFIX
from .readers.frontmatter import slug_problem
from .variants import LAYOUTS

STARTER = "starter/new-leaflet.md.j2"
REVIEW_AFTER_YEARS = 1


def write_starter(name: str, folder: Path, today: date | None = None) -> Path:
    """Write folder/NAME.md and return its path; never overwrite an existing leaflet."""
    problem = slug_problem(name)
    if problem:
        raise UsageError(f"{name!r} cannot be a leaflet name. {problem}.")  # repr: escapes control characters
    target = folder / f"{name}{SUFFIX}"
    if target.exists():
        raise UsageError(f"{target} already exists. Choose another name, or edit that file.")
    today = today or date.today()
    text = (
        Environment(loader=FileSystemLoader(LAYOUTS), keep_trailing_newline=True)
        .get_template(STARTER)
        .render(
            title=name.replace("-", " ").capitalize(),
            today=today.isoformat(),
            next_review=today.replace(year=today.year + REVIEW_AFTER_YEARS).isoformat(),
        )
    )
    folder.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target
