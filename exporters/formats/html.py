"""The HTML exporter: one self-contained, accessible web page per leaflet and variant.

Its page is also the base of the PDF (printed by WeasyPrint) and of the EPUB content.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..editions.easy_read import easy_read_edition
from ..model import Document, Picture
from ..variants import LayoutSettings
from .templates import data_uri, environment, term_id

PAGE_TEMPLATE = "html/leaflet.html.j2"
STYLESHEET = "html/leaflet.css"
EASY_READ_TEMPLATE = "easy-read/page.html.j2"
EASY_READ_STYLESHEET = "easy-read/easy-read.css"


def render(
    document: Document,
    settings: LayoutSettings,
    *,
    picture_src: Callable[[Picture], str] = data_uri,
    stylesheet: str = STYLESHEET,
    template: str = PAGE_TEMPLATE,
    **layout,
) -> str:
    """The page as text; other exporters pass their own stylesheet and picture addresses, and
    what else their templates ask for (`layout`)."""
    return _page(template, stylesheet, settings, picture_src, document=document, **layout)


def render_easy_read(
    document: Document,
    settings: LayoutSettings,
    *,
    picture_src: Callable[[Picture], str] = data_uri,
    stylesheet: str = EASY_READ_STYLESHEET,
    template: str = EASY_READ_TEMPLATE,
    **layout,
) -> str:
    """The easy-read edition as a page: rows of a picture beside short sentences."""
    return _page(template, stylesheet, settings, picture_src, edition=easy_read_edition(document), **layout)


def _page(
    template: str, stylesheet: str, settings: LayoutSettings, picture_src: Callable[[Picture], str], **content
) -> str:
    env = environment(settings.layouts)
    return env.get_template(template).render(
        **content,
        settings=settings,
        css=(settings.layouts / stylesheet).read_text(encoding="utf-8"),
        picture_src=picture_src,
        term_href=lambda term: "#" + term_id(term),
    )


def write(document: Document, settings: LayoutSettings, target: Path) -> None:
    target.write_text(render(document, settings), encoding="utf-8")


def write_easy_read(document: Document, settings: LayoutSettings, target: Path) -> None:
    """The easy-read page; a leaflet without easy-read text is refused (see editions/easy_read.py)."""
    target.write_text(render_easy_read(document, settings), encoding="utf-8")
