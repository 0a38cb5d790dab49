"""The EPUB 3 exporter: an e-book that reading systems reflow, read aloud and restyle for the reader.

Each top-level section of the leaflet becomes one XHTML content document, rendered from the same
macros as the HTML edition (layouts/html/blocks.html.j2) inside the EPUB layouts (layouts/epub/).
The easy-read edition is the shared easy-read markup split into documents (epub_easy_read.py).
The package around them is ebooklib's; exporters/epub_package.py makes it reproducible.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from ebooklib import epub
from jinja2 import Environment

from ...model import Document, Picture
from ...variants import VARIANTS, LayoutSettings
from ..templates import MEDIA_TYPES, environment, picture_bytes, term_id
from .easy_read import easy_read_parts, plan_easy_read
from .metadata import describe, modified
from .navigation import (
    GLOSSARY_FILE,
    NAV_FILE,
    Chapter,
    NavEntry,
    landmarks,
    link_resolver,
    load_labels,
    plan_leaflet,
    table_of_contents,
)
from .package import write_book

XHTML = "application/xhtml+xml"
STYLESHEET = "styles/leaflet.css"
COVER_IMAGE = "images/cover.svg"


@dataclass(frozen=True, slots=True)
class Assembly:
    """An e-book made but not yet written: ebooklib's book, its content documents in reading order
    with the chapter each one holds, and the date it is stamped with. A talking book narrates
    these documents before the book is written (exporters/formats/talking_book/)."""

    book: epub.EpubBook
    documents: tuple[tuple[Chapter, epub.EpubItem], ...]
    modified: datetime


def write(document: Document, settings: LayoutSettings, target: Path) -> None:
    """The e-book of the settings' edition (clear print, large print or easy read); a leaflet
    without easy-read text is refused its easy-read e-book before anything is written."""
    write_assembly(assemble(document, settings), target)


def write_assembly(assembly: Assembly, target: Path) -> None:
    write_book(assembly.book, target, assembly.modified)


def assemble(document: Document, settings: LayoutSettings, narrated: bool = False) -> Assembly:
    """The whole e-book of the settings' edition, following its plan of documents.

    `narrated` says, in the accessibility metadata, that every document will be read aloud
    with its text highlighted; the caller then adds the narration before writing the book.
    """
    labels = load_labels(settings.layouts)
    make_plan = plan_easy_read if settings.variant.needs_easy_read_text else plan_leaflet
    plan = make_plan(document, labels)
    pictures = _picture_files(plan.pictures)
    checked = {picture.path: picture_bytes(picture) for picture in plan.pictures}
    context = {
        "document": document,
        "settings": settings,
        "labels": labels,
        "epub": True,
        "stylesheet": STYLESHEET,
        "cover_image": COVER_IMAGE,
        "picture_src": lambda picture: pictures[picture.path],
        "term_href": lambda term: f"{GLOSSARY_FILE}#{term_id(term)}",
        "link_href": link_resolver(document, plan),
        "toc": table_of_contents(plan.chapters),
        "landmarks": landmarks(plan.chapters, labels),
    }
    env = environment(settings.layouts)
    if plan.edition:
        context["parts"] = easy_read_parts(env, context, plan)
    book = epub.EpubBook()
    features = replace(plan.features, narrated=True) if narrated else plan.features
    describe(book, document, settings, features, plan.description)
    _add_resources(book, env, context, {path: (name, checked[path]) for path, name in pictures.items()})
    documents = []
    for chapter in plan.chapters:
        text = env.get_template(chapter.template).render(context, chapter=chapter)
        documents.append((chapter, _content_document(chapter, text)))
        book.add_item(documents[-1][1])
    book.spine = [_item_id(chapter) for chapter in plan.chapters]
    book.add_item(epub.EpubNcx())
    book.toc = [_ncx_entry(entry) for entry in context["toc"]]
    return Assembly(book, tuple(documents), modified(document))


def _add_resources(book: epub.EpubBook, env: Environment, context: dict,
                   pictures: dict[Path, tuple[str, bytes]]) -> None:  # fmt: skip
    """The stylesheet, the generated cover and the pictures of the text (their checked bytes)."""
    settings = context["settings"]
    # Sizes are relative to the reader's own default: the standard edition keeps it as it is.
    scale = round(100 * settings.font_size / VARIANTS["standard"].body_size)
    css = env.get_template("epub/leaflet.css.j2").render(
        text_scale=scale, line_spacing=settings.variant.line_spacing, variant=settings.variant.name
    )
    book.add_item(epub.EpubItem("style", STYLESHEET, "text/css", css.encode("utf-8")))
    cover = epub.EpubCover("cover-image", COVER_IMAGE)
    cover.media_type = MEDIA_TYPES[".svg"]
    cover.content = env.get_template("epub/cover.svg.j2").render(context).encode("utf-8")
    book.add_item(cover)
    book.add_metadata(None, "meta", "", {"name": "cover", "content": cover.id})
    for number, (path, (name, data)) in enumerate(pictures.items(), start=1):
        media = MEDIA_TYPES[path.suffix.lower()]
        book.add_item(epub.EpubImage(f"picture-{number}", name, media, data))


def _content_document(chapter: Chapter, text: str) -> epub.EpubItem:
    item = epub.EpubItem(_item_id(chapter), chapter.file_name, XHTML, text.encode("utf-8"))
    # ebooklib reads `properties` from any item when it writes the manifest.
    item.properties = ["nav"] if chapter.file_name == NAV_FILE else []
    return item


def _item_id(chapter: Chapter) -> str:
    return "doc-" + chapter.file_name.removesuffix(".xhtml")


def _ncx_entry(entry: NavEntry):
    """The same contents for EPUB 2 reading systems, which read toc.ncx."""
    link = epub.Link(entry.href, entry.title, "ncx-" + re.sub(r"[^A-Za-z0-9-]", "-", entry.href))
    return (link, [_ncx_entry(child) for child in entry.children]) if entry.children else link


def _picture_files(shown: Iterable[Picture]) -> dict[Path, str]:
    """Each picture the edition shows, once, under a name of its own in images/."""
    names: dict[Path, str] = {}
    for picture in shown:
        if picture.path not in names:
            stem = re.sub(r"[^a-z0-9]+", "-", (picture.icon or picture.path.stem).lower()).strip("-")
            name, number = f"images/{stem}{picture.path.suffix.lower()}", 2
            while name in names.values() or name == COVER_IMAGE:
                name, number = f"images/{stem}-{number}{picture.path.suffix.lower()}", number + 1
            names[picture.path] = name
    return names
