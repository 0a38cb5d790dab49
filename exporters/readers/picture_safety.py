"""Refusing pictures that could harm a build or a reader: hostile SVGs, broken or enormous images.

Pictures come from many hands (downloaded SVGs, phone photos). Every output embeds them, so a
picture is checked once, when the leaflet is read, and refused with a clear message rather than
cleaned in secret: the author should know that the file they chose is not fit to publish.

The file is read once: the bytes checked here are the bytes every exporter embeds (they travel
in the model, on Picture.data), so a file replaced after its check never reaches an output.
"""

from __future__ import annotations

import base64
import binascii
import io
import re
from pathlib import Path
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as parse_xml_safely
from PIL import Image, UnidentifiedImageError

from ..errors import SourceError
from ..limits import PICTURE_MB, PICTURE_MEGAPIXELS

MAX_SVG_SIZE = 20_000  # declared width or height, in any unit
MAX_ASPECT = 20  # a drawing 20 times as tall as it is wide (or as wide as tall) is no leaflet picture
MAX_DRAWN_ELEMENTS = 50_000  # shapes an SVG draws once every <use> and url(#...) is followed
FORBIDDEN_SVG_ELEMENTS = {"script", "foreignObject", "iframe", "embed", "object", "audio", "video"}
SAFE_REFERENCE = re.compile(r"^(#|data:image/(png|jpeg|gif);)", re.IGNORECASE)
NUMBER = re.compile(r"^\s*([0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?)")
INNER_REFERENCE = re.compile(r"url\(\s*['\"]?#([^'\")\s]+)")
UNREADABLE_PICTURE = (
    binascii.Error,
    UnidentifiedImageError,
    OSError,
    ValueError,
    Image.DecompressionBombError,
)
SAVE_AGAIN = "Save the picture again from a drawing program, or use a Health Icons picture (icon:NAME)."


def check_picture_file(path: Path, source: Path, line: int) -> bytes:
    """The bytes of the picture at `path`, read once; SourceError when they are unsafe or unusable."""
    limit = PICTURE_MB.value()
    too_large = SourceError(
        source, line, f"The picture '{path.name}' is larger than {limit:g} MB, too large to publish.",
        "Make it smaller: a leaflet picture needs no more than about 2,000 pixels across.",
    )  # fmt: skip
    if path.stat().st_size > limit * 1024 * 1024:
        raise too_large
    data = path.read_bytes()
    if len(data) > limit * 1024 * 1024:  # it grew since
        raise too_large
    if path.suffix.lower() == ".svg":
        _check_svg(data, path.name, source, line)
    else:
        _check_bitmap(data, path.name, source, line)
    return data


def _check_svg(data: bytes, name: str, source: Path, line: int) -> None:
    def refuse(problem: str) -> SourceError:
        return SourceError(source, line, f"The picture '{name}' {problem}.", SAVE_AGAIN)

    try:
        root = parse_xml_safely(data, forbid_dtd=True)
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
    problem = _size_problem(root) or _drawn_elements_problem(root) or _embedded_pictures_problem(root)
    if problem:
        raise refuse(problem)


def _svg_element_problem(element: Element) -> str:
    name = _local_name(element.tag)
    if name in FORBIDDEN_SVG_ELEMENTS:
        return f"contains a <{name}> element, which is not allowed in a published leaflet"
    for attribute, value in element.attrib.items():
        local = _local_name(attribute)
        if local.lower().startswith("on"):
            return f"contains a script in its '{local}' attribute"
        if local == "href" and not SAFE_REFERENCE.match(value.strip()):
            return f"links to '{value[:80]}' outside itself, and outputs must not fetch anything"
    style = element.get("style", "") + (element.text or "" if name == "style" else "")
    if re.search(r"url\(\s*['\"]?(?!#)|@import", style):
        return "loads a file from outside itself in its style"
    return ""


