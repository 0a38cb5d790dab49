"""Unified English Braille for the things health leaflets are full of: numbers, capitals, email
and web addresses, temperatures, markers such as "CD20-positive" and phone numbers.

Each expected braille was checked by hand against the rules of UEB (the numeric indicator and
numeric space, the grade 1 indicator after a number, capitals indicators, the at sign, the
degree sign, uncontracted addresses). The tables change between liblouis releases; the cases
here are the code's basics, which should not.
"""

from __future__ import annotations

import pytest

from exporters.formats.braille.text import spans_of
from exporters.formats.braille.translator import back_translate, liblouis_version, translate
from exporters.model import Code, Strong, Text

NOTE = ("⠈⠨⠣", "⠈⠨⠜")

CASES = [
    # print, grade, braille, why
    ("0300 123 4567", 2, "⠼⠚⠉⠚⠚⠐⠁⠃⠉⠐⠙⠑⠋⠛",
     "one numeric indicator; the spaces inside the number are numeric spaces (dot 5), so it never breaks"),
    ("37.5°C", 2, "⠼⠉⠛⠲⠑⠘⠚⠠⠉", "decimal point dots 256 in numeric mode, degree sign 45-245, capital C"),
    ("CD20-positive", 2, "⠠⠠⠉⠙⠼⠃⠚⠤⠏⠕⠎⠊⠞⠊⠧⠑",
     "capitalised word indicator for CD, numeric indicator for 20, the hyphen ends numeric mode"),
    ("haematology@example.org", 2, "⠓⠁⠑⠍⠁⠞⠕⠇⠕⠛⠽⠈⠁⠑⠭⠁⠍⠏⠇⠑⠲⠕⠗⠛", "at sign dots 4-1, full stop 256"),
    ("information@nhs.uk", 2, "⠊⠝⠋⠕⠗⠍⠁⠞⠊⠕⠝⠈⠁⠝⠓⠎⠲⠥⠅",
     "an email address is uncontracted: no 'in', 'for' or 'tion' signs"),
    ("https://www.nhs.uk/conditions/", 2, "⠓⠞⠞⠏⠎⠒⠸⠌⠸⠌⠺⠺⠺⠲⠝⠓⠎⠲⠥⠅⠸⠌⠉⠕⠝⠙⠊⠞⠊⠕⠝⠎⠸⠌",
     "a web address is uncontracted; colon dots 25, slash 456-34"),
    ("letter.pdf", 2, "⠇⠑⠞⠞⠑⠗⠲⠏⠙⠋", "a file name is uncontracted (not the shortform for 'letter')"),
    ("Your letter", 2, "⠠⠽⠗⠀⠇⠗", "...which ordinary text does use"),
    ("NHS 111", 2, "⠠⠠⠝⠓⠎⠀⠼⠁⠁⠁", "capitalised word indicator; digits 1 to 0 are a to j after the numeric indicator"),
    ("The WHOLE visit", 2, "⠠⠮⠀⠠⠠⠱⠕⠇⠑⠀⠧⠊⠎⠊⠞", "a capital letter, then a capitalised word, contractions kept"),
    ("1,000 tests", 2, "⠼⠁⠂⠚⠚⠚⠀⠞⠑⠌⠎", "the comma inside a number is dot 2 in numeric mode"),
    ("9am", 2, "⠼⠊⠰⠁⠍", "a grade 1 indicator after a number before a letter a to j"),
    ("1.5 mg", 2, "⠼⠁⠲⠑⠀⠍⠛", "a decimal number and its unit"),
    ("24-hour", 2, "⠼⠃⠙⠤⠓⠳⠗", "the hyphen ends numeric mode; 'ou' groupsign"),
    ("A&E", 2, "⠠⠁⠈⠯⠠⠑", "ampersand dots 4-12346 between capitals"),
    ("eGFR", 2, "⠑⠠⠠⠛⠋⠗", "a capitalised word indicator inside a word"),
    ("Having a bone marrow test", 2, "⠠⠓⠁⠧⠬⠀⠁⠀⠃⠐⠕⠀⠍⠜⠗⠪⠀⠞⠑⠌", "grade 2: ing, one, ar, ow, st contracted"),
    ("Having a bone marrow test", 1, "⠠⠓⠁⠧⠊⠝⠛⠀⠁⠀⠃⠕⠝⠑⠀⠍⠁⠗⠗⠕⠺⠀⠞⠑⠎⠞", "grade 1: every letter written"),
    ("Smile 😀", 2, "⠠⠎⠍⠊⠇⠑⠀⠈⠨⠣⠎⠽⠍⠃⠕⠇⠒⠀⠛⠗⠔⠝⠬⠀⠋⠁⠉⠑⠈⠨⠜",
     "a character liblouis has no braille for is named in a transcriber's note, never an eight-dot escape"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "grade", "braille", "why"), CASES, ids=[f"{c[0]}-g{c[1]}" for c in CASES])
def test_leaflet_text_becomes_the_braille_ueb_asks_for(text, grade, braille, why):
    assert translate(spans_of((Text(text),)), grade, "symbol: ", NOTE) == braille, why


def test_bold_is_a_typeform_and_its_closing_full_stop_needs_no_terminator():
    bold_word = spans_of((Text("Take "), Strong((Text("two"),)), Text(" tablets.")))
    assert translate(bold_word, 2, "", NOTE) == "⠠⠞⠁⠅⠑⠀⠘⠂⠞⠺⠕⠀⠞⠁⠃⠇⠑⠞⠎⠲"
    passage = spans_of((Text("Do "), Strong((Text("not stop taking it"),)), Text(".")))
    assert translate(passage, 2, "", NOTE) == "⠠⠙⠀⠘⠶⠝⠀⠌⠕⠏⠀⠞⠁⠅⠬⠀⠭⠲⠘⠄"


def test_code_and_an_address_split_by_a_glossary_word_stay_uncontracted():
    from exporters.model import GlossaryTerm

    split = (Text("Email "), GlossaryTerm("infusion", "infusion", "A drip."), Text(".unit@example.org"))
    assert translate(spans_of(split), 2, "", NOTE) == "⠠⠑⠍⠁⠊⠇⠀⠊⠝⠋⠥⠎⠊⠕⠝⠲⠥⠝⠊⠞⠈⠁⠑⠭⠁⠍⠏⠇⠑⠲⠕⠗⠛"
    assert translate(spans_of((Code("information"),)), 2, "", NOTE) == "⠊⠝⠋⠕⠗⠍⠁⠞⠊⠕⠝"


@pytest.mark.parametrize(("text", "grade", "braille", "why"), CASES[:-1], ids=[f"{c[0]}-g{c[1]}" for c in CASES[:-1]])
def test_liblouis_reads_the_braille_back(text, grade, braille, why):
    expected = text.replace("https:", "httpscc")  # liblouis reads the colon back as the "cc" groupsign
    assert back_translate(braille, grade) == expected, liblouis_version()
