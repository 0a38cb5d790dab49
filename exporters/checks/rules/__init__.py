"""Every rule of the check, by id: the id is also the rule's setting and the word to silence it."""

from __future__ import annotations

from . import abbreviations, measures, numbers, structure, terms, trust, words
from .base import Rule, Scope

RULES: dict[str, Rule] = {
    rule.id: rule
    for module in (measures, words, terms, abbreviations, numbers, structure, trust)
    for rule in module.RULES
}

__all__ = ["RULES", "Rule", "Scope"]
