"""The web page's routes, in this process: the library, a leaflet's page, its source, its
findings, its outputs and the event stream."""

from __future__ import annotations

import json
import re

import pytest

from exporters.cli import main

from .helpers import csrf_of, save, serving, wait_for, write_library


@pytest.fixture
def library(tmp_path):
    write_library(tmp_path)
    with serving(tmp_path) as client:
        yield client


def rows_of(page: str) -> list[str]:
    return re.findall(r'<th scope="row"><a href="/leaflets/([a-z0-9-]+)">', page)


def test_the_library_lists_each_leaflet_with_its_review_dates_in_words_and_its_counts(library):
    page = library.get("/").text
    assert rows_of(page) == ["x-ray", "scan", "blood-test"]  # by next review, the earliest first
    x_ray, scan, blood_test = re.split(r'<tr class="review-', page)[1:]
    assert "Overdue: review it now" in x_ray and x_ray.startswith("overdue")
    assert "Due within 3 months" in scan and "Overdue" not in scan
    assert "Due within" not in blood_test and "Overdue" not in blood_test
    cells = re.findall(r"<td>(\d+)</td>", x_ray)
    assert cells[0] == "1"  # the overdue review date is an error
    assert "Having a blood test" in blood_test and 'href="/leaflets/blood-test"' in blood_test


def test_the_library_sorts_by_review_date_and_by_title(library):
    assert rows_of(library.get("/?sort=next-review&order=descending").text) == ["blood-test", "scan", "x-ray"]
    assert rows_of(library.get("/?sort=title").text) == ["blood-test", "scan", "x-ray"]
    page = library.get("/?sort=reviewed").text
    assert rows_of(page) == ["x-ray", "scan", "blood-test"]
    assert 'aria-sort="ascending"' in page


def test_a_leaflet_page_has_the_editor_the_findings_the_preview_and_the_csrf_token(library):
    page = library.get("/leaflets/blood-test").text
    assert len(csrf_of(page)) >= 32
    assert '<textarea id="source-text"' in page and "A nurse takes a small amount of blood" in page
    assert 'id="findings"' in page and 'id="outputs"' in page and 'class="preview"' in page
    assert "<h1 id=\"preview-" in page  # the HTML edition's own title, its id kept apart from the page's
    assert library.get("/leaflets/no-such-leaflet").status_code == 404


def test_a_sentence_saved_with_utilise_is_marked_in_the_preview_with_words(library):
    text = library.get("/leaflets/blood-test/source").text
    text = text.replace("## Your results", "We utilise a thin needle.\n\n## Your results")
    answer = save(library, "blood-test", text)
    assert answer.status_code == 200, answer.text
    page = library.get("/leaflets/blood-test").text
    mark = re.search(r'<mark class="finding suggestion" data-rule="plain-words" data-finding="(\d+)">utilise</mark>', page)
    assert mark, page
    number = mark.group(1)
    label = re.search(rf'<a class="finding-label suggestion" id="mark-{number}" href="#finding-{number}">(.*?)</a>', page)
    assert "suggestion" in label.group(1) and "is not a plain word" in label.group(1)
    finding = re.search(rf'<li id="finding-{number}".*?</li>', page, re.S).group(0)
    assert 'data-line="17"' in finding and "Go to line 17" in finding and f'href="#mark-{number}"' in finding


def test_the_source_has_an_etag_and_a_save_needs_the_csrf_token_and_a_matching_if_match(library, tmp_path):
    answer = library.get("/leaflets/scan/source")
    etag, original = answer.headers["etag"], answer.text
    assert answer.headers["content-type"].startswith("text/plain") and etag.startswith('"')
    changed = original.replace("as normal", "as usual")
    assert save(library, "scan", changed, etag=etag, csrf="").status_code == 403
    assert save(library, "scan", changed, etag=etag, csrf="not-the-token").status_code == 403
    not_ascii = library.put("/leaflets/scan/source", content=changed.encode("utf-8"),
                            headers={"X-CSRF-Token": b"caf\xe9", "If-Match": etag, "Content-Type": "text/plain"})
    assert not_ascii.status_code == 403  # a header of any bytes is a refusal, not a fault
    assert save(library, "scan", changed, etag='"0000"').status_code == 412
    assert save(library, "scan", changed, etag="").status_code == 412
    assert (tmp_path / "source" / "scan.md").read_text(encoding="utf-8") == original
    answer = save(library, "scan", changed, etag=etag)
    assert answer.status_code == 200 and answer.headers["etag"] != etag
    assert (tmp_path / "source" / "scan.md").read_text(encoding="utf-8") == changed
    assert library.get("/leaflets/scan/source").headers["etag"] == answer.headers["etag"]
    # The page that saved first wins; a second page still holding the old text is refused.
    late = save(library, "scan", original.replace("as normal", "as before"), etag=etag)
    assert late.status_code == 412 and "not saved" in late.text
    assert (tmp_path / "source" / "scan.md").read_text(encoding="utf-8") == changed


