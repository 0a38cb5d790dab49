"""An accessibility check of a .docx file itself, after the rules of Word's Accessibility Checker.

It reads any Word file (ours or one a team edited) and reports findings in the shape of
`leaflet check`. A finding's line is the number of the paragraph in the document, counted
from 1 in reading order, table cells included.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.oxml.ns import qn

from ...findings import Finding, Severity
from .pictures import is_decorative

FILE_NAME = re.compile(r"^\S+\.(png|jpe?g|gif|bmp|tiff?|svg|emf|wmf)$|^(image|picture|img)[ _-]?\d*$", re.I)
DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
OFF = ("0", "false", "off")
# A table used to lay out pictures beside words carries this exact title (Word: Table Properties >
# Alt Text > Title, stored as w:tblCaption). It has no header row, and is not asked for one.
LAYOUT_TABLE = "Layout table"


@dataclass(frozen=True, slots=True)
class Look:
    """How a run looks once the defaults, the styles and its own properties are applied."""

    size: float  # points
    bold: bool
    italic: bool
    colour: str  # six hex digits
    underline: str | None


class Looks:
    """Resolves the look of runs and the outline level of paragraphs through the style chain."""

    def __init__(self, word) -> None:
        styles = word.styles.element
        self._styles = {s.get(qn("w:styleId")): s for s in styles.findall(qn("w:style"))}
        self._default_paragraph = next(
            (s.get(qn("w:styleId")) for s in styles.findall(qn("w:style"))
             if s.get(qn("w:type")) == "paragraph" and s.get(qn("w:default")) in ("1", "true")), None)
        defaults = styles.find(qn("w:docDefaults"))
        self.defaults = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}") if defaults is not None else None

    def _chain(self, style_id: str | None) -> list:
        """A style and its bases, the most basic first."""
        chain = []
        while style_id and style_id in self._styles and len(chain) < 20:
            style = self._styles[style_id]
            chain.insert(0, style)
            based = style.find(qn("w:basedOn"))
            style_id = based.get(qn("w:val")) if based is not None else None
        return chain

    def paragraph_style(self, paragraph) -> str | None:
        style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        return style.get(qn("w:val")) if style is not None else self._default_paragraph

    def outline_level(self, paragraph) -> int | None:
        """The heading level (1 to 9) of a paragraph, or None for body text."""
        level = None
        layers = [*self._chain(self.paragraph_style(paragraph)), paragraph]
        for layer in layers:
            found = layer.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
            if found is not None:
                level = int(found.get(qn("w:val")))
        return level + 1 if level is not None and level < 9 else None

    def run(self, paragraph, run) -> Look:
        values: dict[str, object] = {"sz": 20, "b": False, "i": False, "color": "000000", "u": None}
        style = run.find(f"{qn('w:rPr')}/{qn('w:rStyle')}")
        character_style = style.get(qn("w:val")) if style is not None else None
        layers = [self.defaults]
        layers += [s.find(qn("w:rPr")) for s in self._chain(self.paragraph_style(paragraph))]
        layers += [s.find(qn("w:rPr")) for s in self._chain(character_style)]
        layers.append(run.find(qn("w:rPr")))
        for layer in layers:
            if layer is not None:
                _apply(values, layer)
        return Look(int(values["sz"]) / 2, bool(values["b"]), bool(values["i"]), str(values["color"]),
                    values["u"])  # type: ignore[arg-type]


def _apply(values: dict[str, object], properties) -> None:
    for tag in ("b", "i"):
        found = properties.find(qn(f"w:{tag}"))
        if found is not None:
            values[tag] = found.get(qn("w:val"), "1") not in OFF
    size = properties.find(qn("w:sz"))
    if size is not None:
        values["sz"] = size.get(qn("w:val"))
    colour = properties.find(qn("w:color"))
    if colour is not None and colour.get(qn("w:val")) != "auto":
        values["color"] = colour.get(qn("w:val"))
    underline = properties.find(qn("w:u"))
    if underline is not None:
        values["u"] = None if underline.get(qn("w:val")) == "none" else underline.get(qn("w:val"))


def paragraph_text(paragraph) -> str:
    """The words of a paragraph, a line break read as a space."""
    return "".join(" " if e.tag != qn("w:t") else e.text or "" for e in paragraph.iter(qn("w:t"), qn("w:br")))


def check_docx(path: Path) -> list[Finding]:
    """Every accessibility problem found in a Word file, in document order within each rule."""
    word = docx.Document(str(path))
    body = word.element.body
    paragraphs = list(body.iter(qn("w:p")))
    report = _Report(path, {id(p): number for number, p in enumerate(paragraphs, 1)})
    looks = Looks(word)
    _check_title_and_language(word, looks, report)
    _check_headings(paragraphs, looks, report)
    _check_pictures(body, report)
    _check_tables(body, report)
    _check_blank_paragraphs(body, report)
    _check_contrast(paragraphs, looks, report)
    return report.findings


class _Report:
    def __init__(self, path: Path, numbers: dict[int, int]) -> None:
        self.path, self.numbers, self.findings = path, numbers, []

    def add(self, rule: str, severity: Severity, element, message: str, suggestion: str) -> None:
        paragraph = _paragraph_of(element)
        line = self.numbers.get(id(paragraph), 1) if paragraph is not None else 1
        text = paragraph_text(paragraph)[:80] if paragraph is not None else ""
        self.findings.append(Finding(rule, severity, self.path, line, 1, message, suggestion, text))


def _paragraph_of(element):
    """The paragraph a finding points at: the element's own, or the first one inside it."""
    if element is None or element.tag in (qn("w:tbl"), qn("w:tc"), qn("w:body")):
        return next(element.iter(qn("w:p")), None) if element is not None else None
    while element is not None and element.tag != qn("w:p"):
        element = element.getparent()
    return element


