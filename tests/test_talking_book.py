"""The talking book: an EPUB 3 whose every sentence is highlighted while the voice reads it."""

from __future__ import annotations

import io
import zipfile

import numpy
import pytest
import soundfile

from exporters.formats.audio import read_aloud
from exporters.formats.epub import assemble
from exporters.readers.leaflet import read
from exporters.variants import layout_settings
from tests.audio_fixture import build, built_iron, write_iron_leaflet
from tests.epub_reading import Book, tag
from tests.epub_validators import validate_books
from tests.overlay_reading import durations, overlays

EDITIONS = ["standard", "easy-read"]
READ_BLOCKS = ("p", "li", "h1", "h2", "h3", "td", "th", "dt", "dd")


@pytest.fixture(scope="session")
def iron_outputs(tmp_path_factory):
    return built_iron(tmp_path_factory)


def book_of(outputs, edition: str) -> Book:
    return Book.open(outputs / f"iron-infusion.{edition}.talking-book.epub")


def sound_of(book: Book, audio: str) -> tuple[numpy.ndarray, int]:
    return soundfile.read(io.BytesIO(book.read(audio)), dtype="float32")


@pytest.fixture(scope="module")
def validated(iron_outputs, tmp_path_factory):
    books = [iron_outputs / f"iron-infusion.{edition}.talking-book.epub" for edition in EDITIONS]
    return validate_books(books, tmp_path_factory.mktemp("validators"))


@pytest.mark.parametrize("edition", EDITIONS)
def test_epubcheck_reports_nothing(validated, iron_outputs, edition):
    found = validated[iron_outputs / f"iron-infusion.{edition}.talking-book.epub"]["epubcheck"]
    assert found.summary.startswith("Messages: 0 fatals / 0 errors / 0 warnings"), found.problems
    assert not found.problems


@pytest.mark.parametrize("edition", EDITIONS)
def test_ace_reports_no_violation(validated, iron_outputs, edition):
    found = validated[iron_outputs / f"iron-infusion.{edition}.talking-book.epub"]["ace"]
    assert found.summary == "Ace outcome: pass, 0 violations", found.problems


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_document_plays_clips_in_order_that_cover_its_audio(iron_outputs, edition):
    book = book_of(iron_outputs, edition)
    for document, pars in overlays(book).items():
        assert pars, document
        assert len({par.audio for par in pars}) == 1
        assert pars[0].begin == 0
        for before, after in zip(pars, pars[1:], strict=False):
            assert before.begin < before.end == after.begin, (document, before, after)
        samples, rate = sound_of(book, pars[0].audio)
        assert abs(pars[-1].end - len(samples) / rate) < 0.15, document


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_word_of_the_text_is_inside_a_highlighted_element(iron_outputs, edition):
    book = book_of(iron_outputs, edition)
    for document, pars in overlays(book).items():
        root = book.document(document)
        targets = {par.target for par in pars}
        lit = {id(e) for target in root.iter() if target.get("id") in targets for e in target.iter()}
        hidden = {id(e) for h in root.iter() if h.get("hidden") is not None for e in h.iter()}
        for block in (b for name in READ_BLOCKS for b in root.iter(tag(name)) if id(b) not in hidden):
            for element in block.iter():
                texts = [element.text, *(child.tail for child in element)]
                unread = [text for text in texts if text and text.strip() and id(element) not in lit]
                assert not unread, (document, unread)


def test_clips_last_as_long_as_their_sentences(iron_outputs, tmp_path):
    document = read(write_iron_leaflet(tmp_path))
    settings = layout_settings("standard")
    said = {
        part.file_name: part.utterances
        for part in read_aloud(assemble(document, settings), document, settings)
    }
    spoken, lasting = [], []
    for name, pars in overlays(book_of(iron_outputs, "standard")).items():
        assert [par.target for par in pars] == [u.target for u in said[name]]
        spoken += [len(u.script.split()) for u in said[name]]
        lasting += [par.end - par.begin for par in pars]
    assert numpy.corrcoef(spoken, lasting)[0, 1] > 0.7


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_voice_starts_each_sentence_as_its_clip_begins(iron_outputs, edition):
    """Each clip ends in its own pause: silence just before the next clip begins, and the voice
    within a fraction of a second after (the MP3's delay of 50 ms is taken into account)."""
    book = book_of(iron_outputs, edition)
    onsets = []
    for pars in overlays(book).values():
        samples, rate = sound_of(book, pars[0].audio)
        for par in pars[1:]:
            start = round(par.begin * rate)
            assert numpy.abs(samples[start - rate // 5 : start - rate // 50]).max() < 0.02, par
            onsets.append(numpy.argmax(numpy.abs(samples[start : start + rate]) > 0.02) / rate)
    assert max(onsets) < 0.2 and numpy.median(onsets) < 0.05, onsets


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_package_gives_durations_the_active_class_and_auditory_access(iron_outputs, edition):
    book = book_of(iron_outputs, edition)
    each, total = durations(book)
    played = overlays(book)
    items = book.manifest()
    by_document = {items[i].get("href"): i for i in items}
    for document, pars in played.items():
        overlay = items[by_document[document]].get("media-overlay")
        assert each[overlay] == pytest.approx(pars[-1].end, abs=0.001)
    assert total == pytest.approx(sum(each.values()), abs=0.001)
    assert book.meta("media:active-class") == ["-epub-media-overlay-active"]
    assert ".-epub-media-overlay-active" in book.read("styles/leaflet.css").decode()
    assert "auditory" in book.meta("schema:accessMode")
    assert "auditory" in book.meta("schema:accessModeSufficient")
    assert "synchronizedAudioText" in book.meta("schema:accessibilityFeature")
    assert "talking book" in book.meta("schema:accessibilitySummary")[0]


@pytest.mark.parametrize("edition", EDITIONS)
def test_marking_the_sentences_changes_no_word_of_the_e_book(iron_outputs, tmp_path, edition):
    source = write_iron_leaflet(tmp_path)
    assert build(source, tmp_path / "out", "epub", "--variant", edition) == 0
    plain = Book.open(tmp_path / "out" / "iron-infusion" / f"iron-infusion.{edition}.epub")
    talking = book_of(iron_outputs, edition)
    assert talking.spine() == plain.spine()
    for document in plain.spine():
        assert "".join(talking.document(document).itertext()) == "".join(plain.document(document).itertext())
    with zipfile.ZipFile(plain.path) as archive:
        assert not [name for name in archive.namelist() if name.endswith((".smil", ".mp3"))]
    assert "auditory" not in plain.meta("schema:accessMode")
