"""Where a word stands, when that decides whether a reader needs it explained: inside a name
written with capitals ("the Acute Oncology Line"), in the name of a service before its phone
number ("Antenatal clinic: 01632 960 940"), or in a table row whose other cells say what it is
("| Cyclophosphamide | A chemotherapy drug |").
"""

from __future__ import annotations

import re

from ..units import Sentence, TextBlock
from .base import Context

# Column headings whose cells say what the thing named in the same row is, or what it does.
_EXPLAINING_HEADER = re.compile(
    r"\b(?:what (?:it|they|this) (?:is|are|does|do|means?|involves?)|type|kind|meaning|description"
    r"|used for|what happens)\b",
    re.IGNORECASE,
)
# "Larch Ward (haematology), 24 hours: 01632 960 560": a service's name, then its phone number.
_SERVICE_LINE = re.compile(r"^(?P<name>[^.:;!?]{2,80}?):\s*[\[(]?\+?\d[\d ()-]{6,}")
_PHONE_CELL = re.compile(r"^\+?\(?\d[\d ()-]{7,}$")
_ADDRESS = re.compile(r"\b(?:https?://|www\.)\S+|\S+@\S+\.\w+|\b[\w-]+(?:\.[\w-]+)+/\S*")
_NOT_A_NAME = re.compile(r"\b(?:if|when|phone|call|ring|contact|text|email|you|your)\b", re.IGNORECASE)


def table_rows(context: Context) -> dict[tuple[int, int], list[TextBlock]]:
    """The cells of every table, by (the table's line, the row's number)."""
    return context.fact("table-rows", _rows)


def _rows(context: Context) -> dict[tuple[int, int], list[TextBlock]]:
    rows: dict[tuple[int, int], list[TextBlock]] = {}
    for block in context.blocks:
        if block.cell is not None:
            rows.setdefault((block.line, block.cell[0]), []).append(block)
    return rows


def row_neighbours(context: Context, block: TextBlock) -> list[tuple[str, TextBlock]]:
    """The other cells of a table's body row, each with the heading of its column."""
    if block.cell is None or block.cell[0] == 0:
        return []
    rows = table_rows(context)
    headings = {cell.cell[1]: cell.text for cell in rows.get((block.line, 0), []) if cell.cell}
    return [(headings.get(cell.cell[1], ""), cell) for cell in rows[(block.line, block.cell[0])]
            if cell is not block and cell.cell]  # fmt: skip


def explaining_cells(context: Context, block: TextBlock) -> list[str]:
    """The words of the cells that say what this cell's thing is: the cells of the same row under
    a heading such as "What it is" or "Type of insulin" (none when this cell is one of those)."""
    if block.cell is None:
        return []
    headings = {cell.cell[1]: cell.text for cell in table_rows(context).get((block.line, 0), []) if cell.cell}
    if _EXPLAINING_HEADER.search(headings.get(block.cell[1], "")):
        return []
    neighbours = row_neighbours(context, block)
    return [cell.text for heading, cell in neighbours if _EXPLAINING_HEADER.search(heading)]


def in_a_name(sentence: Sentence, index: int) -> bool:
    """A word of a name written with capitals, next to another such word: "the Acute Oncology
    Line", "Cardiac Catheter Laboratory" (not a word that starts the sentence on its own)."""
    words, gaps = sentence.words, sentence.gaps
    if not _capital(words[index]):
        return False
    before = index > 0 and _capital(words[index - 1]) and gaps[index - 1] in (" ", "-")
    after = index + 1 < len(words) and _capital(words[index + 1]) and gaps[index] in (" ", "-")
    return bool(before or after)


def _capital(word: str) -> bool:
    return word[:1].isupper() and not word.isupper()


def service_name_end(context: Context, sentence: Sentence) -> int:
    """Where the name of a service ends, when the sentence is that name and its phone number
    ("Antenatal clinic: 01632 960 940, Monday to Friday"), or a table cell beside the cell of its
    phone number ("| Oncology pharmacy | 020 7946 0591 |"); 0 when it is neither."""
    if any(_PHONE_CELL.match(cell.text.strip()) for _, cell in row_neighbours(context, sentence.block)):
        return 0 if _NOT_A_NAME.search(sentence.text) else len(sentence.text)
    found = _SERVICE_LINE.match(sentence.text)
    if not found or _NOT_A_NAME.search(found.group("name")):
        return 0
    return found.end("name")


def inside_addresses(text: str) -> set[int]:
    """Character offsets inside a web or email address: "www.example.nhs.uk/anticoagulation"."""
    return {offset for found in _ADDRESS.finditer(text) for offset in range(found.start(), found.end())}