def _size_problem(root: Element) -> str:
    """A declared size far too large, or a shape so thin that drawing it at print width needs
    a bitmap no graphics library can make."""
    sizes = {dimension: _number(root.get(dimension)) for dimension in ("width", "height")}
    for dimension, size in sizes.items():
        if size is not None and size > MAX_SVG_SIZE:
            return f"declares a {dimension} of {root.get(dimension)}, which is far too large"
    box = [_number(part) for part in re.split(r"[\s,]+", (root.get("viewBox") or "").strip())]
    width = sizes["width"] if sizes["width"] is not None else (box[2] if len(box) == 4 else None)
    height = sizes["height"] if sizes["height"] is not None else (box[3] if len(box) == 4 else None)
    if width is not None and height is not None:
        if width <= 0 or height <= 0:
            return "has no width or no height"
        if max(width / height, height / width) > MAX_ASPECT:
            return f"is {width:g} wide and {height:g} high, too thin a shape to print"
    return ""


def _drawn_elements_problem(root: Element) -> str:
    """An SVG of a few lines can draw itself millions of times: a group used ten times by a
    group used ten times, and so on (`<use>`, or patterns and markers through url(#...))."""
    by_id = {element.get("id"): element for element in root.iter() if element.get("id")}
    counted: dict[int, int] = {}
    in_progress: set[int] = set()

    def drawn(element: Element) -> int:
        key = id(element)
        if key in counted:
            return counted[key]
        if key in in_progress:
            raise _Cycle
        in_progress.add(key)
        total = 1 + sum(drawn(child) for child in element)
        for target in _references(element):
            if target in by_id:
                total += drawn(by_id[target])
            if total > MAX_DRAWN_ELEMENTS:
                break
        in_progress.discard(key)
        counted[key] = min(total, MAX_DRAWN_ELEMENTS + 1)
        return counted[key]

    try:
        total = drawn(root)
    except _Cycle:
        return "uses a part of itself inside that same part, so it never finishes drawing"
    except RecursionError:
        return "is nested too deeply to draw"
    if total > MAX_DRAWN_ELEMENTS:
        return f"draws more than {MAX_DRAWN_ELEMENTS:,} shapes once its repeated parts are counted"
    return ""


class _Cycle(Exception):
    pass


def _references(element: Element) -> list[str]:
    found = []
    for attribute, value in element.attrib.items():
        if _local_name(attribute) == "href" and value.startswith("#"):
            found.append(value[1:])
        found.extend(INNER_REFERENCE.findall(value))
    return found


def _embedded_pictures_problem(root: Element) -> str:
    """A photo inside the SVG (data:image/...) is held to the same limit as a photo file."""
    pixels = 0
    for element in root.iter():
        for attribute, value in element.attrib.items():
            if _local_name(attribute) != "href" or not value.strip().lower().startswith("data:image/"):
                continue
            header, _, payload = value.partition(",")
            try:
                data = base64.b64decode(payload, validate=False) if ";base64" in header.lower() else b""
                with Image.open(io.BytesIO(data)) as image:
                    pixels += image.size[0] * image.size[1]
            except Image.DecompressionBombError:  # Pillow's own alarm: far more pixels than ours
                pixels += 2 * Image.MAX_IMAGE_PIXELS
            except UNREADABLE_PICTURE:
                return "holds a picture inside it that is damaged or not a PNG, JPEG or GIF"
    if pixels > PICTURE_MEGAPIXELS.value() * 1_000_000:
        return f"holds pictures inside it of {pixels / 1_000_000:.0f} megapixels, far more than print needs"
    return ""


def _check_bitmap(data: bytes, name: str, source: Path, line: int) -> None:
    limit = PICTURE_MEGAPIXELS.value()
    too_large = SourceError(
        source, line, f"The picture '{name}' has too many pixels to publish (over {limit:g} megapixels).",
        "Resize it to about 2,000 pixels across, which is plenty for print.",
    )  # fmt: skip
    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
            if width * height > limit * 1_000_000:
                raise too_large
            image.verify()
    except Image.DecompressionBombError:
        raise too_large from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise SourceError(
            source, line, f"The picture '{name}' is damaged or is not a real PNG or JPEG file.",
            "Open it in a picture viewer and save it again as PNG or JPEG.",
        ) from None  # fmt: skip


def _local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _number(text: str | None) -> float | None:
    found = NUMBER.match(text or "")
    try:
        return float(found.group(1)) if found else None
    except OverflowError:
        return float("inf")
