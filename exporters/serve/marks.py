"""The preview: the HTML edition's page body with each finding of the check marked in place.

The page is taken apart with the standard library's HTML parser and written out again, so that
marks can be laid over text that runs across links, bold words and glossary terms: each piece of
text inside a finding's range is wrapped in `<mark data-rule="RULE-ID">`, and a link after the
range says, in words, what was found and leads to the finding in the list. Sentences are found in
the page by their first and last words, in reading order, as the check placed them in the source.
The preview's ids are prefixed, so that they never clash with the editor page's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser

from jinja2 import Template

from ..checks.engine import DocumentReport
from ..checks.reports.html import place_findings
from ..findings import Finding
from ..sentences import word_spans

ID_PREFIX = "preview-"
ID_ATTRIBUTES = ("id", "for", "headers", "aria-labelledby", "aria-describedby", "aria-controls")
EDGE_WORDS = 3  # words that find a sentence's start and its end in the page
LANDMARKS = {"main": "div"}  # the preview sits inside the editor page's own main landmark


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # "start", "void", "end" or "text"
    tag: str = ""
    attrs: tuple[tuple[str, str | None], ...] = ()
    text: str = ""


@dataclass(frozen=True, slots=True)
class Mark:
    start: int  # offsets in the page's text
    end: int
    number: int  # the finding's number in the report, from 1
    finding: Finding


@dataclass(frozen=True)
class Preview:
    html: str
    marked: frozenset[int] = field(default_factory=frozenset)  # numbers of the findings shown


class _Tokens(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[Token] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tokens.append(Token("start", tag, tuple(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tokens.append(Token("void", tag, tuple(attrs)))

    def handle_endtag(self, tag: str) -> None:
        self.tokens.append(Token("end", tag))

    def handle_data(self, data: str) -> None:
        self.tokens.append(Token("text", text=data))


def marked_preview(page: str, report: DocumentReport | None, macros: Template) -> Preview:
    """The body of `page` (the HTML edition), its findings marked with the `mark_open` and
    `label` macros of `macros`; without a report, the body alone."""
    tokens = _body(page)
    text, starts = _text_of(tokens)
    marks = _marks(text, report) if report else []
    return Preview(_write(tokens, starts, marks, macros.module), frozenset(m.number for m in marks))


def _body(page: str) -> list[Token]:
    """The tokens inside <body>, without the skip link, with ids prefixed and the landmarks that
    belong to a page of their own made plain."""
    parser = _Tokens()
    parser.feed(page)
    parser.close()
    tokens = parser.tokens
    start = next(i for i, t in enumerate(tokens) if t.kind == "start" and t.tag == "body") + 1
    end = max(i for i, t in enumerate(tokens) if t.kind == "end" and t.tag == "body")
    body, skipping = [], 0
    for token in tokens[start:end]:
        if token.kind == "start" and token.tag == "a" and ("class", "skip-link") in token.attrs:
            skipping = 1
            continue
        if skipping:
            skipping += _link_depth(token)
            continue
        body.append(_plain_landmark(token) if token.kind != "text" else token)
    return body


def _plain_landmark(token: Token) -> Token:
    tag = LANDMARKS.get(token.tag, token.tag)
    attrs = []
    for name, value in token.attrs:
        if value is not None and name in ID_ATTRIBUTES:
            value = " ".join(ID_PREFIX + part for part in value.split())
        elif value is not None and name == "href" and value.startswith("#"):
            value = "#" + ID_PREFIX + value[1:]
        attrs.append((name, value))
    return Token(token.kind, tag, tuple(attrs), token.text)


def _text_of(tokens: list[Token]) -> tuple[str, dict[int, int]]:
    """The page's text, and where each text token starts in it."""
    parts, starts, length = [], {}, 0
    for index, token in enumerate(tokens):
        if token.kind == "text":
            starts[index] = length
            parts.append(token.text)
            length += len(token.text)
    return "".join(parts), starts