def test_a_save_is_refused_when_too_large_not_text_or_not_utf8(library, tmp_path):
    csrf = csrf_of(library.get("/leaflets/scan").text)
    etag = library.get("/leaflets/scan/source").headers["etag"]
    headers = {"X-CSRF-Token": csrf, "If-Match": etag}
    big = library.put("/leaflets/scan/source", content=b"a" * (10 * 1024 * 1024 + 1),
                      headers={**headers, "Content-Type": "text/plain"})
    assert big.status_code == 413
    form = library.put("/leaflets/scan/source", content=b"x", headers={**headers, "Content-Type": "image/png"})
    assert form.status_code == 415
    latin = library.put("/leaflets/scan/source", content="caf\u00e9".encode("latin-1"),
                        headers={**headers, "Content-Type": "text/plain"})
    assert latin.status_code == 400
    assert "Before the scan" in (tmp_path / "source" / "scan.md").read_text(encoding="utf-8")


def test_findings_json_is_the_document_leaflet_check_gives(library, tmp_path):
    out = tmp_path / "report.json"
    main(["check", str(tmp_path / "source" / "x-ray.md"), "--format", "json", "--out", str(out)])
    answer = library.get("/leaflets/x-ray/findings.json")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("application/json")
    assert answer.json() == json.loads(out.read_text(encoding="utf-8"))
    assert any(finding["rule"] == "review-date" for finding in answer.json()["documents"][0]["findings"])


def test_a_leaflet_that_cannot_be_read_says_why_and_where(library, tmp_path):
    text = library.get("/leaflets/scan/source").text
    answer = save(library, "scan", text.replace("next_review:", "next_review: [", 1))
    assert answer.status_code == 200 and answer.json()["problem"]
    page = library.get("/leaflets/scan").text
    assert "This leaflet cannot be read." in page and "Go to line" in page
    assert library.get("/leaflets/scan/findings.json").status_code == 422


def test_outputs_are_built_then_served_from_the_output_folder_only(library, tmp_path):
    target = tmp_path / "output" / "blood-test" / "blood-test.standard.html"
    wait_for(target.is_file, what="the HTML output")
    wait_for(lambda: "Up to date" in library.get("/leaflets/blood-test").text, what="the state 'up to date'")
    answer = library.get("/outputs/blood-test/blood-test.standard.html")
    assert answer.status_code == 200 and "A nurse takes a small amount of blood" in answer.text
    policy = answer.headers["content-security-policy"]
    assert "sandbox" in policy and "script-src" not in policy and "default-src 'none'" in policy
    (tmp_path / "output" / "blood-test" / "notes.txt").write_text("not an output")
    assert library.get("/outputs/blood-test/notes.txt").status_code == 404
    assert library.get("/outputs/blood-test/.leaflet-cache").status_code == 404
    assert library.get("/outputs/no-such/blood-test.standard.html").status_code == 404
    # A leaflet with errors (an overdue review date) is not built, and its page says so.
    page = library.get("/leaflets/x-ray").text
    assert "Not rebuilt" in page and "error to fix first" in page
    assert not (tmp_path / "output" / "x-ray").exists()


def test_the_event_stream_names_the_leaflet_changed_on_disk(library, tmp_path):
    with library.stream("GET", "/events") as stream:
        assert stream.headers["content-type"].startswith("text/event-stream")
        kinds = []
        for line in stream.iter_lines():
            if line == "event: ready":
                path = tmp_path / "source" / "scan.md"
                path.write_text(path.read_text(encoding="utf-8").replace("as normal", "as usual"), encoding="utf-8")
            if line.startswith("event: "):
                kinds.append(line.removeprefix("event: "))
            if line.startswith("data: ") and kinds[-1] == "changed":
                assert json.loads(line.removeprefix("data: "))["slug"] == "scan"
                break
    assert "as usual" in library.get("/leaflets/scan/source").text
    assert "as usual" in library.get("/leaflets/scan").text.split('class="preview"')[1]


def test_pages_forbid_inline_script_and_say_what_they_are(library):
    for address in ("/", "/leaflets/scan"):
        answer = library.get(address)
        policy = answer.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert "<script>" not in answer.text and not re.search(r"<[^>]+\son[a-z]+=", answer.text)
    assert library.get("/static/serve.js").headers["content-type"].startswith("text/javascript")
    assert "@scope (.preview)" in library.get("/static/preview.css").text
