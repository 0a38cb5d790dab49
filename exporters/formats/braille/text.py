"""The leaflet's inline text as spans for liblouis: bold as a typeform, and the words that must
not be contracted (web and email addresses, phone numbers, file names, code) marked so.

A braille reader cannot follow a link, so a web link whose words are not its address is
followed by the address in brackets, as the printed PDF does.
"""

from __future__ import annotations

import re

from ...model import (
    Abbreviation,
    Code,
    Emphasis,
    GlossaryTerm,
    Inline,
    LineBreak,
    Link,
    Strong,
    Text,
    plain_text,
)
from .translator import BOLD, NO_CONTRACT, PLAIN, Span

_UNCONTRACTED = re.compile(
    r"(?:https?://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]"  # web addresses
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # email addresses
    r"|(?<![\w,.])\+?\d[\d ]{5,}\d(?![\w,])"  # phone numbers
    r"|\b[\w-]+\.(?:pdf|docx?|xlsx?|pptx?|odt|rtf|txt|csv|epub|html?|brf|pef|jpe?g|png|gif|svg|mp3|wav|zip)\b",
    re.IGNORECASE,
)
_CLOSING_PUNCTUATION = re.compile(r"(?<=\w)[.,;:!?]+(?=\s|$)")


def spans_of(inlines: tuple[Inline, ...]) -> list[Span]:
    """The spans of a run of inlines, in reading order, with addresses marked uncontracted even
    where the reader split them (a glossary word inside an email address, say)."""
    return _uncontracted(_spans(inlines, PLAIN))


def marked_spans(text: str, typeform: int = PLAIN) -> list[Span]:
    """Plain text as spans, with addresses, phone numbers and file names uncontracted."""
    return _uncontracted([Span(text, typeform)])


def _spans(inlines: tuple[Inline, ...], typeform: int) -> list[Span]:
    spans: list[Span] = []
    for inline in inlines:
        if isinstance(inline, Text | GlossaryTerm):
            spans.append(Span(inline.text, typeform))
        elif isinstance(inline, Code):
            spans.append(Span(inline.text, typeform | NO_CONTRACT))
        elif isinstance(inline, LineBreak):
            spans.append(Span(" ", typeform))
        elif isinstance(inline, Strong | Emphasis):
            spans += _spans(inline.children, typeform | BOLD)
        elif isinstance(inline, Link):
            spans += _link(inline, typeform)
        elif isinstance(inline, Abbreviation):
            shown = f"{inline.expansion} ({inline.text})" if inline.first_use else inline.text
            spans.append(Span(shown, typeform))
    return spans


def _uncontracted(spans: list[Span]) -> list[Span]:
    """The spans again, one a character run of equal typeform, with NO_CONTRACT added to every
    character of an address, phone number or file name found in their joined text, and the
    punctuation that closes a bold word made bold too: UEB (9.7.3) ignores a change of typeform
    for closing punctuation, which saves the reader a bold terminator before a full stop."""
    text = "".join(span.text for span in spans)
    typeforms = [span.typeform for span in spans for _ in span.text]
    for found in _UNCONTRACTED.finditer(text):
        for index in range(found.start(), found.end()):
            typeforms[index] |= NO_CONTRACT
    for found in _CLOSING_PUNCTUATION.finditer(text):
        if found.start() and typeforms[found.start() - 1] & BOLD:
            for index in range(found.start(), found.end()):
                typeforms[index] |= BOLD
    joined: list[Span] = []
    start = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or typeforms[index] != typeforms[start]:
            joined.append(Span(text[start:index], typeforms[start]))
            start = index
    return joined


def _link(link: Link, typeform: int) -> list[Span]:
    spans = _spans(link.children, typeform)
    address = link.href
    if address.startswith(("http://", "https://")) and _bare(plain_text(link.children)) != _bare(address):
        spans += [Span(" (", typeform), Span(address, typeform | NO_CONTRACT), Span(")", typeform)]
    return spans


def _bare(address: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", address.strip()).rstrip("/").lower()
