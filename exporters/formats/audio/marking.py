"""Putting an element with an id around each sentence of a run of XHTML text, so that a talking
book can point at the sentence it is reading.

A run is the text and inline elements that stand together inside one block (a paragraph, a list
item before its nested list). A sentence may start or end inside an inline element (a link, a
bold word): that element is then cut in two, one part in each sentence, and only the first part
keeps its id. Nothing else of the markup changes, and no text is lost or moved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

SPAN = "{http://www.w3.org/1999/xhtml}span"


@dataclass(frozen=True, slots=True)
class Run:
    """The inline content of a block: the text after `leader` (its first child when None) and
    the inline elements `nodes` that follow, with their tails."""

    parent: etree._Element
    leader: etree._Element | None
    nodes: tuple[etree._Element, ...]

    def pieces(self) -> list[Piece]:
        first = self.parent.text if self.leader is None else self.leader.tail
        found = [Piece(first, ())] if first else []
        for node in self.nodes:
            found += _flatten(node, ())
            if node.tail:
                found.append(Piece(node.tail, ()))
        return found

    def text(self) -> str:
        return "".join(piece.text for piece in self.pieces())


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of text and the inline elements around it, outermost first. A void piece is an
    element without text (a line break): one space in the text, so that words stay apart."""

    text: str
    path: tuple[etree._Element, ...]
    void: bool = False


def _flatten(node: etree._Element, path: tuple[etree._Element, ...]) -> list[Piece]:
    path = (*path, node)
    if len(node) == 0 and not node.text:
        return [Piece(" ", path, void=True)]
    found = [Piece(node.text, path)] if node.text else []
    for child in node:
        found += _flatten(child, path)
        if child.tail:
            found.append(Piece(child.tail, path))
    return found


def mark_sentences(run: Run, spans: list[tuple[int, int]], new_id: Callable[[], str]) -> list[str]:
    """Wrap each (start, end) of the run's text in a span with a new id; return the ids in order.

    A run that is one inline element holding one sentence (a link in the contents) gets no span:
    the element itself carries the id, as EPUB's navigation document requires of its links.
    """
    whole = _single_element(run)
    if whole is not None and len(spans) == 1:
        if not whole.get("id"):
            whole.set("id", new_id())
        return [whole.get("id")]
    owned = _cut(run.pieces(), spans)
    holder = etree.Element("holder")
    ids = _rebuild(holder, owned, new_id)
    parent = run.parent
    index = 0 if run.leader is None else parent.index(run.leader) + 1
    for node in run.nodes:
        parent.remove(node)  # with its tail, which the holder now has
    if run.leader is None:
        parent.text = holder.text
    else:
        run.leader.tail = holder.text
    for offset, child in enumerate(list(holder)):
        parent.insert(index + offset, child)
    return ids


def _cut(pieces: list[Piece], spans: list[tuple[int, int]]) -> list[tuple[Piece, int | None]]:
    """Each piece split where a sentence starts or ends, with the number of its sentence (None
    for the space between sentences)."""
    bounds = sorted({edge for span in spans for edge in span})
    owned: list[tuple[Piece, int | None]] = []
    position = 0
    for piece in pieces:
        end = position + len(piece.text)
        cuts = [position, *(b for b in bounds if position < b < end), end]
        for start, stop in zip(cuts, cuts[1:], strict=False):
            text = " " if piece.void else piece.text[start - position : stop - position]
            owner = next((n for n, (first, last) in enumerate(spans) if first <= start < last), None)
            owned.append((Piece(text, piece.path, piece.void), owner))
        position = end
    return owned


def _rebuild(holder: etree._Element, owned: list[tuple[Piece, int | None]],
             new_id: Callable[[], str]) -> list[str]:  # fmt: skip
    """Lay the pieces out again inside `holder`, each sentence in a span of its own."""
    ids: list[str] = []
    cloned: set[etree._Element] = set()
    container, owner_now = holder, -1
    stack: list[tuple[etree._Element, etree._Element]] = []
    for piece, owner in owned:
        if owner != owner_now:
            owner_now, stack = owner, []
            container = holder
            if owner is not None:
                ids.append(new_id())
                container = etree.SubElement(holder, SPAN, id=ids[-1])
        # Spaces between sentences stand between the spans, outside any inline element.
        path = () if owner is None and not piece.void and not piece.text.strip() else piece.path
        kept = 0
        while kept < min(len(stack), len(path)) and stack[kept][0] is path[kept]:
            kept += 1
        del stack[kept:]
        for original in path[kept:]:
            attributes = {k: v for k, v in original.attrib.items() if k != "id" or original not in cloned}
            cloned.add(original)
            stack.append((original, etree.SubElement(stack[-1][1] if stack else container,
                                                     original.tag, attributes)))  # fmt: skip
        if not piece.void:
            _append_text(stack[-1][1] if stack else container, piece.text)
    return ids


def _append_text(element: etree._Element, text: str) -> None:
    if len(element):
        element[-1].tail = (element[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text


def _single_element(run: Run) -> etree._Element | None:
    """The run's one element, when nothing but spaces stands around it."""
    first = run.parent.text if run.leader is None else run.leader.tail
    if len(run.nodes) != 1 or (first or "").strip() or (run.nodes[0].tail or "").strip():
        return None
    return run.nodes[0]
