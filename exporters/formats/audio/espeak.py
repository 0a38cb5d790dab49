"""espeak-ng, called through its library (libespeak-ng, with ctypes), as the audio editions' voice.

Each sentence is synthesised on its own, in one call that returns only when the sound is whole
(AUDIO_OUTPUT_SYNCHRONOUS): a sentence's clip in the recording is then exactly the samples that
call gave, with no need to trust where the engine reports its events, and any voice that can say
one sentence (a neural voice has no events at all) can stand in its place.

The text goes in as SSML. Letters said one by one ('NHS') and respellings ('im-MAT-in-ib') go in
as espeak-ng's own phonemes (`[[...]]`), made from espeak-ng's reading of each letter and each
syllable, so that 'ALL' is never read as the word 'all' and the stress falls where the respelling
puts its capitals.

The library keeps its state per process (one voice, one callback), so this module keeps the one
engine a process has; it is loaded when the module is imported, so that a computer without
espeak-ng is told at once which package to install (see the registry's `system_packages`).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import re
from functools import lru_cache
from html import escape

from .spoken import Letters, Piece, Respelling, Words

SYNCHRONOUS = 2  # espeak_AUDIO_OUTPUT: AUDIO_OUTPUT_SYNCHRONOUS
DONT_EXIT = 0x8000  # espeak_Initialize: report a missing data folder rather than end the process
CHARACTERS_UTF8, SSML, PHONEMES = 1, 0x10, 0x100
RATE = 1  # espeak_PARAMETER: espeakRATE, words a minute
STRESS = re.compile(r"[',%=]")
_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p)


def _load_library() -> ctypes.CDLL:
    name = ctypes.util.find_library("espeak-ng") or "libespeak-ng.so.1"
    library = ctypes.CDLL(name)
    c_int, c_uint, pointer = ctypes.c_int, ctypes.c_uint, ctypes.c_void_p
    library.espeak_Initialize.argtypes = [c_int, c_int, ctypes.c_char_p, c_int]
    library.espeak_SetSynthCallback.argtypes = [_CALLBACK]
    library.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
    library.espeak_SetParameter.argtypes = [c_int, c_int, c_int]
    size = ctypes.c_size_t
    library.espeak_Synth.argtypes = [pointer, size, c_uint, c_int, c_uint, c_uint, pointer, pointer]
    library.espeak_TextToPhonemes.restype = ctypes.c_char_p
    library.espeak_TextToPhonemes.argtypes = [ctypes.POINTER(ctypes.c_char_p), c_int, c_int]
    return library


LIBRARY = _load_library()


class _Engine:
    """The library, initialised once in this process, and the sound of the call in progress."""

    def __init__(self) -> None:
        self.sample_rate = LIBRARY.espeak_Initialize(SYNCHRONOUS, 0, None, DONT_EXIT)
        if self.sample_rate <= 0:
            raise OSError("espeak-ng could not find its voice data (the espeak-ng-data folder)")
        self.chunks: list[bytes] = []
        self._callback = _CALLBACK(self._collect)  # kept: the library calls it after we return
        LIBRARY.espeak_SetSynthCallback(self._callback)
        self.voice: tuple[str, int] | None = None

    def _collect(self, samples, count: int, events) -> int:
        if samples and count > 0:
            self.chunks.append(ctypes.string_at(samples, count * 2))
        return 0  # go on

    def use(self, name: str, words_a_minute: int) -> None:
        if self.voice != (name, words_a_minute):
            if LIBRARY.espeak_SetVoiceByName(name.encode()) != 0:
                raise OSError(f"espeak-ng has no voice '{name}'")
            LIBRARY.espeak_SetParameter(RATE, words_a_minute, 0)
            self.voice = (name, words_a_minute)
            _phonemes.cache_clear()

    def synthesise(self, ssml: str) -> bytes:
        self.chunks = []
        data = ssml.encode("utf-8") + b"\0"
        LIBRARY.espeak_Synth(data, len(data), 0, 1, 0, CHARACTERS_UTF8 | SSML | PHONEMES, None, None)
        return b"".join(self.chunks)


@lru_cache(maxsize=1)
def _engine() -> _Engine:
    return _Engine()


@lru_cache(maxsize=4096)
def _phonemes(text: str) -> str:
    """espeak-ng's phonemes for a word or a letter, as it would say it alone."""
    pointer = ctypes.c_char_p(text.encode("utf-8"))
    parts = []
    while pointer.value:
        parts.append(LIBRARY.espeak_TextToPhonemes(ctypes.byref(pointer), CHARACTERS_UTF8, 0).decode())
    return " ".join(parts)


class EspeakVoice:
    """espeak-ng speaking one sentence at a time: 16-bit mono samples at its own rate (22,050 Hz)."""

    def __init__(self, name: str, words_a_minute: int, language: str = "en-GB") -> None:
        self.name = name
        self.words_a_minute = words_a_minute
        self.language = language
        self.sample_rate = _engine().sample_rate

    def speak(self, pieces: tuple[Piece, ...]) -> bytes:
        engine = _engine()
        engine.use(self.name, self.words_a_minute)
        return engine.synthesise(self.ssml(pieces))

    def ssml(self, pieces: tuple[Piece, ...]) -> str:
        """The sentence as SSML, with espeak-ng's phonemes for letters and respellings."""
        _engine().use(self.name, self.words_a_minute)
        said = "".join(_rendered(piece) for piece in pieces)
        # The line break: espeak-ng 1.51 reads a full stop straight after ']]' as "dot" when
        # nothing but a space follows it, and markup straight after ']]' as text.
        return f'<speak version="1.1" xml:lang="{escape(self.language)}"><s>{said}\n</s></speak>'


def _rendered(piece: Piece) -> str:
    if isinstance(piece, Words):
        return escape(piece.text, quote=False)
    if isinstance(piece, Letters):
        return f"[[{_letters(piece)}]]"
    return f"[[{_respelled(piece)}]]"


def _letters(piece: Letters) -> str:
    """'NHS' -> ',En,eItS'Es': every letter stressed a little, the last the most, as initials are."""
    names = [STRESS.sub("", _phonemes(char.upper() if char.isalpha() else char)) for char in piece.text]
    said = "".join("," + name for name in names[:-1]) + "'" + names[-1]
    if piece.plural:
        said += "Iz" if piece.text[-1].upper() in "SXZH" else "z"
    return said


def _respelled(piece: Respelling) -> str:
    """'im-MAT-in-ib' -> 'Im'matInIb': each syllable as espeak-ng says it, stress before capitals."""
    words = []
    for word in re.split(r"\s+", piece.text.strip()):
        syllables = [s for s in re.split(r"[-'’]", word) if s]
        stressed = [syllable.isupper() for syllable in syllables]
        if not any(stressed):
            stressed[0] = True
        words.append("".join(("'" if loud else "") + STRESS.sub("", _phonemes(s.lower())).replace(" ", "")
                             for s, loud in zip(syllables, stressed, strict=True)))  # fmt: skip
    return " ".join(words)
