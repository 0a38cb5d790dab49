"""EPUB 3 media overlays: for each content document, a SMIL document that pairs every sentence's
id with its clip of the document's MP3, and the package metadata reading systems need to play
them (durations, the class that highlights the sentence being read, who narrates)."""

from __future__ import annotations

from html import escape

from ..audio.mp3 import in_file
from ..audio.speech import Recording

ACTIVE_CLASS = "-epub-media-overlay-active"  # the class layouts/talking-book/narration.css styles
SMIL_FOLDER = "overlays"
AUDIO_FOLDER = "audio"


def clock(milliseconds: int) -> str:
    """A SMIL full clock value, as EPUB's media:duration wants it: 0:01:02.345."""
    seconds, thousandths = divmod(milliseconds, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}.{thousandths:03d}"


def clips_in_file(recording: Recording) -> list[tuple[str, int, int]]:
    """(sentence id, begin, end) in milliseconds of the MP3: each clip ends where the next begins."""
    rate = recording.sample_rate
    return [(c.utterance.target, in_file(c.begin, rate), in_file(c.end, rate)) for c in recording.clips]


def smil_document(document_file: str, audio_file: str, clips: list[tuple[str, int, int]]) -> bytes:
    """The overlay of one content document; paths are relative to overlays/, where it lives."""
    text, audio = escape(f"../{document_file}"), escape(f"../{audio_file}")
    pars = "\n".join(
        f'<par id="par-{number}"><text src="{text}#{escape(target)}"/>'
        f'<audio src="{audio}" clipBegin="{clock(begin)}" clipEnd="{clock(end)}"/></par>'
        for number, (target, begin, end) in enumerate(clips, start=1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<smil xmlns="http://www.w3.org/ns/SMIL" xmlns:epub="http://www.idpf.org/2007/ops" version="3.0">\n'
        f'<body epub:textref="{text}">\n{pars}\n</body>\n</smil>\n'
    ).encode()
