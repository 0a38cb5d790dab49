"""List numbering definitions of the Word edition, written with python-docx's oxml layer.

python-docx can apply a list style but has no API to define numbering, so this module writes
the numbering part itself: one multi-level bullet definition, one multi-level number
definition, and one numbering instance per ordered list so that every list starts at its own
first number (and a nested list starts again under each item).
"""

from __future__ import annotations

from docx.document import Document as WordDocument

from .styles import StyleData, w_element

LEVELS = 9  # Word's numbering definitions always have nine levels
BULLETS_ABSTRACT, NUMBERS_ABSTRACT = 0, 1
BULLETS, NUMBERS = 1, 2  # the numbering instances the List Bullet and List Number styles use


class Numbering:
    """The numbering part of one document being written."""

    def __init__(self, document: WordDocument, data: StyleData) -> None:
        self._element = document.part.numbering_part.element
        self._next_id = NUMBERS + 1
        for child in list(self._element):
            self._element.remove(child)
        self._element.append(self._definition(BULLETS_ABSTRACT, data, ordered=False))
        self._element.append(self._definition(NUMBERS_ABSTRACT, data, ordered=True))
        self._element.append(self._instance(BULLETS, BULLETS_ABSTRACT))
        self._element.append(self._instance(NUMBERS, NUMBERS_ABSTRACT))

    @staticmethod
    def style_numbering() -> dict[str, tuple[int, int]]:
        """The (numbering id, level) of each built-in list style."""
        styles: dict[str, tuple[int, int]] = {}
        for level, suffix in enumerate(("", " 2", " 3")):
            styles["List Bullet" + suffix] = (BULLETS, level)
            styles["List Number" + suffix] = (NUMBERS, level)
        return styles

    def bullets(self) -> int:
        return BULLETS

    def new_ordered_list(self, level: int, start: int) -> int:
        """A numbering instance for one ordered list, starting at `start` at its level."""
        number_id = self._next_id
        self._next_id += 1
        instance = self._instance(number_id, NUMBERS_ABSTRACT)
        override = w_element("lvlOverride", ilvl=level)
        override.append(w_element("startOverride", val=start))
        instance.append(override)
        self._element.append(instance)
        return number_id

    @staticmethod
    def _instance(number_id: int, abstract_id: int):
        instance = w_element("num", numId=number_id)
        instance.append(w_element("abstractNumId", val=abstract_id))
        return instance

    @staticmethod
    def _definition(abstract_id: int, data: StyleData, ordered: bool):
        definition = w_element("abstractNum", abstractNumId=abstract_id)
        definition.append(w_element("multiLevelType", val="multilevel"))
        step = data.twips(data["list_indent"])
        for level in range(LEVELS):
            definition.append(_level(level, step, data, ordered))
        return definition


def _level(level: int, step: int, data: StyleData, ordered: bool):
    """One level: its number format, its text ('%2.' or a bullet) and its indent."""
    element = w_element("lvl", ilvl=level)
    element.append(w_element("start", val=1))
    if ordered:
        formats = data["numbers"]
        element.append(w_element("numFmt", val=formats[level % len(formats)]))
        element.append(w_element("lvlText", val=f"%{level + 1}."))
    else:
        bullets = data["bullets"]
        element.append(w_element("numFmt", val="bullet"))
        element.append(w_element("lvlText", val=bullets[level % len(bullets)]))
    element.append(w_element("lvlJc", val="left"))
    paragraph = w_element("pPr")
    paragraph.append(w_element("ind", left=step * (level + 1), hanging=step))
    element.append(paragraph)
    font = data["font"]
    run = w_element("rPr")
    run.append(w_element("rFonts", ascii=font, hAnsi=font, cs=font, hint="default"))
    element.append(run)
    return element


def number_paragraph(paragraph, number_id: int, level: int) -> None:
    """Make a paragraph an item of a list instance at a level."""
    numbering = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    numbering.get_or_add_ilvl().val = level
    numbering.get_or_add_numId().val = number_id

