"""The Jinja2 environment over `layouts/`, shared by every exporter that renders markup."""

from __future__ import annotations

import base64
import re
from datetime import date
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from ..model import Picture

MEDIA_TYPES = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}


@lru_cache(maxsize=4)
def environment(layouts: Path) -> Environment:
    env = Environment(
        loader=FileSystemLoader(layouts),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["long_date"] = long_date
    env.filters["term_id"] = term_id
    return env


def long_date(value: date) -> str:
    """1 October 2026: the form of a date that nobody misreads."""
    return f"{value.day} {value:%B %Y}"


def term_id(term: str) -> str:
    """The anchor of a glossary entry."""
    return "term-" + (re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-") or "word")


def media_type(picture: Picture) -> str:
    return MEDIA_TYPES[picture.path.suffix.lower()]


def picture_bytes(picture: Picture) -> bytes:
    """The bytes of a picture as the reader checked them: every exporter embeds these and never
    reads the file again, which may have been replaced since (see readers/picture_safety.py)."""
    if not picture.data:
        raise ValueError(f"The picture {picture.path} was not read by the reader, so it was not checked.")
    return picture.data


def data_uri(picture: Picture) -> str:
    """The picture inside the page itself, so the HTML works as one file, offline."""
    encoded = base64.b64encode(picture_bytes(picture)).decode("ascii")
    return f"data:{media_type(picture)};base64,{encoded}"
