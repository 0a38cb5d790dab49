"""The preview marks each finding where it is, across links and bold words, in words as well as
colour; findings about the whole leaflet, or about easy-read text, are listed but not marked."""

from __future__ import annotations

import re

import lxml.html

from exporters.checks import check_document
from exporters.formats.html import render
from exporters.readers.leaflet import read
from exporters.serve.marks import marked_preview
from exporters.serve.templates import environment
from exporters.variants import layout_settings

LONG = ("When you come to the clinic for your test, please bring **a list of every medicine** you take, "
        "because the nurse needs to know about them before the needle goes in and before the sample is taken.")  # fmt: skip
BODY = f"""
## Coming to the clinic

{LONG}

Fill in [the form we utilise for this](https://example.org/form) before you come.

::: easy-read
- ![A nurse](icon:nurse) We utilise a needle.
:::
"""


def preview_of(make_leaflet, body: str):
    document = read(make_leaflet(body))
    report = check_document(document)
    page = render(document, layout_settings("standard"))
    return report, marked_preview(page, report, environment().get_template("marks.html.j2"))


def marks_of(html: str, number: int) -> list[str]:
    """The text inside each mark of finding `number`, in order."""
    tree = lxml.html.fragment_fromstring(html, create_parent="div")
    return [mark.text_content() for mark in tree.xpath(f'//mark[@data-finding="{number}"]')]


def test_a_long_sentence_is_marked_whole_across_its_bold_words(make_leaflet):
    report, preview = preview_of(make_leaflet, BODY)
    number = next(n for n, f in enumerate(report.findings, 1) if f.rule == "long-sentence")
    pieces = marks_of(preview.html, number)
    assert "a list of every medicine" in pieces  # a piece of its own, inside the bold words
    assert "".join(pieces) == LONG.replace("**", "")
    assert "<strong><mark" in preview.html
    label = re.search(rf'<a class="finding-label \w+" id="mark-{number}" href="#finding-{number}">(.*?)</a>', preview.html)
    assert label and "long-sentence" in label.group(1) and re.match(r"\d+&nbsp;(warning|suggestion|error)", label.group(1))


def test_a_word_in_a_link_is_marked_and_its_label_follows_the_link(make_leaflet):
    report, preview = preview_of(make_leaflet, BODY)
    number = next(n for n, f in enumerate(report.findings, 1) if f.rule == "plain-words" and f.line < 16)
    assert marks_of(preview.html, number) == ["utilise"]
    link = re.search(r'<a href="https://example.org/form">(.*?)</a>(.*?)</p>', preview.html)
    assert "data-rule=\"plain-words\"" in link.group(1) and "finding-label" not in link.group(1)
    assert f'id="mark-{number}"' in link.group(2)


def test_findings_of_the_whole_leaflet_and_of_easy_read_text_are_not_marked(make_leaflet):
    report, preview = preview_of(make_leaflet, BODY)
    easy_read = [n for n, f in enumerate(report.findings, 1) if f.rule == "plain-words" and f.line >= 16]
    whole = [n for n, f in enumerate(report.findings, 1) if f.rule in ("sources", "reading-age")]
    assert easy_read and whole
    assert not set(easy_read + whole) & preview.marked
    assert preview.marked and all(marks_of(preview.html, n) for n in preview.marked)


def test_the_preview_is_the_edition_s_body_without_its_own_landmarks_and_ids_apart(make_leaflet):
    _, preview = preview_of(make_leaflet, BODY)
    assert "<main" not in preview.html and "skip-link" not in preview.html and "<body" not in preview.html
    ids = re.findall(r' id="([^"]+)"', preview.html)
    assert ids and all(i.startswith(("preview-", "mark-")) for i in ids)
    assert 'aria-labelledby="preview-coming-to-the-clinic"' in preview.html
    assert "Coming to the clinic" in preview.html and "Northfield Test Service" in preview.html
