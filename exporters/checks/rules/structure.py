"""Rules about the shape of a leaflet: headings, tables, pictures, links and emphasis."""

from __future__ import annotations

import re

from ...model import Emphasis, Heading, Link, Table, Text, plain_text, walk_blocks, walk_inlines
from ..wordlists import load_words
from .base import Context, Rule, Scope, Switches

_FILE_NAME = re.compile(
    r"(?:\.(?:png|jpe?g|gif|svg|webp|tiff?|bmp)$)|^(?:img|dsc|image|photo)[-_ ]?\d+$|^\S*[_]\S*$",
    re.IGNORECASE,
)
_SAYS_PICTURE = re.compile(
    r"^(?:an?\s+)?(?:image|picture|photo|photograph|graphic|icon|illustration)\s+(?:of|showing)\b",
    re.IGNORECASE,
)
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


def heading_order(context: Context, switches: Switches) -> None:
    settings = switches["standard"]
    headings = [context.document.title]
    for section in context.document.sections:
        headings.extend([section.heading] if section.heading else [])
        headings.extend(b for block in section.blocks for b in walk_blocks(block) if isinstance(b, Heading))
    structure = settings.severity_of("structure-severity")
    for previous, heading in zip([None, *headings], headings, strict=False):
        text = plain_text(heading.content).strip()
        if not re.search(r"\w", text):
            context.report(
                "heading-order",
                structure,
                heading.line,
                1,
                "This heading has no words.",
                "Write what the section is about, or remove the heading.",
                text,
            )
        if heading.level == 1 and previous is not None:
            context.report("heading-order", structure, heading.line, 1,
                           "There is more than one level-1 heading; the title is the only one.",
                           "Use '## ' for this heading.", text)  # fmt: skip
        elif previous is not None and heading.level > previous.level + 1:
            context.report("heading-order", settings.severity, heading.line, 1,
                           f"This heading skips from level {previous.level} to level {heading.level}.",
                           f"Make it a level-{previous.level + 1} heading ({'#' * (previous.level + 1)} ), "
                           "so screen reader users can follow the outline.", text)  # fmt: skip


def table_header(context: Context, switches: Switches) -> None:
    settings = switches["standard"]
    for section in context.document.sections:
        for block in (b for top in section.blocks for b in walk_blocks(top) if isinstance(b, Table)):
            empty = [cell for cell in block.header if not plain_text(cell.content).strip()]
            if empty:
                header = " | ".join(plain_text(cell.content).strip() for cell in block.header)
                context.report("table-header", settings.severity, block.line, 1,
                               f"This table has {len(empty)} empty header cell{'s' * (len(empty) > 1)}.",
                               "Give every column a header in the first row, so that screen readers "
                               "can say what each cell is.", header)  # fmt: skip


def wide_table(context: Context, switches: Switches) -> None:
    settings = switches["standard"]
    for section in context.document.sections:
        for block in (b for top in section.blocks for b in walk_blocks(top) if isinstance(b, Table)):
            if len(block.header) > settings["columns"]:
                context.report("wide-table", settings.severity, block.line, 1,
                               f"This table has {len(block.header)} columns, more than fit across a printed "
                               "page or a phone: the PDF prints it row by row, each cell under its heading.",
                               f"Split it into tables of {settings['columns']} columns or fewer, or write "
                               "it as a list.")  # fmt: skip


def alt_text(context: Context, switches: Switches) -> None:
    settings = switches["standard"]
    for picture in context.document.pictures:
        alt = picture.alt.strip()
        if picture.decorative:
            continue
        problem = ""
        if not alt:
            problem = "This picture has no text for people who cannot see it."
        elif _FILE_NAME.search(alt) or (picture.icon is None and alt.lower() == picture.path.stem.lower()):
            problem = f'The picture\'s text "{alt}" is a file name.'
        elif _SAYS_PICTURE.match(alt):
            problem = f'The picture\'s text "{alt}" says it is a picture; screen readers say so already.'
        elif len(alt) > settings["characters"]:
            problem = f"The picture's text has {len(alt)} characters; it is too long to listen to."
        if problem:
            context.report("alt-text", settings.severity, picture.line, 1, problem,
                           "Say in a few words what the picture shows and why it is there: "
                           f"at most {settings['characters']} characters.", alt)  # fmt: skip


def link_text(context: Context, switches: Switches) -> None:
    for block, settings in context.blocks_for(switches):
        vague = load_words(settings["list"])
        for inline in walk_inlines(block.inlines):
            if isinstance(inline, Link):
                words = plain_text(inline.children).strip()
                line, column = context.position(words, block.line)
                if words.lower().rstrip(".") in vague:
                    context.report("link-text", settings.severity, line, column,
                                   f'The link text "{words}" does not say where the link goes.',
                                   'Use words that name the page, for example "NHS page on flu vaccines".',
                                   words)  # fmt: skip
                elif _URL.fullmatch(words):
                    context.report(
                        "link-text",
                        settings.severity,
                        line,
                        column,
                        "The link text is a web address; screen readers read it out letter by letter.",
                        "Use words that name the page as the link text.",
                        words,
                    )
            elif isinstance(inline, Text):
                for match in _URL.finditer(inline.text):
                    line, column = context.position(match.group(0), block.line)
                    context.report("link-text", settings.severity_of("bare-url-severity"), line, column,
                                   "This web address is not a link.",
                                   "Make it a link with words: [NHS page on flu vaccines](https://...).",
                                   match.group(0))  # fmt: skip


def italic_or_underline(context: Context, switches: Switches) -> None:
    for block, settings in context.blocks_for(switches):
        for inline in walk_inlines(block.inlines):
            if isinstance(inline, Emphasis):
                words = plain_text(inline.children).strip()
                line, column = context.position(words, block.line)
                context.report(
                    "italic-or-underline",
                    settings.severity,
                    line,
                    column,
                    f'"{words}" is in italics, which people with low vision find hard to read.',
                    f"Use bold for emphasis: **{words}**.",
                    words,
                )


STANDARD = ("standard",)  # headings, tables and pictures are judged by the standard settings

RULES = (
    Rule("heading-order", Scope.BLOCK, heading_order, profiles=STANDARD),
    Rule("table-header", Scope.BLOCK, table_header, profiles=STANDARD),
    Rule("wide-table", Scope.BLOCK, wide_table, profiles=STANDARD),
    Rule("alt-text", Scope.BLOCK, alt_text, profiles=STANDARD),
    Rule("link-text", Scope.BLOCK, link_text),
    Rule("italic-or-underline", Scope.BLOCK, italic_or_underline),
)
