"""Faults the check showed on a real leaflet written elsewhere (issue 13), one test a class of fault.

Each sentence here is written for this project in the way other organisations write.
"""

from __future__ import annotations

from exporters.findings import Severity
from tests.checks.helpers import FRONT_MATTER, check_text

WITH_ABBREVIATIONS = FRONT_MATTER + "abbreviations:\n  CAR: chimeric antigen receptor\n"


def _found(report, rule: str) -> list[str]:
    return [finding.text for finding in report.findings if finding.rule == rule]


def test_an_abbreviation_is_never_shouting(tmp_path):
    body = (
        "## Acute lymphoblastic leukaemia (ALL)\n\nALL is a cancer of the blood. Treatment for ALL is long.\n\n"
        "CAR therapy uses your own cells. You can read the PIF TICK guide.\n"
    )
    report = check_text(tmp_path, body, WITH_ABBREVIATIONS)
    assert not {"ALL", "CAR", "PIF"} & set(_found(report, "all-caps")), _found(report, "all-caps")
    assert _found(check_text(tmp_path, "DO NOT stop taking your tablets.\n"), "all-caps") == ["DO"]


def test_an_abbreviation_spelled_out_in_a_heading_is_spelled_out(tmp_path):
    body = "## Acute lymphoblastic leukaemia (ALL)\n\nALL is a cancer of the blood. ALL is treated in hospital.\n"
    report = check_text(tmp_path, body)
    assert not [f for f in report.findings if f.text == "ALL"], [str(f) for f in report.findings]


def test_an_abbreviation_is_reported_once_by_its_root(tmp_path):
    report = check_text(tmp_path, "The drug finds CD20 on CD20-positive cells. The CD20 test is quick.\n")
    assert _found(report, "abbreviation") == ["CD20"]


def test_markers_with_a_sign_are_abbreviations_to_explain(tmp_path):
    report = check_text(tmp_path, "Some people have Ph+ leukaemia or Rh- blood. Others have HER2+ cancer.\n")
    assert _found(report, "abbreviation") == ["Ph+", "Rh-", "HER2+"]
    explained = "HER2+ (a protein on the cancer cells that makes them grow) is tested first. HER2+ cancer is common.\n"
    assert not _found(check_text(tmp_path, explained), "abbreviation")


def test_adjectives_after_be_are_not_passives(tmp_path):
    body = (
        "It is complicated. These are targeted therapy drugs. It is very detailed. "
        "The room is kept dark during the scan. You will be given medicine.\n"
    )
    passives = [text for text in _found(check_text(tmp_path, body), "passive-voice") if text]
    assert passives == ["is kept", "be given"]


def test_patient_inside_a_name_is_not_the_reader(tmp_path):
    body = (
        "The Patient Information Forum checks leaflets. Patient Advice and Liaison Service staff can help. "
        "Ask the Patient Advice and Liaison Service. The patient should rest.\n"
    )
    assert _found(check_text(tmp_path, body), "patient-not-you") == ["The patient"]


def test_small_numbers_written_as_figures_are_suggested_as_words(tmp_path):
    report = check_text(tmp_path, "In the first 4 weeks you have 3 appointments. Take 2 tablets at 9 am.\n")
    small = [f for f in report.findings if f.rule == "small-number"]
    assert [f.text for f in small] == ["4", "3"]
    assert all(f.severity == Severity.SUGGESTION for f in small)
    assert 'Write it as a word: "four"' in small[0].suggestion


def test_two_word_cell_names_are_hard_words(tmp_path):
    report = check_text(tmp_path, "B cell and T-cell leukaemia are two kinds.\n")
    assert {"B cell", "T-cell"} <= set(_found(report, "hard-word"))


def test_a_brand_name_in_brackets_explains_nothing(tmp_path):
    report = check_text(tmp_path, "You may have blinatumomab (Blincyto) as a drip.\n")
    assert "blinatumomab" in _found(report, "hard-word")
    report = check_text(tmp_path, "Blinatumomab (Blincyto) is a drug.\n")
    assert "Blinatumomab" in _found(report, "hard-word")
    plain = check_text(tmp_path, "You may have blinatumomab (a medicine that helps your immune system).\n")
    assert not _found(plain, "hard-word")


