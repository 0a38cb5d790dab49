"""The leaflet read aloud: what the MP3 (edition.py) and the talking book (../talking_book/) say.

What is read is the text of the edition's e-book, document by document (reading.py), said as
people say it (normaliser.py, with the leaflet's pronunciations), by a voice (espeak.py; any
voice of speech.Voice's shape), recorded with its pauses (speech.py) and encoded (mp3.py).
Nothing here needs espeak-ng: `leaflet audio-script` works on any computer.
"""

from __future__ import annotations

from ...errors import SourceError
from ...model import Document
from ...variants import LayoutSettings
from ..epub import Assembly, assemble
from .normaliser import Normaliser, load_table
from .reading import ReadDocument, load_speech, read_document

SPOKEN_LANGUAGES = ("en",)
IN_THE_MP3 = ("bodymatter", "backmatter")  # the MP3's chapters are its contents: no cover, no contents page


def read_aloud(assembly: Assembly, document: Document, settings: LayoutSettings) -> tuple[ReadDocument, ...]:
    """Every content document of the e-book, with an id on each sentence and what is said."""
    language = document.meta.language
    if language.split("-")[0].lower() not in SPOKEN_LANGUAGES:
        raise SourceError(
            document.source, document.meta.line_of("language"),
            f"The audio editions speak English only, and this leaflet's language is '{language}'.",
            "Build this leaflet without them: leaflet build --format html,pdf,docx,epub.",
        )  # fmt: skip
    abbreviations = frozenset(entry.abbreviation for entry in document.abbreviations)
    normaliser = Normaliser(load_table(settings.layouts), document.meta.pronunciations, abbreviations)
    speech = load_speech(settings.layouts)
    return tuple(
        read_document(chapter.file_name, chapter.title, chapter.matter, item.content, speech, normaliser)
        for chapter, item in assembly.documents
    )


def mp3_parts(document: Document, settings: LayoutSettings) -> tuple[ReadDocument, ...]:
    """The documents the MP3 reads, each one chapter: the e-book's, less its cover and contents."""
    read = read_aloud(assemble(document, settings), document, settings)
    return tuple(part for part in read if part.matter in IN_THE_MP3 and part.utterances)


def audio_script(document: Document, settings: LayoutSettings) -> str:
    """What the MP3 says, one sentence a line, a blank line between chapters."""
    chapters = ("\n".join(u.script for u in part.utterances) for part in mp3_parts(document, settings))
    return "\n\n".join(chapters) + "\n"
