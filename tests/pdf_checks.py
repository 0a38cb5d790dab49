"""Reading a PDF back as a checker would: its structure tree, metadata, outline and characters."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pdfplumber
import pikepdf

from exporters.model import Block, Document, Heading, Picture, Table, inlines_of, plain_text, walk_blocks

EXTRA_HEADINGS = (
    "Words we use",
    "Where our information comes from",
    "About this leaflet",
    "Who to contact",
    "Dates of this leaflet",
)


def kids(element) -> list:
    k = element.get("/K")
    return list(k) if isinstance(k, pikepdf.Array) else ([k] if k is not None else [])


def structure_elements(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Dictionary]:
    """Every structure element in reading order."""
    return descendants(pdf.Root.StructTreeRoot)


def descendants(root: pikepdf.Dictionary) -> Iterator[pikepdf.Dictionary]:
    """Every structure element under `root`, in reading order."""
    stack = list(reversed(kids(root)))
    while stack:
        element = stack.pop()
        if isinstance(element, pikepdf.Dictionary) and "/S" in element:
            yield element
            stack.extend(reversed(kids(element)))


def reading_order(pdf: pikepdf.Pdf, root: pikepdf.Dictionary | None = None) -> list[tuple[int, int]]:
    """(page number, MCID) of every piece of content under `root` (the whole tree by default), in order."""
    pages = {page.obj.objgen: number for number, page in enumerate(pdf.pages)}
    start = pdf.Root.StructTreeRoot if root is None else root
    order: list[tuple[int, int]] = []
    stack = [(kid, start) for kid in reversed(kids(start))]
    while stack:
        item, holder = stack.pop()
        if isinstance(item, int) and "/Pg" in holder:
            order.append((pages[holder.Pg.objgen], int(item)))
        elif isinstance(item, pikepdf.Dictionary) and "/S" in item:
            stack.extend((kid, item) for kid in reversed(kids(item)))
    return order


def outline_titles(pdf: pikepdf.Pdf) -> list[str]:
    titles: list[str] = []
    with pdf.open_outline() as outline:
        stack = list(reversed(outline.root))
        while stack:
            item = stack.pop()
            titles.append(item.title)
            stack.extend(reversed(item.children))
    return titles


def expected_headings(document: Document) -> list[tuple[int, str]]:
    """The headings the printed leaflet must have, in order: level and words."""
    found = [(1, plain_text(document.title.content))]
    for section in document.sections:
        if section.heading:
            found.append((section.heading.level, section.title))
        for block in (b for top in section.blocks for b in walk_blocks(top)):
            if isinstance(block, Heading):
                found.append((block.level, plain_text(block.content)))
    meta = document.meta
    extras = [
        document.glossary,
        meta.references,
        meta.reviewers or meta.audience or meta.licence or document.text_uses_health_icons,
        True,
        meta.published or meta.reviewed or meta.next_review or meta.version,
    ]
    found += [(2, title) for title, present in zip(EXTRA_HEADINGS, extras, strict=True) if present]
    return found


def tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def source_words(document: Document) -> list[str]:
    """The words of the leaflet's own text (not the easy-read rows), in source order."""
    words = tokens(plain_text(document.title.content))
    for section in document.sections:
        blocks = ([section.heading] if section.heading else []) + list(section.blocks)
        for block in (b for top in blocks for b in walk_blocks(top)):
            words += _block_words(block)
    return words


def _block_words(block: Block) -> list[str]:
    if isinstance(block, Table):  # cell by cell, so that the words of two cells do not run together
        cells = [*block.header, *(cell for row in block.rows for cell in row)]
        return [word for cell in cells for word in tokens(plain_text(cell.content))]
    return tokens(plain_text(inlines_of(block)))


def pictures_with_alt(document: Document) -> list[Picture]:
    return [
        p
        for s in document.sections
        for b in s.blocks
        for p in walk_blocks(b)
        if isinstance(p, Picture) and not p.decorative
    ]


def marked_texts(path: Path) -> dict[tuple[int, int], str]:
    """The text of each piece of tagged content, keyed by (page number, MCID)."""
    texts: dict[tuple[int, int], str] = {}
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages):
            for char in page.chars:
                if char.get("mcid") is not None and char.get("tag") != "Artifact":
                    key = (number, char["mcid"])
                    texts[key] = texts.get(key, "") + char["text"]
    return texts


def spoken_words(path: Path) -> list[str]:
    """The words as a screen reader meets them: the tagged text in the order of the structure tree."""
    with pikepdf.open(path) as pdf:
        order = reading_order(pdf)
    return spoken_tokens(marked_texts(path), order)


def spoken_tokens(texts: dict[tuple[int, int], str], order: list[tuple[int, int]]) -> list[str]:
    """The words of the given pieces of content, in the given order."""
    # Each line is its own piece of marked content, and line ends carry no space: join with one.
    return tokens(" ".join(texts.get(key, "") for key in order))


def assert_passes_page_validation(path) -> None:
    """The offline PDF/UA-1 rules of page-validation: no failure (a missing tool fails in CI)."""
    import importlib.util

    from tests.conftest import require_tool

    require_tool("page-validation", importlib.util.find_spec("page") is not None,
                 "install it with 'pip install page-validation'")  # fmt: skip
    import page

    report = page.validate_pdf(path, profile="ua1")
    assert [f"{f.rule_id}: {f.message}" for f in report.failures] == []
    assert report.is_compliant and report.rules.failed == 0
