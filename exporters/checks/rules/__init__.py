"""Every rule of the check, by id: the id is also the rule's setting and the word to silence it."""

from __future__ import annotations

from . import measures, structure, terms, trust, words
from .base import Rule, Scope

RULES: dict[str, Rule] = {
    rule.id: rule
    for rule in (*measures.RULES, *words.RULES, *terms.RULES, *structure.RULES, *trust.RULES)
}

__all__ = ["RULES", "Rule", "Scope"]