def _marks(text: str, report: DocumentReport) -> list[Mark]:
    """Where each placed finding falls in the page's text; findings of the whole leaflet, and
    of text the page does not show (easy-read blocks), get no mark."""
    numbers = {id(finding): number for number, finding in enumerate(report.findings, 1)}
    blocks, _ = place_findings(report)
    marks, cursor = [], 0
    for block in blocks:
        if block.profile != "standard":
            continue
        for sentence in block.sentences:
            found = _sentence_range(text, sentence.text, cursor)
            if found is None:
                continue
            cursor = found[1]
            for finding in sentence.findings:
                words = finding.text if finding.text != sentence.text else ""
                start, end = _words_range(text, words, *found) or found
                marks.append(Mark(start, end, numbers[id(finding)], finding))
    return marks


def _pattern(words: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + r"[\W_]+".join(re.escape(word) for word in words) + r"(?!\w)")


def _sentence_range(text: str, sentence: str, cursor: int) -> tuple[int, int] | None:
    """Where the sentence stands in the page's text, its closing punctuation included."""
    spans = word_spans(sentence)
    if not spans:
        return None
    words = [word for _, word in spans]
    first = _pattern(words[:EDGE_WORDS]).search(text, cursor)
    if first is None:
        return None
    last = _pattern(words[-EDGE_WORDS:]).search(text, first.start())
    if last is None or last.end() - first.start() > 2 * len(sentence) + 200:
        return None
    end = max(first.end(), last.end())
    closing = sentence[spans[-1][0] + len(spans[-1][1]) :]
    return first.start(), end + len(closing) if text.startswith(closing, end) else end


def _words_range(text: str, words: str, start: int, end: int) -> tuple[int, int] | None:
    """The finding's own words inside its sentence, when it names some."""
    spans = [word for _, word in word_spans(words)]
    if not spans:
        return None
    found = re.compile(_pattern(spans).pattern, re.IGNORECASE).search(text, start, end)
    return (found.start(), found.end()) if found else None


def _write(tokens: list[Token], starts: dict[int, int], marks: list[Mark], macros) -> str:
    out: list[str] = []
    waiting: list[Mark] = []  # labels that must wait until the link they fall in has closed
    in_links = 0
    for index, token in enumerate(tokens):
        if token.kind == "text":
            labels = _write_text(out, token.text, starts[index], marks, macros)
            waiting.extend(labels)
        else:
            out.append(_tag(token))
            in_links += _link_depth(token)
        if waiting and in_links == 0:
            out.extend(str(macros.label(mark.number, mark.finding)) for mark in waiting)
            waiting.clear()
    return "".join(out)


def _write_text(out: list[str], text: str, offset: int, marks: list[Mark], macros) -> list[Mark]:
    """Write one piece of text with the marks over it; return the marks that end in it."""
    end = offset + len(text)
    over = [mark for mark in marks if mark.start < end and mark.end > offset]
    if not over:
        out.append(escape(text, quote=False))
        return []
    inside = {edge for mark in over for edge in (mark.start, mark.end) if offset < edge < end}
    cuts = sorted({offset, end, *inside})
    ended = []
    for low, high in zip(cuts, cuts[1:], strict=False):
        covering = [mark for mark in over if mark.start <= low and mark.end >= high]
        covering.sort(key=lambda mark: (mark.start, -mark.end))  # the widest mark outside
        out.extend(str(macros.mark_open(mark.number, mark.finding)) for mark in covering)
        out.append(escape(text[low - offset : high - offset], quote=False))
        out.append("</mark>" * len(covering))
        ended.extend(mark for mark in over if mark.end == high)
    return ended


def _link_depth(token: Token) -> int:
    """+1 as a link opens, -1 as it closes."""
    if token.tag != "a":
        return 0
    return {"start": 1, "end": -1}.get(token.kind, 0)


def _tag(token: Token) -> str:
    if token.kind == "end":
        return f"</{token.tag}>"
    attributes = "".join(
        f" {name}" if value is None else f' {name}="{escape(value, quote=True)}"'
        for name, value in token.attrs
    )  # fmt: skip
    return f"<{token.tag}{attributes}{' /' if token.kind == 'void' else ''}>"
