"""Saying things as people say them: the normaliser's table, the respelling key and the letters."""

from __future__ import annotations

import pytest

from exporters.formats.audio.normaliser import Normaliser, load_table
from exporters.formats.audio.respelling import letters, load_respelling_key, respelled
from exporters.formats.audio.spoken import Letters, Respelling, Words, as_text
from exporters.variants import LAYOUTS

# What is written -> what the voice says, as `leaflet audio-script` prints it.
SAID = [
    ("Call NHS 111 or 999 in an emergency.", "Call N H S one one one or nine nine nine in an emergency."),
    ("Phone 0300 123 4567.", "Phone oh three oh oh, one two three, four five six seven."),
    ("Phone 01632 960 214 today.", "Phone oh one six three two, nine six oh, two one four today."),
    (
        "From abroad, phone +44 1632 960 777.",
        "From abroad, phone plus four four, one six three two, nine six oh, seven seven seven.",
    ),
    ("Your temperature is 38°C or above.", "Your temperature is thirty-eight degrees Celsius or above."),
    (
        "It was 37.5C, then 38 °C.",
        "It was thirty-seven point five degrees Celsius, then thirty-eight degrees Celsius.",
    ),
    ("We are open from 9am to 5pm.", "We are open from nine A M to five P M."),
    ("Come at 9.30 a.m. on Monday.", "Come at nine thirty A M on Monday."),
    (
        "The clinic starts at 14:30 and ends at 17:00.",
        "The clinic starts at fourteen thirty and ends at seventeen hundred.",
    ),
    ("Published: 20 October 2026.", "Published: the twentieth of October twenty twenty-six."),
    ("Your next visit is on 1/3/2027.", "Your next visit is on the first of March twenty twenty-seven."),
    ("Take 5 mg twice a day.", "Take five milligrams twice a day."),
    ("Take 1 mg at night.", "Take one milligram at night."),
    ("Give 1.5 ml by mouth.", "Give one point five millilitres by mouth."),
    ("The dose is 0.5 mg/kg.", "The dose is nought point five milligrams per kilogram."),
    ("Take 500mg of paracetamol.", "Take five hundred milligrams of paracetamol."),
    ("Email help@example.org for advice.", "Email help at example dot org for advice."),
    ("Visit https://www.nhs.uk/conditions/anaemia/.", "Visit N H S dot U K slash conditions slash anaemia."),
    ("See bloodcancer.org.uk for more.", "See bloodcancer dot org dot U K for more."),
    ("Ask your GP or a nurse.", "Ask your G P or a nurse."),
    ("Most GPs can help.", "Most G Ps can help."),
    ("The NICE guidance says so.", "The Nice guidance says so."),
    ("It can be given as a drink, e.g. water.", "It can be given as a drink, for example water."),
    ("About 10% of people feel sick.", "About ten per cent of people feel sick."),
    ("A prescription costs £9.90 or £5.", "A prescription costs nine pounds ninety or five pounds."),
    ("It costs 50p.", "It costs fifty pence."),
    ("Your eGFR and HbA1c are checked.", "Your e G F R and H b A one c are checked."),
    ("Most have B-cell ALL.", "Most have B cell A L L."),
    ("Go to A&E straight away.", "Go to A and E straight away."),
    ("Stage IV cancer is treated too.", "Stage four cancer is treated too."),
    ("Ask Dr Shah about St John's wort.", "Ask Doctor Shah about Saint John's wort."),
    ("Phone the 24-hour line.", "Phone the twenty-four hour line."),
    ("It takes 3-5 days, or 2–3 weeks.", "It takes three to five days, or two to three weeks."),
    ("Fewer than 1 in 1,000 people.", "Fewer than one in one thousand people."),
    ("This happened in 2019.", "This happened in twenty nineteen."),
    ("On the 2nd day you go home.", "On the second day you go home."),
    (
        "Our address is Orchard Road, Northfield NF1 4QX.",
        "Our address is Orchard Road, Northfield N F one, four Q X.",
    ),
    ("Vitamin B12 and COVID-19.", "Vitamin B twelve and Covid nineteen."),
    ("Your reading (mmol/L) is below 4 mmol/L.", "Your reading (millimoles per litre) is below four millimoles per litre."),
    ("Your cells carry CD20, as in NICE guideline NG52 - the treatment guide.", "Your cells carry C D twenty, as in Nice guideline N G fifty-two, the treatment guide."),
    ("See [the page](https://x.org)# now.", "See [the page](X dot org hash now."),
    ("Do NOT drive.", "Do not drive."),
    ("DO NOT EAT after midnight.", "do not eat after midnight."),
    ("Phone 999 IMMEDIATELY if you MUST.", "Phone nine nine nine immediately if you must."),
    ("CALL NHS 111 NOW.", "call N H S one one one now."),
    ("Tests for HIV and a PET scan.", "Tests for H I V and a P E T scan."),
    ("Most have ALL, and CAR-T works for ALL of them.", "Most have A L L, and KAR-tee works for A L L of them."),
]


