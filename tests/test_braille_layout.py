"""The braille page layout as a UK reader expects it, cell by cell, on a leaflet written for these
tests (tests/fixtures/braille/infusion-day.md) and on the example leaflets."""

from __future__ import annotations

import pytest

from exporters.errors import SourceError
from exporters.formats.braille import braille_pages
from exporters.formats.braille.easy_read import transcribe_easy_read
from exporters.formats.braille.text import marked_spans
from exporters.formats.braille.translator import BLANK, translate, translate_text
from exporters.readers.leaflet import read
from exporters.variants import layout_settings
from tests.conftest import EXAMPLE_LEAFLETS, PROJECT_ROOT

TOUR = PROJECT_ROOT / "tests" / "fixtures" / "braille" / "infusion-day.md"
HEADINGS = ["Before you come", "On the day", "After your treatment", "Words we use", "Who to contact",
            "Where our information comes from", "About this leaflet"]  # fmt: skip


NOTE = "⠈⠨⠣"


def cells(text: str) -> str:
    return translate_text(text, 2)


@pytest.fixture(scope="module")
def rows() -> list[str]:
    """The tour leaflet's rows, page after page, page numbers taken off."""
    pages, _ = braille_pages(read(TOUR), layout_settings("standard"))
    return [_without_number(row, number) if line == 0 else row
            for number, page in enumerate(pages, start=1) for line, row in enumerate(page)]  # fmt: skip


@pytest.fixture(scope="module")
def pages() -> list[list[str]]:
    return braille_pages(read(TOUR), layout_settings("standard"))[0]


def _without_number(row: str, number: int) -> str:
    ending = cells(str(number))
    return row[: -len(ending)].rstrip(BLANK) if number > 1 and row.endswith(ending) else row


def row_starting(rows: list[str], text: str) -> int:
    """The index of the row whose words start with the cells of `text`, after any indent and
    any opening transcriber's note indicator."""
    wanted = cells(text)
    found = [index for index, row in enumerate(rows) if row.lstrip(BLANK).removeprefix(NOTE).startswith(wanted)]
    assert found, f"no row starts with {text!r} ({wanted})"
    return found[0]


def indent_of(row: str) -> int:
    return len(row) - len(row.lstrip(BLANK))


