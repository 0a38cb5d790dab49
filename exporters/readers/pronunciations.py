"""How to say the words that every voice gets wrong: a leaflet's `pronunciations:` and the shared
`pronunciations.yaml` of its folder, word -> a respelling in plain letters (`imatinib: im-MAT-in-ib`).

A respelling is syllables joined by hyphens, the stressed syllable in capitals; a name of several
words has a space between them. The leaflet's own entries win over the shared file's. A document
keeps only the shared entries whose words occur in its source, so that a new entry for one drug
rebuilds the leaflets that name it and no others (the incremental build looks for the same words).
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import yaml

from ..errors import SourceError
from ..model import Meta
from .files import read_inside

SHARED_PRONUNCIATIONS = "pronunciations.yaml"
RESPELLING = re.compile(r"^[A-Za-z]+(?:(?:-|'|’| )[A-Za-z]+)*$")
WORD = re.compile(r"^[^\s:#][^\n:#]*$")
HOW_TO_WRITE = (
    "Write it in plain letters, with a hyphen between syllables and the stressed syllable in "
    "capitals, for example 'imatinib: im-MAT-in-ib'."
)


def shared_pronunciations_path(source: Path) -> Path:
    """The shared pronunciations a leaflet uses: the file in its own folder."""
    return source.parent / SHARED_PRONUNCIATIONS


def load_pronunciations_file(path: Path) -> dict[str, str]:
    """The entries of a pronunciations file, each checked; an absent file has none.

    Raises SourceError with the line of the entry that is not 'word: re-SPELL-ing'.
    """
    if not path.is_file():
        return {}
    try:
        node = yaml.compose(read_inside(path, path.parent).decode("utf-8"), Loader=yaml.SafeLoader)
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        mark = getattr(error, "problem_mark", None)
        raise SourceError(
            path, mark.line + 1 if mark else 1, "The shared pronunciations cannot be read.",
            "Write each entry on its own line as 'word: re-SPELL-ing', in UTF-8.",
        ) from None  # fmt: skip
    if node is None:
        return {}
    if not isinstance(node, yaml.MappingNode):
        raise SourceError(
            path,
            node.start_mark.line + 1,
            "The shared pronunciations must be a list of 'word: re-SPELL-ing'.",
            HOW_TO_WRITE,
        )
    entries = {}
    for key, value in node.value:
        line = key.start_mark.line + 1
        if not isinstance(value, yaml.ScalarNode) or not isinstance(key, yaml.ScalarNode):
            message = "Each pronunciation must be one line of plain letters."
            raise SourceError(path, line, message, HOW_TO_WRITE)
        entries[str(key.value).strip()] = check_respelling(str(key.value), str(value.value), path, line)
    return entries


def check_respelling(word: str, respelling: str, source: Path, line: int) -> str:
    """The respelling, stripped; a word or respelling that cannot be said is refused with its line."""
    respelling = respelling.strip()
    if not WORD.match(word.strip()):
        raise SourceError(source, line, f"'{word}' cannot be given a pronunciation.",
                          "Give the word as it is written in the leaflet, on one line.")  # fmt: skip
    if not RESPELLING.match(respelling):
        message = f"The pronunciation of '{word}' ('{respelling}') is not a respelling."
        raise SourceError(source, line, message, HOW_TO_WRITE)
    return respelling


def with_pronunciations(meta: Meta, source: Path, text: str, shared: dict[str, str] | None = None) -> Meta:
    """The leaflet's own pronunciations, checked, then the shared ones it uses (`shared` when the
    caller has read the shared file)."""
    line = meta.line_of("pronunciations")
    own = {word: check_respelling(word, said, source, line) for word, said in meta.pronunciations}
    if shared is None:
        shared = load_pronunciations_file(shared_pronunciations_path(source))
    folded = {word.casefold() for word in own}
    used = {w: said for w, said in shared.items() if w.casefold() not in folded and occurs(w, text)}
    return replace(meta, pronunciations=tuple({**own, **used}.items()))


def occurs(word: str, text: str) -> bool:
    """Whether the word may be in the text: a generous search, ignoring case."""
    return word.casefold() in text.casefold()
