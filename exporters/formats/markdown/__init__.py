"""The leaflet's own source format, written back from the document: Markdown with YAML front matter.

`leaflet import` writes Word files in it, and `leaflet build --format markdown` writes any leaflet
in it. The file reads back into the same document. Pictures are written relative to the folder of
`document.source`, so the file belongs beside the leaflet it came from, where its pictures are.
"""

from __future__ import annotations

from pathlib import Path

from ...model import Document, Suppression, Text
from ...variants import LayoutSettings
from .blocks import BlockWriter
from .frontmatter import front_matter

SUFFIX = ".md"


def write(document: Document, settings: LayoutSettings, target: Path) -> None:
    target.write_text(leaflet_text(document), encoding="utf-8")


def leaflet_text(document: Document) -> str:
    """The whole source file of a document."""
    writer = BlockWriter(document.source.parent)
    silenced = _Silenced(list(document.suppressions))
    chunks = ["---\n" + front_matter(document) + "---"]
    if not _title_from_front_matter(document):
        chunks.append(writer.block(document.title))
    for section in document.sections:
        if section.heading:
            chunks.extend([*silenced.before(section.heading.line), writer.block(section.heading)])
        for block, text in zip(section.blocks, writer.blocks(section.blocks), strict=True):
            chunks.extend([*silenced.before(block.line), text])
        for block in section.easy_read:
            chunks.extend([*silenced.before(block.line), writer.easy_read(block)])
    chunks.extend(silenced.rest())  # a comment with nothing after it, as the file had it
    return "\n\n".join(chunks) + "\n"


def _title_from_front_matter(document: Document) -> bool:
    """The reader made the title heading from `title:` (the text had no '# ' line): so does the file."""
    title = document.title
    return title.anchor == "title" and title.content == (Text(document.meta.title),)


class _Silenced:
    """The `<!-- leaflet: ignore ... -->` comments, each written once, before the block it covers."""

    def __init__(self, suppressions: list[Suppression]) -> None:
        self.waiting = suppressions

    def before(self, line: int) -> list[str]:
        due = [s for s in self.waiting if s.first_line <= line <= s.last_line]
        self.waiting = [s for s in self.waiting if s not in due]
        return [self.comment(suppression) for suppression in due]

    def rest(self) -> list[str]:
        rest, self.waiting = self.waiting, []
        return [self.comment(suppression) for suppression in rest]

    @staticmethod
    def comment(suppression: Suppression) -> str:
        return f"<!-- leaflet: ignore {' '.join(sorted(suppression.rules))} -->"
