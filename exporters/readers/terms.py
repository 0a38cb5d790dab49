"""Marking glossary words and abbreviations where they are used in the text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..model import (
    Abbreviation,
    AbbreviationEntry,
    Emphasis,
    GlossaryEntry,
    GlossaryTerm,
    Inline,
    Link,
    Strong,
    Text,
    plain_text,
)  # fmt: skip

_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+$")


@dataclass
class TermMarker:
    """Splits text into plain text, glossary terms and abbreviations, remembering first uses.

    One marker serves one edition (the leaflet text, or its easy-read text), so that each
    edition spells out an abbreviation at its own first use.
    """

    glossary: tuple[GlossaryEntry, ...]
    abbreviations: tuple[AbbreviationEntry, ...]
    seen: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self._glossary_forms = {form: entry for entry in self.glossary for form in _forms(entry.term)}
        self._expansions = {entry.abbreviation: entry.expansion for entry in self.abbreviations}
        alternatives = [
            *(_glossary_pattern(form) for form in self._glossary_forms),
            *(_abbreviation_pattern(entry.abbreviation) for entry in self.abbreviations),
        ]
        alternatives.sort(key=len, reverse=True)
        self._pattern = re.compile("|".join(alternatives)) if alternatives else None

    def mark(self, text: str) -> list[Inline]:
        if self._pattern is None:
            return [Text(text)]
        inlines: list[Inline] = []
        position = 0
        for match in self._pattern.finditer(text):
            if match.start() > position:
                inlines.append(Text(text[position : match.start()]))
            term = self._term(match.group(0), _around(text, match.start(), match.end()))
            if (
                isinstance(term, Abbreviation)
                and term.first_use
                and inlines
                and isinstance(inlines[-1], Text)
            ):
                inlines[-1] = Text(fit_article(inlines[-1].text, term.expansion))
            inlines.append(term)
            position = match.end()
        if position < len(text):
            inlines.append(Text(text[position:]))
        return inlines

    def observe(self, text: str) -> None:
        """Text that is not marked (a heading) but that the reader has read: an abbreviation it
        spells out, "Acute lymphoblastic leukaemia (ALL)", is not spelled out again below it."""
        lower = text.lower()
        for entry in self.abbreviations:
            written = re.search(_abbreviation_pattern(entry.abbreviation), text)
            if written and entry.expansion.lower() in lower:
                self.seen.add(f"abbreviation:{entry.expansion.removesuffix('s')}")

    def _expansion(self, written: str) -> str:
        """The full words; a plural abbreviation ("TKIs") gets a plural expansion."""
        if written in self._expansions:
            return self._expansions[written]
        return self._expansions[written[:-1]] + "s"

    def _term(self, written: str, around: tuple[str, str]) -> Inline:
        if written in self._expansions or written[:-1] in self._expansions:
            expansion = self._expansion(written)
            # The author may have spelled it out already: "tyrosine kinase inhibitor (TKI)".
            spelled_out = any(expansion.lower() in side for side in around)
            key = f"abbreviation:{expansion.removesuffix('s')}"
            first_use = key not in self.seen and not spelled_out
            self.seen.add(key)
            return Abbreviation(written, expansion, first_use)
        entry = self._glossary_forms[written.lower()]
        first_use = entry.term.lower() not in self.seen
        self.seen.add(entry.term.lower())
        return GlossaryTerm(written, entry.term, entry.explanation, first_use)


def capitalise_sentence_starts(inlines: list[Inline]) -> list[Inline]:
    """An abbreviation spelled out where a sentence starts keeps the sentence's capital:
    "TKIs are tablets" becomes "Tyrosine kinase inhibitors (TKIs) are tablets", in every format."""
    return _capitalise(inlines, "")[0]


def _capitalise(inlines: list[Inline], before: str) -> tuple[list[Inline], str]:
    found: list[Inline] = []
    for inline in inlines:
        if isinstance(inline, Abbreviation) and inline.first_use and _starts_sentence(before):
            inline = replace(inline, expansion=inline.expansion[:1].upper() + inline.expansion[1:])
        elif isinstance(inline, Strong | Emphasis | Link):
            children, _ = _capitalise(list(inline.children), before)
            inline = replace(inline, children=tuple(children))
        before += plain_text((inline,))
        found.append(inline)
    return found, before


def _starts_sentence(before: str) -> bool:
    return not before.strip() or bool(_SENTENCE_END.search(before))


def _forms(term: str) -> list[str]:
    """The word and its plurals, so that "side effect" is found in "side effects"."""
    lower = term.lower()
    forms = [lower, lower + "s", lower + "es"]
    if lower.endswith("y"):
        forms.append(lower[:-1] + "ies")
    return forms


def _glossary_pattern(form: str) -> str:
    return rf"(?i:(?<![\w-]){re.escape(form)}(?![\w-]))"


def _abbreviation_pattern(abbreviation: str) -> str:
    return rf"(?<![\w-]){re.escape(abbreviation)}s?(?![\w-])"


def _around(text: str, start: int, end: int) -> tuple[str, str]:
    """The few words just before and just after a match, in lower case."""
    return text[max(0, start - 80) : start].lower(), text[end : end + 80].lower()


def fit_article(before: str, expansion: str) -> str:
    """'an FBC' becomes 'a full blood count (FBC)': the article must suit the words spelled out."""
    article = re.search(r"(?<![\w-])([Aa]n?) $", before)
    if not article:
        return before
    wanted = "an" if expansion[:1].lower() in "aeiou" else "a"
    written = article.group(1)
    fitted = wanted.capitalize() if written[0].isupper() else wanted
    return before[: article.start(1)] + fitted + " "
