"""The YAML front matter of a leaflet: split from the body, checked key by key, typed into Meta."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from ..errors import SourceError
from ..model import AbbreviationEntry, GlossaryEntry, Meta, Organisation, Reference
from .addresses import AddressProblem, email_address, phone_number, shown, web_address
from .frontmatter_mistakes import (
    Mistake,
    closing_forgotten,
    explain,
    first_text_line,
    missing_colon,
    text_inside,
)
from .yaml_source import Mapping, Sequence, YamlRefusal, load_yaml, plain

KNOWN_KEYS = (
    "title", "subtitle", "summary", "language", "slug", "organisation", "reviewed",
    "next_review", "published", "version", "references", "reviewers", "glossary",
    "abbreviations", "audience", "licence", "checks", "pronunciations",
)  # fmt: skip
ORGANISATION_KEYS = ("name", "phone", "email", "website", "address")
REFERENCE_KEYS = {"title", "url"}
DATE_KEYS = ("reviewed", "next_review", "published")
TEXT_KEYS = ("title", "subtitle", "summary", "audience", "licence", "version")
SLUG_PATTERN = re.compile(r"\A[a-z0-9]+(?:-[a-z0-9]+)*\Z")  # \Z: "abc\n" is no slug
LANGUAGE_PATTERN = re.compile(r"\A[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*\Z")
# Names Windows keeps for devices: a folder or file called "con" or "nul.html" cannot be made or
# opened there, and trusts share their output folders with Windows computers.
WINDOWS_DEVICE_NAMES = frozenset(
    ["con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10))]
)
FIRST_LINE = 2  # the front matter's first line, after the opening '---'
ADDRESS_KINDS = {"website": web_address, "email": email_address, "phone": phone_number}


def slug_problem(slug: str) -> str:
    """Why `slug` cannot name a leaflet's files, or "" when it can."""
    if not SLUG_PATTERN.match(slug):
        return "Use small letters, digits and hyphens only, for example 'blood-test'"
    if slug in WINDOWS_DEVICE_NAMES:
        return f"Windows keeps the name '{slug}' for a device and cannot open such files: choose another"
    return ""


@dataclass(frozen=True)
class FrontMatter:
    meta: Meta
    glossary: tuple[GlossaryEntry, ...]
    abbreviations: tuple[AbbreviationEntry, ...]
    body: str
    body_first_line: int


def split_front_matter(text: str, source: Path) -> tuple[str, str, int]:
    """Return (yaml text, body, line number of the body's first line)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise SourceError(
            source, 1, "The leaflet does not start with front matter.",
            "Begin the file with a line '---', then 'title: Your title', then another '---'.",
        )  # fmt: skip
    closing = next((i for i, line in enumerate(lines[1:], start=1) if line.strip() in ("---", "...")), None)
    front = lines[1:closing] if closing else lines[1:]
    text_line = text_inside(front)
    if text_line is None and closing is None:
        text_line = first_text_line(front)
    if text_line is not None:
        raise _refusal(source, closing_forgotten(front, text_line))
    if closing is None:
        raise SourceError(
            source, 1, "The front matter is not closed: there is no second '---' line.",
            "Put a line '---' after the last front-matter setting, before the text of the leaflet.",
        )  # fmt: skip
    return "\n".join(front), "\n".join(lines[closing + 1 :]), closing + 2


def _refusal(source: Path, mistake: Mistake) -> SourceError:
    return SourceError(source, mistake.line + FIRST_LINE, mistake.message, mistake.hint)


def parse_front_matter(text: str, source: Path) -> FrontMatter:
    yaml_text, body, body_first_line = split_front_matter(text, source)
    values = _load_mapping(yaml_text, source)
    fields = _Fields(values, values.key_lines, source)
    meta = fields.meta()
    return FrontMatter(
        meta=meta,
        glossary=fields.glossary(),
        abbreviations=fields.abbreviations(),
        body=body,
        body_first_line=body_first_line,
    )


def _load_mapping(yaml_text: str, source: Path) -> Mapping:
    """The front matter's settings; a mistake in them is refused with its line."""
    try:
        values = load_yaml(yaml_text, FIRST_LINE)
    except YamlRefusal as refusal:
        raise SourceError(source, refusal.line, refusal.message, refusal.hint) from None
    except yaml.YAMLError as error:
        raise _refusal(source, explain(error, yaml_text.split("\n"), KNOWN_KEYS)) from None
    if values is None:
        return Mapping()
    if isinstance(values, str):  # a single line with no ':' reads as text
        raise _refusal(source, missing_colon(yaml_text.split("\n")))
    if not isinstance(values, Mapping):
        raise SourceError(
            source, FIRST_LINE, "The front matter must be a list of 'name: value' lines.",
            "Write each setting on its own line, for example 'title: Having a blood test'.",
        )  # fmt: skip
    # Plain text keys keep the text as written: version 1.10 must not become the number 1.1.
    for key in TEXT_KEYS:
        if key in values.written and values.written[key].strip():
            values[key] = values.written[key]
    return values


