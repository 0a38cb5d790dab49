"""Where the web page's presentation lives: its templates, styles and script in layouts/serve/."""

from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from ..formats.html import STYLESHEET
from ..formats.templates import long_date
from ..variants import LAYOUTS

TEMPLATES = LAYOUTS / "serve"
STATIC_FILES = {"serve.css": "text/css", "serve.js": "text/javascript"}
# The HTML edition's own styles: the rules every web page shares, then the edition's.
EDITION_STYLES = ((LAYOUTS / STYLESHEET).with_name("screen.css"), LAYOUTS / STYLESHEET)


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["long_date"] = long_date
    return env


def preview_stylesheet() -> str:
    """The HTML edition's styles, applied inside the preview only (CSS @scope)."""
    styles = "\n".join(path.read_text(encoding="utf-8") for path in EDITION_STYLES)
    return "@scope (.preview) {\n" + styles + "\n}\n"
