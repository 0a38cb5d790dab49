"""The talking book: the EPUB edition read aloud, each sentence highlighted as it is read
(EPUB 3 media overlays), for readers who listen and follow the text at once.

It is the e-book of exporters/formats/epub, assembled with `narrated` set (so its accessibility
metadata says so), whose content documents are then read aloud by exporters/formats/audio: each
document gets an id on every sentence, an MP3 of its own in audio/ and a SMIL overlay in overlays/
pairing each sentence with its clip. Every document is read, the cover and contents too, so that
playing never stops at a document without a voice.
"""

from __future__ import annotations

from pathlib import Path

from ebooklib import epub

from ...model import Document
from ...variants import LayoutSettings
from ..audio import read_aloud
from ..audio.edition import voice_for
from ..audio.mp3 import encode
from ..audio.reading import ReadDocument
from ..audio.speech import Voice, record
from ..epub import STYLESHEET, Assembly, assemble, write_assembly
from .overlays import ACTIVE_CLASS, AUDIO_FOLDER, SMIL_FOLDER, clips_in_file, clock, smil_document

NARRATION_CSS = "talking-book/narration.css"
NARRATOR = "espeak-ng, a computer voice"


def write(document: Document, settings: LayoutSettings, target: Path) -> None:
    """The settings' edition's e-book (standard or easy read), read aloud; a leaflet without
    easy-read text is refused its easy-read book first."""
    assembly = assemble(document, settings, narrated=True)
    read = read_aloud(assembly, document, settings)
    narrate(assembly, read, voice_for(document, settings))
    _add_highlight(assembly.book, settings.layouts)
    write_assembly(assembly, target)


def narrate(assembly: Assembly, read: tuple[ReadDocument, ...], voice: Voice) -> None:
    """Give every content document its marked text, its recording and its overlay."""
    book = assembly.book
    total = 0
    for (chapter, item), part in zip(assembly.documents, read, strict=True):
        item.content = part.markup
        if not part.utterances:
            continue
        stem = chapter.file_name.removesuffix(".xhtml")
        recording = record(part.utterances, voice)
        audio_file = f"{AUDIO_FOLDER}/{stem}.mp3"
        book.add_item(epub.EpubItem(f"audio-{stem}", audio_file, "audio/mpeg",
                                    encode(recording.samples, recording.sample_rate)))  # fmt: skip
        clips = clips_in_file(recording)
        overlay = epub.EpubSMIL(f"overlay-{stem}", f"{SMIL_FOLDER}/{stem}.smil",
                                smil_document(chapter.file_name, audio_file, clips))  # fmt: skip
        book.add_item(overlay)
        item.media_overlay = overlay.id  # ebooklib writes it as the item's media-overlay
        duration = clips[-1][2]  # the clips follow each other from the start of the file
        refined = {"property": "media:duration", "refines": f"#{overlay.id}"}
        book.add_metadata(None, "meta", clock(duration), refined)
        total += duration
    book.add_metadata(None, "meta", clock(total), {"property": "media:duration"})
    book.add_metadata(None, "meta", ACTIVE_CLASS, {"property": "media:active-class"})
    book.add_metadata(None, "meta", NARRATOR, {"property": "media:narrator"})


def _add_highlight(book: epub.EpubBook, layouts: Path) -> None:
    """The style of the sentence being read, at the end of the e-book's own stylesheet."""
    stylesheet = book.get_item_with_href(STYLESHEET)
    css = (layouts / NARRATION_CSS).read_text(encoding="utf-8")
    stylesheet.content = stylesheet.content + b"\n" + css.encode("utf-8")
