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

KNOWN_KEYS = (
    "title", "subtitle", "summary", "language", "slug", "organisation", "reviewed",
    "next_review", "published", "version", "references", "reviewers", "glossary",
    "abbreviations", "audience", "licence", "checks", "pronunciations",
)  # fmt: skip
ORGANISATION_KEYS = ("name", "phone", "email", "website", "address")
DATE_KEYS = ("reviewed", "next_review", "published")
TEXT_KEYS = ("title", "subtitle", "summary", "audience", "licence", "version")
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LANGUAGE_PATTERN = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


class _TextLoader(yaml.SafeLoader):
    """A safe loader that leaves dates as text, so that a bad date is reported with its line."""


_TextLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


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
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() in ("---", "..."):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    raise SourceError(
        source, 1, "The front matter is not closed.",
        "Put a line '---' after the last front-matter key, before the text of the leaflet.",
    )  # fmt: skip


def parse_front_matter(text: str, source: Path) -> FrontMatter:
    yaml_text, body, body_first_line = split_front_matter(text, source)
    values, key_lines = _load_mapping(yaml_text, source)
    fields = _Fields(values, key_lines, source)
    meta = fields.meta()
    return FrontMatter(
        meta=meta,
        glossary=fields.glossary(),
        abbreviations=fields.abbreviations(),
        body=body,
        body_first_line=body_first_line,
    )


def _load_mapping(yaml_text: str, source: Path) -> tuple[dict[str, Any], dict[str, int]]:
    try:
        node = yaml.compose(yaml_text, Loader=_TextLoader)
        values = yaml.load(yaml_text, Loader=_TextLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        problem = getattr(error, "problem", None) or "it cannot be read"
        raise SourceError(
            source, line, f"The front matter is not valid YAML: {problem}.",
            "Check the indentation and put text that contains ':' or '#' in quotes.",
        ) from None  # fmt: skip
    if values is None:
        values, node = {}, None
    if not isinstance(values, dict):
        raise SourceError(
            source, 2, "The front matter must be a list of 'key: value' lines.",
            "Write each setting on its own line, for example 'title: Having a blood test'.",
        )  # fmt: skip
    key_lines = {}
    if isinstance(node, yaml.MappingNode):
        key_lines = {str(key.value): key.start_mark.line + 2 for key, _ in node.value}
        # Plain text keys keep the text as written: version 1.10 must not become the number 1.1.
        for key, value in node.value:
            if str(key.value) in TEXT_KEYS and isinstance(value, yaml.ScalarNode) and value.value.strip():
                values[str(key.value)] = value.value
    return values, key_lines


class _Fields:
    """Reads each front-matter key, with its line for any complaint."""

    def __init__(self, values: dict[str, Any], lines: dict[str, int], source: Path) -> None:
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
            raise SourceError(
                self.source, 1, "The leaflet has no title.",
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
            checks=tuple(self.mapping("checks").items()),
            pronunciations=tuple(self.text_mapping("pronunciations").items()),
            lines=tuple(sorted(self.lines.items(), key=lambda item: item[1])),
        )

    def slug(self) -> str:
        slug = self.text("slug") or self.source.stem
        if not SLUG_PATTERN.match(slug):
            raise self.fail(
                "slug", f"'{slug}' cannot be used as the leaflet's short name (its slug).",
                "Use small letters, digits and hyphens only, for example 'blood-test'"
                + ("." if "slug" in self.values else ": add 'slug: ...' or rename the file."),
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

    def mapping(self, key: str) -> dict[str, Any]:
        value = self.values.get(key) or {}
        if not isinstance(value, dict):
            raise self.fail(
                key, f"'{key}' must be a list of 'name: value' lines.",
                f"Indent each entry under '{key}:' by two spaces, as 'word: meaning'.",
            )  # fmt: skip
        return {str(name): entry for name, entry in value.items()}

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
                raise self.fail(
                    key, f"The entry '{name}' under '{key}' has no plain explanation.",
                    f"Write it as '{name}: a short explanation in plain words'.",
                )  # fmt: skip
        return {name: str(entry).strip() for name, entry in entries.items()}

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
        return Organisation(**details)

    def references(self) -> tuple[Reference, ...]:
        value = self.values.get("references") or []
        if not isinstance(value, list):
            raise self.fail(
                "references", "'references' must be a list.",
                "Write each source under 'references:' as '- ...'.",
            )  # fmt: skip
        return tuple(self._reference(entry) for entry in value)

    def _reference(self, entry: Any) -> Reference:
        if isinstance(entry, dict) and isinstance(entry.get("title"), str):
            url = entry.get("url")
            return Reference(text=entry["title"].strip(), url=str(url).strip() if url else None)
        if isinstance(entry, str) and entry.strip():
            return Reference(text=entry.strip())
        raise self.fail(
            "references", "A reference must be a line of text, or a 'title' with a 'url'.",
            "Write '- title: NHS website: leukaemia' and, under it, '  url: https://...'.",
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
