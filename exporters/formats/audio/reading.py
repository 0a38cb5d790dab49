"""What the audio editions read aloud: the content documents of the edition's e-book, in reading
order, one utterance per sentence, each tied to an element of the document by its id.

Reading the e-book's own documents means the talking book highlights exactly the text it speaks
and the MP3 says the same words. Around the text, layouts/audio/speech.yaml adds what a listener
needs and a reader sees: "This next part is important." for the label of an important box, how
many points a list has and the number of each point, the heading of a table cell's column, the
description of a picture that carries meaning, and the pauses after headings and items.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import yaml
from lxml import etree

from ...sentences import split_sentences
from .marking import Run, mark_sentences
from .normaliser import Normaliser
from .spoken import Piece, as_text, capitalised

SPEECH_FILE = "audio/speech.yaml"
BLOCKS = frozenset(
    "address article aside blockquote body dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 "
    "header html li main nav ol p pre section table tbody td tfoot th thead tr ul".split()
)
HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
ITEMS = frozenset("li dt dd td th".split())
SKIPPED = frozenset("head script style".split())
BOUNDARIES = BLOCKS | SKIPPED | {"img"}  # what ends a run of inline text
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=False)


@dataclass(frozen=True, slots=True)
class Utterance:
    """One sentence: the id of the element shown while it is said, what is said, and the
    silence after it (milliseconds)."""

    target: str
    spoken: tuple[Piece, ...]
    pause: int

    @property
    def script(self) -> str:
        return as_text(self.spoken)


@dataclass(frozen=True, slots=True)
class ReadDocument:
    """One content document read aloud: its markup now has an id on every sentence."""

    file_name: str
    title: str
    matter: str  # the epub:type of its body: cover, frontmatter, bodymatter, backmatter
    markup: bytes
    utterances: tuple[Utterance, ...]


@lru_cache(maxsize=4)
def load_speech(layouts: Path) -> dict:
    return yaml.safe_load((layouts / SPEECH_FILE).read_text(encoding="utf-8"))


def read_document(file_name: str, title: str, matter: str, markup: bytes, speech: dict,
                  normaliser: Normaliser) -> ReadDocument:  # fmt: skip
    """Find every sentence of one XHTML document, mark it with an id and say what is spoken."""
    root = etree.fromstring(markup, PARSER)
    reader = _Reader(speech, normaliser, {e.get("id") for e in root.iter() if e.get("id")})
    reader.walk(root)
    utterances = reader.utterances
    if utterances:  # the chapter ends with a longer pause
        last = utterances[-1]
        utterances[-1] = replace(last, pause=speech["pauses"]["document"])
    written = etree.tostring(root.getroottree(), xml_declaration=True, encoding="UTF-8")
    return ReadDocument(file_name, title, matter, written, tuple(utterances))


def _name(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _is_boundary(element: etree._Element) -> bool:
    """Blocks, pictures, comments and what is never read (the head) end a run of inline text."""
    return not isinstance(element.tag, str) or _name(element) in BOUNDARIES


def _pause_after(block: str) -> str:
    """Which pause follows the last sentence of a block of this name."""
    return "heading" if block in HEADINGS else "item" if block in ITEMS else "paragraph"


def _in_main(element: etree._Element) -> bool:
    return any(_name(ancestor) == "main" for ancestor in element.iterancestors())


@dataclass
class _Reader:
    speech: dict
    normaliser: Normaliser
    ids: set[str]
    utterances: list[Utterance] = field(default_factory=list)
    prefixes: dict[etree._Element, str] = field(default_factory=dict)  # said before a block's text
    number: int = 0

    def new_id(self) -> str:
        while True:
            self.number += 1
            candidate = f"read-{self.number}"
            if candidate not in self.ids:
                self.ids.add(candidate)
                return candidate

    def id_of(self, element: etree._Element) -> str:
        if not element.get("id"):
            element.set("id", self.new_id())
        return element.get("id")

    def say(self, target: str, spoken: str, pause: str) -> None:
        pauses = self.speech["pauses"]
        said = capitalised(self.normaliser.say(spoken))
        self.utterances.append(Utterance(target, said, pauses[pause]))

    def walk(self, element: etree._Element) -> None:
        name = _name(element)
        if name in SKIPPED or not name or element.get("hidden") is not None:
            return
        if element.get("aria-hidden") == "true":
            return
        if name == "img":
            self.picture(element)
            return
        if name in ("ul", "ol") and not element.get("class") and _in_main(element):
            self.introduce_list(element)
        if name == "table":
            self.introduce_table(element)
        leader, nodes = None, []
        for child in list(element):  # marking a run changes the children
            if _is_boundary(child):
                self.run(Run(element, leader, tuple(nodes)))
                self.walk(child)
                leader, nodes = child, []
            else:
                nodes.append(child)
        self.run(Run(element, leader, tuple(nodes)))
        if name in HEADINGS and element.get("id") in self.speech["said_after_heading"]:
            said = self.speech["said_after_heading"][element.get("id")]
            self.say(element.get("id"), said, "heading")

    def run(self, run: Run) -> None:
        """Mark and say each sentence of one run of text."""
        text = run.text()
        if not text.strip():
            return
        sentences = split_sentences(text)
        if not sentences:
            return
        spans = [(offset, offset + len(sentence)) for offset, sentence in sentences]
        ids = mark_sentences(run, spans, self.new_id)
        block = run.parent
        instead = next((self.speech["said_instead"][c] for c in (block.get("class") or "").split()
                        if c in self.speech["said_instead"]), None)  # fmt: skip
        prefix = self.prefixes.pop(block, "") if run.leader is None else ""
        last_pause = _pause_after(_name(block))
        for number, (target, (_, sentence)) in enumerate(zip(ids, sentences, strict=True)):
            shown = " ".join(sentence.split())
            spoken = instead if instead is not None else (prefix + shown if number == 0 else shown)
            if instead is not None and number:
                continue  # the words said instead stand for the whole block
            self.say(target, spoken, last_pause if number == len(ids) - 1 else "sentence")

    def picture(self, image: etree._Element) -> None:
        description = (image.get("alt") or "").strip()
        pictures = self.speech["pictures"]
        classes = [c for c in (image.get("class") or "").split() if c in pictures]
        wording = pictures[classes[0]] if classes else pictures["default"]
        if not description or wording is None:
            return
        target = self.id_of(image)
        sentences = split_sentences(wording.format(description=description))
        for number, (_, sentence) in enumerate(sentences):
            last = number == len(sentences) - 1
            self.say(target, sentence, "picture" if last else "sentence")

    def introduce_list(self, listing: etree._Element) -> None:
        items = [child for child in listing if _name(child) == "li"]
        if len(items) > 1:
            said = self.speech["list"].format(count=len(items))
            self.say(self.id_of(listing), said, "item")
        if _name(listing) == "ol":
            start = int(listing.get("start") or 1)
            for number, item in enumerate(items, start=start):
                self.prefixes[item] = self.speech["numbered_item"].format(number=number) + " "

    def introduce_table(self, table: etree._Element) -> None:
        rows = [row for row in table.iter("{*}tr") if _name(row.getparent()) != "thead"]
        self.say(self.id_of(table), self.speech["table"].format(rows=len(rows)), "item")
        header = next(table.iter("{*}thead"), None)
        cells = header.iter("{*}th") if header is not None else ()
        headings = [" ".join("".join(cell.itertext()).split()) for cell in cells]
        for row in rows:
            for column, cell in enumerate(c for c in row if _name(c) in ("td", "th")):
                if column < len(headings) and headings[column]:
                    self.prefixes[cell] = self.speech["table_cell"].format(header=headings[column]) + " "
