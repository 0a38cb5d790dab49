"""Making a Word document plain for mammoth: the pass over its XML before the conversion.

mammoth reads what a paragraph's style is called, its numbering level and its pictures' alt
text. What it cannot see is put where it can: each paragraph whose role shows only in its
formatting gets one of our own role styles ("leaflet heading 2", "leaflet boxed"), every list
item gets explicit numbering at its real level, text boxes are moved out of their drawings,
and each picture is tagged so that its description, decorative mark and SVG original are
known again when mammoth hands the picture over.
"""

from __future__ import annotations

import copy
import io
import re
from dataclasses import dataclass, field

from docx.document import Document as WordDocument
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from .notes import Notes, Sure, counted, quoted
from .styles import Numbered, StyleSheet, set_style, style_of

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
VML = "{urn:schemas-microsoft-com:vml}"
OFFICE = "{urn:schemas-microsoft-com:office:office}"
RELATIONSHIPS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
SVG_BLIP = "{http://schemas.microsoft.com/office/drawing/2016/SVG/main}svgBlip"
DECORATIVE = "{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative"
TEXT_BOX = qn("w:txbxContent")
DRAWING_KINDS = {
    "chart": "chart",
    "diagram": "SmartArt diagram",
    "wordprocessingShape": "drawn shape",
    "wordprocessingGroup": "group of drawn shapes",
    "wordprocessingCanvas": "drawing canvas",
}
TYPED_BULLET = re.compile(
    r"^\s*([\u2022\u25cf\u25aa\u25a0\u25e6\u2023\u2043\u00b7\uf0b7\uf0a7\u2013\u2014*o-])(\t|\s+)"
)
TYPED_NUMBER = re.compile(r"^\s*\(?(\d{1,2}|[a-z])[.)](\t|\s+)")
TABLE_OF_CONTENTS = re.compile(r"^(toc \d|toc heading|table of figures)$", re.IGNORECASE)
BOX_LABEL = re.compile(r"^\s*important\s*:?\s*$", re.IGNORECASE)
PICTURE_TOKEN = "leaflet-picture-{}"
BULLETS_ID, NUMBERS_ID = "9001", "9002"  # our own numbering instances, far from Word's own ids
LEVELS = 9


@dataclass(frozen=True, slots=True)
class PictureInfo:
    """What Word knows of a picture and mammoth does not pass on."""

    description: str
    decorative: bool
    svg: bytes | None
    floating: bool


@dataclass
class Prepared:
    """The document for mammoth, and what the pass learnt on the way."""

    data: bytes
    pictures: dict[str, PictureInfo] = field(default_factory=dict)
    typed_lists: int = 0


def prepare(word: WordDocument, notes: Notes) -> Prepared:
    """Rewrite the document in place for mammoth and return it saved, with what it learnt."""
    sheet = StyleSheet(word)
    body = word.element.body
    _drop_tables_of_contents(body, sheet, notes)
    _move_text_boxes(body, notes)
    pictures = _tag_pictures(word, body, notes)
    _mark_headings(body, sheet)
    typed = _number_lists(body, sheet)
    _mark_boxes(body, sheet)
    _keep_only_used_styles(body, sheet)
    buffer = io.BytesIO()
    word.save(buffer)
    return Prepared(buffer.getvalue(), pictures, typed)


# Tables of contents and text boxes -----------------------------------------------------------


def _drop_tables_of_contents(body, sheet: StyleSheet, notes: Notes) -> None:
    """Every output makes its own navigation; a typed table of contents would only repeat it."""
    dropped = [p for p in body.iter(qn("w:p")) if TABLE_OF_CONTENTS.match(sheet.name(style_of(p)))]
    for paragraph in dropped:
        paragraph.getparent().remove(paragraph)
    if dropped:
        notes.lose("The table of contents was left out: every output makes its own.")


def _move_text_boxes(body, notes: Notes) -> None:
    """Put the text of each text box after the paragraph it is anchored in, and drop the box."""
    for anchor in [p for p in body.iter(qn("w:p")) if _outermost(p)]:
        for holder in _drawings(anchor):
            contents = _text_box_contents(holder)
            moved = [
                copy.deepcopy(child)
                for child in contents
                for child in child
                if child.tag in (qn("w:p"), qn("w:tbl"))
            ]
            if not contents:
                kind = _drawing_kind(holder)
                if kind:
                    notes.lose(f"A {kind} was left out: describe what it shows in the text.")
                continue
            holder.getparent().remove(holder)
            place = anchor
            for element in moved:
                place.addnext(element)
                place = element
            words = " ".join("".join(t.text or "" for t in e.iter(qn("w:t"))) for e in moved)
            notes.guess(
                f"The text box {quoted(words)} was put after the paragraph it stood beside.", Sure.FAIRLY
            )


def _outermost(paragraph) -> bool:
    return not any(ancestor.tag == TEXT_BOX for ancestor in paragraph.iterancestors())


