"""MP3 files: the recording encoded by LAME (lameenc), mono at 64 kbit/s, and their ID3 tags
(mutagen): title, organisation, language, and a table of contents with one chapter per part.

LAME puts 576 samples of silence before the sound and a decoder adds 529 more, and lameenc writes
no gapless header to take them off again; so every time in the file (a chapter's start, a talking
book's clip) is the time in the recording plus that delay, measured with libmpg123.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import lameenc
from mutagen.id3 import CHAP, CTOC, ID3, TALB, TCON, TDRC, TIT2, TLAN, TPE1, TPUB, CTOCFlags

BIT_RATE = 64  # kbit/s, the floor asked for; 22,050 Hz mono, as espeak-ng speaks
# LAME's quality, 0 (slowest) to 9: 7 takes half the time of 5, and decoded is as near the voice
# (signal-to-noise 25 dB against 23 dB at 5, measured on the bone marrow leaflet).
QUALITY = 7
DELAY = 576 + 529  # samples: LAME's encoder delay and the decoder's
LANGUAGES = {"en": "eng", "cy": "cym", "gd": "gla", "ga": "gle"}  # ISO 639-2 for ID3's TLAN


@dataclass(frozen=True, slots=True)
class Chapter:
    title: str
    begin: int  # milliseconds in the file
    end: int


@dataclass(frozen=True, slots=True)
class Tags:
    title: str
    artist: str | None  # the organisation
    language: str  # the leaflet's language tag, such as en-GB
    date: str | None  # the leaflet's date of publication, year-month-day
    contents: str  # the title of the table of contents, such as "Contents"


def encode(samples: bytes, sample_rate: int) -> bytes:
    encoder = lameenc.Encoder()
    encoder.set_in_sample_rate(sample_rate)
    encoder.set_channels(1)
    encoder.set_bit_rate(BIT_RATE)
    encoder.set_quality(QUALITY)
    return bytes(encoder.encode(samples) + encoder.flush())


def in_file(sample: int, sample_rate: int) -> int:
    """Milliseconds from the start of the MP3 to the place of `sample` of the recording."""
    return round(1000 * (sample + DELAY) / sample_rate) if sample else 0


def write_mp3(target: Path, samples: bytes, sample_rate: int, tags: Tags, chapters: list[Chapter]) -> None:
    target.write_bytes(encode(samples, sample_rate))
    frames = ID3()
    frames.add(TIT2(encoding=3, text=tags.title))
    frames.add(TALB(encoding=3, text=tags.title))
    if tags.artist:
        frames.add(TPE1(encoding=3, text=tags.artist))
        frames.add(TPUB(encoding=3, text=tags.artist))
    language = LANGUAGES.get(tags.language.split("-")[0].lower())
    if language:
        frames.add(TLAN(encoding=3, text=language))
    if tags.date:
        frames.add(TDRC(encoding=3, text=tags.date))
    frames.add(TCON(encoding=3, text="Speech"))
    ids = [f"chapter-{number}" for number in range(1, len(chapters) + 1)]
    frames.add(CTOC(element_id="contents", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED,
                    child_element_ids=ids, sub_frames=[TIT2(encoding=3, text=tags.contents)]))  # fmt: skip
    for element_id, chapter in zip(ids, chapters, strict=True):
        frames.add(CHAP(element_id=element_id, start_time=chapter.begin, end_time=chapter.end,
                        start_offset=0xFFFFFFFF, end_offset=0xFFFFFFFF,
                        sub_frames=[TIT2(encoding=3, text=chapter.title)]))  # fmt: skip
    frames.save(target, v2_version=3)  # version 2.3: the one every player reads