def test_a_hard_name_called_by_another_name_explains_nothing(tmp_path):
    report = check_text(tmp_path, "This treatment is often named after its maker. CAR-T therapy is called tisagenlecleucel.\n")
    assert "tisagenlecleucel" in _found(report, "hard-word")
    assert not _found(check_text(tmp_path, "We put in a thin tube, called a cannula.\n"), "hard-word")


def test_an_abbreviation_listed_and_spelled_out_in_other_words(tmp_path):
    front = FRONT_MATTER + "abbreviations:\n  MRD: minimal residual disease\n"
    report = check_text(tmp_path, "We test for measurable residual disease (MRD) after treatment.\n", front)
    finding = next(f for f in report.findings if f.rule == "abbreviation")
    assert finding.line == 10 and "twice" in finding.message and finding.severity == Severity.WARNING
    same = check_text(tmp_path, "We test for minimal residual disease (MRD) after treatment.\n", front)
    finding = next(f for f in same.findings if f.rule == "abbreviation")
    assert finding.severity == Severity.SUGGESTION and "twice" not in finding.message


def test_a_next_review_before_the_review_is_its_own_error(tmp_path):
    front = FRONT_MATTER.replace("next_review: 2028-01-01", "next_review: 2025-01-01")
    findings = [f for f in check_text(tmp_path, "We take blood.\n", front).findings if f.rule == "review-date"]
    assert len(findings) == 1 and findings[0].severity == Severity.ERROR
    assert "before the date the leaflet was reviewed" in findings[0].message
    assert "passed" not in findings[0].message


def test_the_passive_advice_is_written_for_each_sentence(tmp_path):
    body = "Your blood is checked by a nurse. The tablets are given at night. The samples are sent away.\n"
    advice = [f.suggestion for f in check_text(tmp_path, body).findings if f.rule == "passive-voice" and f.text]
    assert advice[0] == 'Say who does it: "A nurse checks your blood."'
    assert advice[1] == 'Say who does it: "We give the tablets at night."'
    assert len(set(advice)) == len(advice)


def test_a_medicine_name_is_asked_what_it_is_for(tmp_path):
    report = check_text(tmp_path, "Your doctor may offer you dasatinib.\n")
    finding = next(f for f in report.findings if f.rule == "hard-word")
    assert "medicine" in finding.message and "say what it is for" in finding.suggestion
    assert "more common word" not in finding.suggestion


def test_the_reading_age_points_at_the_first_line_of_text(tmp_path):
    front = FRONT_MATTER.replace("title: Having a blood test\n", "title: Having a blood test\n")
    body = "\n".join(
        "Leukaemia treatment involves chemotherapy, radiotherapy, immunotherapy and occasionally transplantation."
        for _ in range(12)
    )
    report = check_text(tmp_path, f"\n{body}\n", front)
    finding = next(f for f in report.findings if f.rule == "reading-age")
    assert finding.line == 9  # the closing '---' is line 7; line 8 is blank


def test_a_split_is_offered_only_where_both_halves_are_sentences(tmp_path):
    body = (
        "These drugs target something in the cells of your body that help the cancer cells in your blood and bones "
        "to grow and divide quickly.\n\nMost people feel a little sore for a day or two afterwards, and you can take the painkillers "
        "you would usually take.\n"
    )
    advice = [f.suggestion for f in check_text(tmp_path, body).findings if f.rule == "long-sentence"]
    assert advice[0] == "Split it into two or more sentences, one idea each."
    assert advice[1] == 'Split it after "afterwards" and start the next sentence with "You".'


def test_the_score_card_says_which_figure_decides_and_why(tmp_path):
    from exporters.checks.reports.text import render

    out = render([check_text(tmp_path, "We take blood. It is quick.\n")])
    assert "The reading age decides" in out and "Flesch-Kincaid" in out and "SMOG" in out
