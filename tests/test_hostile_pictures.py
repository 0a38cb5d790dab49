"""Hostile and broken pictures are refused when the leaflet is read, with a clear message."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image

from exporters.errors import SourceError
from exporters.readers.leaflet import read

SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">'

HOSTILE_SVGS = {
    "external entity": '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
    + SVG_OPEN
    + "<text>&secret;</text></svg>",
    "entity expansion bomb": '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">'
    '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
    + SVG_OPEN
    + "<text>&c;</text></svg>",
    "script element": SVG_OPEN + "<script>alert(1)</script></svg>",
    "event handler": SVG_OPEN.replace("<svg ", '<svg onload="alert(1)" ') + "</svg>",
    "external image": SVG_OPEN + '<image href="https://example.org/track.png" width="5" height="5"/></svg>',
    "local file by xlink": SVG_OPEN + '<use xlink:href="file:///etc/passwd#x"/></svg>',
    "foreign object": SVG_OPEN + "<foreignObject><p>hi</p></foreignObject></svg>",
    "style import": SVG_OPEN + "<style>@import url(https://example.org/a.css);</style></svg>",
    "huge declared size": SVG_OPEN.replace('width="10"', 'width="90000000"') + "</svg>",
    "not svg at all": "<html><body>hello</body></html>",
    "broken xml": SVG_OPEN + "<rect",
}


def leaflet_with_picture(make_leaflet, tmp_path, name: str, data: bytes):
    (tmp_path / "pictures").mkdir(exist_ok=True)
    (tmp_path / "pictures" / name).write_bytes(data)
    return make_leaflet(f"Text.\n\n![A picture](pictures/{name})\n")


@pytest.mark.parametrize("case", HOSTILE_SVGS)
def test_hostile_svg_is_refused(make_leaflet, tmp_path, case):
    path = leaflet_with_picture(make_leaflet, tmp_path, "bad.svg", HOSTILE_SVGS[case].encode())
    with pytest.raises(SourceError) as caught:
        read(path)
    assert caught.value.line == 11 and "bad.svg" in caught.value.message
    assert "etc/passwd" not in caught.value.message.replace("file:///etc/passwd#x", "")


def test_a_clean_svg_with_internal_references_is_accepted(make_leaflet, tmp_path):
    svg = (
        SVG_OPEN
        + '<defs><circle id="c" r="2"/></defs><use xlink:href="#c"/><rect style="fill:url(#g)"/></svg>'
    )
    document = read(leaflet_with_picture(make_leaflet, tmp_path, "good.svg", svg.encode()))
    assert document.pictures[0].path.name == "good.svg"


def png_bytes(width: int = 4, height: int = 4) -> bytes:
    buffer = io.BytesIO()
    Image.new("L", (width, height), 255).save(buffer, "PNG")
    return buffer.getvalue()


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that declares a size without the pixels: what a decompression bomb looks like."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b""))
        + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize(
    ("case", "data", "words"),
    [
        ("truncated", png_bytes(64, 64)[:60], "damaged"),
        ("text pretending", b"this is not a picture", "damaged"),
        ("enormous", png_header_only(60_000, 60_000), "too many pixels"),
        ("large", png_header_only(8_000, 8_000), "too many pixels"),
    ],
)
def test_broken_or_enormous_bitmaps_are_refused(make_leaflet, tmp_path, case, data, words):
    path = leaflet_with_picture(make_leaflet, tmp_path, "photo.png", data)
    with pytest.raises(SourceError) as caught:
        read(path)
    assert words in caught.value.message


def test_a_good_png_is_accepted(make_leaflet, tmp_path):
    document = read(leaflet_with_picture(make_leaflet, tmp_path, "photo.png", png_bytes()))
    assert document.pictures[0].alt == "A picture"
