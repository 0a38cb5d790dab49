"""Word styles from the style data in layouts/docx/: fonts, sizes, spacing, language and page.

python-docx's default template carries Word 2010 defaults (Calibri theme fonts, blue headings,
italic quotes, US Letter, en-US). Every style the exporter uses is rewritten here in full from
the layout file, so no template setting can leak into a leaflet.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

import yaml
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.styles import BabelFish
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from ...variants import LayoutSettings

# Paper sizes in centimetres (ISO 216 and US Letter): facts, not presentation.
PAPER_CM = {"a4": (21.0, 29.7), "a5": (14.8, 21.0), "letter": (21.59, 27.94)}
THEME_ATTRIBUTES = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")
COLOUR_THEME_ATTRIBUTES = ("themeColor", "themeShade", "themeTint")
LINE = 240  # a single line in Word's "auto" line spacing unit


@dataclass(frozen=True, slots=True)
class StyleData:
    """The style data of one variant and the words the edition adds, with the build's body size."""

    values: dict[str, Any]
    labels: dict[str, str]
    body_size: float

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    def half_points(self, ratio: float) -> int:
        return round(2 * self.body_size * ratio)

    def twips(self, ratio: float) -> int:
        """A length given in multiples of the body size, in twentieths of a point."""
        return round(20 * self.body_size * ratio)


def load_style_data(settings: LayoutSettings) -> StyleData:
    """The variant's style data; its own `labels`, if it has any, add to or replace the shared words."""
    folder = settings.layouts / "docx"
    values = yaml.safe_load((folder / f"{settings.variant.name}.yaml").read_text(encoding="utf-8"))
    labels = yaml.safe_load((folder / "labels.yaml").read_text(encoding="utf-8"))
    labels.update(values.get("labels", {}))
    return StyleData(values, labels, settings.font_size)


class StyleIds:
    """Gives paragraphs, runs and tables a style by name, with the ids looked up once per document.

    python-docx looks the name up and searches every style for the default one each time it
    sets a style (about 9 ms); a leaflet sets thousands. Make this after the styles are added.
    As in python-docx, the default style of a kind is set as no style at all.
    """

    def __init__(self, document: WordDocument) -> None:
        styles = document.styles
        kinds = (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER, WD_STYLE_TYPE.TABLE)
        defaults = [styles.default(kind) for kind in kinds]
        self._ids: dict[tuple[str, WD_STYLE_TYPE], str | None] = {}
        for style in styles:  # the first of a name wins, as in python-docx
            key = (style.element.name_val, style.type)
            self._ids.setdefault(key, None if style in defaults else style.style_id)

    def _id(self, name: str, kind: WD_STYLE_TYPE) -> str | None:
        return self._ids[BabelFish.ui2internal(name), kind]

    def paragraph(self, paragraph: Paragraph, name: str) -> None:
        paragraph._p.get_or_add_pPr().style = self._id(name, WD_STYLE_TYPE.PARAGRAPH)

    def run(self, run: Run, name: str) -> None:
        run._r.get_or_add_rPr().style = self._id(name, WD_STYLE_TYPE.CHARACTER)

    def table(self, table: Table, name: str) -> None:
        table._tbl.tblStyle_val = self._id(name, WD_STYLE_TYPE.TABLE)


def w_element(tag: str, **attributes: str | int) -> Any:
    """A w: element with w: attributes, for the parts of WordprocessingML python-docx has no API for."""
    element = OxmlElement(f"w:{tag}")
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), str(value))
    return element


def apply_styles(document: WordDocument, data: StyleData, language: str,
                 list_numbering: dict[str, tuple[int, int]]) -> None:
    """Restyle the template: defaults, every paragraph and character style, and the language.

    `list_numbering` maps a list style to its (numbering id, level), so that a list typed in
    Word with the List Bullet style gets the same bullets as the exported ones.
    """
    _strip_theme_attributes(document)
    _set_defaults(document, data, language)
    for name, spec in data["styles"].items():
        style = _paragraph_style(document, name)
        _replace_properties(style.element, _paragraph_properties(name, spec, data, list_numbering.get(name)),
                            _run_properties(spec, data))
    for name, spec in data["character_styles"].items():
        style = _character_style(document, name)
        _replace_properties(style.element, None, _run_properties(spec, data))
    _set_settings_language(document, language)


def _strip_theme_attributes(document: WordDocument) -> None:
    """Theme fonts and colours override the named ones in Word: remove them from every style."""
    for element in document.styles.element.iter(qn("w:rFonts"), qn("w:color"), qn("w:shd")):
        for name in THEME_ATTRIBUTES + COLOUR_THEME_ATTRIBUTES:
            element.attrib.pop(qn(f"w:{name}"), None)


def _set_defaults(document: WordDocument, data: StyleData, language: str) -> None:
    defaults = document.styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault"))
    run_defaults.clear()
    run_properties = _run_properties({"size": 1.0}, data)
    run_properties.append(w_element("lang", val=language, eastAsia=language, bidi=language))
    run_defaults.append(run_properties)
    paragraph_defaults = defaults.find(qn("w:pPrDefault"))
    paragraph_defaults.clear()
    paragraph_defaults.append(_paragraph_properties("Normal", {"space_after": 0}, data, None))


