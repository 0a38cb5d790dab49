"""The glossary shared by every leaflet of a folder (`glossary.yaml`): word -> explanation.

Read by the reader, and by the incremental build to know which shared entries a leaflet may
use without reading the leaflet; both take it from here, so they agree on what the file says.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ..errors import SourceError
from ..model import GlossaryEntry

SHARED_GLOSSARY = "glossary.yaml"


def shared_glossary_path(source: Path) -> Path:
    """The shared glossary a leaflet uses: the one in its own folder."""
    return source.parent / SHARED_GLOSSARY


def load_glossary_file(path: Path) -> dict[str, str]:
    """The entries of a glossary file as written; an absent file has none.

    Raises SourceError with the line when the file is not a list of 'word: explanation'.
    """
    if not path.is_file():
        return {}
    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader when PyYAML has it
        entries = yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or {}
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
    return {str(term): text for term, text in entries.items()}


def load_shared_glossary(path: Path) -> tuple[GlossaryEntry, ...]:
    """The shared glossary as entries of the model."""
    return tuple(
        GlossaryEntry(term, text.strip(), shared=True) for term, text in load_glossary_file(path).items()
    )
