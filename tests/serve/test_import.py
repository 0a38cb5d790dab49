"""Importing a Word file from the library page, in this process: the form, the report, the new
leaflet in the library and on its own page, and every refusal, with nothing written."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from exporters.serve.upload import MAX_UPLOAD_BYTES, MAX_UPLOAD_MB

from ..word_fixtures import not_word, word_file
from .helpers import csrf_of, serving, write_library

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """One library for the module: a refused upload leaves it as it was, which each test checks."""
    folder = tmp_path_factory.mktemp("import")
    write_library(folder)
    with serving(folder) as client:
        client.csrf = csrf_of(client.get("/").text)
        yield client, folder


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file of the leaflets' folder (temporary parts too), with its bytes."""
    return {str(path.relative_to(folder)): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def upload(client, data: bytes, name: str, csrf: str | None = None, replace: bool = False, header: bool = False):
    """The form as a browser posts it: the token in the hidden field (or, as the page's script
    sends it, in the header too)."""
    fields = {"replace": "yes"} if replace else {}
    headers = {}
    if csrf is not None:
        fields["csrf"] = csrf
        headers = {"X-CSRF-Token": csrf} if header else {}
    return client.post("/import", files={"word": (name, data, DOCX_TYPE)}, data=fields, headers=headers)


def said(answer) -> str:
    """The outcome of an upload as the page shows it, in plain text."""
    part = answer.text.split('<div id="import-report">')[1].split('</section>')[0]
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", part))).strip()


def test_the_library_page_has_a_labelled_form_that_posts_the_word_file(served):
    client, _ = served
    page = client.get("/?sort=title").text
    assert '<label for="word-file">Word file (.docx)</label>' in page
    assert re.search(r'<input type="file" id="word-file" name="word" required\s+accept=".docx,', page)
    assert '<input type="checkbox" id="replace" name="replace"' in page
    assert '<label for="replace">Replace a leaflet with the same name</label>' in page
    assert f'<input type="hidden" name="csrf" value="{client.csrf}">' in page
    assert 'method="post" enctype="multipart/form-data"' in page
    assert 'action="/import?sort=title&amp;order=ascending"' in page  # the table comes back sorted as it was
    assert '<div id="import-status" class="status" role="status"></div>' in page
    assert client.get("/import", follow_redirects=False).headers["location"] == "/"


def test_a_word_file_becomes_a_leaflet_with_its_report_and_its_page_opens(served, tmp_path):
    client, folder = served
    data = word_file(tmp_path, "Having a heart scan").read_bytes()
    with client.stream("GET", "/events") as stream:
        for line in stream.iter_lines():
            if line == "event: ready":
                answer = upload(client, data, "C:\\Users\\jo\\Heart scan.docx", client.csrf)
            if line.startswith("data: ") and json.loads(line.removeprefix("data: ")).get("slug") == "having-a-heart-scan":
                break  # every open page hears of the new leaflet
    assert answer.status_code == 200, said(answer)
    report = said(answer)
    leaflet = folder / "source" / "having-a-heart-scan.md"
    assert report.startswith("Imported: Having a heart scan")
    assert f"Heart scan.docx is now the leaflet {leaflet}, with 1 picture in {folder / 'source' / 'pictures'}." in report
    assert "Open Having a heart scan to check and edit it" in report
    assert "Your to-do list The check finds 1 error, " in report  # no next review date
    assert "In all: 1 section, 0 lists, 0 tables, 1 picture, 0 boxes, 0 links." in report
    assert "The title 'Having a heart scan', from the Title style. (sure)" in report
    assert '<h3 id="import-outcome" tabindex="-1" autofocus>' in answer.text  # read out first, without script
    assert '<a href="/leaflets/having-a-heart-scan">' in answer.text.split('id="library"')[1]  # in the table
    assert leaflet.is_file() and (folder / "source" / "pictures" / "having-a-heart-scan-1.png").is_file()
    page = client.get("/leaflets/having-a-heart-scan")
    assert page.status_code == 200 and "A nurse takes a small sample of blood" in page.text


def test_a_leaflet_that_is_here_is_replaced_only_with_the_box_ticked(served, tmp_path):
    client, folder = served
    data = word_file(tmp_path, "Having a blood sample taken").read_bytes()
    assert upload(client, data, "blood sample.docx", client.csrf, header=True).status_code == 200
    leaflet = folder / "source" / "having-a-blood-sample-taken.md"
    leaflet.write_text(leaflet.read_text(encoding="utf-8") + "\nAn officer's own change.\n", encoding="utf-8")
    before = files_of(folder / "source")
    answer = upload(client, data, "blood sample.docx", client.csrf, header=True)
    assert answer.status_code == 409
    assert said(answer) == (
        f"The Word file was not imported blood sample.docx: Importing it would replace {leaflet}, which exists "
        "already. What to do: To put this Word file in its place, tick “Replace a leaflet with the same name” "
        "and import it again. To keep the leaflet that is here, open it from the table and make your changes "
        "there. Nothing was written: the library is as it was."
    )
    assert files_of(folder / "source") == before
    answer = upload(client, data, "blood sample.docx", client.csrf, replace=True, header=True)
    assert answer.status_code == 200 and said(answer).startswith("Imported: Having a blood sample taken")
    assert "An officer's own change." not in leaflet.read_text(encoding="utf-8")


def test_an_empty_folder_is_served_and_takes_its_first_leaflet_from_word(tmp_path):
    (tmp_path / "source").mkdir()
    with serving(tmp_path) as client:
        assert "<caption>0 leaflets</caption>" in client.get("/").text
        data = word_file(tmp_path / "word", "Having a heart scan").read_bytes()
        answer = upload(client, data, "heart scan.docx", csrf_of(client.get("/").text))
        assert answer.status_code == 200 and "<caption>1 leaflet</caption>" in answer.text
        assert client.get("/leaflets/having-a-heart-scan").status_code == 200


@pytest.fixture(scope="module")
def word_kinds(tmp_path_factory) -> dict[str, tuple[bytes, str]]:
    """Each kind of file the importer refuses, with its sentence (made once: locking one is slow)."""
    kinds = not_word(tmp_path_factory.mktemp("refused"))
    return {kind: (path.read_bytes(), message) for kind, (path, message) in kinds.items()}


@pytest.mark.parametrize(
    ("kind", "status"),
    [("text", 415), ("spreadsheet", 415), ("old word", 415), ("password", 422), ("empty", 422)],
)
def test_a_file_the_importer_refuses_is_refused_with_its_sentence_and_nothing_written(served, word_kinds, kind,
                                                                                      status):  # fmt: skip
    client, folder = served
    data, message = word_kinds[kind]
    before = files_of(folder / "source")
    answer = upload(client, data, f"{kind}.docx", client.csrf)  # named .docx: the importer looks inside
    assert answer.status_code == status
    assert said(answer).startswith(f"The Word file was not imported {kind}.docx: {message} What to do: ")
    assert files_of(folder / "source") == before


@pytest.mark.parametrize("refusal", ["no token", "wrong token", "wrong token in the header", "too big",
                                     "not a .docx name", "no file", "two files", "not a form"])  # fmt: skip
def test_an_upload_refused_before_it_is_imported_says_why_and_writes_nothing(served, tmp_path, refusal):
    client, folder = served
    data = word_file(tmp_path, "Having a scan of the knee").read_bytes()
    big = b"PK" + b"\0" * MAX_UPLOAD_BYTES
    before = files_of(folder / "source")
    answer = {
        "no token": lambda: upload(client, data, "knee.docx"),
        "wrong token": lambda: upload(client, data, "knee.docx", "not-the-token"),
        "wrong token in the header": lambda: upload(client, data, "knee.docx", "not-the-token", header=True),
        "too big": lambda: upload(client, big, "big.docx", client.csrf),
        "not a .docx name": lambda: upload(client, data, "knee.pdf", client.csrf),
        "no file": lambda: client.post("/import", files={"word": ("", b"", "application/octet-stream")},
                                       data={"csrf": client.csrf}),
        "two files": lambda: client.post("/import", data={"csrf": client.csrf},
                                         files=[("word", ("knee.docx", data, DOCX_TYPE)), ("word", ("hip.docx", data, DOCX_TYPE))]),
        "not a form": lambda: client.post("/import", json={"word": "knee"}, headers={"X-CSRF-Token": client.csrf}),
    }[refusal]()  # fmt: skip
    status, words = {
        "no token": (403, "This upload did not come from the library page, so nothing was imported."),
        "wrong token": (403, "This upload did not come from the library page"),
        "wrong token in the header": (403, "This upload did not come from the library page"),
        "too big": (413, f"The file is larger than {MAX_UPLOAD_MB} MB, so it was not imported."),
        "not a .docx name": (415, "knee.pdf: This is not a Word file (.docx): its name does not end in .docx."),
        "no file": (400, "No Word file was chosen, so nothing was imported."),
        "two files": (400, "The form could not be read, so nothing was imported."),
        "not a form": (415, "This was not sent as a form with a file, so nothing was imported."),
    }[refusal]  # fmt: skip
    assert answer.status_code == status
    assert words in said(answer) and "What to do: " in said(answer)
    assert files_of(folder / "source") == before
    assert "Having a scan of the knee" not in client.get("/").text


def test_a_body_that_never_ends_is_refused_once_past_the_limit(served):
    """No Content-Length, and more and more of the file: the app stops reading at the limit."""
    client, folder = served
    before = files_of(folder / "source")
    start = (b'--edge\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n' + client.csrf.encode()
             + b'\r\n--edge\r\nContent-Disposition: form-data; name="word"; filename="endless.docx"\r\n\r\nPK')  # fmt: skip
    chunk = b"\0" * (1024 * 1024)
    sent = 0

    async def call() -> int:
        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
                 "scheme": "http", "path": "/import", "raw_path": b"/import", "query_string": b"", "root_path": "",
                 "headers": [(b"host", b"127.0.0.1:8000"), (b"content-type", b"multipart/form-data; boundary=edge")],
                 "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 8000)}  # fmt: skip
        status = 0

        async def receive():
            nonlocal sent
            sent += 1  # (ends after twice the limit, so that an app that reads it all fails here, not hangs)
            return {"type": "http.request", "body": start if sent == 1 else chunk, "more_body": sent < 2 * MAX_UPLOAD_MB}

        async def send(message):
            nonlocal status
            status = message.get("status", status)

        await client.app(scope, receive, send)
        return status

    assert client.portal.call(call) == 413
    assert sent <= MAX_UPLOAD_MB + 2  # the first part, then a megabyte at a time up to just past the limit
    assert files_of(folder / "source") == before
