"""The EPUB 3 exporter: an e-book that reading systems reflow, read aloud and restyle for the reader.

Each top-level section of the leaflet becomes one XHTML content document, rendered from the same
macros as the HTML edition (layouts/html/blocks.html.j2) inside the EPUB layouts (layouts/epub/).
The package around them is ebooklib's; exporters/epub_package.py makes it reproducible.
"""

from __future__ import annotations

import re
from pathlib import Path

from ebooklib import epub
from jinja2 import Environment

from .epub_metadata import describe, modified
from .epub_navigation import (
    GLOSSARY_FILE,
    NAV_FILE,
    Chapter,
    NavEntry,
    landmarks,
    link_resolver,
    load_labels,
    plan_chapters,
    table_of_contents,
)
from .epub_package import write_book
from .model import Document, Picture, walk_blocks
from .templates import MEDIA_TYPES, environment, term_id
from .variants import VARIANTS, LayoutSettings

XHTML = "application/xhtml+xml"
STYLESHEET = "styles/leaflet.css"
COVER_IMAGE = "images/cover.svg"


def write(document: Document, settings: LayoutSettings, target: Path) -> None:
    """Write the whole e-book of one edition at `target`."""
    labels = load_labels(settings.layouts)
    chapters = plan_chapters(document, labels)
    pictures = _picture_files(document)
    context = {
        "document": document,
        "settings": settings,
        "labels": labels,
        "epub": True,
        "stylesheet": STYLESHEET,
        "cover_image": COVER_IMAGE,
        "picture_src": lambda picture: pictures[picture.path],
        "term_href": lambda term: f"{GLOSSARY_FILE}#{term_id(term)}",
        "link_href": link_resolver(document, chapters),
        "toc": table_of_contents(chapters),
        "landmarks": landmarks(chapters, labels),
    }
    book = epub.EpubBook()
    describe(book, document, settings)
    env = environment(settings.layouts)
    _add_resources(book, env, context, pictures)
    for chapter in chapters:
        text = env.get_template(chapter.template).render(context, chapter=chapter)
        book.add_item(_content_document(chapter, text))
    book.spine = [_item_id(chapter) for chapter in chapters]
    book.add_item(epub.EpubNcx())
    book.toc = [_ncx_entry(entry) for entry in context["toc"]]
    write_book(book, target, modified(document))


def _add_resources(book: epub.EpubBook, env: Environment, context: dict, pictures: dict[Path, str]) -> None:
    """The stylesheet, the generated cover and the pictures of the text."""
    settings = context["settings"]
    # Sizes are relative to the reader's own default: the standard edition keeps it as it is.
    scale = round(100 * settings.font_size / VARIANTS["standard"].body_size)
    css = env.get_template("epub/leaflet.css.j2").render(text_scale=scale)
    book.add_item(epub.EpubItem("style", STYLESHEET, "text/css", css.encode("utf-8")))
    cover = epub.EpubCover("cover-image", COVER_IMAGE)
    cover.media_type = MEDIA_TYPES[".svg"]
    cover.content = env.get_template("epub/cover.svg.j2").render(context).encode("utf-8")
    book.add_item(cover)
    book.add_metadata(None, "meta", "", {"name": "cover", "content": cover.id})
    for number, (path, name) in enumerate(pictures.items(), start=1):
        media = MEDIA_TYPES[path.suffix.lower()]
        book.add_item(epub.EpubImage(f"picture-{number}", name, media, path.read_bytes()))


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


def _picture_files(document: Document) -> dict[Path, str]:
    """Each picture of the edition's text, once, under a name of its own in images/."""
    names: dict[Path, str] = {}
    for section in document.sections:
        for block in (b for top in section.blocks for b in walk_blocks(top)):
            if isinstance(block, Picture) and block.path not in names:
                stem = re.sub(r"[^a-z0-9]+", "-", (block.icon or block.path.stem).lower()).strip("-")
                name, number = f"images/{stem}{block.path.suffix.lower()}", 2
                while name in names.values() or name == COVER_IMAGE:
                    name, number = f"images/{stem}-{number}{block.path.suffix.lower()}", number + 1
                names[block.path] = name
    return names
