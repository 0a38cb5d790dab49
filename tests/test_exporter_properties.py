"""Whatever document the reader accepts, every exporter writes it or refuses it with a SourceError."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exporters.errors import SourceError
from exporters.formats import FORMATS, export
from exporters.readers.leaflet import read
from exporters.variants import layout_settings
from tests.test_reader_properties import MARKDOWN_PIECES

FRONT_MATTER = "title: Fuzz\nglossary:\n  biopsy: A sample.\nabbreviations:\n  ALL: acute leukaemia\n"


def readable_leaflets() -> st.SearchStrategy[str]:
    """Valid front matter and any body, so that most cases reach the exporters."""
    body = st.lists(st.one_of(MARKDOWN_PIECES, st.text(max_size=12)), min_size=1, max_size=30).map("".join)
    return body.map(lambda text: f"---\n{FRONT_MATTER}---\n## Section\n\n{text}")

# Cases per format: PDF and EPUB take about a second a case, so they get fewer; so do the spoken ones.
EXAMPLES = {"html": 60, "docx": 25, "pdf": 10, "epub": 10, "brf": 40, "pef": 20, "markdown": 60, "audio": 12,
            "talking-book": 8}


def export_or_refuse(format_name: str, variant: str, text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "fuzz.md"
        source.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            document = read(source)
        except SourceError:
            return
        try:
            path = export(document, format_name, layout_settings(variant), Path(folder) / "out")
        except SourceError as error:
            assert error.source == source and error.message
            return
        assert path.stat().st_size > 0


@pytest.mark.parametrize(
    ("format_name", "variant"),
    [(name, variant) for name in FORMATS for variant in FORMATS[name].variants],
)
def test_every_exporter_writes_or_refuses_any_readable_document(format_name, variant):
    @settings(max_examples=EXAMPLES[format_name] // (2 if variant == "easy-read" else 1),
              deadline=20_000, suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
    @given(text=readable_leaflets())
    def run(text):
        export_or_refuse(format_name, variant, text)

    run()