def test_the_title_is_centred_with_a_blank_line_after(pages):
    title = cells("Your treatment day on the infusion unit")
    assert pages[0][0] == BLANK * ((40 - len(title)) // 2) + title
    assert pages[0][1] == ""
    subtitle = cells("What to expect and what to bring")
    assert pages[0][2] == BLANK * ((40 - len(subtitle)) // 2) + subtitle


def test_headings_are_at_the_margin_with_a_blank_line_before_and_in_order(rows, pages):
    page_tops = {sum(len(page) for page in pages[:number]) for number in range(len(pages))}
    places = [row_starting(rows, heading) for heading in HEADINGS]
    assert places == sorted(places)
    for place, heading in zip(places, HEADINGS, strict=True):
        assert rows[place] == cells(heading), heading
        assert rows[place - 1] == "" or place in page_tops, heading


def test_no_heading_is_left_at_the_foot_of_a_page(pages):
    headings = {cells(heading) for heading in HEADINGS}
    for page in pages:
        lines = [row for row in page if row]
        assert lines[-1] not in headings


def test_paragraphs_start_in_cell_3_and_run_over_to_the_margin(rows):
    first = row_starting(rows, "Eat breakfast as usual")
    assert indent_of(rows[first]) == 2 and indent_of(rows[first + 1]) == 0


def test_lists_hang_from_their_markers_and_nest_two_cells_in(rows):
    bullet = cells("•")
    item = row_starting(rows, "• a list of the medicines you take")
    assert rows[item].startswith(bullet) and rows[item - 1] == ""
    nested = row_starting(rows, "• a sandwich")
    assert indent_of(rows[nested]) == 2
    long_item = row_starting(rows, "• your appointment letter")
    assert indent_of(rows[long_item]) == 0 and indent_of(rows[long_item + 1]) == 2
    numbered = row_starting(rows, "1. Come to the reception desk")
    assert indent_of(rows[numbered]) == 0 and rows[numbered].startswith("⠼⠁⠲⠀")


def test_a_table_is_read_row_by_row_as_heading_value_lines_after_a_note(rows):
    note = row_starting(rows, "This table is set out row by row.")
    assert rows[note].startswith(BLANK * 6 + "⠈⠨⠣")
    first_row = row_starting(rows, "Time: 9:00 am")
    assert indent_of(rows[first_row]) == 0 and first_row > note
    assert rows[first_row + 1] == BLANK * 2 + cells("What happens: You arrive and we weigh you")
    assert indent_of(rows[row_starting(rows, "Time: 1:00 pm")]) == 0


def test_a_picture_is_its_description_in_a_transcribers_note_and_a_decorative_one_is_left_out(rows):
    note = row_starting(rows, "Picture: A digital thermometer")
    assert rows[note].startswith(BLANK * 6 + "⠈⠨⠣" + cells("Picture:"))
    assert indent_of(rows[note + 1]) == 4 and rows[note + 1].endswith("⠈⠨⠜")
    assert sum(row.count(cells("Picture:")) for row in rows) == 1


def test_the_important_box_is_a_labelled_block_between_box_lines(rows):
    label = rows.index(cells("Important"))
    assert set(rows[label - 1]) == {"⠶"} and len(rows[label - 1]) >= 30
    phone = row_starting(rows, "Phone us on")
    assert phone == label + 1 and "⠘⠂⠼⠚⠉⠚⠚⠐⠁⠃⠉⠐⠙⠑⠋⠛" in rows[phone]  # bold, numeric spaces
    bottom = next(index for index in range(phone, len(rows)) if rows[index] and set(rows[index]) == {"⠛"})
    assert len(rows[bottom]) == 40 and bottom - phone <= 3


def test_addresses_file_names_and_phone_numbers_are_uncontracted(rows):
    text = "".join(rows)
    assert "⠊⠝⠋⠥⠎⠊⠕⠝⠲⠥⠝⠊⠞⠈⠁⠑⠭⠁⠍⠏⠇⠑⠲⠕⠗⠛" in text  # infusion.unit@example.org, "in" not contracted
    assert "⠔⠋⠥⠨⠝⠲⠥⠝⠊⠞" not in text
    assert "⠇⠑⠞⠞⠑⠗⠤⠼⠃⠚⠃⠋⠲⠏⠙⠋" in text  # letter-2026.pdf
    assert "⠺⠺⠺⠲⠑⠭⠁⠍⠏⠇⠑⠲⠕⠗⠛⠸⠌" in text


def test_a_web_address_longer_than_a_line_is_divided_after_a_slash_or_hyphen(rows):
    address = "https://www.example.org/cancer-centre/infusion-unit/what-to-expect-on-your-treatment-day"
    whole = translate(marked_spans(address), 2, "symbol: ", ("", ""))
    start = row_starting(rows, "https://www.example.org/")
    pieces = [row.lstrip(BLANK) for row in rows[start:start + 3]]
    assert all(piece.endswith(("⠸⠌", "⠤")) for piece in pieces[:2]), pieces
    assert "".join(pieces) == whole


def test_an_abbreviation_is_spelled_out_at_its_first_use(rows):
    text = BLANK.join(rows)
    assert cells("carrying a marker called CD20") in text
    assert "⠐⠣⠠⠠⠉⠙⠼⠃⠚⠤⠏⠕⠎⠊⠞⠊⠧⠑⠐⠜" in text  # (CD20-positive)


def test_words_we_use_contact_details_and_review_dates_come_at_the_end(rows):
    words = row_starting(rows, "Words we use")
    assert rows[words + 1].startswith(cells("cannula:"))
    contact = row_starting(rows, "Who to contact")
    assert rows[contact + 1] == cells("Eastbrook Cancer Centre")
    assert rows[contact + 2] == cells("Phone: ") + "⠼⠚⠉⠚⠚⠐⠁⠃⠉⠐⠙⠑⠋⠛"
    dates = row_starting(rows, "About this leaflet")
    assert words < contact < dates
    assert cells("Next review due: 1 November 2028") in rows[dates + 3]


def test_the_easy_read_edition_describes_each_picture_before_its_sentences():
    pages, _ = braille_pages(read(EXAMPLE_LEAFLETS[1]), layout_settings("easy-read"), transcribe_easy_read)
    rows = [row for page in pages for row in page]
    note = row_starting(rows, "Picture: A doctor")
    assert rows[note].startswith(BLANK * 6 + "⠈⠨⠣") and rows[note].endswith("⠈⠨⠜")
    assert rows[note + 1] == cells("We need to test your bone marrow.")
    assert rows[note - 1] == ""
    microscope = row_starting(rows, "Picture: A microscope")
    assert rows[microscope + 1].startswith(cells("We look at your bone marrow"))


def test_a_leaflet_without_easy_read_text_has_no_braille_easy_read_edition():
    document = read(TOUR)
    with pytest.raises(SourceError, match="easy-read"):
        braille_pages(document, layout_settings("easy-read"), transcribe_easy_read)


@pytest.mark.parametrize("leaflet", EXAMPLE_LEAFLETS, ids=lambda path: path.stem)
def test_no_picture_note_of_easy_read_is_parted_from_its_sentence_by_a_page_end(leaflet):
    pages, _ = braille_pages(read(leaflet), layout_settings("easy-read"), transcribe_easy_read)
    for number, page in enumerate(pages, start=1):
        last = [row for row in page if row][-1]
        assert not last.endswith("⠈⠨⠜") or number == len(pages), f"page {number} ends with a picture note"


def test_an_address_with_no_slash_near_the_line_end_is_divided_before_a_full_stop():
    from exporters.formats.braille.pages import wrap
    from exporters.formats.braille.styles import BlockStyle

    address = translate(marked_spans("https://www.northfield.example.nhs.uk/visiting"), 2, "", ("", ""))
    lines = wrap(address, BlockStyle(), lambda line: 40)
    assert lines[0].endswith(cells("nhs")) and lines[1].startswith("⠲⠥⠅⠸⠌")
    assert "".join(lines) == address and all(len(line) <= 40 for line in lines)