def _drawings(paragraph) -> list:
    """The drawing holders of a paragraph's runs: mc:AlternateContent, w:drawing or w:pict."""
    found = []
    for run in paragraph.iter(qn("w:r")):
        for child in run:
            if child.tag in (f"{MC}AlternateContent", qn("w:drawing"), qn("w:pict")):
                found.append(child)
    return found


def _text_box_contents(holder) -> list:
    """The text box contents of one holder, once (Word keeps a copy for older readers)."""
    boxes = [box for box in holder.iter(TEXT_BOX) if any(True for _ in box.iter(qn("w:t")))]
    if holder.tag == f"{MC}AlternateContent" and boxes:
        choice = holder.find(f"{MC}Choice")
        chosen = [box for box in boxes if choice is not None and box in set(choice.iter(TEXT_BOX))]
        return chosen or boxes[:1]
    return boxes


def _drawing_kind(holder) -> str:
    for data in holder.iter(qn("a:graphicData")):
        uri = data.get("uri", "")
        for key, kind in DRAWING_KINDS.items():
            if uri.endswith("/" + key):
                return kind
    return ""


# Pictures ---------------------------------------------------------------------------------------


def _tag_pictures(word: WordDocument, body, notes: Notes) -> dict[str, PictureInfo]:
    """Give each picture a token as its alt text, and keep what Word knows of it under that token."""
    pictures: dict[str, PictureInfo] = {}
    floating = 0
    for drawing in [
        d for d in body.iter(qn("wp:inline"), qn("wp:anchor")) if d.find(f".//{qn('pic:pic')}") is not None
    ]:
        properties = drawing.find(qn("wp:docPr"))
        if properties is None:
            continue
        token = PICTURE_TOKEN.format(len(pictures) + 1)
        description = (properties.get("descr") or properties.get("title") or "").strip()
        decorative = any(mark.get("val") in ("1", "true") for mark in properties.iter(DECORATIVE))
        floating += drawing.tag == qn("wp:anchor")
        pictures[token] = PictureInfo(
            description, decorative, _svg_original(word, drawing), drawing.tag == qn("wp:anchor")
        )
        properties.set("descr", token)
        properties.attrib.pop("title", None)
    for image in body.iter(f"{VML}imagedata"):
        token = PICTURE_TOKEN.format(len(pictures) + 1)
        pictures[token] = PictureInfo((image.get(f"{OFFICE}title") or "").strip(), False, None, True)
        image.set(f"{OFFICE}title", token)
    if floating:
        notes.guess(
            f"{counted(floating, 'floating picture')} put where {'it was' if floating == 1 else 'they were'} "
            "anchored in the text.",
            Sure.FAIRLY,
        )
    return pictures


def _svg_original(word: WordDocument, drawing) -> bytes | None:
    """The SVG that Word 2016 and our own exporter keep beside a picture's bitmap."""
    for blip in drawing.iter(SVG_BLIP):
        relationship = blip.get(f"{RELATIONSHIPS}embed")
        part = word.part.related_parts.get(relationship) if relationship else None
        if part is not None:
            return part.blob
    return None


# Headings, lists and boxes ---------------------------------------------------------------------


def _mark_headings(body, sheet: StyleSheet) -> None:
    """A paragraph with an outline level is a heading, whatever its style is called."""
    for paragraph in body.iter(qn("w:p")):
        name = sheet.name(style_of(paragraph)).lower()
        if name in ("title", "subtitle"):
            continue
        level = sheet.outline_level(paragraph)
        if level is not None:
            set_style(paragraph, sheet.add_paragraph_style(f"leaflet heading {min(level + 1, 6)}"))


def _number_lists(body, sheet: StyleSheet) -> int:
    """Give every list item explicit numbering at its real level; return how many typed lists were found."""
    _add_numbering(sheet)
    typed = 0
    for container in [body, *body.iter(qn("w:tc"), qn("w:sdtContent"))]:
        run: list[tuple[object, Numbered]] = []
        for child in [*container, None]:
            item = _list_item(child, sheet) if child is not None and child.tag == qn("w:p") else None
            if item is not None:
                run.append((child, item))
                continue
            if run:
                typed += _write_run(run)
                run = []
            if child is not None and child.tag == qn("w:p"):
                _mark_continuation(child, sheet)
    return typed


def _list_item(paragraph, sheet: StyleSheet) -> Numbered | None:
    if sheet.name(style_of(paragraph)).lower().startswith(("leaflet heading", "title", "subtitle")):
        return None
    numbered = sheet.numbered(paragraph)
    if numbered is not None:
        return numbered
    text = _text(paragraph)
    indent = _own_indent(paragraph)
    if TYPED_BULLET.match(text):
        return Numbered(-1, False, indent)
    if TYPED_NUMBER.match(text):
        return Numbered(-1, True, indent)
    return None


