"""Our own Word files imported back: every example leaflet, someone else's leaflet, the leaflet with
every construct, and every corpus leaflet come back with the same headings, at least 95% of their
words, their lists as lists and their pictures with their descriptions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from exporters.checks import check_document, load_project_settings

from .docx_helpers import write_every_construct
from .round_trip import EXAMPLES, LEAFLETS, RoundTrip, round_trip

WORD_SHARE = 0.95
FRONT_MATTER = ("title", "subtitle", "summary", "language", "slug", "organisation", "published", "reviewed",
                "next_review", "version", "audience", "licence", "reviewers", "references")  # fmt: skip


@pytest.fixture(scope="module")
def trip_of(tmp_path_factory):
    """Each leaflet's round trip, made once for the tests of this module."""
    made: dict[Path, RoundTrip] = {}

    def trip(leaflet: Path) -> RoundTrip:
        if leaflet not in made:
            made[leaflet] = round_trip(leaflet, tmp_path_factory.mktemp(leaflet.stem))
        return made[leaflet]

    return trip


@pytest.mark.parametrize("leaflet", LEAFLETS, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_a_leaflet_exported_to_word_imports_back(leaflet: Path, trip_of):
    trip = trip_of(leaflet)
    assert trip.headings_equal
    assert trip.word_share >= WORD_SHARE
    assert trip.lists_equal
    assert trip.pictures_equal
    before = check_document(trip.source, load_project_settings(), today=date.today())
    after = check_document(trip.back, load_project_settings(), today=date.today())
    # no new kind of problem for the officer (a sentence may be longer by an abbreviation spelled out)
    assert {f.rule for f in after.errors} <= {f.rule for f in before.errors}


@pytest.mark.parametrize("leaflet", LEAFLETS, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_the_front_matter_comes_back_whole(leaflet: Path, trip_of):
    trip = trip_of(leaflet)
    for key in FRONT_MATTER:
        assert getattr(trip.back.meta, key) == getattr(trip.source.meta, key), key
    own = {(e.term, e.explanation) for e in trip.source.glossary if not e.shared}
    assert {(e.term, e.explanation) for e in trip.back.glossary if not e.shared} == own


@pytest.mark.parametrize("leaflet", EXAMPLES, ids=lambda path: path.name)
def test_the_abbreviations_of_our_own_leaflets_come_back(leaflet: Path, trip_of):
    """Other leaflets spell out more in their text ("cognitive behavioural therapy (CBT)"), which the
    import lists too; an abbreviation made of another ("cell-free fetal DNA (cffDNA)") it cannot."""
    trip = trip_of(leaflet)
    assert trip.back.abbreviations == trip.source.abbreviations


def test_the_leaflet_with_every_construct_comes_back_whole(tmp_path):
    """Nested lists with paragraphs under their items, a box with a list, a quote, code, a line break,
    a link to a heading, a PNG, an SVG and a decorative picture."""
    trip = round_trip(write_every_construct(tmp_path / "leaflet"), tmp_path / "trip")
    assert (trip.headings_equal, trip.lists_equal, trip.pictures_equal) == (True, True, True)
    assert trip.word_share == 1.0
    assert trip.back.meta.organisation == trip.source.meta.organisation
    assert [p.path.suffix for p in trip.back.pictures] == [".svg", ".png", ".svg"]  # the SVG original kept
    assert trip.back.abbreviations == trip.source.abbreviations
