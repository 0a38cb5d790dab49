"""The easy-read edition as an e-book: the shared easy-read markup, split into content documents.

The edition is laid out once, by layouts/easy-read/body.html.j2 (the markup of the HTML and PDF
easy-read editions too), rendered with `epub` set. For the e-book that template marks, with a
comment naming the id of its heading, where each document starts: the title page (the cover
row and the rows before the first heading), each section, "Words we use" and "Who to contact".
The e-book splits the markup there, so a row reads the same in every format.
"""

from __future__ import annotations

import re

from jinja2 import Environment
from markupsafe import Markup

from ...editions.easy_read import EasyReadEdition, easy_read_edition
from ...errors import SourceError
from ...model import Document
from ..templates import term_id
from .metadata import features_of_easy_read
from .navigation import COVER_FILE, GLOSSARY_FILE, NAV_FILE, Chapter, Plan

EDITION_TEMPLATE = "epub/easy-read-edition.xhtml.j2"
BODY_TEMPLATE = "easy-read/body.html.j2"
PART_TEMPLATE = "epub/easy-read-part.xhtml.j2"
PART_MARK = re.compile(r"<!--epub-part:([^>]*?)-->")


def plan_easy_read(document: Document, labels: dict[str, str]) -> Plan:
    """The easy-read e-book; a leaflet without easy-read text is refused here (SourceError)."""
    edition = easy_read_edition(document)
    rows = (row for section in document.sections for block in section.easy_read for row in block.rows)
    return Plan(
        chapters=_chapters(edition, labels),
        pictures=edition.pictures,
        features=features_of_easy_read(edition),
        texts=tuple((row.line, row.content) for row in rows),
        description=labels["easy-read-description"].format(title=edition.title),
        edition=edition,
    )


def _chapters(edition: EasyReadEdition, labels: dict[str, str]) -> tuple[Chapter, ...]:
    """Cover, contents, then one document per part of the edition. Each part's first anchor is
    the id its mark in the markup names."""
    document = edition.document
    chapters = [
        Chapter(COVER_FILE, labels["cover"], "epub/cover.xhtml.j2", "cover"),
        Chapter(NAV_FILE, labels["contents"], "epub/nav.xhtml.j2", "frontmatter"),
        Chapter(
            "title.xhtml", document.meta.title, PART_TEMPLATE, "bodymatter", anchors=(document.title.anchor,)
        ),
    ]
    headed = [section for section in edition.sections if section.heading]
    for number, section in enumerate(headed, start=1):
        chapters.append(Chapter(f"section-{number:02d}.xhtml", section.heading, PART_TEMPLATE, "bodymatter",
                                anchors=(section.anchor,)))  # fmt: skip
    if edition.words:
        terms = tuple(term_id(word.entry.term) for word in edition.words)
        chapters.append(Chapter(GLOSSARY_FILE, labels["glossary"], PART_TEMPLATE, "backmatter",
                                anchors=("words-we-use", *terms)))  # fmt: skip
    chapters.append(Chapter("contact.xhtml", labels["contact"], PART_TEMPLATE, "backmatter",
                            anchors=("who-to-contact",)))  # fmt: skip
    return tuple(chapters)


def easy_read_parts(env: Environment, context: dict, plan: Plan) -> dict[str, Markup]:
    """The markup of each easy-read document, by file name, cut from the one rendered edition."""
    body = env.get_template(EDITION_TEMPLATE).render(context, edition=plan.edition)
    pieces = PART_MARK.split(body)
    marked = dict(zip(pieces[1::2], pieces[2::2], strict=True))
    parts = [chapter for chapter in plan.chapters if chapter.template == PART_TEMPLATE]
    wanted = {chapter.anchors[0]: chapter.file_name for chapter in parts}
    if pieces[0].strip() or marked.keys() != wanted.keys():
        raise SourceError(
            context["settings"].layouts / BODY_TEMPLATE, 0,
            f"The easy-read layout does not mark where each part of the e-book starts: it marks "
            f"{', '.join(sorted(marked)) or 'none'}; the e-book needs {', '.join(sorted(wanted))}.",
            "Keep a mark '<!--epub-part:ID-->' (shown to the e-book only) before the cover, before each "
            "section with a heading, before 'Words we use' and before 'Who to contact'.",
        )  # fmt: skip
    # The markup comes from the layout, which escaped the leaflet's text as it rendered it.
    return {wanted[anchor]: Markup(markup.strip()) for anchor, markup in marked.items()}
