"""Hostile and mistaken sources, second round: addresses, links out of the folder, YAML that
explodes or hides control characters, names Windows cannot open, and the front-matter mistakes
an information officer really makes. Each is refused with its file, its line and what to do."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from exporters.cli import ExitStatus, main
from exporters.errors import SourceError
from exporters.readers.leaflet import read
from tests.conftest import MINIMAL_FRONT_MATTER, write_leaflet

TERMINAL_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")  # what a terminal would obey
BODY = "## What happens\n\nA nurse takes some blood from your arm.\n"


def refusal(path: Path) -> SourceError:
    with pytest.raises(SourceError) as caught:
        read(path)
    return caught.value


def leaflet_text(front_matter: str, body: str = BODY) -> str:
    return f"---\n{front_matter}---\n{body}"


def write(folder: Path, text: str, name: str = "blood-test.md") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# 1. Addresses from the front matter and the text ------------------------------------------------

ORGANISATION = "title: Having a blood test\norganisation:\n  name: Northfield Test Service\n"


@pytest.mark.parametrize(
    ("detail", "words"),
    [
        ('  website: "javascript:alert(document.cookie)"\n', "can run a program"),
        ("  website: www.northfield.nhs.uk\n", "https://www.northfield.nhs.uk"),
        ("  website: https://www.nhs.uk@evil.example/\n", "leads to 'evil.example'"),
        ("  website: https://user:secret@www.nhs.uk/\n", "leads to 'www.nhs.uk'"),
        ('  email: "x@example.org?bcc=all@evil.example"\n', "copy the email to other people"),
        ("  email: not an address\n", "is not an email address"),
        ("  phone: call 01632 960000 now\n", "digits"),
    ],
)
def test_an_organisation_address_that_is_not_safe_is_refused_on_its_line(tmp_path, detail, words):
    error = refusal(write(tmp_path, leaflet_text(ORGANISATION + detail)))
    key = detail.split(":")[0].strip()
    assert error.line == 5 and f"organisation's {key}" in error.message
    assert words in f"{error.message} {error.hint}" and error.hint


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
     "javascript:alert(1)", "https://" + "a" * 100_000 + ".example/"],
)  # fmt: skip
def test_a_reference_address_that_is_not_a_web_page_is_refused(tmp_path, url):
    front = f"title: Having a blood test\nreferences:\n  - title: NHS website\n    url: {url}\n"
    error = refusal(write(tmp_path, leaflet_text(front)))
    assert error.line == 5 and "reference's url" in error.message and len(error.message) < 400


def test_good_addresses_pass_and_reach_the_web_page(tmp_path):
    front = (ORGANISATION + "  phone: +44 1632 960000\n  email: team@example.nhs.uk\n"
             "  website: https://www.example.nhs.uk/blood\nreferences:\n  - title: NHS website\n"
             "    url: https://www.nhs.uk/conditions/\n")  # fmt: skip
    source = write(tmp_path, leaflet_text(front))
    assert main(["build", str(source), "--out", str(tmp_path / "out"), "--format", "html", "--no-check"]) == 0
    page = (tmp_path / "out" / "blood-test" / "blood-test.standard.html").read_text(encoding="utf-8")
    assert 'href="https://www.example.nhs.uk/blood"' in page and 'href="mailto:team@example.nhs.uk"' in page
    assert 'href="https://www.nhs.uk/conditions/"' in page


@pytest.mark.parametrize(
    ("link", "words"),
    [
        ("file:///S:/Leaflets/booking-form.docx", "shared drive"),
        (r"S:\Leaflets\booking-form.docx", "shared drive"),
        ("javascript:alert(1)", "can run a program"),
        ("vbscript:msgbox(1)", "can run a program"),
        ("mailto:team@example.org?bcc=all@evil.example", "copy the email"),
        ("https://www.nhs.uk@evil.example/", "evil.example"),
        ("http://www.nhs.uk/", "not secure"),
    ],
)
def test_a_link_in_the_text_is_checked_by_the_same_checker(make_leaflet, link, words):
    error = refusal(make_leaflet(f"Fill in [the booking form](<{link}>) first.\n"))
    assert error.line == 9 and words in f"{error.message} {error.hint}"


def test_the_web_pages_forbid_any_script(tmp_path):
    front = MINIMAL_FRONT_MATTER
    body = BODY + "\n::: easy-read\n- ![A nurse](icon:nurse) A nurse takes some blood.\n:::\n"
    source = write_leaflet(tmp_path, body, front)
    assert main(["build", str(source), "--out", str(tmp_path / "out"), "--format", "html", "--no-check"]) == 0
    for page in (tmp_path / "out" / "blood-test").glob("*.html"):
        head = page.read_text(encoding="utf-8").split("</head>")[0]
        assert '<meta http-equiv="Content-Security-Policy" content="default-src \'none\';' in head, page.name
        assert "script-src" not in head and "'unsafe-eval'" not in head  # default-src 'none' covers script


# 2. Files that lead outside the folder --------------------------------------------------------


def test_a_leaflet_that_is_a_link_to_a_file_outside_the_folder_is_not_published(tmp_path):
    secret = tmp_path / "private" / "secret.md"
    secret.parent.mkdir()
    secret.write_text(leaflet_text("title: The password is hunter2\n"), encoding="utf-8")
    source = tmp_path / "source"
    source.mkdir()
    write(source, leaflet_text("title: Having a blood test\n"), "good.md")
    (source / "stolen.md").symlink_to(secret)
    out = tmp_path / "out"
    assert main(["build", str(source), "--out", str(out), "--format", "html", "--no-check"]) == ExitStatus.BAD_INPUT
    assert not any("hunter2" in p.read_text(encoding="utf-8") for p in out.rglob("*.html"))
    assert (out / "good" / "good.standard.html").is_file()


def test_a_shared_glossary_that_is_a_link_outside_the_folder_is_refused(tmp_path):
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("nurse: the password is hunter2\n", encoding="utf-8")
    source = tmp_path / "source"
    source.mkdir()
    (source / "glossary.yaml").symlink_to(outside)
    error = refusal(write(source, leaflet_text("title: Having a blood test\n")))
    assert error.source.name == "glossary.yaml" and "outside the folder" in error.message


def test_a_link_that_stays_inside_the_folder_is_read(tmp_path):
    write(tmp_path, leaflet_text("title: Having a blood test\n"), "real.md")
    (tmp_path / "blood-test.md").symlink_to(tmp_path / "real.md")
    assert read(tmp_path / "blood-test.md").meta.title == "Having a blood test"


# 3. and 4. YAML that explodes, nests without end or hides control characters -----------------


def test_a_yaml_alias_bomb_is_refused_at_once(tmp_path):
    levels = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    levels += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 9)]
    front = "title: Having a blood test\nchecks:\n  bomb:\n" + "".join(f"    {level}\n" for level in levels)
    assert len(front) < 1600
    error = refusal(write(tmp_path, leaflet_text(front)))
    assert error.line == 6 and "alias" in error.message and "in full" in error.hint


def test_deep_nesting_is_refused_not_a_crash(tmp_path):
    front = "title: A\nchecks: " + "[" * 3000 + "]" * 3000 + "\n"
    assert "nested" in refusal(write(tmp_path, leaflet_text(front))).message
    front = "title: A\nchecks:\n" + "".join(" " * (2 * depth) + f"k{depth}:\n" for depth in range(1, 60))
    assert "nested" in refusal(write(tmp_path, leaflet_text(front + "   x: 1\n"))).message


@pytest.mark.parametrize("escape", ["\\x01", "\\x1b[31m", "\\0", "\\uFFFE", "\\ud800", "\\x85"])
def test_a_control_character_written_as_a_yaml_escape_is_refused(tmp_path, capsys, escape):
    front = f'title: Having a blood test\nsummary: "Red {escape}text"\n'
    source = write(tmp_path, leaflet_text(front))
    error = refusal(source)
    assert error.line == 3 and "control character (U+" in error.message
    assert main(["build", str(source), "--out", str(tmp_path / "out"), "--format", "html"]) == 2
    printed = capsys.readouterr()
    assert not TERMINAL_CONTROL.search(printed.err + printed.out)
    assert not (tmp_path / "out" / "blood-test").exists()


def test_a_file_name_with_a_control_character_is_not_obeyed_by_the_terminal(tmp_path, capsys):
    source = write(tmp_path, leaflet_text("title: A\nslug: a-test\n", "Text."), "red\x1b[31m.md")
    main(["check", str(source)])
    printed = capsys.readouterr()
    assert "\x1b[31m" not in printed.out + printed.err and "<U+001B>[31m" in printed.out


# 12. Names and keys -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["abc\n", "con", "nul", "com1", "lpt9", "aux"])
def test_a_leaflet_name_that_windows_or_a_newline_would_break_is_refused(tmp_path, capsys, name):
    assert main(["new", name, "--source", str(tmp_path)]) == ExitStatus.BAD_INPUT
    assert list(tmp_path.iterdir()) == [] and "cannot be a leaflet name" in capsys.readouterr().err


@pytest.mark.parametrize("slug", ["con", "nul", "prn"])
def test_a_windows_device_name_as_slug_is_refused(tmp_path, slug):
    error = refusal(write(tmp_path, leaflet_text(f"title: A\nslug: {slug}\n")))
    assert error.line == 3 and "Windows" in error.hint


def test_a_key_written_twice_is_refused_in_the_front_matter_and_in_the_glossary(tmp_path):
    error = refusal(write(tmp_path, leaflet_text("title: A\nsummary: one\ntitle: B\n")))
    assert error.line == 4 and "written twice" in error.message and "line 2" in error.message
    (tmp_path / "glossary.yaml").write_text("biopsy: a small sample\nnurse: x\nbiopsy: another\n", "utf-8")
    error = refusal(write(tmp_path, leaflet_text("title: A\n")))
    assert error.source.name == "glossary.yaml" and error.line == 3 and "written twice" in error.message


def test_glossary_words_are_kept_as_written_not_turned_into_none_or_true(tmp_path):
    (tmp_path / "glossary.yaml").write_text("null: a word for nothing\nyes: a word for agreeing\n", "utf-8")
    document = read(write(tmp_path, leaflet_text("title: A\n", "## Words\n\nSay null or yes.\n")))
    assert {entry.term for entry in document.glossary} == {"null", "yes"}


# Issue 13: mistakes in the front matter, as an officer makes them --------------------------------

OFFICERS_MISTAKES = {
    "missing colon": (
        "title Having a blood test\norganisation:\n  name: Northfield Test Service\n",
        2, "has no ':'", "'title: Having a blood test'",
    ),
    "missing colon in a group": (
        "title: Having a blood test\norganisation:\n  name: Northfield Test Service\n  phone 01632 960000\n",
        5, "has no ':'", "'phone: 01632 960000'",
    ),
    "tab": (
        "title: Having a blood test\norganisation:\n\tname: Northfield Test Service\n",
        4, "tab", "spaces",
    ),
    "colon in a reference title": (
        "title: Having a blood test\nreferences:\n  - title: NHS: acute leukaemia\n    url: https://www.nhs.uk/\n",
        4, "':' in it", '- title: "NHS: acute leukaemia"',
    ),
    "colon in a plain reference": (
        "title: Having a blood test\nreferences:\n  - NHS website: acute leukaemia\n",
        4, "':' in it", '- "NHS website: acute leukaemia"',
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", OFFICERS_MISTAKES)
def test_a_front_matter_mistake_gets_its_line_and_what_to_do(tmp_path, capsys, case):
    front, line, words, fix = OFFICERS_MISTAKES[case]
    source = write(tmp_path, leaflet_text(front))
    assert main(["check", str(source)]) == ExitStatus.BAD_INPUT
    printed = capsys.readouterr()
    assert "Checked 0 leaflets" not in printed.out
    message, _, hint = printed.err.partition("What to do:")
    assert f"{source}:{line}:" in message and words in message and fix in hint
    assert "YAML" not in printed.err and "quotes" not in message and "token" not in printed.err
    assert hint.strip().count(". ") == 0  # one sentence


def test_a_missing_closing_line_is_found_where_the_text_starts(tmp_path):
    text = "---\ntitle: Having a blood test\nreviewed: 2026-10-01\n\n## What happens\n\nA nurse takes blood.\n\n---\n\nMore.\n"
    error = refusal(write(tmp_path, text))
    assert error.line == 5 and "not closed" in error.message and "after the last front-matter setting (line 3)" in error.hint
    headings_only = "---\ntitle: Having a blood test\n## Before you come\n---\nEat as normal.\n"
    assert refusal(write(tmp_path, headings_only)).line == 3  # no longer taken silently as a comment
    no_closing = "---\ntitle: Having a blood test\n\nA nurse takes blood from your arm.\n"
    error = refusal(write(tmp_path, no_closing))
    assert error.line == 4 and "not closed" in error.message


def test_an_unknown_icon_name_suggests_icons_by_health_icons_own_words(make_leaflet):
    error = refusal(make_leaflet("::: easy-read\n- ![A needle](icon:needle) We use a small needle.\n:::\n"))
    assert error.line == 10 and "'icon:syringe'" in error.hint
    error = refusal(make_leaflet("::: easy-read\n- ![A baby](icon:baby) Bring your baby.\n:::\n"))
    assert "'icon:baby_" in error.hint
    error = refusal(make_leaflet("::: easy-read\n- ![Blood pressure](icon:blood-pressure) We check it.\n:::\n"))
    assert error.hint.startswith("Did you mean 'icon:blood_pressure'")


def test_the_slug_of_a_file_name_with_a_newline_is_refused(tmp_path):
    source = write(tmp_path, leaflet_text("title: A\n"), "abc\n.md")
    assert "short name" in refusal(source).message
    assert os.path.exists(source)