def _set_settings_language(document: WordDocument, language: str) -> None:
    settings = document.settings.element
    theme_language = settings.find(qn("w:themeFontLang"))
    if theme_language is None:
        theme_language = w_element("themeFontLang")
        settings.append(theme_language)
    theme_language.attrib.clear()
    theme_language.set(qn("w:val"), language)


def _paragraph_style(document: WordDocument, name: str):
    try:
        return document.styles[name]
    except KeyError:
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles["Normal"]
        style.quick_style = True
        return style


def _character_style(document: WordDocument, name: str):
    try:
        return document.styles[name]
    except KeyError:
        return document.styles.add_style(name, WD_STYLE_TYPE.CHARACTER)


def _replace_properties(style_element, paragraph_properties, run_properties) -> None:
    """Put new pPr and rPr on a style, and the same rPr on its linked character style."""
    for tag in ("w:pPr", "w:rPr"):
        for old in style_element.findall(qn(tag)):
            style_element.remove(old)
    if paragraph_properties is not None:
        style_element.append(paragraph_properties)
    style_element.append(run_properties)
    link = style_element.find(qn("w:link"))
    if link is not None:
        linked = _style_by_id(style_element.getparent(), link.get(qn("w:val")))
        if linked is not None:
            for old in linked.findall(qn("w:rPr")):
                linked.remove(old)
            linked.append(copy.deepcopy(run_properties))


def _style_by_id(styles_element, style_id: str):
    for style in styles_element.findall(qn("w:style")):
        if style.get(qn("w:styleId")) == style_id:
            return style
    return None


def _paragraph_properties(name: str, spec: dict[str, Any], data: StyleData,
                          numbering: tuple[int, int] | None):
    """pPr children in the order the schema asks for (Word refuses a file otherwise)."""
    properties = w_element("pPr")
    if spec.get("keep_with_next"):
        properties.append(w_element("keepNext"))
        properties.append(w_element("keepLines"))
    if numbering is not None:
        number = w_element("numPr")
        number.append(w_element("ilvl", val=numbering[1]))
        number.append(w_element("numId", val=numbering[0]))
        properties.append(number)
    if spec.get("boxed"):
        properties.append(_border(data, data["important_border_pt"], ("top", "left", "bottom", "right")))
    elif spec.get("rule_left"):
        properties.append(_border(data, data["rule_border_pt"], ("left",)))
    properties.append(w_element("suppressAutoHyphens"))  # no words split across lines
    properties.append(w_element(
        "spacing", before=data.twips(spec.get("space_before", 0)),
        after=data.twips(spec.get("space_after", 0)),
        line=round(LINE * spec.get("line_spacing", data["line_spacing"])), lineRule="auto",
    ))
    if spec.get("indent"):
        properties.append(w_element("ind", left=data.twips(data["list_indent"] * spec["indent"])))
    properties.append(w_element("jc", val="left"))
    if name.startswith("Heading "):
        properties.append(w_element("outlineLvl", val=int(name.split()[-1]) - 1))
    return properties


def _border(data: StyleData, width_pt: float, sides: tuple[str, ...]):
    """A paragraph border (a box round an important point, a rule beside an explanation).

    It is the same on every paragraph of the style, so Word draws one box round them all.
    """
    border = w_element("pBdr")
    eighths = round(8 * width_pt)
    for side in sides:
        border.append(w_element(side, val="single", sz=eighths, space=8, color=data["border_colour"]))
    return border


def _run_properties(spec: dict[str, Any], data: StyleData):
    """rPr children in schema order; italics are switched off everywhere (clear print)."""
    properties = w_element("rPr")
    if "size" in spec:
        font = data["font"]
        properties.append(w_element("rFonts", ascii=font, hAnsi=font, eastAsia=font, cs=font))
    if "bold" in spec:
        properties.append(w_element("b", val=int(bool(spec["bold"]))))
        properties.append(w_element("bCs", val=int(bool(spec["bold"]))))
    properties.append(w_element("i", val=0))
    properties.append(w_element("iCs", val=0))
    colour = spec.get("colour")
    if colour is not None or "size" in spec:
        value = data["link_colour"] if colour == "link" else data["text_colour"]
        properties.append(w_element("color", val=value))
    if "size" in spec:
        properties.append(w_element("sz", val=data.half_points(spec["size"])))
        properties.append(w_element("szCs", val=data.half_points(spec["size"])))
    if "underline" in spec:
        properties.append(w_element("u", val=spec["underline"]))
    return properties


def set_page(document: WordDocument, paper: str, data: StyleData) -> None:
    """The paper the user chose (A4 unless told otherwise), portrait, with the variant's margins."""
    width, height = PAPER_CM[paper]
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(width), Cm(height)
    margin = Cm(data["margins_cm"])
    section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = margin
    section.header_distance = section.footer_distance = Cm(data["footer_distance_cm"])
