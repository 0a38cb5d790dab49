"""Inline text as leaflet Markdown: escaped so that the leaflet reader reads back the same words."""

from __future__ import annotations

import re
from dataclasses import replace

from markdown_it import MarkdownIt

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

# Characters that would start markup anywhere in a line; CommonMark lets a backslash escape them.
ANYWHERE = re.compile(r"([\\`*_\[\]<])")
ENTITY = re.compile(r"&(?=#?\w+;)")
# What would start a block at the start of a line: a heading, quote, list, box, rule or underline.
LINE_START = re.compile(r"^(\s*)(#|>|[-+](?=\s|$)|=+\s*$|:::|\d+(?=[.)](?:\s|$)))")
NEEDS_ANGLE_BRACKETS = re.compile(r"[\s()<>]")


def escape(text: str, in_table: bool = False) -> str:
    text = ENTITY.sub(r"\\&", ANYWHERE.sub(r"\\\1", text.replace("\n", " ")))
    return text.replace("|", r"\|") if in_table else text


def escape_line_starts(text: str) -> str:
    """Each line of a paragraph as text, never as the start of a heading, list or box."""
    return "\n".join(LINE_START.sub(_escaped_start, line) for line in text.split("\n"))


def _escaped_start(match: re.Match) -> str:
    spaces, mark = match.groups()
    if mark[0].isdigit():
        return spaces + mark + "\\"  # "1\. ": the digits stay, the full stop is escaped
    return spaces + "\\" + mark


def inline_text(inlines: tuple[Inline, ...], in_table: bool = False) -> str:
    return joined([_inline(inline, in_table) for inline in simplified(inlines)])


def joined(pieces: list[str]) -> str:
    """The pieces in a row; a "!" just before a link is escaped, or "![words](...)" is a picture."""
    text = ""
    for piece in pieces:
        if text.endswith("!") and not text.endswith("\\!") and piece.startswith("["):
            text = text[:-1] + "\\!"
        text += piece
    return text


def simplified(inlines: tuple[Inline, ...], inside: tuple[type, ...] = ()) -> tuple[Inline, ...]:
    """What Markdown can say: bold in bold is bold, a link in a link is its words, and two bold
    runs side by side are one (`**a****b**` would not be bold at all)."""
    found: list[Inline] = []
    for inline in inlines:
        if isinstance(inline, Strong | Emphasis | Link):
            children = simplified(inline.children, (*inside, type(inline)))
            if isinstance(inline, inside):
                found.extend(children)
                continue
            inline = replace(inline, children=children)
            previous = found[-1] if found else None
            if type(previous) is type(inline) and not isinstance(inline, Link):
                found[-1] = replace(previous, children=previous.children + inline.children)
                continue
        found.append(inline)
    return tuple(found)


def _inline(inline: Inline, in_table: bool) -> str:
    if isinstance(inline, Text | GlossaryTerm | Abbreviation):
        return escape(inline.text, in_table)
    if isinstance(inline, Code):
        return _code(inline.text, in_table)
    if isinstance(inline, LineBreak):
        return " " if in_table else "\\\n"
    if isinstance(inline, Strong | Emphasis):
        return _wrapped(inline_text(inline.children, in_table), "**" if isinstance(inline, Strong) else "*")
    if isinstance(inline, Link):
        return f"[{inline_text(inline.children, in_table)}]({_address(inline.href)})"
    return ""


def _wrapped(inner: str, mark: str) -> str:
    """Bold or emphasis, with the spaces at its edges outside the marks (or it is not markup)."""
    stripped = inner.strip()
    if not stripped:
        return inner
    before = inner[: len(inner) - len(inner.lstrip())]
    after = inner[len(inner.rstrip()) :]
    return f"{before}{mark}{stripped}{mark}{after}"


def _code(text: str, in_table: bool) -> str:
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    padded = f" {text} " if text.startswith("`") or text.endswith("`") else text
    code = f"{fence}{padded}{fence}"
    return code.replace("|", r"\|") if in_table else code


def _address(href: str) -> str:
    return f"<{href}>" if NEEDS_ANGLE_BRACKETS.search(href) else href


def reads_back(markdown: str, inlines: tuple[Inline, ...]) -> bool:
    """Whether Markdown gives back the words of `inlines`: bold next to punctuation and letters
    ("**Note:**you") is not bold in CommonMark, and its stars would show."""
    words: list[str] = []
    for token in _PARSER.parseInline(markdown):
        for child in token.children or []:
            if child.type in ("text", "code_inline"):
                words.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                words.append(" ")
    return " ".join("".join(words).split()) == " ".join(plain_text(inlines).split())


def without_emphasis(inlines: tuple[Inline, ...]) -> tuple[Inline, ...]:
    found: list[Inline] = []
    for inline in inlines:
        if isinstance(inline, Strong | Emphasis):
            found.extend(without_emphasis(inline.children))
        elif isinstance(inline, Link):
            found.append(replace(inline, children=without_emphasis(inline.children)))
        else:
            found.append(inline)
    return tuple(found)


_PARSER = MarkdownIt("commonmark")
