"""The pictures of a Word file as files of the leaflet: pictures/<slug>-<n>.<ext>, with their text.

The SVG original is kept where Word has one (it stays sharp in large print), unless it is not
safe to publish; bitmaps other than PNG and JPEG become PNG. Word's own vector formats (EMF,
WMF) cannot be shown by the outputs and are reported.
"""

from __future__ import annotations

import hashlib
import io
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from PIL import Image as PillowImage
from PIL import UnidentifiedImageError

from ...errors import SourceError
from ...model import Block, Important, ListBlock, Picture, Quote
from ..picture_safety import check_picture_file
from .convert import Image
from .notes import Notes, quoted
from .prepare import PictureInfo

KEPT_AS_THEY_ARE = {"image/png": ".png", "image/jpeg": ".jpg"}
PICTURES_FOLDER = "pictures"


@dataclass(frozen=True, slots=True)
class PictureFile:
    """A picture to write beside the leaflet."""

    path: Path
    data: bytes


class PicturePlacer:
    """Names each picture's file and gives it its description, in reading order."""

    def __init__(
        self, infos: dict[str, PictureInfo], images: dict[str, Image], folder: Path, slug: str, notes: Notes
    ) -> None:
        self.infos, self.images, self.notes = infos, images, notes
        self.folder = folder / PICTURES_FOLDER
        self.slug = slug
        self.files: dict[str, PictureFile] = {}  # digest of the bytes -> the file

    def blocks(self, blocks: list[Block]) -> list[Block]:
        placed: list[Block] = []
        for block in blocks:
            if isinstance(block, Picture):
                picture = self.picture(block)
                placed.extend([picture] if picture else [])
            elif isinstance(block, ListBlock):
                items = tuple(
                    replace(item, blocks=tuple(self.blocks(list(item.blocks)))) for item in block.items
                )
                placed.append(replace(block, items=items))
            elif isinstance(block, Quote | Important):
                placed.append(replace(block, blocks=tuple(self.blocks(list(block.blocks)))))
            else:
                placed.append(block)
        return placed

    def picture(self, picture: Picture) -> Picture | None:
        token = str(picture.path)
        info = self.infos.get(token, PictureInfo("", False, None, False))
        image = self.images.get(token)
        content = self._content(image, info)
        if content is None:
            what = f" ({quoted(info.description)})" if info.description else ""
            self.notes.lose(
                f"A picture{what} in a format the outputs cannot show "
                f"({image.content_type if image else 'unknown'}) was left out: "
                "save it as PNG or SVG and add it again."
            )
            return None
        path = self._file(*content)
        if info.decorative:
            return Picture("", path, picture.line, decorative=True)
        if not info.description:
            self.notes.lose(
                f"The picture {path.name} has no description (alt text) in Word: its file name "
                "stands in for one, and 'leaflet check' reports it until you describe it."
            )
        return Picture(info.description or path.stem, path, picture.line)

    def _content(self, image: Image | None, info: PictureInfo) -> tuple[bytes, str] | None:
        if info.svg and _is_safe(info.svg, ".svg"):
            return info.svg, ".svg"
        if image is None:
            return None
        extension = KEPT_AS_THEY_ARE.get(image.content_type.lower())
        if extension and _is_safe(image.data, extension):
            return image.data, extension
        converted = _as_png(image.data)
        return (converted, ".png") if converted and _is_safe(converted, ".png") else None

    def _file(self, data: bytes, extension: str) -> Path:
        digest = hashlib.sha256(data).hexdigest()
        if digest not in self.files:
            path = self.folder / f"{self.slug}-{len(self.files) + 1}{extension}"
            self.files[digest] = PictureFile(path, data)
        return self.files[digest].path


def _is_safe(data: bytes, extension: str) -> bool:
    """The leaflet reader's own test of a picture file, so that the imported leaflet can be read."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"picture{extension}"
        path.write_bytes(data)
        try:
            check_picture_file(path, path, 0)
        except SourceError:
            return False
    return True


def _as_png(data: bytes) -> bytes | None:
    """GIF, BMP, TIFF and the like as PNG; None for what Pillow cannot read (EMF, WMF)."""
    try:
        with PillowImage.open(io.BytesIO(data)) as image:
            buffer = io.BytesIO()
            image.convert("RGBA" if "A" in image.getbands() else "RGB").save(buffer, format="PNG")
            return buffer.getvalue()
    except (UnidentifiedImageError, OSError, ValueError):
        return None
