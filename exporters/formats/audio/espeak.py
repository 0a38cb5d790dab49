"""espeak-ng, called through its library (libespeak-ng, with ctypes), as the audio editions' voice.

Each sentence is synthesised on its own, in one call that returns only when the sound is whole
(AUDIO_OUTPUT_SYNCHRONOUS): a sentence's clip in the recording is then exactly the samples that
call gave, with no need to trust where the engine reports its events, and any voice that can say
one sentence (a neural voice has no events at all) can stand in its place.

The text goes in as SSML. Letters said one by one ('NHS') and respellings ('im-MAT-in-ib') go in
as espeak-ng's own phonemes (`[[...]]`), from the key in layouts/audio/respelling.yaml: so that
'ALL' is never read as the word 'all', and the stress falls where the respelling has capitals.

espeak-ng carries state from one call to the next (its pitch flutter and noise run on), so the
same sentence sounds a few samples different each time it is said, and re-initialising does not
reset it. The same sentences said in the same order by a fresh engine do sound the same, so each
recording is made in a process of its own, forked from this one, where the engine has only been
initialised: the same source gives the same bytes whatever was built before it.

The library is loaded when the module is imported, so that a computer without espeak-ng is told
at once which package to install (see the registry's `system_packages`).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import signal
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from html import escape

from .respelling import letters, respelled
from .spoken import Letters, Piece, Words

SYNCHRONOUS = 2  # espeak_AUDIO_OUTPUT: AUDIO_OUTPUT_SYNCHRONOUS
DONT_EXIT = 0x8000  # espeak_Initialize: report a missing data folder rather than end the process
CHARACTERS_UTF8, SSML, PHONEMES = 1, 0x10, 0x100
RATE = 1  # espeak_PARAMETER: espeakRATE, words a minute
PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent ends
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

    def _collect(self, samples, count: int, events) -> int:
        if samples and count > 0:
            self.chunks.append(ctypes.string_at(samples, count * 2))
        return 0  # go on

    def say_all(self, name: str, words_a_minute: int, sentences: list[str]) -> list[bytes]:
        if LIBRARY.espeak_SetVoiceByName(name.encode()) != 0:
            raise OSError(f"espeak-ng has no voice '{name}'")
        LIBRARY.espeak_SetParameter(RATE, words_a_minute, 0)
        return [self._synthesise(ssml) for ssml in sentences]

    def _synthesise(self, ssml: str) -> bytes:
        self.chunks = []
        data = ssml.encode("utf-8") + b"\0"
        LIBRARY.espeak_Synth(data, len(data), 0, 1, 0, CHARACTERS_UTF8 | SSML | PHONEMES, None, None)
        return b"".join(self.chunks)


@lru_cache(maxsize=1)
def _engine() -> _Engine:
    return _Engine()


def _end_with(parent: int) -> None:
    """In the forked process: end when the process that forked it ends, even when it is killed
    (Linux's PR_SET_PDEATHSIG), so that a stopped build leaves no voice behind."""
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # it ended before the request was made
        os._exit(1)


def _say_all(name: str, words_a_minute: int, sentences: list[str]) -> list[bytes]:
    """In the forked process: every sentence in turn, from the engine's first state."""
    return _engine().say_all(name, words_a_minute, sentences)


class EspeakVoice:
    """espeak-ng: 16-bit mono samples at its own rate (22,050 Hz), no silence after a sentence.
    `respelling_key` is layouts/audio/respelling.yaml: the sounds of respellings and letters."""

    def __init__(self, name: str, words_a_minute: int, respelling_key: dict, language: str = "en-GB") -> None:
        self.name = name
        self.words_a_minute = words_a_minute
        self.respelling_key = respelling_key
        self.language = language
        self.sample_rate = _engine().sample_rate  # initialised here, never spoken with here

    def speak(self, sentences: list[tuple[Piece, ...]]) -> list[bytes]:
        """The sound of each sentence, said in order by a fresh engine in a process of its own."""
        said = [self.ssml(pieces) for pieces in sentences]
        fork = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(1, fork, initializer=_end_with, initargs=(os.getpid(),)) as apart:
            return apart.submit(_say_all, self.name, self.words_a_minute, said).result()

    def ssml(self, pieces: tuple[Piece, ...]) -> str:
        """The sentence as SSML, with espeak-ng's phonemes for letters and respellings."""
        said = "".join(self._rendered(piece) for piece in pieces)
        # The line break: espeak-ng 1.51 reads a full stop straight after ']]' as "dot" when
        # nothing but a space follows it, and markup straight after ']]' as text.
        return f'<speak version="1.1" xml:lang="{escape(self.language)}"><s>{said}\n</s></speak>'

    def _rendered(self, piece: Piece) -> str:
        if isinstance(piece, Words):  # markup escaped, and no '[[' phoneme codes from the text
            return escape(piece.text, quote=False).replace("[[", "[ [").replace("]]", "] ]")
        if isinstance(piece, Letters):
            return f"[[{letters(piece, self.respelling_key)}]]"
        return f"[[{respelled(piece.text, self.respelling_key)}]]"
