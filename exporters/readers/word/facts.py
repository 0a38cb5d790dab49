"""Facts about the leaflet written in its text ("Reviewed: 01 March 2022"), for the front matter.

A line that holds only such facts leaves the body: the outputs print the dates, the version and
the reviewers themselves, from the front matter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

from .dates import DATE_PATTERN, parse_date
from .notes import Notes, Sure, quoted

PHRASES = Path(__file__).resolve().parent / "data" / "phrases.yaml"
SEPARATORS = re.compile(r"\s+[|\u00b7\u2022]\s+|\s*;\s+")
VERSION = re.compile(r"^v?(\d+(?:\.\d+)*[a-z]?)$", re.IGNORECASE)
COPYRIGHT = re.compile(r"^(\u00a9|\(c\)|copyright\b)", re.IGNORECASE)
SMALL_WORDS = {"of", "and", "the", "for", "in", "on", "at", "to", "with", "a", "an", "&"}
# Dates inside a sentence: "This leaflet was reviewed in March 2022 and is due for review in 2025."
SENTENCE_FORMS = (
    (
        "next_review",
        re.compile(
            rf"(?:next review|due for review|review(?:ed)? again|will be reviewed)"
            rf"\D{{0,25}}?\b({DATE_PATTERN})",
            re.IGNORECASE,
        ),
    ),
    (
        "reviewed",
        re.compile(rf"(?:last reviewed|was reviewed|reviewed)\D{{0,12}}?\b({DATE_PATTERN})", re.IGNORECASE),
    ),
    ("published", re.compile(rf"(?:published|issued)\D{{0,12}}?\b({DATE_PATTERN})", re.IGNORECASE)),
)
DATE_KEYS = ("published", "reviewed", "next_review")


@lru_cache(maxsize=1)
def phrases() -> dict:
    return yaml.safe_load(PHRASES.read_text(encoding="utf-8"))


def _label_pattern(labels: list[str]) -> str:
    return "|".join(re.escape(label) for label in labels)


@dataclass
class Facts:
    """What the text said about the leaflet itself."""

    dates: dict[str, date] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    reviewers: list[str] = field(default_factory=list)

    def read_line(self, line: str, notes: Notes) -> bool:
        """Take the facts of a line that holds nothing else; False (and nothing taken) otherwise."""
        whole = _fact(line)
        parts = [line] if whole else [part for part in SEPARATORS.split(line.strip()) if part.strip()]
        found = [whole] if whole else [_fact(part) for part in parts]
        if not parts or any(fact is None for fact in found):
            return False
        for fact in found:
            self._keep(*fact, line, notes)
        return True

    def read_sentences(self, text: str, notes: Notes) -> bool:
        """Take the dates of a short paragraph whose every sentence says when it was reviewed or published."""
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]
        found = []
        for sentence in sentences:
            facts = []
            for key, form in SENTENCE_FORMS:
                for match in form.finditer(sentence):
                    parsed = parse_date(match.group(1))
                    if parsed and key not in (k for k, *_ in facts) and not _inside(match, facts):
                        facts.append((key, *parsed, match.span()))
            if not facts:
                return False
            found.extend(facts)
        for key, day, exact, _ in found:
            self._keep(key, day, exact, text, notes)
        return True

    def _keep(self, key: str, value, exact: bool, line: str, notes: Notes) -> None:
        if key in DATE_KEYS:
            if key in self.dates:
                return
            self.dates[key] = value
            guessed_day = "" if exact else ": no day was given, so the 1st is used"
            notes.guess(
                f"{key}: {value.isoformat()}, from {quoted(line)}{guessed_day}.",
                Sure.SURE if exact else Sure.FAIRLY,
            )
        elif key == "reviewers":
            self.reviewers.extend(r for r in split_reviewers(value) if r not in self.reviewers)
            notes.guess(f"reviewers: {'; '.join(self.reviewers)}, from {quoted(line)}.", Sure.FAIRLY)
        elif key not in self.texts:
            self.texts[key] = value
            notes.guess(f"{key}: {quoted(value)}, from {quoted(line)}.", Sure.SURE if exact else Sure.FAIRLY)


def _inside(match: re.Match, facts: list) -> bool:
    return any(start <= match.start() < end for *_, (start, end) in facts)


def _fact(part: str) -> tuple[str, object, bool] | None:
    """(key, value, whether sure) of one "label: value" piece, or None."""
    words = phrases()
    for key, labels in words["dates"].items():
        match = re.match(
            rf"^\s*({_label_pattern(labels)})\b\s*(?:[:\-\u2013]\s*|\s+(?:on|in|by)\s+|\s+)(.+)$",
            part,
            re.IGNORECASE,
        )
        parsed = parse_date(match.group(2)) if match else None
        if parsed:
            return key, parsed[0], parsed[1]
    for key, labels in words["texts"].items():
        match = re.match(rf"^\s*({_label_pattern(labels)})\s*:\s*(.+)$", part, re.IGNORECASE)
        if match and (key != "version" or VERSION.match(match.group(2).strip())):
            value = match.group(2).strip()
            return key, VERSION.match(value).group(1) if key == "version" else value, True
    if COPYRIGHT.match(part.strip()):
        return "licence", part.strip(), False
    return None


def split_reviewers(text: str) -> list[str]:
    """Reviewers are listed with "; " by our outputs; written with commas, "Consultant haematologist,
    Northfield Haematology Service, Members of our reading group" is two: a piece in Title Case
    ("Northfield Haematology Service") or in small letters belongs to the one before."""
    if ";" in text:
        return [piece.strip() for piece in text.split(";") if piece.strip()]
    reviewers: list[str] = []
    for piece in (p.strip() for p in text.split(",")):
        if not piece:
            continue
        if reviewers and (_title_case(piece) or piece[:1].islower()):  # "..., and their carers" too
            reviewers[-1] += ", " + piece
        else:
            reviewers.append(piece)
    return reviewers


def _title_case(piece: str) -> bool:
    words = [word for word in piece.split() if word.lower() not in SMALL_WORDS]
    return len(words) > 1 and all(word[:1].isupper() for word in words)


def is_added_by_outputs(text: str) -> bool:
    return text.strip().lower().startswith(tuple(line.lower() for line in phrases()["added_by_outputs"]))


def section_kind(heading_words: str) -> str:
    """'references', 'glossary', 'contact', 'about' or '' for a heading's words."""
    wanted = heading_words.strip().rstrip(":").strip().lower()
    for kind, names in phrases()["sections"].items():
        if wanted in names:
            return kind
    return ""


def contact_detail(line: str) -> tuple[str, str] | None:
    """("phone", "01632 960 555") from "Phone: 01632 960 555"."""
    for key, labels in phrases()["contact_details"].items():
        match = re.match(rf"^\s*({_label_pattern(labels)})\s*:\s*(.+?)\s*\.?$", line, re.IGNORECASE)
        if match:
            return key, match.group(2)
    return None


def looks_like_organisation(name: str) -> bool:
    found = {word.lower().strip(".,") for word in name.split()}
    return bool(found & set(phrases()["organisation_words"]))
