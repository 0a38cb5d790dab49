"""The glossary shared by every leaflet of a folder (`glossary.yaml`): word -> explanation.

Read by the reader, and by the incremental build to know which shared entries a leaflet may
use without reading the leaflet; both take it from here, so they agree on what the file says.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ..errors import SourceError
from ..model import GlossaryEntry
from .files import read_inside
from .yaml_source import YamlRefusal, load_yaml

SHARED_GLOSSARY = "glossary.yaml"


def shared_glossary_path(source: Path) -> Path:
    """The shared glossary a leaflet uses: the one in its own folder."""
    return source.parent / SHARED_GLOSSARY


def load_glossary_file(path: Path) -> dict[str, str]:
    """The entries of a glossary file as written; an absent file has none.

    Raises SourceError with the line when the file is not a list of 'word: explanation', or when
    it is a link to a file outside the leaflets' folder (read_inside says why).
    """
    if not path.is_file():
        return {}
    try:
        entries = load_yaml(read_inside(path, path.parent).decode("utf-8"), 1) or {}
    except YamlRefusal as refusal:
        raise SourceError(path, refusal.line, refusal.message, refusal.hint) from None
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        mark = getattr(error, "problem_mark", None)
        raise SourceError(
            path, mark.line + 1 if mark else 1, "The shared glossary cannot be read.",
            "Write each entry as 'word: a short explanation in plain words', in UTF-8.",
        ) from None  # fmt: skip
    if not isinstance(entries, dict) or not all(isinstance(v, str) for v in entries.values()):
        raise SourceError(
            path, 1, "The shared glossary must be a list of 'word: explanation'.",
            "Write each entry on its own line as 'word: explanation'.",
        )  # fmt: skip
    return dict(entries)


def load_shared_glossary(path: Path, entries: dict[str, str] | None = None) -> tuple[GlossaryEntry, ...]:
    """The shared glossary as entries of the model: `entries` when a caller has read the file."""
    written = load_glossary_file(path) if entries is None else entries
    return tuple(GlossaryEntry(term, text.strip(), shared=True) for term, text in written.items())
