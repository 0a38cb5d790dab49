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


def spans_of(inlines: tuple[Inline, ...], typeform: int = PLAIN) -> list[Span]:
    """The spans of a run of inlines, in reading order."""
    spans: list[Span] = []
    for inline in inlines:
        if isinstance(inline, Text | GlossaryTerm):
            spans += marked_spans(inline.text, typeform)
        elif isinstance(inline, Code):
            spans.append(Span(inline.text, typeform | NO_CONTRACT))
        elif isinstance(inline, LineBreak):
            spans.append(Span(" ", typeform))
        elif isinstance(inline, Strong | Emphasis):
            spans += spans_of(inline.children, typeform | BOLD)
        elif isinstance(inline, Link):
            spans += _link(inline, typeform)
        elif isinstance(inline, Abbreviation):
            shown = f"{inline.expansion} ({inline.text})" if inline.first_use else inline.text
            spans += marked_spans(shown, typeform)
    return spans


def marked_spans(text: str, typeform: int = PLAIN) -> list[Span]:
    """Text split so that addresses, phone numbers and file names are left uncontracted."""
    spans: list[Span] = []
    start = 0
    for found in _UNCONTRACTED.finditer(text):
        if found.start() > start:
            spans.append(Span(text[start:found.start()], typeform))
        spans.append(Span(found.group(), typeform | NO_CONTRACT))
        start = found.end()
    if start < len(text):
        spans.append(Span(text[start:], typeform))
    return spans


def _link(link: Link, typeform: int) -> list[Span]:
    spans = spans_of(link.children, typeform)
    address = link.href
    if address.startswith(("http://", "https://")) and _bare(plain_text(link.children)) != _bare(address):
        spans += [Span(" (", typeform), Span(address, typeform | NO_CONTRACT), Span(")", typeform)]
    return spans


def _bare(address: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", address.strip()).rstrip("/").lower()
