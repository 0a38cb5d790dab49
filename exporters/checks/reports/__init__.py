"""The reports of the check, one module a format; each has `render(reports) -> str`."""

from __future__ import annotations

from collections.abc import Callable

from ..engine import DocumentReport
from . import html, json, sarif, text

FORMATS: dict[str, Callable[[list[DocumentReport]], str]] = {
    "text": text.render,
    "json": json.render,
    "sarif": sarif.render,
    "html": html.render,
}
