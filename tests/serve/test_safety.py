"""What `leaflet serve` refuses: paths out of its folders, strangers without the token, other
hosts without a token at all."""

from __future__ import annotations

import os

import pytest

from exporters.cli import main
from exporters.serve.guard import COOKIE

from .helpers import save, serving, wait_for, write_library

TOKEN = "a-long-enough-secret-for-tests"
TRAVERSALS = [
    "/leaflets/..%2f..%2fetc%2fpasswd",
    "/leaflets/%2e%2e/source",
    "/leaflets/%2e%2e%2f%2e%2e%2fetc/findings.json",
    "/outputs/%2e%2e/%2e%2e",
    "/outputs/scan/..%2f..%2fsource%2fscan.md",
    "/outputs/scan/%2e%2e%2fscan%2fscan.standard.html",
    "/outputs/scan/%2fetc%2fpasswd",
    "/outputs/%2fetc/passwd",
    "/outputs//etc/passwd",
    "/static/..%2f..%2fexporters%2fcli.py",
    "/static/%2e%2e%2fserve%2fleaflet.html.j2",
    "/static/leaflet.html.j2",
]


@pytest.fixture
def library(tmp_path):
    source = write_library(tmp_path)
    outside = tmp_path / "private"
    outside.mkdir()
    (outside / "secret.md").write_text("---\ntitle: Secret notes\n---\nNot for the web page.\n", encoding="utf-8")
    os.symlink(outside / "secret.md", source / "secret.md")
    with serving(tmp_path) as client:
        wait_for((tmp_path / "output" / "scan" / "scan.standard.html").is_file, what="the scan's HTML")
        yield client


def test_paths_that_climb_out_are_not_found(library):
    for address in TRAVERSALS:
        answer = library.get(address)
        assert answer.status_code in (400, 404), address
        assert "root:" not in answer.text and "Not for the web page" not in answer.text


RAW_TRAVERSALS = [
    "/leaflets/../source", "/leaflets/scan/../../source", "/outputs/scan/../../source/scan.md",
    "/outputs/../scan/scan.standard.html", "/outputs/scan/..", "/static/../leaflet.html.j2",
    "/outputs/scan//etc/passwd", "/leaflets//etc/passwd/source", "/outputs/scan/../scan/scan.standard.html",
]


def test_dot_dot_sent_as_it_is_is_not_found(library):
    """A browser or httpx removes '..' before sending; a hand-made request need not."""
    for path in RAW_TRAVERSALS:
        status, body = raw_get(library, path)
        assert status in (400, 404), path
        assert b"root:" not in body and b"Not for the web page" not in body and b"Before the scan" not in body


def raw_get(client, path: str) -> tuple[int, bytes]:
    """Send `path` to the app exactly as written, with nothing normalised on the way."""
    async def call() -> tuple[int, bytes]:
        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
                 "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": b"",
                 "root_path": "", "headers": [(b"host", b"127.0.0.1:8000")],
                 "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 8000)}  # fmt: skip
        answer: dict[str, object] = {"body": b""}

        async def receive():
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message):
            if message["type"] == "http.response.start":
                answer["status"] = message["status"]
            elif message["type"] == "http.response.body":
                answer["body"] += message.get("body", b"")

        await client.app(scope, receive, send)
        return answer["status"], answer["body"]

    return client.portal.call(call)


def test_a_leaflet_linked_from_outside_the_folder_is_not_served(library):
    assert "secret" not in library.get("/").text.lower()
    assert library.get("/leaflets/secret").status_code == 404
    assert library.get("/leaflets/secret/source").status_code == 404


def test_an_output_that_is_a_link_out_of_the_folder_is_not_served(library, tmp_path):
    target = tmp_path / "output" / "scan" / "scan.standard.html"
    assert library.get("/outputs/scan/scan.standard.html").status_code == 200
    target.unlink()
    os.symlink(tmp_path / "private" / "secret.md", target)
    answer = library.get("/outputs/scan/scan.standard.html")
    assert answer.status_code == 404 and "Not for the web page" not in answer.text


def test_a_page_asked_for_by_another_host_name_is_refused(library):
    # A web site that points its own name at 127.0.0.1 cannot read the page.
    assert library.get("/", headers={"Host": "attacker.example"}).status_code == 400
    assert library.get("/", headers={"Host": "localhost:8000"}).status_code == 200


def test_with_a_token_every_request_carries_it(tmp_path):
    write_library(tmp_path)
    with serving(tmp_path, token=TOKEN, base_url="http://leaflets.example.org", follow_redirects=False) as client:
        assert client.get("/").status_code == 401
        assert client.get("/leaflets/scan/source").status_code == 401
        assert client.get("/?token=wrong-token-of-some-length").status_code == 401
        first = client.get(f"/leaflets/scan?token={TOKEN}")
        assert first.status_code == 303 and first.headers["location"] == "/leaflets/scan"
        assert "httponly" in first.headers["set-cookie"].lower() and "samesite=strict" in first.headers["set-cookie"].lower()
        assert client.get("/leaflets/scan").status_code == 200  # the cookie now
        client.cookies.clear()
        assert client.get("/leaflets/scan").status_code == 401
        assert client.get("/leaflets/scan/source", headers={"X-Leaflet-Token": TOKEN}).status_code == 200
        client.cookies.set(COOKIE, "wrong")
        assert client.get("/").status_code == 401


def test_another_host_without_a_token_is_refused_with_a_reason(capsys, tmp_path):
    write_library(tmp_path)
    assert main(["serve", str(tmp_path / "source"), "--host", "0.0.0.0"]) == 2
    error = capsys.readouterr().err
    assert "--token" in error and "other computers" in error
    assert main(["serve", str(tmp_path / "source"), "--host", "0.0.0.0", "--token", "short"]) == 2
    assert "at least 16 characters" in capsys.readouterr().err
    assert main(["serve", str(tmp_path / "no-such-folder")]) == 2
    assert "no folder called" in capsys.readouterr().err


def test_script_in_a_leaflet_never_reaches_a_page_as_script(library):
    text = library.get("/leaflets/scan/source").text
    hostile = text.replace("Wear clothes", '<script>alert("x")</script> [Open](javascript:alert(1)) Wear clothes')
    assert save(library, "scan", hostile).status_code == 200
    page = library.get("/leaflets/scan").text
    assert "<script>alert" not in page and 'href="javascript:' not in page
    assert "&lt;script&gt;alert" in page  # in the editor, as text
    assert "script-src 'self'" in library.get("/leaflets/scan").headers["content-security-policy"]
