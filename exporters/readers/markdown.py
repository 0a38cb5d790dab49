"""Markdown (CommonMark, tables, ::: containers) to the blocks and inlines of the model."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.container import container_plugin

from ..errors import SourceError
from ..model import (
    Block,
    Code,
    EasyRead,
    EasyReadRow,
    Emphasis,
    Heading,
    Important,
    Inline,
    LineBreak,
    Link,
    ListBlock,
    ListItem,
    Paragraph,
    Picture,
    Preformatted,
    Quote,
    Strong,
    Suppression,
    Table,
    TableCell,
    Text,
    plain_text,
)  # fmt: skip
from .addresses import AddressProblem, link_target, shown
from .picture_words import choose_picture, load_picture_words
from .pictures import icon_picture, resolve_picture
from .terms import TermMarker, capitalise_sentence_starts

CONTAINERS = ("important", "easy-read")
COMMENT = re.compile(r"^<!--(.*?)-->$", re.DOTALL)
DIRECTIVE = re.compile(r"^\s*leaflet:\s*(\w[\w-]*)\s*(.*?)\s*$", re.DOTALL)


MAX_NESTING = 40  # lists in lists, quotes in quotes, bold in bold: far deeper than any leaflet


def parse_markdown(body: str, source: Path, first_line: int) -> list[SyntaxTreeNode]:
    parser = MarkdownIt("commonmark", {"html": True}).enable("table")
    # markdown-it leaves a javascript:, vbscript:, file: or data: link as literal text; every link
    # is taken as a link here instead, so that the address checker refuses it with its line.
    parser.validateLink = lambda url: True
    # One container kind that accepts any name, so that an unknown name gets our own error.
    container_plugin(parser, "box", validate=lambda params, *_: True)
    tokens = parser.parse(body)
    _refuse_deep_nesting(tokens, source, first_line)
    return SyntaxTreeNode(tokens).children


def _refuse_deep_nesting(tokens: list, source: Path, first_line: int) -> None:
    line = first_line
    for token in tokens:
        line = first_line + token.map[0] if token.map else line
        deepest = max([token.level, *(child.level + token.level for child in token.children or [])])
        if deepest > MAX_NESTING:
            raise SourceError(
                source, line, f"The text here is nested more than {MAX_NESTING} levels deep.",
                "Use fewer lists inside lists, quotes inside quotes or bold inside bold.",
            )  # fmt: skip


@dataclass
class BlockReader:
    """Turns the Markdown syntax tree into model blocks, checking every construct on the way."""

    source: Path
    first_line: int
    text_terms: TermMarker
    easy_read_terms: TermMarker
    suppressions: list[Suppression] = field(default_factory=list)
    _pending_ignores: list[tuple[frozenset[str], int]] = field(default_factory=list)
    _anchors: set[str] = field(default_factory=set)
    _next_number: dict[str, int] = field(default_factory=dict)

    def line(self, node: SyntaxTreeNode) -> int:
        return (node.map[0] if node.map else 0) + self.first_line

    def last_line(self, node: SyntaxTreeNode) -> int:
        return (node.map[1] - 1 if node.map else 0) + self.first_line

    def fail(self, node: SyntaxTreeNode | int, message: str, hint: str) -> SourceError:
        line = node if isinstance(node, int) else self.line(node)
        return SourceError(self.source, line, message, hint)

    # Blocks -------------------------------------------------------------------------------

    def blocks(self, nodes: list[SyntaxTreeNode], inside: str = "") -> list[Block | EasyRead]:
        found: list[Block | EasyRead] = []
        for node in nodes:
            if node.type == "html_block":
                self._html_block(node)
                continue
            self._apply_pending_ignores(node)
            block = self.block(node, inside)
            if block is not None:
                found.append(block)
        return found

    def block(self, node: SyntaxTreeNode, inside: str) -> Block | EasyRead | None:
        kind = node.type
        if kind == "heading":
            return self.heading(node)
        if kind == "paragraph":
            return self.paragraph(node)
        if kind in ("bullet_list", "ordered_list"):
            return self.list_block(node, inside)
        if kind == "blockquote":
            return Quote(tuple(self.blocks(node.children, inside)), self.line(node))
        if kind in ("fence", "code_block"):
            return Preformatted(node.content.rstrip("\n"), self.line(node))
        if kind == "table":
            return self.table(node)
        if kind == "container_box":
            return self.container(node, inside)
        if kind == "hr":
            return None
        raise self.fail(node, f"This kind of Markdown ({kind}) is not supported.",
                        "Write it as a paragraph, a list or a table.")  # fmt: skip

    def heading(self, node: SyntaxTreeNode) -> Heading:
        level = int(node.tag[1])
        content = self.inlines(node.children[0].children, node, terms=None)
        if not plain_text(tuple(content)).strip():
            raise self.fail(node, "This heading is empty.", "Write the heading's words after '#'.")
        self.text_terms.observe(plain_text(tuple(content)))
        return Heading(level, tuple(content), self.anchor(plain_text(tuple(content))), self.line(node))

    def anchor(self, text: str) -> str:
        return heading_anchor(text, self._anchors, self._next_number)

    def paragraph(self, node: SyntaxTreeNode) -> Paragraph | Picture:
        children = node.children[0].children
        meaningful = [c for c in children if not _is_blank(c)]
        if len(meaningful) == 1 and meaningful[0].type == "image":
            return self.picture(meaningful[0], self.line(node))
        return Paragraph(tuple(self.block_inlines(children, node, self.text_terms)), self.line(node))

    def list_block(self, node: SyntaxTreeNode, inside: str) -> ListBlock:
        items = tuple(
            ListItem(tuple(self.blocks(item.children, inside)), self.line(item))  # type: ignore[arg-type]
            for item in node.children
        )
        start = int(node.attrs.get("start", 1)) if node.type == "ordered_list" else 1
        return ListBlock(node.type == "ordered_list", items, self.line(node), start)

    def table(self, node: SyntaxTreeNode) -> Table:
        sections = {child.type: child for child in node.children}
        header = tuple(self.cell(cell, node) for cell in sections["thead"].children[0].children)
        body = sections.get("tbody")
        rows = tuple(
            tuple(self.cell(cell, row) for cell in row.children) for row in (body.children if body else [])
        )
        return Table(header, rows, self.line(node))

    def cell(self, cell: SyntaxTreeNode, row: SyntaxTreeNode) -> TableCell:
        style = str(cell.attrs.get("style", ""))
        align = style.removeprefix("text-align:") if style.startswith("text-align:") else None
        inline = cell.children[0].children if cell.children else []
        return TableCell(tuple(self.block_inlines(inline, row, self.text_terms)), align)

    def container(self, node: SyntaxTreeNode, inside: str) -> Important | EasyRead:
        name = node.info.strip()
        if name not in CONTAINERS:
            raise self.fail(
                node, f"Unknown block '::: {name}'.",
                "The blocks a leaflet can have are '::: important' and '::: easy-read'.",
            )  # fmt: skip
        if inside:
            raise self.fail(node, f"A '::: {name}' block cannot stand inside '::: {inside}'.",
                            "Close the outer block with ':::' first.")  # fmt: skip
        if name == "important":
            return Important(tuple(self.blocks(node.children, name)), self.line(node))  # type: ignore[arg-type]
        return self.easy_read(node)

    def easy_read(self, node: SyntaxTreeNode) -> EasyRead:
        draft = False
        rows: list[EasyReadRow] = []
        for child in node.children:
            if child.type == "html_block":
                draft = self._html_block(child) or draft
            elif child.type == "bullet_list":
                rows.extend(self.easy_read_row(item) for item in child.children)
            else:
                raise self.fail(
                    child, "An easy-read block holds only a list.",
                    "Write each row as '- ![what the picture shows](icon:NAME) One short sentence.'",
                )  # fmt: skip
        if not rows:
            raise self.fail(
                node,
                "This easy-read block is empty.",
                "Add rows: '- ![what the picture shows](icon:NAME) One short sentence.'",
            )
        return EasyRead(tuple(rows), self.line(node), draft)

    def easy_read_row(self, item: SyntaxTreeNode) -> EasyReadRow:
        if len(item.children) != 1 or item.children[0].type != "paragraph":
            raise self.fail(
                item, "An easy-read row holds one picture and one or two short sentences.",
                "Put each row on one line; start a new '- ' row for the next idea.",
            )  # fmt: skip
        children = [c for c in item.children[0].children[0].children]
        picture = None
        if children and children[0].type == "image":
            picture = self.picture(children[0], self.line(item))
            children = children[1:]
        content = self.block_inlines(children, item, self.easy_read_terms)
        if content and isinstance(content[0], Text):
            content[0] = Text(content[0].text.lstrip())
        if content and isinstance(content[-1], Text):  # before a comment at the end of the row
            content[-1] = Text(content[-1].text.rstrip())
        words = plain_text(tuple(content))
        if not words.strip():
            raise self.fail(
                item,
                "This easy-read row has a picture but no words.",
                "Write one or two short sentences after the picture.",
            )
        return EasyReadRow(
            picture or self.picture_for(words, self.line(item)), tuple(content), self.line(item)
        )

    def picture_for(self, words: str, line: int) -> Picture | None:
        """A Health Icons picture chosen by the row's words, where one clearly fits."""
        chosen = choose_picture(words, load_picture_words())
        if chosen is None:
            return None
        return icon_picture(chosen.icon, chosen.alt, self.source, line)

    def picture(self, node: SyntaxTreeNode, line: int) -> Picture:
        alt = "".join(child.content for child in node.children) if node.children else ""
        title = str(node.attrs.get("title") or "")
        return resolve_picture(self.source, line, alt, str(node.attrs.get("src", "")), title)

    # Comments and raw HTML ----------------------------------------------------------------

    def _html_block(self, node: SyntaxTreeNode) -> bool:
        """Handle a comment on its own line; return True when it marks a draft."""
        return self._comment(node.content.strip(), node, self.last_line(node), block=True)

    def _comment(self, html: str, node: SyntaxTreeNode, line: int, block: bool) -> bool:
        match = COMMENT.match(html)
        if not match:
            raise self.fail(
                line, "Raw HTML is not allowed in a leaflet.",
                "Write it in Markdown instead: the outputs make their own accessible markup.",
            )  # fmt: skip
        directive = DIRECTIVE.match(match.group(1))
        if not directive:
            return False
        name, argument = directive.groups()
        if name == "draft":
            return True
        if name != "ignore" or not argument:
            raise self.fail(
                line, f"Unknown leaflet comment '{match.group(0)}'.",
                "Write '<!-- leaflet: ignore RULE -->' to silence a check, or "
                "'<!-- leaflet: draft -->' to mark a draft easy-read block.",
            )  # fmt: skip
        rules = frozenset(re.split(r"[\s,]+", argument.strip()))
        if block:
            self._pending_ignores.append((rules, self.line(node)))
        else:
            self.suppressions.append(Suppression(rules, self.line(node), self.last_line(node)))
        return False

    def _apply_pending_ignores(self, node: SyntaxTreeNode) -> None:
        for rules, comment_line in self._pending_ignores:
            self.suppressions.append(Suppression(rules, comment_line, self.last_line(node)))
        self._pending_ignores.clear()

    def flush_ignores(self) -> None:
        """A comment with nothing after it silences only its own line."""
        for rules, comment_line in self._pending_ignores:
            self.suppressions.append(Suppression(rules, comment_line, comment_line))
        self._pending_ignores.clear()

    # Inlines ------------------------------------------------------------------------------

    def block_inlines(
        self, nodes: list[SyntaxTreeNode], block: SyntaxTreeNode, terms: TermMarker
    ) -> list[Inline]:
        """The inlines of a whole paragraph, cell or row."""
        return capitalise_sentence_starts(self.inlines(nodes, block, terms))

    def inlines(
        self, nodes: list[SyntaxTreeNode], block: SyntaxTreeNode, terms: TermMarker | None
    ) -> list[Inline]:
        found: list[Inline] = []
        for node in nodes:
            found.extend(self.inline(node, block, terms))
        return _merge_text(found)

    def inline(self, node: SyntaxTreeNode, block: SyntaxTreeNode, terms: TermMarker | None) -> list[Inline]:
        kind = node.type
        if kind == "text":
            return terms.mark(node.content) if terms else [Text(node.content)]
        if kind == "softbreak":
            return [Text(" ")]
        if kind == "hardbreak":
            return [LineBreak()]
        if kind == "code_inline":
            return [Code(node.content)]
        if kind == "strong":
            return [Strong(tuple(self.inlines(node.children, block, terms)))]
        if kind == "em":
            return [Emphasis(tuple(self.inlines(node.children, block, terms)))]
        if kind == "link":
            return [self.link(node, block)]
        if kind == "html_inline":
            self._comment(node.content.strip(), block, self.line(block), block=False)
            return []
        if kind == "image":
            raise self.fail(
                block, "A picture stands in the middle of a sentence.",
                "Put the picture on a line of its own, with a blank line before and after it.",
            )  # fmt: skip
        raise self.fail(block, f"This kind of Markdown ({kind}) is not supported.",
                        "Write it as plain text.")  # fmt: skip

    def link(self, node: SyntaxTreeNode, block: SyntaxTreeNode) -> Link:
        href = str(node.attrs.get("href", "")).strip()
        try:
            href = link_target(href)
        except AddressProblem as problem:
            raise self.fail(block, f"The link '{shown(href)}' {problem.message}.", problem.hint) from None
        return Link(href, tuple(self.inlines(node.children, block, terms=None)))


def heading_anchor(text: str, taken: set[str], counters: dict[str, int] | None = None) -> str:
    """The anchor of a heading: its words in small letters with hyphens, made unique among `taken`.

    `counters` remembers where the numbering of each base went on to, so that 4,000 headings
    called "Step" take linear time, not quadratic; the anchors are the same with or without it.
    """
    base = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "section"
    number = counters.get(base, 2) if counters is not None else 2
    anchor = base if base not in taken else f"{base}-{number}"
    while anchor in taken:
        number += 1
        anchor = f"{base}-{number}"
    if counters is not None and anchor != base:
        counters[base] = number + 1
    taken.add(anchor)
    return anchor


def _is_blank(node: SyntaxTreeNode) -> bool:
    return node.type == "softbreak" or (node.type == "text" and not node.content.strip())


def _merge_text(inlines: list[Inline]) -> list[Inline]:
    merged: list[Inline] = []
    for inline in inlines:
        if isinstance(inline, Text) and merged and isinstance(merged[-1], Text):
            merged[-1] = Text(merged[-1].text + inline.text)
        else:
            merged.append(inline)
    return merged
