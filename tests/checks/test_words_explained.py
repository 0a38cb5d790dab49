"""Hard words and abbreviations: the ways leaflets explain a word that the check must see, and the
ways they leave one unexplained that it must not miss (each class found on tests/corpus/)."""

from __future__ import annotations

import pytest

from tests.checks.helpers import FRONT_MATTER, check_text


def _found(tmp_path, body: str, rule: str, front_matter: str = FRONT_MATTER) -> list[str]:
    report = check_text(tmp_path, body, front_matter)
    return [finding.text for finding in report.findings if finding.rule == rule]


@pytest.mark.parametrize(
    "body",
    [
        # a word explained in the same table row, under a heading that says what the thing is
        "| Medicine | What it is |\n| --- | --- |\n| Carboplatin | A cancer drug |\n| Ondansetron | A tablet for sickness |\n",
        "| Type of insulin | Example |\n| --- | --- |\n| Mixed | Biphasic insulin lispro |\n",
        # apposition after a noun that says what the things are
        "Your treatment uses two cancer drugs, carboplatin and etoposide.\n",
        "You may also have a targeted tablet, sorafenib, with your other treatment.\n",
        "The second drug in the course, etoposide, stops the cells dividing.\n",
        # the kind named before "called", even when the kind is a hard word of its own that the
        # sentence explains by saying what it is for
        "Before the drip you have an antiemetic called ondansetron (Zofran) to stop you feeling sick.\n",
        "The nurse gives you an antihistamine to stop an itchy rash.\n",
        # a name among others of a kind the sentence names
        "Tell us if you take apixaban, edoxaban or any other blood thinner.\n",
        "Exemestane or another medicine may be offered to lower your risk.\n",
        # a medicine called X, which says what it does
        "You may have a medicine called anakinra (Kineret), which calms the reaction.\n",
        # the next sentence has the word as its subject and says what it does in plain words
        "Your treatment lowers your platelets. Platelets help your blood to clot.\n",
        # the sentence has the word as its subject and says what it does
        "A gastroscopy lets the doctor look at the lining of your stomach.\n",
        # a name given to what the sentence before has said
        "Cancer cells that break down fast can harm your kidneys. This is called tumour lysis syndrome.\n",
        "If the scan finds no sign of the cancer, we call this a complete remission.\n",
        "If the tests find no signs of the cancer, you are in remission.\n",
        # the curated plain words given in the sentence itself
        "You will have a cannula in your hand, so that a thin tube stays in the vein.\n",
        # a word after a noun it describes, then the definition
        "It is a monoclonal antibody that finds the cancer cells.\n",
        "| Drug | What it does |\n| --- | --- |\n| Rituximab | A monoclonal antibody: a drug that sticks to cancer cells |\n",
        # words of a capitalised name inside a sentence, and a service's name before its number
        "Phone the 24-hour Acute Oncology Service if you feel unwell.\n",
        "Haematology day unit: 01632 960 111, Monday to Friday.\n",
        "| Who | Phone |\n| --- | --- |\n| Oncology pharmacy | 01632 960 222 |\n",
        # words inside a web address
        "There is more on our website, www.example.nhs.uk/anticoagulation.\n",
        # an everyday phrase that holds a medical word, and the word alone after it
        "The gel has a local anaesthetic in it. The anaesthetic wears off after an hour.\n",
        # everyday names of treatments, which the NHS website does not explain
        "Most people have chemotherapy first. Some people need a blood transfusion.\n",
    ],
)
def test_explained_words_are_not_hard_words(tmp_path, body):
    assert _found(tmp_path, body, "hard-word") == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "the procedure known as" says nothing of what it is
        ("This leaflet is about the procedure known as colposcopy.\n", ["colposcopy"]),
        # "This is the hardest part" refers to what was said, not to the word
        ("You may need more platelets. This is the hardest part of treatment.\n", ["platelets"]),
        # "which has been recommended" does not say what the thing is
        ("You are having a coronary angiogram, which has been booked by your doctor.\n", ["coronary", "angiogram"]),
        # names in a list are separate terms
        ("Tell us if you take apixaban, dabigatran.\n", ["apixaban", "dabigatran"]),
        # real medical words that word frequency counts as common
        ("The tube goes into the femoral artery to look for an occlusion.\n", ["femoral", "occlusion"]),
        ("The nurse checks your oxygen saturation.\n", ["saturation"]),
        ("It was a triple-negative cancer.\n", ["triple-negative"]),
        ("Contrast medium is put into the vein.\n", ["Contrast medium"]),
    ],
)
def test_unexplained_words_are_hard_words(tmp_path, body, expected):
    assert _found(tmp_path, body, "hard-word") == expected


def test_a_word_family_is_reported_once(tmp_path):
    body = "You are having an angiography. The angiogram shows the blood vessels of your heart.\n"
    assert _found(tmp_path, body, "hard-word") == ["angiography"]


def test_the_title_is_no_explanation_of_its_own_words(tmp_path):
    front = FRONT_MATTER.replace("title: Having a blood test", "title: Coronary angiography")
    body = "You are going to have a coronary angiography next week.\n"
    assert _found(tmp_path, body, "hard-word", front) == ["coronary", "angiography"]


@pytest.mark.parametrize(
    "body",
    [
        # a marker with "-positive", named in plain words in another cell of its row
        "| Test result | What it means |\n| --- | --- |\n| KIT-positive | A gene change that a tablet can target |\n| CD117-positive | Your cells carry a protein called CD117 |\n",
        # the second and later names of a list after "called" or "such as"
        "Two genes, called MLH1 and MSH2, help to repair damage in cells.\n",
        "Other genes, such as MSH6 and PMS2, can also raise the risk.\n",
        # spelled out later in the same sentence, beside a word of the same name in capitals
        "This leaflet has the PIF TICK, the quality mark of the Patient Information Forum (PIF).\n",
    ],
)
def test_explained_abbreviations_are_not_reported(tmp_path, body):
    assert _found(tmp_path, body, "abbreviation") == []


def test_a_bracket_of_several_things_spells_nothing_out(tmp_path):
    body = "The nurse does your observations (BP, pulse and temperature).\n"
    assert _found(tmp_path, body, "abbreviation") == ["BP"]


def test_an_abbreviation_in_a_heading_is_reported_at_its_first_use_in_the_text(tmp_path):
    body = "## About R-CHOP\n\nYou are starting R-CHOP next week.\n"
    report = check_text(tmp_path, body)
    found = [(f.line, f.text) for f in report.findings if f.rule == "abbreviation"]
    assert found == [(10, "R-CHOP")]


def test_a_common_word_in_capitals_used_as_a_name_is_an_abbreviation(tmp_path):
    body = "Most people with ALL have treatment first. Your ALL may come back.\n"
    report = check_text(tmp_path, body)
    assert [f.text for f in report.findings if f.rule == "abbreviation"] == ["ALL"]
    assert not [f for f in report.findings if f.rule == "all-caps"]


def test_a_common_word_in_capitals_before_its_noun_is_shouting(tmp_path):
    report = check_text(tmp_path, "Please come to ALL your appointments.\n")
    assert [f.text for f in report.findings if f.rule == "all-caps"] == ["ALL"]
    assert not [f for f in report.findings if f.rule == "abbreviation"]