@pytest.fixture(scope="module")
def normaliser() -> Normaliser:
    return Normaliser(load_table(LAYOUTS), (("imatinib", "im-MAT-in-ib"), ("CAR-T", "KAR-tee")))


@pytest.mark.parametrize(("written", "said"), SAID, ids=[written for written, _ in SAID])
def test_said_as_people_say_it(normaliser, written, said):
    assert as_text(normaliser.say(written)) == said


def test_the_pronunciations_of_the_leaflet_come_before_every_rule(normaliser):
    assert normaliser.say("Take Imatinib daily.") == (
        Words("Take "),
        Respelling("im-MAT-in-ib"),
        Words(" daily."),
    )
    # Written with capitals, a pronunciation matches only as written: "car" stays a word.
    assert as_text(normaliser.say("CAR-T treatment, not a car.")) == "KAR-tee treatment, not a car."


def test_letters_stay_letters_for_the_voice(normaliser):
    pieces = normaliser.say("Ask your GP about ALL.")
    assert Letters("GP") in pieces and Letters("ALL") in pieces  # so "ALL" is never the word "all"
    assert Letters("GP", plural=True) in normaliser.say("Ask the GPs.")


def test_words_with_a_capital_inside_are_names_not_letters(normaliser):
    assert as_text(normaliser.say("Ask McDonald at the iPhone desk.")) == "Ask McDonald at the iPhone desk."


def test_a_number_that_is_no_phone_number_is_read_as_a_number(normaliser):
    assert (
        as_text(normaliser.say("There were 0123 cases.")) == "There were one hundred and twenty-three cases."
    )


RESPELT = [
    ("im-MAT-in-ib", "Im'matInIb"),
    ("WOR-fa-rin", "'wO@farIn"),
    ("pa-ra-SEE-ta-mol", "para'si:tam0l"),
    ("SY-toh-kine", "'saItoUkaIn"),
    ("eye-byoo-PROH-fen", "aIbju:'proUfEn"),
    ("in-oh-TOOZ-oo-mab oh-zoh-GAM-iss-in", "InoU'tu:zu:mab oUzoU'gamIsIn"),
    ("aff-er-REE-siss", "af@'ri:sIs"),
]


@pytest.mark.parametrize(("respelling", "phonemes"), RESPELT, ids=[r for r, _ in RESPELT])
def test_respellings_become_espeak_phonemes_by_the_key(respelling, phonemes):
    assert respelled(respelling, load_respelling_key(LAYOUTS)) == phonemes


def test_without_a_pronunciation_car_t_is_car_and_a_letter():
    assert as_text(Normaliser(load_table(LAYOUTS)).say("CAR-T therapy.")) == "Car T therapy."


def test_the_leaflets_own_abbreviations_are_always_letters():
    plain = Normaliser(load_table(LAYOUTS), abbreviations=frozenset({"MUST"}))
    assert as_text(plain.say("Your MUST score.")) == "Your M U S T score."
    assert as_text(Normaliser(load_table(LAYOUTS)).say("You MUST rest.")) == "You must rest."


def test_letters_have_their_names_and_the_last_the_stress():
    key = load_respelling_key(LAYOUTS)
    assert letters(Letters("NHS"), key) == ",En,eItS'Es"
    assert letters(Letters("GP", plural=True), key) == ",dZi:'pi:z"
    assert letters(Letters("NF1"), key) == ",En,Ef'w0n"


def test_the_text_cannot_put_markup_or_phonemes_into_the_voice():
    from tests.conftest import require_command

    require_command("espeak-ng", "install the Debian package espeak-ng (bash .ci/setup does)")
    from exporters.formats.audio.espeak import EspeakVoice

    voice = EspeakVoice("gmw/en", 155, load_respelling_key(LAYOUTS))
    said = voice.ssml((Words('Say [[h@l\'oU]] <break time="9s"/> & go'), Letters("NHS")))
    assert "[[h@l" not in said and "<break" not in said and "&amp;" in said
    assert said.count("[[") == 1 and ",En,eItS'Es" in said