def _check_title_and_language(word, looks: Looks, report: _Report) -> None:
    body = word.element.body
    if not (word.core_properties.title or "").strip():
        report.add("docx-title", Severity.ERROR, body, "The document has no title in its properties.",
                   "In Word: File > Info > Properties > Title.")
    language = looks.defaults.find(qn("w:lang")) if looks.defaults is not None else None
    if language is None or not language.get(qn("w:val")):
        report.add("docx-language", Severity.ERROR, body,
                   "The document does not say which language it is written in, so a screen reader may "
                   "read it with the wrong voice.", "In Word: Review > Language > Set Proofing Language.")


def _check_headings(paragraphs: list, looks: Looks, report: _Report) -> None:
    previous = 0
    found = False
    for paragraph in paragraphs:
        level = looks.outline_level(paragraph)
        if level is None:
            continue
        found = True
        if level > previous + 1:
            after = f"follows a level {previous} heading" if previous else "is the first heading"
            report.add("docx-heading-order", Severity.WARNING, paragraph,
                       f"A level {level} heading {after}, so a level is skipped.",
                       f"Make it a Heading {previous + 1}.")
        previous = level
    if not found:
        report.add("docx-heading-styles", Severity.ERROR, paragraphs[0] if paragraphs else None,
                   "The document has no headings in Word's heading styles, so nobody can move by heading.",
                   "Give each heading the Heading 1, Heading 2 or Heading 3 style.")


def _check_pictures(body, report: _Report) -> None:
    for anchor in body.iter(f"{{{DRAWING}}}anchor"):
        report.add("docx-floating-object", Severity.WARNING, anchor,
                   "A picture or shape floats beside the text, so a screen reader may read it out of order.",
                   "In Word: Layout Options > In Line with Text.")
    for properties in body.iter(f"{{{DRAWING}}}docPr"):
        description = (properties.get("descr") or "").strip()
        if is_decorative(properties):
            continue
        if not description:
            report.add("docx-alt-text", Severity.ERROR, properties, "A picture has no alt text.",
                       "Describe what it shows, or mark it as decorative.")
        elif FILE_NAME.match(description):
            report.add("docx-alt-text", Severity.ERROR, properties,
                       f"A picture's alt text is a file name ('{description}').", "Describe what it shows.")


def is_layout_table(table) -> bool:
    """Whether a w:tbl is marked as a layout table: its Alt Text title is exactly LAYOUT_TABLE."""
    caption = table.find(f"{qn('w:tblPr')}/{qn('w:tblCaption')}")
    return caption is not None and caption.get(qn("w:val")) == LAYOUT_TABLE


def _check_tables(body, report: _Report) -> None:
    for table in body.iter(qn("w:tbl")):
        first_row = table.find(qn("w:tr"))
        header = first_row.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") if first_row is not None else None
        if header is None and not is_layout_table(table):
            report.add("docx-table-header", Severity.ERROR, table, "A table has no header row.",
                       "In Word: select the first row, Table Properties > Row > Repeat as header row.")
        for cell in table.iter(qn("w:tc")):
            span = cell.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
            merged = cell.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
            if merged is not None or (span is not None and int(span.get(qn("w:val"), "1")) > 1):
                report.add("docx-merged-cells", Severity.WARNING, cell,
                           "A table has merged cells, which screen readers announce in the wrong place.",
                           "Split the cells, or make the table simpler.")
                break


def _check_blank_paragraphs(body, report: _Report) -> None:
    """Empty paragraphs used for space: one finding for each run of them that text follows."""
    children = [c for c in body if c.tag in (qn("w:p"), qn("w:tbl"))]
    blank_start = None
    for child in children:
        blank = child.tag == qn("w:p") and _is_blank(child)
        if blank and blank_start is None:
            blank_start = child
        elif not blank and blank_start is not None:
            report.add("docx-blank-paragraphs", Severity.WARNING, blank_start,
                       "Empty paragraphs are used to make space; a screen reader reads each one as 'blank'.",
                       "Delete them and use the paragraph style's space before or after.")
            blank_start = None


def _is_blank(paragraph) -> bool:
    return not paragraph_text(paragraph).strip() and not any(
        True for tag in ("w:drawing", "w:pict", "w:fldChar", "w:br") for _ in paragraph.iter(qn(tag)))


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two six-digit hex colours."""
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _background(run) -> str:
    """The nearest shading behind a run (run, paragraph, cell), white when there is none."""
    element = run
    while element is not None:
        for properties in ("w:rPr", "w:pPr", "w:tcPr"):
            shading = element.find(f"{qn(properties)}/{qn('w:shd')}")
            if shading is not None and shading.get(qn("w:fill"), "auto") != "auto":
                return shading.get(qn("w:fill"))
        element = element.getparent()
    return "FFFFFF"


def _check_contrast(paragraphs: list, looks: Looks, report: _Report) -> None:
    for paragraph in paragraphs:
        for run in paragraph.iter(qn("w:r")):
            if not "".join(t.text or "" for t in run.iter(qn("w:t"))).strip():
                continue
            look = looks.run(paragraph, run)
            large = look.size >= 18 or (look.bold and look.size >= 14)
            needed = 3.0 if large else 4.5
            ratio = contrast_ratio(look.colour, _background(run))
            if ratio < needed:
                report.add("docx-contrast", Severity.WARNING, paragraph,
                           f"Text has a contrast of {ratio:.1f} to 1 with its background; it needs "
                           f"{needed:g} to 1.", "Make the text darker or the background lighter.")
                break
