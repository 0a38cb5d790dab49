"""The audio edition: one MP3 of the leaflet read aloud, with a chapter for each part of its
e-book (the title page, each section, "Words we use", who to contact, ...), so that a player can
skip to "Side effects". Imported by the registry only when audio is built: it needs espeak-ng.
"""

from __future__ import annotations

from pathlib import Path

from ...model import Document
from ...variants import LayoutSettings
from ..epub.navigation import load_labels
from . import mp3_parts
from .espeak import EspeakVoice
from .mp3 import Chapter, Tags, in_file, write_mp3
from .reading import load_speech
from .respelling import load_respelling_key
from .speech import Voice, joined, record


def write(document: Document, settings: LayoutSettings, target: Path) -> None:
    """The settings' edition read aloud (standard or easy read); a leaflet without easy-read text
    is refused its easy-read recording first."""
    parts = mp3_parts(document, settings)
    voice = voice_for(document, settings)
    recordings = [record(part.utterances, voice) for part in parts]
    whole, starts = joined(recordings)
    rate = whole.sample_rate
    chapters = [
        Chapter(part.title, in_file(start, rate), in_file(start + recording.length, rate))
        for part, recording, start in zip(parts, recordings, starts, strict=True)
    ]
    write_mp3(target, whole.samples, rate, tags_of(document, settings), chapters)


def voice_for(document: Document, settings: LayoutSettings) -> Voice:
    """The voice layouts/audio/speech.yaml names, speaking the leaflet's language."""
    chosen = load_speech(settings.layouts)["voice"]
    key = load_respelling_key(settings.layouts)
    return EspeakVoice(chosen["espeak"], chosen["words_a_minute"], key, document.meta.language)


def tags_of(document: Document, settings: LayoutSettings) -> Tags:
    meta = document.meta
    return Tags(
        title=meta.title,
        artist=meta.organisation.name if meta.organisation else None,
        language=meta.language,
        date=meta.published.isoformat() if meta.published else None,
        contents=load_labels(settings.layouts)["contents"],
    )


