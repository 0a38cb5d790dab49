"""Pictures in the Word edition: always inline, described in the drawing's `descr`.

python-docx cannot insert SVG, and Word before 2016 (and LibreOffice's import of a bare SVG
blip) needs a bitmap. So an SVG is drawn to PNG with CairoSVG for the picture itself, and
the SVG is kept beside it as Word 2016's `asvg:svgBlip` extension, which newer Word shows
sharp at any size.
"""

from __future__ import annotations

import io
from pathlib import Path

import cairosvg
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.shared import Cm

from ...model import Picture
from ..templates import picture_bytes

SVG_BLIP_EXTENSION = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
SVG_NAMESPACE = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
DECORATIVE_EXTENSION = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
DECORATIVE_NAMESPACE = "http://schemas.microsoft.com/office/drawing/2017/decorative"
DRAWING_NAMESPACE = "http://schemas.openxmlformats.org/drawingml/2006/main"
RELATIONSHIP_NAMESPACE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
BITMAP_DPI = 300


class PictureWriter:
    """Adds pictures to one document; an SVG used twice is stored once.

    Health Icons are drawn at `icon_width_cm`; the leaflet's own pictures, which may have words
    in them, at the wider `figure_width_cm`; neither wider than the text (on A5, say).
    """

    def __init__(self, icon_width_cm: float, figure_width_cm: float, text_width_cm: float) -> None:
        self._icon_width_cm = min(icon_width_cm, text_width_cm)
        self._figure_width_cm = min(figure_width_cm, text_width_cm)
        self._svg_parts: dict[Path, Part] = {}

    def add(self, paragraph, picture: Picture) -> None:
        run = paragraph.add_run()
        width = self._icon_width_cm if picture.icon else self._figure_width_cm
        data = picture_bytes(picture)
        if picture.path.suffix.lower() == ".svg":
            shape = run.add_picture(io.BytesIO(_bitmap(data, width)), width=Cm(width))
            self._attach_svg(paragraph.part, shape, picture.path, data)
        else:
            shape = run.add_picture(io.BytesIO(data), width=Cm(width))
        _describe(shape, picture)

    def _attach_svg(self, document_part, shape, path: Path, data: bytes) -> None:
        part = self._svg_parts.get(path)
        if part is None:
            package = document_part.package
            name = package.next_partname("/word/media/image%d.svg")
            part = Part(PackURI(name), "image/svg+xml", data, package)
            self._svg_parts[path] = part
        relationship = document_part.relate_to(part, RELATIONSHIP_TYPE.IMAGE)
        blip = shape._inline.graphic.graphicData.pic.blipFill.blip
        blip.append(parse_xml(
            f'<a:extLst xmlns:a="{DRAWING_NAMESPACE}"><a:ext uri="{SVG_BLIP_EXTENSION}">'
            f'<asvg:svgBlip xmlns:asvg="{SVG_NAMESPACE}" xmlns:r="{RELATIONSHIP_NAMESPACE}" '
            f'r:embed="{relationship}"/></a:ext></a:extLst>'
        ))


def _bitmap(svg: bytes, width_cm: float) -> bytes:
    pixels = round(width_cm / 2.54 * BITMAP_DPI)
    return cairosvg.svg2png(bytestring=svg, output_width=pixels, unsafe=False)


def _describe(shape, picture: Picture) -> None:
    """Alt text in `descr` only: Word and LibreOffice put a `title` in front of it when read aloud.

    A decorative picture gets an empty description and Word's "mark as decorative" flag.
    """
    properties = shape._inline.docPr
    properties.attrib.pop("title", None)
    properties.set("descr", "" if picture.decorative else picture.alt)
    picture_properties = shape._inline.graphic.graphicData.pic.nvPicPr.cNvPr
    picture_properties.set("name", properties.get("name"))
    if picture.decorative:
        properties.append(parse_xml(
            f'<a:extLst xmlns:a="{DRAWING_NAMESPACE}"><a:ext uri="{DECORATIVE_EXTENSION}">'
            f'<adec:decorative xmlns:adec="{DECORATIVE_NAMESPACE}" val="1"/></a:ext></a:extLst>'
        ))


def is_decorative(doc_properties) -> bool:
    """Whether a drawing's docPr carries Word's "mark as decorative" flag."""
    return any(
        element.get("val") in ("1", "true")
        for element in doc_properties.iter(f"{{{DECORATIVE_NAMESPACE}}}decorative")
    )

