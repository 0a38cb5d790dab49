"""The web page in a real browser (Debian's Chromium driven by Playwright): no WCAG 2.2 A or AA
violation (axe-core), every action by keyboard, a finding marked as it is typed and saved, a
change on disk shown on the open page, two browsers editing one leaflet, and a Word file imported."""

from __future__ import annotations

import re
import socket
import threading
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
import uvicorn

from exporters.formats import export
from exporters.readers.leaflet import read
from exporters.requests import ServeRequest
from exporters.serve.app import create_app
from exporters.variants import layout_settings
from tests.conftest import require_command, require_tool

from .helpers import FRONT_MATTER, SCAN, write_library

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
# Chromium's own calls home, which fail on a closed network and slow the start.
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run", "--disable-quic"]  # fmt: skip
WAIT_MS = 15_000


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """leaflet serve's app under uvicorn, on a free port of this computer, for the whole module."""
    folder = tmp_path_factory.mktemp("served")
    write_library(folder)
    app = create_app(ServeRequest(folder / "source", folder / "output", jobs=2), formats=("html",))
    listening = socket.socket()
    listening.bind(("127.0.0.1", 0))
    config = uvicorn.Config(app, log_level="warning", timeout_graceful_shutdown=1)
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, kwargs={"sockets": [listening]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert running.started, "the web page did not start"
    yield f"http://127.0.0.1:{listening.getsockname()[1]}", folder
    running.should_exit = True
    thread.join(10)
    listening.close()


@pytest.fixture(scope="module")
def browser():
    chromium = require_command("chromium", "install Debian's chromium (bash .ci/setup --test)")
    try:
        from axe_playwright_python.sync_playwright import Axe  # noqa: F401
        from playwright.sync_api import sync_playwright
    except ImportError:
        require_tool("playwright", False, "pip install -e '.[test]'")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


def axe_violations(page) -> str:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return "" if results.violations_count == 0 else results.generate_report()


def tab_to(page, selector: str, presses: int = 80) -> None:
    """Press Tab until the element `selector` has the focus, as a keyboard user would."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_the_library_passes_axe_and_a_leaflet_opens_by_keyboard(server, browser):
    address, folder = server
    page = browser.new_page()
    page.goto(address + "/")
    assert page.locator("h1").inner_text() == "All leaflets"
    assert axe_violations(page) == ""
    row = page.locator("tr", has_text="Having an X-ray")
    assert "Overdue" in row.inner_text()  # in words, not colour alone
    # A leaflet changed on disk: the open library shows it without a reload.
    path = folder / "source" / "x-ray.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Having an X-ray", "Having an X-ray scan"), encoding="utf-8")
    page.locator("th", has_text="Having an X-ray scan").wait_for(timeout=WAIT_MS)
    tab_to(page, 'a[href="/?sort=title&order=ascending"]')
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"sort=title"))
    tab_to(page, 'a[href="/leaflets/blood-test"]')
    page.keyboard.press("Enter")
    page.wait_for_url(address + "/leaflets/blood-test")
    page.close()


def test_a_sentence_with_utilise_typed_and_saved_is_marked_in_the_preview(server, browser):
    address, folder = server
    page = browser.new_page()
    page.goto(address + "/leaflets/blood-test")
    assert axe_violations(page) == ""
    tab_to(page, "#source-text")
    page.keyboard.press("Control+End")
    page.keyboard.type("\nWe utilise a small needle for this.\n")
    page.keyboard.press("Control+s")
    mark = page.locator('#preview mark[data-rule="plain-words"]')
    mark.first.wait_for(timeout=WAIT_MS)
    assert mark.first.inner_text() == "utilise"
    page.locator("#save-status", has_text="Saved.").wait_for(timeout=WAIT_MS)
    assert "We utilise a small needle" in (folder / "source" / "blood-test.md").read_text(encoding="utf-8")
    number = mark.first.get_attribute("data-finding")
    label = page.locator(f"#mark-{number}")
    assert "suggestion" in label.inner_text()  # the mark says what it is in words
    assert "is not a plain word" in label.text_content()  # and what was found, for a screen reader
    assert axe_violations(page) == ""  # with the marks in the preview
    # The label leads to the finding; its button, pressed with Enter, selects the line in the editor.
    label.focus()
    page.keyboard.press("Enter")
    tab_to(page, f"#finding-{number} .go-to-line")
    page.keyboard.press("Enter")
    selected = page.evaluate("() => { const t = document.activeElement; "
                             "return t.id + '|' + t.value.slice(t.selectionStart, t.selectionEnd); }")  # fmt: skip
    assert selected == "source-text|We utilise a small needle for this."
    page.close()


def test_a_change_made_on_disk_shows_on_the_open_page(server, browser):
    address, folder = server
    page = browser.new_page()
    page.goto(address + "/leaflets/scan")
    path = folder / "source" / "scan.md"
    path.write_text(path.read_text(encoding="utf-8").replace("as normal", "as you always do"), encoding="utf-8")
    page.locator("#preview", has_text="as you always do").wait_for(timeout=WAIT_MS)
    page.wait_for_function("() => document.getElementById('source-text').value.includes('as you always do')",
                           timeout=WAIT_MS)  # fmt: skip
    page.locator("#save-status", has_text="changed somewhere else").wait_for(timeout=WAIT_MS)
    page.close()


def test_two_browsers_editing_one_leaflet_never_overwrite_each_other(server, browser):
    address, folder = server
    first, second = browser.new_context().new_page(), browser.new_context().new_page()
    for page in (first, second):
        page.goto(address + "/leaflets/x-ray")
    first.fill("#source-text", first.input_value("#source-text").replace("as normal", "as normal (first)"))
    second.fill("#source-text", second.input_value("#source-text").replace("as normal", "as normal (second)"))
    first.click("#save")
    first.locator("#save-status", has_text="Saved.").wait_for(timeout=WAIT_MS)
    # The second page hears of the save while it holds unsaved text: it says so, and keeps the text.
    second.locator("#conflict").wait_for(state="visible", timeout=WAIT_MS)
    assert "changed somewhere else" in second.locator("#conflict-message").inner_text()
    assert "(second)" in second.input_value("#source-text")
    second.keyboard.press("Control+s")
    second.locator("#save-status", has_text="Not saved").wait_for(timeout=WAIT_MS)
    assert "Someone else changed this leaflet" in second.locator("#conflict-message").inner_text()
    assert "(first)" in (folder / "source" / "x-ray.md").read_text(encoding="utf-8")
    assert axe_violations(second) == ""  # with the conflict shown
    assert second.evaluate("() => document.activeElement.id") == "load-newest"
    second.keyboard.press("Enter")
    second.wait_for_function("() => document.getElementById('source-text').value.includes('(first)')",
                             timeout=WAIT_MS)  # fmt: skip
    assert second.locator("#conflict").is_hidden()
    for page in (first, second):
        page.context.close()


def test_a_word_file_made_by_our_exporter_is_imported_from_the_library_by_keyboard(server, browser, tmp_path):
    address, folder = server
    word = our_word_file(tmp_path)
    page = browser.new_page()
    # The computer's file chooser, answered here; listened for before the page opens, so that it
    # is caught however soon the key is pressed.
    page.on("filechooser", lambda chooser: chooser.set_files(word))
    page.goto(address + "/")
    tab_to(page, "#word-file")
    page.keyboard.press("Space")  # the file input opens the file chooser
    page.wait_for_function("() => document.getElementById('word-file').files.length === 1", timeout=WAIT_MS)
    tab_to(page, "#import-button")
    page.keyboard.press("Enter")
    outcome = page.locator("#import-outcome")
    outcome.wait_for(timeout=WAIT_MS)
    assert outcome.inner_text() == "Imported: Coming in for a heart scan"
    assert page.evaluate("() => document.activeElement.id") == "import-outcome"  # read out at once
    assert "Your to-do list" in page.locator("#import-report").inner_text()
    assert page.locator("#library th", has_text="Coming in for a heart scan").count() == 1
    assert (folder / "source" / "heart-scan.md").is_file()  # the short name our Word file keeps
    assert axe_violations(page) == ""  # with the report showing
    tab_to(page, 'a[href="/leaflets/heart-scan"]:not(#library a)')
    page.keyboard.press("Enter")
    page.wait_for_url(address + "/leaflets/heart-scan")
    assert page.locator("main > h1").inner_text() == "Coming in for a heart scan"
    page.close()


def our_word_file(folder: Path) -> Path:
    """A leaflet of our own, made into Word by our Word exporter."""
    front = FRONT_MATTER.format(title="Coming in for a heart scan", reviewed=date.today().isoformat(),
                                next_review=(date.today() + timedelta(days=700)).isoformat())  # fmt: skip
    body = SCAN.replace("Before the scan", "Before your heart scan")
    source = folder / "heart-scan.md"
    source.write_text(f"---\n{front}---\n{body}", encoding="utf-8")
    return export(read(source), "docx", layout_settings("standard"), folder / "output")