class _Fields:
    """Reads each front-matter key, with its line for any complaint."""

    def __init__(self, values: Mapping, lines: dict[str, int], source: Path) -> None:
        self.values = values
        self.lines = lines
        self.source = source
        self._refuse_unknown_keys()

    def fail(self, key: str, message: str, hint: str) -> SourceError:
        return SourceError(self.source, self.lines.get(key, 1), message, hint)

    def _refuse_unknown_keys(self) -> None:
        for key in self.values:
            if str(key) not in KNOWN_KEYS:
                raise self.fail(str(key), f"Unknown front-matter key '{key}'.", _suggest(key))

    def text(self, key: str) -> str | None:
        value = self.values.get(key)
        if value is None:
            return None
        if isinstance(value, dict | list):
            raise self.fail(key, f"'{key}' must be plain text.", f"Write '{key}: ...' on one line.")
        text = str(value).strip()
        return text or None

    def date(self, key: str) -> date | None:
        value = self.text(key)
        if value is None:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise self.fail(
                key, f"'{key}' is not a date: '{value}'.",
                "Write dates as year-month-day, for example 2026-03-31.",
            ) from None  # fmt: skip

    def meta(self) -> Meta:
        title = self.text("title")
        if not title:
            raise self.fail(
                "title", "The leaflet has no title.",
                "Add a line 'title: ...' to the front matter, between the two '---' lines.",
            )  # fmt: skip
        texts = {key: self.text(key) for key in TEXT_KEYS}
        texts["title"] = title
        dates = {key: self.date(key) for key in DATE_KEYS}
        return Meta(
            **texts,
            **dates,
            slug=self.slug(),
            language=self.language(),
            organisation=self.organisation(),
            references=self.references(),
            reviewers=tuple(self.text_list("reviewers")),
            checks=tuple(plain(self.mapping("checks")).items()),
            pronunciations=tuple(self.text_mapping("pronunciations").items()),
            lines=tuple(sorted(self.lines.items(), key=lambda item: item[1])),
        )

    def slug(self) -> str:
        slug = self.text("slug") or self.source.stem
        problem = slug_problem(slug)
        if problem:
            raise self.fail(
                "slug", f"'{slug}' cannot be used as the leaflet's short name (its slug).",
                problem + ("." if "slug" in self.values else ": add 'slug: ...' or rename the file."),
            )  # fmt: skip
        return slug

    def language(self) -> str:
        language = self.text("language") or "en-GB"
        if not LANGUAGE_PATTERN.match(language):
            raise self.fail(
                "language", f"'{language}' is not a language tag.",
                "Use a tag such as en-GB (British English) or cy (Welsh).",
            )  # fmt: skip
        return language

    def mapping(self, key: str) -> Mapping:
        value = self.values.get(key) or Mapping()
        if not isinstance(value, Mapping):
            raise self.fail(
                key, f"'{key}' must be a list of 'name: value' lines.",
                f"Indent each entry under '{key}:' by two spaces, as 'word: meaning'.",
            )  # fmt: skip
        return value

    def text_list(self, key: str) -> list[str]:
        value = self.values.get(key) or []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or any(isinstance(v, dict | list) for v in value):
            raise self.fail(
                key, f"'{key}' must be a list.", f"Write each entry under '{key}:' as '- ...'."
            )
        return [str(entry).strip() for entry in value if str(entry).strip()]

    def text_mapping(self, key: str) -> dict[str, str]:
        entries = self.mapping(key)
        for name, entry in entries.items():
            if isinstance(entry, dict | list) or entry is None or not str(entry).strip():
                raise SourceError(
                    self.source, entries.key_lines.get(name, self.lines.get(key, 1)),
                    f"The entry '{name}' under '{key}' has no plain explanation.",
                    f"Write it as '{name}: a short explanation in plain words'.",
                )  # fmt: skip
        return {name: str(entries.written.get(name, entry)).strip() for name, entry in entries.items()}

    def organisation(self) -> Organisation | None:
        value = self.values.get("organisation")
        if value is None:
            return None
        if isinstance(value, str):
            return Organisation(name=value)
        details = self.text_mapping("organisation")
        unknown = [key for key in details if key not in ORGANISATION_KEYS]
        if unknown or "name" not in details:
            raise self.fail(
                "organisation", "The organisation needs a 'name', and only these details: "
                + ", ".join(ORGANISATION_KEYS) + ".",
                _suggest(unknown[0], ORGANISATION_KEYS) if unknown else "Add 'name: ...'.",
            )  # fmt: skip
        lines = value.key_lines
        for kind, check in ADDRESS_KINDS.items():
            if kind in details:
                details[kind] = self.address(check, details[kind], f"organisation's {kind}", lines[kind])
        return Organisation(**details)

    def address(self, check, address: str, what: str, line: int) -> str:
        """The address after the one address checker (addresses.py); refused with its line."""
        try:
            return check(address)
        except AddressProblem as problem:
            raise SourceError(self.source, line, f"The {what} '{shown(address)}' {problem.message}.",
                              problem.hint) from None  # fmt: skip

    def references(self) -> tuple[Reference, ...]:
        value = self.values.get("references") or Sequence()
        if not isinstance(value, Sequence):
            raise self.fail(
                "references", "'references' must be a list.",
                "Write each source under 'references:' as '- ...'.",
            )  # fmt: skip
        return tuple(map(self._reference, value, value.item_lines))

    def _reference(self, entry: Any, line: int) -> Reference:
        titled = isinstance(entry, Mapping) and isinstance(entry.get("title"), str)
        if titled and set(entry) <= REFERENCE_KEYS:
            url = entry.get("url")
            if url is None:
                return Reference(text=entry["title"].strip())
            checked = self.address(web_address, str(url), "reference's url", entry.key_lines["url"])
            return Reference(text=entry["title"].strip(), url=checked)
        if isinstance(entry, str) and entry.strip():
            return Reference(text=entry.strip())
        if isinstance(entry, Mapping) and len(entry) == 1 and "title" not in entry:
            name, value = next(iter(entry.items()))
            raise SourceError(
                self.source, line, "This reference has a ':' in it, so it reads as a setting.",
                f'Put the whole reference in double quotes: - "{name}: {value}"',
            )  # fmt: skip
        raise SourceError(
            self.source, line, "A reference must be a line of text, or a 'title' with a 'url'.",
            "Write '- title: \"NHS website: leukaemia\"' and, under it, '  url: https://...'.",
        )  # fmt: skip

    def glossary(self) -> tuple[GlossaryEntry, ...]:
        entries = self.text_mapping("glossary")
        return tuple(GlossaryEntry(term, text) for term, text in entries.items())

    def abbreviations(self) -> tuple[AbbreviationEntry, ...]:
        entries = self.text_mapping("abbreviations")
        return tuple(AbbreviationEntry(short, full) for short, full in entries.items())


def _suggest(key: object, known: tuple[str, ...] = KNOWN_KEYS) -> str:
    nearest = difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)
    if nearest:
        return f"Did you mean '{nearest[0]}'? Check the spelling of the key."
    return "The keys a leaflet can have are: " + ", ".join(known) + "."
