"""`leaflet check` and the check inside `leaflet build`, called in-process as a user would run them."""

from __future__ import annotations

import json

from exporters.cli import ExitStatus, main
from tests.checks.helpers import FRONT_MATTER, write_checked_leaflet

OVERDUE = FRONT_MATTER.replace("next_review: 2028-01-01", "next_review: 2025-01-01")
CLEAN = "You can eat and drink as normal. Bring your letter.\n"


def test_check_prints_findings_with_place_and_exits_1_on_an_error(tmp_path, capsys):
    source = write_checked_leaflet(tmp_path, "Please ensure you come on time.\n", OVERDUE)
    assert main(["check", str(source)]) == ExitStatus.CHECKS_FAILED
    out = capsys.readouterr().out
    assert f"{source}:5:1 error review-date" in out
    assert f"{source}:8:8 suggestion plain-words" in out and 'Try "make sure"' in out
    assert "Reading age" in out and "Checked 1 leaflet: 1 error" in out


def test_check_exits_0_without_errors_and_2_for_a_missing_file(tmp_path, capsys):
    assert main(["check", str(write_checked_leaflet(tmp_path, CLEAN))]) == ExitStatus.DONE
    assert main(["check", str(tmp_path / "missing.md")]) == ExitStatus.BAD_INPUT
    assert "no file or folder" in capsys.readouterr().err


def test_check_writes_a_json_report_to_a_file(tmp_path, capsys):
    source = write_checked_leaflet(tmp_path, "You may have nausea.\n")
    out = tmp_path / "report" / "check.json"
    assert main(["check", str(source), "--format", "json", "--out", str(out)]) == ExitStatus.DONE
    document = json.loads(out.read_text())["documents"][0]
    assert document["source"] == str(source)
    assert {"reading_age", "smog_grade", "flesch_reading_ease", "passive_share"} <= set(document["metrics"])
    [finding] = [finding for finding in document["findings"] if finding["rule"] == "hard-word"]
    assert set(finding) == {"rule", "severity", "line", "column", "message", "suggestion", "text"}
    assert (finding["rule"], finding["line"], finding["column"], finding["text"]) == (
        "hard-word",
        8,
        14,
        "nausea",
    )


def test_profile_easy_read_checks_all_text_strictly(tmp_path):
    sixteen = "We will take a small amount of blood from your arm with a thin needle in the clinic.\n"
    source = write_checked_leaflet(tmp_path, sixteen)
    assert main(["check", str(source)]) == ExitStatus.DONE
    assert main(["check", str(source), "--profile", "easy-read"]) == ExitStatus.CHECKS_FAILED


def _build(*arguments: str) -> int:
    return main(["build", *arguments, "--format", "html", "--variant", "standard"])


def test_build_holds_back_a_leaflet_with_errors_and_keeps_its_earlier_output(tmp_path, capsys):
    folder, out = tmp_path / "source", tmp_path / "out"
    folder.mkdir()
    write_checked_leaflet(folder, CLEAN, name="good.md")
    bad = write_checked_leaflet(folder, CLEAN, name="bad.md")
    assert _build(str(folder), "--out", str(out)) == ExitStatus.DONE
    earlier = (out / "bad" / "bad.standard.html").read_bytes()

    write_checked_leaflet(folder, "Changed text.\n", OVERDUE, name="bad.md")
    (out / "good" / "good.standard.html").unlink()
    capsys.readouterr()
    assert _build(str(folder), "--out", str(out)) == ExitStatus.CHECKS_FAILED
    said = capsys.readouterr().err
    assert f"{bad}:5:1 error review-date" in said and "was not built" in said
    assert (out / "bad" / "bad.standard.html").read_bytes() == earlier
    assert (out / "good" / "good.standard.html").is_file()


def test_build_with_no_check_builds_anyway_and_still_shows_the_findings(tmp_path, capsys):
    source = write_checked_leaflet(tmp_path, CLEAN, OVERDUE)
    out = tmp_path / "out"
    assert _build(str(source), "--out", str(out), "--no-check") == ExitStatus.DONE
    assert (out / "leaflet" / "leaflet.standard.html").is_file()
    said = capsys.readouterr().err
    assert "error review-date" in said and "built anyway" in said


def test_the_command_offers_every_report_format_and_profile():
    from exporters.checks.reports import FORMATS
    from exporters.checks.settings import PROFILES
    from exporters.cli import CHECK_PROFILES, REPORT_FORMATS

    assert REPORT_FORMATS == tuple(FORMATS) and CHECK_PROFILES == PROFILES
