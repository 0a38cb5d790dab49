"""Every rule of the check, by id: the id is also the rule's setting and the word to silence it."""

from __future__ import annotations

from collections.abc import Callable

from . import measures, structure, terms, trust, words
from .base import Context

Rule = Callable[[Context], None]

RULES: dict[str, Rule] = {
    **measures.RULES,
    **words.RULES,
    **terms.RULES,
    **structure.RULES,
    **trust.RULES,
}
