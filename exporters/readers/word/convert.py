"""The conversion itself: mammoth, with a style map that names our roles, and its pictures kept."""

from __future__ import annotations

import io
from dataclasses import dataclass

import mammoth

LIST_LEVELS = 5  # mammoth's own style map nests lists five deep


@dataclass(frozen=True, slots=True)
class Image:
    content_type: str
    data: bytes


def _list_rules(style: str, top: str) -> list[str]:
    """Lists in one of our role styles: the outermost list carries the role as a class."""
    rules = []
    for level in range(1, LIST_LEVELS + 1):
        for kind, tag in (("ordered", "ol"), ("unordered", "ul")):
            inner = " > ".join(["ul|ol > li"] * (level - 2) + [f"{tag} > li:fresh"])
            path = f"{tag}.{top} > li:fresh" if level == 1 else f"ul|ol.{top} > li > {inner}"
            rules.append(f"p[style-name='{style}']:{kind}-list({level}) => {path}")
    return rules


def style_map() -> str:
    """Title is the leaflet's title (#); Word's Heading 1 is a section (##), as our exporter writes them."""
    rules = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => p.subtitle:fresh"]
    rules += [f"p[style-name='leaflet heading {n}'] => h{min(n + 1, 6)}:fresh" for n in range(1, 7)]
    rules += [
        "p[style-name='leaflet box label'] => p.box-label:fresh",
        *_list_rules("leaflet boxed", "boxed"),
        "p[style-name='leaflet boxed'] => p.boxed:fresh",
    ]
    rules += [
        f"p[style-name='leaflet list continue {n}'] => {'ul|ol > li > ' * n}p:fresh" for n in range(1, 4)
    ]
    rules += [f"p[style-name='{name}'] => blockquote > p:fresh" for name in ("Quote", "Intense Quote")]
    rules += [
        f"p[style-name='{name}'] => pre:separator('\\n')"
        for name in ("Preformatted", "HTML Preformatted", "Plain Text")
    ]
    rules += [
        "r[style-name='Emphasis'] => em",
        "r[style-name='Intense Emphasis'] => strong",
        "r[style-name='Glossary Link'] =>",
    ]
    return "\n".join(rules)


def to_html(data: bytes) -> tuple[str, dict[str, Image]]:
    """The document as semantic HTML, and each picture's bytes under the token its `src` holds."""
    images: dict[str, Image] = {}

    def keep(image) -> dict[str, str]:
        with image.open() as stream:
            content = stream.read()
        token = image.alt_text or f"leaflet-picture-untagged-{len(images) + 1}"
        images[token] = Image(image.content_type or "", content)
        return {"src": token}

    result = mammoth.convert_to_html(
        io.BytesIO(data), style_map=style_map(), convert_image=mammoth.images.img_element(keep)
    )
    return result.value, images
