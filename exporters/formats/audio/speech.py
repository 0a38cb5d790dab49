"""Recording what is read aloud: each utterance spoken by the voice, then its pause in silence.

A clip is an utterance's place in the recording, in samples: from the first sample of its words
to the last sample of the silence after it. Clips therefore follow each other with no gap and
no overlap and cover the whole recording, and the talking book's highlight stays on a heading
through the pause that follows it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from .reading import Utterance
from .spoken import Piece


class Voice(Protocol):
    """What the audio editions need of a voice: sentences in, the sound of each one out.

    `speak` returns, for each sentence, 16-bit signed mono samples (native byte order) at
    `sample_rate`, with no silence after it; the same sentences must give the same samples.
    espeak.EspeakVoice is the voice every computer has; a neural voice can take its place by
    offering the same two things.
    """

    sample_rate: int

    def speak(self, sentences: list[tuple[Piece, ...]]) -> list[bytes]: ...


@dataclass(frozen=True, slots=True)
class Clip:
    utterance: Utterance
    begin: int  # the first sample
    end: int  # one after the last sample


@dataclass(frozen=True, slots=True)
class Recording:
    samples: bytes
    sample_rate: int
    clips: tuple[Clip, ...]

    @property
    def length(self) -> int:
        return len(self.samples) // 2


def record(utterances: tuple[Utterance, ...], voice: Voice) -> Recording:
    """Say every utterance in turn, each followed by its pause."""
    parts: list[bytes] = []
    clips: list[Clip] = []
    position = 0
    sounds = voice.speak([utterance.spoken for utterance in utterances])
    for utterance, sound in zip(utterances, sounds, strict=True):
        silence = bytes(2 * round(voice.sample_rate * utterance.pause / 1000))
        parts += [sound, silence]
        length = (len(sound) + len(silence)) // 2
        clips.append(Clip(utterance, position, position + length))
        position += length
    return Recording(b"".join(parts), voice.sample_rate, tuple(clips))


def joined(recordings: list[Recording]) -> tuple[Recording, list[int]]:
    """One recording of several, and the first sample of each part in it."""
    starts, clips, position = [], [], 0
    for recording in recordings:
        starts.append(position)
        clips += [Clip(c.utterance, c.begin + position, c.end + position) for c in recording.clips]
        position += recording.length
    rate = recordings[0].sample_rate if recordings else 22050
    return Recording(b"".join(r.samples for r in recordings), rate, tuple(clips)), starts