def _write_run(run: list[tuple[object, Numbered]]) -> int:
    """Write the numbering of a run of list paragraphs; typed marks are taken off the text."""
    typed_numbers = [item for item in run if item[1].level < 0 and item[1].ordered]
    if len(typed_numbers) == 1:  # one paragraph that starts "1." is a sentence, not a list
        run = [item for item in run if item is not typed_numbers[0]]
    typed = [item for item in run if item[1].level < 0]
    indents = sorted({numbered.indent for _, numbered in run})
    all_flat = all(numbered.level <= 0 for _, numbered in run)
    for paragraph, numbered in run:
        level = indents.index(numbered.indent) if all_flat else max(numbered.level, 0)
        if numbered.level < 0:
            _strip_typed_mark(paragraph)
        _set_numbering(paragraph, min(level, LEVELS - 1), numbered.ordered)
    return 1 if typed else 0


def _mark_continuation(paragraph, sheet: StyleSheet) -> None:
    """ "List Continue 2" is text under an item of the second level: say so with our own style."""
    name = sheet.name(style_of(paragraph))
    match = re.match(r"^list continue\s*(\d)?$", name, re.IGNORECASE)
    if match:
        depth = int(match.group(1) or 1)
        set_style(paragraph, sheet.add_paragraph_style(f"leaflet list continue {depth}"))


def _mark_boxes(body, sheet: StyleSheet) -> None:
    """Paragraphs with a border on both sides are a box; one that says only "Important" is its label."""
    for paragraph in body.iter(qn("w:p")):
        if sheet.is_boxed(paragraph):
            role = "leaflet box label" if BOX_LABEL.match(_text(paragraph)) else "leaflet boxed"
            set_style(paragraph, sheet.add_paragraph_style(role))


def _keep_only_used_styles(body, sheet: StyleSheet) -> None:
    """mammoth needs only the names of the styles the text uses; Word's templates define hundreds more,
    which take it far longer to parse than the leaflet itself."""
    used = {
        element.get(qn("w:val")) for element in body.iter(qn("w:pStyle"), qn("w:rStyle"), qn("w:tblStyle"))
    }
    for style in sheet.element.findall(qn("w:style")):
        if style.get(qn("w:styleId")) not in used and style.get(qn("w:type")) != "numbering":
            sheet.element.remove(style)
    for latent in sheet.element.findall(qn("w:latentStyles")):
        sheet.element.remove(latent)


def _add_numbering(sheet: StyleSheet) -> None:
    """Two numbering definitions of our own, every level bullets or every level numbers."""
    for abstract_id, number_id, number_format in (
        ("9001", BULLETS_ID, "bullet"),
        ("9002", NUMBERS_ID, "decimal"),
    ):
        levels = "".join(
            f'<w:lvl w:ilvl="{level}"><w:numFmt w:val="{number_format}"/></w:lvl>' for level in range(LEVELS)
        )
        sheet.numbering.insert(
            0,
            parse_xml(
                f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">{levels}</w:abstractNum>'
            ),
        )
        sheet.numbering.append(
            parse_xml(
                f'<w:num {nsdecls("w")} w:numId="{number_id}">'
                f'<w:abstractNumId w:val="{abstract_id}"/></w:num>'
            )
        )


def _set_numbering(paragraph, level: int, ordered: bool) -> None:
    properties = paragraph.find(qn("w:pPr"))
    if properties is None:
        properties = parse_xml(f"<w:pPr {nsdecls('w')}/>")
        paragraph.insert(0, properties)
    for old in properties.findall(qn("w:numPr")):
        properties.remove(old)
    numbering = parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
        f'<w:numId w:val="{NUMBERS_ID if ordered else BULLETS_ID}"/></w:numPr>'
    )
    style = properties.find(qn("w:pStyle"))
    if style is not None:
        style.addnext(numbering)
    else:
        properties.insert(0, numbering)


def _strip_typed_mark(paragraph) -> None:
    """Take "• " or "1. " off the start of the paragraph's text, across runs and tabs."""
    text = _text(paragraph)
    match = TYPED_BULLET.match(text) or TYPED_NUMBER.match(text)
    remaining = match.end() if match else 0
    for element in _text_elements(paragraph):
        if remaining <= 0:
            break
        if element.tag == qn("w:tab"):
            element.getparent().remove(element)
            remaining -= 1
            continue
        piece = element.text or ""
        element.text, remaining = piece[remaining:], remaining - len(piece)


def _text(paragraph) -> str:
    return "".join("\t" if e.tag == qn("w:tab") else e.text or "" for e in _text_elements(paragraph))


def _text_elements(paragraph) -> list:
    """The text and tab characters of a paragraph's runs (not the tab stops of its properties)."""
    return [
        element
        for run in paragraph.iter(qn("w:r"))
        for element in run
        if element.tag in (qn("w:t"), qn("w:tab"))
    ]


def _own_indent(paragraph) -> int:
    indent = paragraph.find(f"{qn('w:pPr')}/{qn('w:ind')}")
    value = indent.get(qn("w:left")) or indent.get(qn("w:start")) if indent is not None else None
    return int(value) if value and value.lstrip("-").isdigit() else 0
