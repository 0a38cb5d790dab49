"""A leaflet exported to Word and imported back: what came back, measured against the source.

Shared by tests/test_import_round_trip.py (which holds the figures to their targets) and
tests/benchmarks/import_round_trip.py (which prints them for every leaflet).
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from exporters.formats import export
from exporters.importer import ImportReport, import_word
from exporters.model import Document, Heading, ListBlock, Picture, Table, plain_text, walk_blocks
from exporters.readers.glossary import SHARED_GLOSSARY
from exporters.readers.leaflet import read
from exporters.variants import layout_settings

from .conftest import PROJECT_ROOT, SOURCE

EXAMPLES = sorted(p for p in SOURCE.glob("*.md") if p.name != "README.md")
SOMEONE_ELSES = PROJECT_ROOT / "tests" / "fixtures" / "someone-else" / "flu-vaccine.md"
CORPUS = sorted((PROJECT_ROOT / "tests" / "corpus").glob("*/*.md"))
LEAFLETS = [*EXAMPLES, SOMEONE_ELSES, *(p for p in CORPUS if p.name != "README.md")]


@dataclass(frozen=True)
class RoundTrip:
    source: Document
    back: Document
    report: ImportReport

    @property
    def headings_equal(self) -> bool:
        return headings(self.source) == headings(self.back)

    @property
    def word_share(self) -> float:
        """The share of the source's words (counted with repeats) that came back."""
        wanted, found = Counter(words_of(self.source)), Counter(words_of(self.back))
        return sum(min(count, found[word]) for word, count in wanted.items()) / max(1, sum(wanted.values()))

    @property
    def lists_equal(self) -> bool:
        return list_shapes(self.source) == list_shapes(self.back)

    @property
    def pictures_equal(self) -> bool:
        return pictures(self.source) == pictures(self.back)


def round_trip(leaflet: Path, folder: Path) -> RoundTrip:
    """Build only the clear-print Word file of `leaflet` (in-process), import it into `folder`/source."""
    source = read(leaflet)
    word_file = export(source, "docx", layout_settings("standard"), folder / "output")
    destination = folder / "source"
    destination.mkdir(parents=True, exist_ok=True)
    if (leaflet.parent / SHARED_GLOSSARY).is_file():
        shutil.copy(leaflet.parent / SHARED_GLOSSARY, destination)
    report = import_word(word_file, destination)
    return RoundTrip(source, read(report.leaflet), report)


def body(document: Document) -> list:
    """Every block of the text the Word edition shows (easy-read blocks are another edition)."""
    found = []
    for section in document.sections:
        found += [section.heading] if section.heading else []
        found += [nested for block in section.blocks for nested in walk_blocks(block)]
    return found


def headings(document: Document) -> list[tuple[int, str]]:
    return [(1, plain_text(document.title.content))] + [
        (block.level, plain_text(block.content)) for block in body(document) if isinstance(block, Heading)
    ]


def words_of(document: Document) -> list[str]:
    texts = [plain_text(document.title.content)]
    for block in body(document):
        if isinstance(block, Table):
            texts += [plain_text(cell.content) for row in (block.header, *block.rows) for cell in row]
        elif hasattr(block, "content"):
            texts.append(plain_text(block.content))
        elif hasattr(block, "text"):
            texts.append(block.text)
    return re.findall(r"[\w'’°]+", " ".join(texts).lower())


def list_shapes(document: Document) -> list:
    """Each list as (numbered?, its items' nested lists), in reading order."""

    def shape(block: ListBlock):
        return block.ordered, tuple(tuple(shape(b) for b in item.blocks if isinstance(b, ListBlock)) for item in block.items)

    outermost = [b for b in body(document) if isinstance(b, ListBlock)]
    nested = {id(b) for lst in outermost for item in lst.items for child in item.blocks for b in walk_blocks(child)}
    return [shape(block) for block in outermost if id(block) not in nested]


def pictures(document: Document) -> list[tuple[str, bool]]:
    return [(block.alt, block.decorative) for block in body(document) if isinstance(block, Picture)]
