"""Refusing pictures that could harm a build or a reader: hostile SVGs, broken or enormous images.

Pictures come from many hands (downloaded SVGs, phone photos). Every output embeds them, so a
picture is checked once, when the leaflet is read, and refused with a clear message rather than
cleaned in secret: the author should know that the file they chose is not fit to publish.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as parse_xml_safely
from PIL import Image, UnidentifiedImageError

from ..errors import SourceError

MAX_PICTURE_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 40_000_000  # a 40-megapixel photo; larger ones are far beyond print resolution
MAX_SVG_SIZE = 20_000  # declared width or height, in any unit
FORBIDDEN_SVG_ELEMENTS = {"script", "foreignObject", "iframe", "embed", "object", "audio", "video"}
SAFE_REFERENCE = re.compile(r"^(#|data:image/(png|jpeg|gif);)", re.IGNORECASE)
SAVE_AGAIN = "Save the picture again from a drawing program, or use a Health Icons picture (icon:NAME)."


def check_picture_file(path: Path, source: Path, line: int) -> None:
    """Raise SourceError when the picture at `path` is unsafe or unusable."""
    size = path.stat().st_size
    if size > MAX_PICTURE_BYTES:
        raise SourceError(
            source, line, f"The picture '{path.name}' is {size // (1024 * 1024)} MB, too large to publish.",
            "Make it smaller than 20 MB: a leaflet picture needs no more than about 2,000 pixels across.",
        )  # fmt: skip
    if path.suffix.lower() == ".svg":
        _check_svg(path, source, line)
    else:
        _check_bitmap(path, source, line)


def _check_svg(path: Path, source: Path, line: int) -> None:
    def refuse(problem: str) -> SourceError:
        return SourceError(source, line, f"The picture '{path.name}' {problem}.", SAVE_AGAIN)

    try:
        root = parse_xml_safely(path.read_bytes(), forbid_dtd=True)
    except DefusedXmlException:
        raise refuse("declares entities or a document type, which can be used to attack a computer") from None
    except SyntaxError:
        raise refuse("is not a readable SVG file") from None
    if _local_name(root.tag) != "svg":
        raise refuse("is not an SVG drawing")
    for element in root.iter():
        problem = _svg_element_problem(element)
        if problem:
            raise refuse(problem)
    for dimension in ("width", "height"):
        number = re.match(r"^\s*([0-9.]+)", root.get(dimension, "") or "")
        if number and _as_float(number.group(1)) > MAX_SVG_SIZE:
            raise refuse(f"declares a {dimension} of {root.get(dimension)}, which is far too large")


def _svg_element_problem(element: Element) -> str:
    name = _local_name(element.tag)
    if name in FORBIDDEN_SVG_ELEMENTS:
        return f"contains a <{name}> element, which is not allowed in a published leaflet"
    for attribute, value in element.attrib.items():
        local = _local_name(attribute)
        if local.lower().startswith("on"):
            return f"contains a script in its '{local}' attribute"
        if local == "href" and not SAFE_REFERENCE.match(value.strip()):
            return f"links to '{value}' outside itself, and outputs must not fetch anything"
    style = element.get("style", "") + (element.text or "" if name == "style" else "")
    if re.search(r"url\(\s*['\"]?(?!#)|@import", style):
        return "loads a file from outside itself in its style"
    return ""


def _check_bitmap(path: Path, source: Path, line: int) -> None:
    too_large = SourceError(
        source, line, f"The picture '{path.name}' has too many pixels to publish.",
        "Resize it to about 2,000 pixels across, which is plenty for print.",
    )  # fmt: skip
    try:
        with Image.open(path) as image:
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise too_large
            image.verify()
    except Image.DecompressionBombError:
        raise too_large from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise SourceError(
            source, line, f"The picture '{path.name}' is damaged or is not a real PNG or JPEG file.",
            "Open it in a picture viewer and save it again as PNG or JPEG.",
        ) from None  # fmt: skip


def _local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _as_float(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return 0.0
