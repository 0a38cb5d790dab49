"""Reading a talking book's media overlays as a reading system plays them (Readium's model, which
Thorium Reader uses): for each document of the spine, its overlay from the manifest's
`media-overlay`, then each `par` in order: the element its text points at and the clip it plays.
Every reference is resolved as a reading system resolves it, and refused as it would fail."""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass

from tests.epub_reading import NS, Book

SMIL = "{http://www.w3.org/ns/SMIL}"
EPUB_TEXTREF = "{http://www.idpf.org/2007/ops}textref"
CLOCK = re.compile(r"^(?:(\d+):)?(\d{1,2}):(\d{2}(?:\.\d+)?)$|^(\d+(?:\.\d+)?)s$")


@dataclass(frozen=True)
class Par:
    document: str  # href of the content document, from the package folder
    target: str  # the id of the element highlighted
    audio: str  # href of the audio file, from the package folder
    begin: float  # seconds
    end: float


def seconds(clock: str) -> float:
    """A SMIL clock value ('0:00:01.250', '1.25s') in seconds."""
    found = CLOCK.match(clock)
    assert found, f"not a SMIL clock value: {clock}"
    hours_or_minutes, minutes_or_seconds, rest, plain = found.groups()
    if plain:
        return float(plain)
    if hours_or_minutes is None:
        return int(minutes_or_seconds) * 60 + float(rest)
    return int(hours_or_minutes) * 3600 + int(minutes_or_seconds) * 60 + float(rest)


def overlays(book: Book) -> dict[str, list[Par]]:
    """Each spine document's pars in playing order; every document must have an overlay."""
    items = book.manifest()
    played = {}
    for document in book.spine():
        item = next(i for i in items.values() if i.get("href") == document)
        overlay = items[item.get("media-overlay")]
        assert overlay.get("media-type") == "application/smil+xml"
        played[document] = _pars(book, overlay.get("href"), document)
    return played


def _pars(book: Book, smil_href: str, document: str) -> list[Par]:
    smil = ElementTree.fromstring(book.read(smil_href))
    assert smil.tag == f"{SMIL}smil" and smil.get("version") == "3.0"
    body = smil.find(f"{SMIL}body")
    assert _resolve(smil_href, body.get(EPUB_TEXTREF)) == document
    ids = {element.get("id") for element in book.document(document).iter() if element.get("id")}
    audio_types = {i.get("href"): i.get("media-type") for i in book.manifest().values()}
    pars = []
    for par in body.iter(f"{SMIL}par"):
        text, audio = par.find(f"{SMIL}text"), par.find(f"{SMIL}audio")
        path, _, target = _resolve(smil_href, text.get("src")).partition("#")
        assert path == document and target in ids, text.get("src")
        audio_file = _resolve(smil_href, audio.get("src"))
        assert audio_types.get(audio_file) == "audio/mpeg", audio_file
        begin, end = seconds(audio.get("clipBegin")), seconds(audio.get("clipEnd"))
        pars.append(Par(document, target, audio_file, begin, end))
    return pars


def _resolve(base: str, reference: str) -> str:
    return posixpath.normpath(posixpath.join(posixpath.dirname(base), reference))


def durations(book: Book) -> tuple[dict[str, float], float]:
    """media:duration of each overlay (by its manifest id) and of the whole book, in seconds."""
    each, total = {}, None
    for meta in book.package.findall("opf:metadata/opf:meta[@property='media:duration']", NS):
        if meta.get("refines"):
            each[meta.get("refines").lstrip("#")] = seconds(meta.text)
        else:
            total = seconds(meta.text)
    return each, total
