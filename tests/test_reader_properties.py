"""Whatever text arrives, the reader returns a document or one SourceError: nothing else, never a hang."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exporters.errors import UNSAFE_CHARACTER, SourceError
from exporters.model import Document
from exporters.readers.leaflet import read

MARKDOWN_PIECES = st.sampled_from([
    "# ", "## ", "### ", "- ", "1. ", "> ", "::: important\n", "::: easy-read\n", ":::\n", ":::",
    "| a | b |\n|---|---|\n| 1 | 2 |\n", "**", "*", "_", "`", "```\n", "[link](", "](https://x.org)",
    "![alt](icon:doctor)", "![](pictures/x.svg)", "<!-- leaflet: ignore x -->", "<!--", "-->", "<b>",
    "\n", "\n\n", "    ", "\t", "ALL", "biopsy", "{{ x }}", "{% if %}", "&amp;", "\\", "\r\n", "\x00",
])  # fmt: skip
FRONT_MATTER_PIECES = st.sampled_from([
    "title: A\n", "title:\n", "title: [a, b]\n", "slug: x\n", "slug: Bad Slug\n", "language: en\n",
    "reviewed: 2026-01-01\n", "next_review: soon\n", "glossary:\n  a: b\n", "glossary: 3\n",
    "organisation:\n  name: N\n", "organisation: [1]\n", "references:\n  - a\n", "references: {}\n",
    "abbreviations:\n  ALL: acute\n", "unknown: 1\n", ": :\n", "- list\n", "'\n", "checks:\n  a: 1\n",
])  # fmt: skip


def leaflet_text() -> st.SearchStrategy[str]:
    front = st.lists(FRONT_MATTER_PIECES, max_size=6).map("".join)
    body = st.lists(st.one_of(MARKDOWN_PIECES, st.text(max_size=12)), max_size=30).map("".join)
    return st.tuples(front, body).map(lambda parts: f"---\n{parts[0]}---\n{parts[1]}")


def read_or_refuse(folder: Path, data: bytes) -> None:
    path = folder / "fuzz.md"
    path.write_bytes(data)
    try:
        assert isinstance(read(path), Document)
    except SourceError as error:
        assert error.source == path and error.line >= 0 and error.message and error.hint


@settings(max_examples=300, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=leaflet_text())
def test_any_leaflet_text_reads_or_is_refused_cleanly(tmp_path, text):
    read_or_refuse(tmp_path, text.encode("utf-8", "surrogatepass"))


@settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=200))
def test_any_bytes_read_or_are_refused_cleanly(tmp_path, data):
    read_or_refuse(tmp_path, b"---\ntitle: A\n---\n" + data)


def quoted(value: str) -> str:
    """The value as a YAML double-quoted string: escapes such as \\u001b and \\ud800 included."""
    return json.dumps(value)


@settings(max_examples=200, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.text(max_size=30))
def test_any_front_matter_string_is_read_clean_or_refused_cleanly(tmp_path, value):
    path = tmp_path / "fuzz.md"
    front = f"title: {quoted(value)}\nsummary: {quoted(value)}\norganisation:\n  name: {quoted(value)}\n"
    path.write_text(f"---\n{front}---\nText.\n", encoding="utf-8", errors="surrogatepass")
    try:
        document = read(path)
    except SourceError as error:
        assert 2 <= error.line <= 5 and error.hint and not UNSAFE_CHARACTER.search(str(error))
        return
    meta = document.meta
    for text in (meta.title, meta.summary or "", meta.organisation.name if meta.organisation else ""):
        assert not UNSAFE_CHARACTER.search(text)


@settings(max_examples=300, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(address=st.one_of(st.text(max_size=40), st.builds("https://{}".format, st.text(max_size=30)),
                         st.builds("https://{}@{}".format, st.text(max_size=10), st.text(max_size=10))))
def test_any_address_is_a_safe_web_address_or_refused_with_its_line(tmp_path, address):
    path = tmp_path / "fuzz.md"
    front = f"title: A\norganisation:\n  name: N\n  website: {quoted(address)}\n"
    path.write_text(f"---\n{front}---\nText [here]({quoted(address)[1:-1]}).\n", encoding="utf-8",
                    errors="surrogatepass")  # fmt: skip
    try:
        document = read(path)
    except SourceError as error:
        assert error.line in (5, 7) and error.hint
        return
    website = document.meta.organisation.website
    parts = urlsplit(website)
    assert parts.scheme == "https" and "@" not in parts.netloc and parts.hostname
    assert not re.search(r"[\s\\]", website) and not UNSAFE_CHARACTER.search(website)
