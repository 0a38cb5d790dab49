"""What a Word paragraph's style and numbering say about it, followed through `basedOn`.

python-docx exposes styles but not what a style inherits, and has no API for numbering
(`numbering.xml`): both are read here from its XML layer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docx.document import Document as WordDocument
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

LIST_STYLE = re.compile(r"^list (?:bullet|number|paragraph|continue)?\s*(\d)$", re.IGNORECASE)
NOT_BOXES = re.compile(r"^(title|subtitle|heading \d|toc \d|toc heading|leaflet .*)$", re.IGNORECASE)
MAX_INHERITANCE = 20  # a chain of basedOn longer than this is a loop


@dataclass(frozen=True, slots=True)
class Numbered:
    """A paragraph's place in a list: its level and whether its level shows numbers."""

    level: int
    ordered: bool
    indent: int  # twips from the margin, to tell levels apart when Word put them all at level 0


class StyleSheet:
    """The paragraph styles and numbering definitions of one document."""

    def __init__(self, word: WordDocument) -> None:
        self.element = word.styles.element
        self._styles = {style.get(qn("w:styleId")): style for style in self.element.findall(qn("w:style"))}
        self.numbering = word.part.numbering_part.element  # python-docx adds an empty one if need be
        self._levels = _numbering_levels(self.numbering)

    def name(self, style_id: str | None) -> str:
        style = self._styles.get(style_id or "")
        name = style.find(qn("w:name")) if style is not None else None
        return name.get(qn("w:val"), "") if name is not None else ""

    def inherited(self, style_id: str | None, path: str) -> list:
        """The elements at `path` under pPr of the style and the styles it is based on, nearest first."""
        found, seen = [], 0
        style = self._styles.get(style_id or "")
        while style is not None and seen < MAX_INHERITANCE:
            properties = style.find(qn("w:pPr"))
            element = properties.find(path) if properties is not None else None
            if element is not None:
                found.append(element)
            based_on = style.find(qn("w:basedOn"))
            style = self._styles.get(based_on.get(qn("w:val"))) if based_on is not None else None
            seen += 1
        return found

    def outline_level(self, paragraph) -> int | None:
        """0 for a level-1 heading; None for body text (Word's own test for the navigation pane)."""
        own = paragraph.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
        candidates = [own] if own is not None else self.inherited(style_of(paragraph), qn("w:outlineLvl"))
        if not candidates:
            return None
        value = candidates[0].get(qn("w:val"), "9")
        return int(value) if value.isdigit() and int(value) < 9 else None

    def is_boxed(self, paragraph) -> bool:
        """A border on both sides: a box round the text (a rule under a title is not a box)."""
        if NOT_BOXES.match(self.name(style_of(paragraph))):
            return False
        own = paragraph.find(f"{qn('w:pPr')}/{qn('w:pBdr')}")
        borders = [own] if own is not None else self.inherited(style_of(paragraph), qn("w:pBdr"))
        if not borders:
            return False
        sides = {_local(side.tag) for side in borders[0] if side.get(qn("w:val")) not in ("nil", "none")}
        return {"left", "right"} <= sides

    def numbered(self, paragraph) -> Numbered | None:
        """The list level of a paragraph, from its own numbering or its style's (None: no list item)."""
        style_id = style_of(paragraph)
        own = paragraph.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        found = [own] if own is not None else self.inherited(style_id, qn("w:numPr"))
        if not found:
            return None
        number_id = _value(found[0].find(qn("w:numId")))
        level = int(_value(found[0].find(qn("w:ilvl"))) or 0)
        definition = self._levels.get((number_id, level)) or self._levels.get((number_id, 0))
        if number_id in (None, "0") or definition is None:
            return None
        number_format, indent = definition
        named = LIST_STYLE.match(self.name(style_id))
        if level == 0 and named:  # "List Number 2" is the second level, whatever its numbering says
            level = int(named.group(1)) - 1
        own_indent = paragraph.find(f"{qn('w:pPr')}/{qn('w:ind')}")
        return Numbered(level, number_format not in ("bullet", "none"), _indent(own_indent) or indent)

    def add_paragraph_style(self, name: str) -> str:
        """Add a paragraph style of that name (no formatting: it only names a role); return its id."""
        style_id = "LeafletImport" + "".join(part.capitalize() for part in re.findall(r"\w+", name))
        if style_id not in self._styles:
            style = parse_xml(
                f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="{style_id}">'
                f'<w:name w:val="{name}"/></w:style>'
            )
            self.element.append(style)
            self._styles[style_id] = style
        return style_id


def style_of(paragraph) -> str | None:
    style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return style.get(qn("w:val")) if style is not None else None


def set_style(paragraph, style_id: str) -> None:
    properties = paragraph.find(qn("w:pPr"))
    if properties is None:
        properties = parse_xml(f"<w:pPr {nsdecls('w')}/>")
        paragraph.insert(0, properties)
    style = properties.find(qn("w:pStyle"))
    if style is None:
        style = parse_xml(f"<w:pStyle {nsdecls('w')}/>")
        properties.insert(0, style)
    style.set(qn("w:val"), style_id)


def _numbering_levels(numbering) -> dict[tuple[str, int], tuple[str, int]]:
    """(numId, level) -> (number format, indent) for every numbering instance."""
    abstract: dict[str, dict[int, tuple[str, int]]] = {}
    for definition in numbering.findall(qn("w:abstractNum")):
        levels = {}
        for level in definition.findall(qn("w:lvl")):
            index = level.get(qn("w:ilvl"), "0")
            levels[int(index) if index.isdigit() else 0] = (
                _value(level.find(qn("w:numFmt"))) or "decimal",
                _indent(level.find(f"{qn('w:pPr')}/{qn('w:ind')}")),
            )
        abstract[definition.get(qn("w:abstractNumId"))] = levels
    found = {}
    for instance in numbering.findall(qn("w:num")):
        levels = abstract.get(_value(instance.find(qn("w:abstractNumId"))) or "", {})
        for level, definition in levels.items():
            found[(instance.get(qn("w:numId")), level)] = definition
    return found


def _value(element) -> str | None:
    return element.get(qn("w:val")) if element is not None else None


def _indent(element) -> int:
    if element is None:
        return 0
    value = element.get(qn("w:left")) or element.get(qn("w:start")) or "0"
    return int(value) if value.lstrip("-").isdigit() else 0


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
