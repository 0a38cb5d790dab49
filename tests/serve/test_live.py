"""The outputs are rebuilt in the background by warm workers, and the newest edit wins."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from pathlib import Path

import pdfplumber

from exporters.build.incremental import stamp_path
from exporters.serve.outputs import State

from .helpers import save, serving, wait_for, write_library


def slot_states(client, slug: str) -> dict[str, State]:
    return {slot.output.target.name: slot.state for slot in client.app_state.live.outputs.slots(slug)}


def hold_pdfs_while(gate: Path, monkeypatch) -> None:
    """Clear- and large-print PDFs wait while `gate` exists, so the test, not the machine's speed,
    decides when a build ends (the workers are forked from this process and inherit the wait)."""
    import exporters.formats.pdf as pdf

    write = pdf.write

    def held_write(document, settings, target):
        deadline = time.monotonic() + 60
        while gate.exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        write(document, settings, target)

    monkeypatch.setattr(pdf, "write", held_write)


def pdf_slot(client, target: Path):
    return next(s for s in client.app_state.live.outputs.slots("scan") if s.output.target == target)


def test_an_edit_made_while_the_pdf_builds_wins_over_the_older_one(tmp_path, monkeypatch):
    write_library(tmp_path)
    target = tmp_path / "output" / "scan" / "scan.large-print.pdf"
    gate = tmp_path / "hold-the-pdfs"
    hold_pdfs_while(gate, monkeypatch)
    with serving(tmp_path, formats=("pdf",)) as client:
        wait_for(lambda: set(slot_states(client, "scan").values()) == {State.UP_TO_DATE}, 90, "the first PDFs")
        text = client.get("/leaflets/scan/source").text
        gate.touch()
        first = save(client, "scan", text.replace("as normal", "as normal, then rest for an hour"))
        assert first.status_code == 200
        assert slot_states(client, "scan")["scan.large-print.pdf"] == State.BUILDING
        assert "Building" in client.get("/leaflets/scan").text
        second = save(client, "scan", text.replace("as normal", "as normal, then walk for a while"),
                      etag=first.headers["etag"])  # fmt: skip
        assert second.status_code == 200
        # The first edit is still being built; the second waits for it.
        wait_for(lambda: pdf_slot(client, target).in_workers and pdf_slot(client, target).waiting is not None,
                 30, "the second edit waiting")  # fmt: skip
        gate.unlink()
        wait_for(lambda: set(slot_states(client, "scan").values()) == {State.UP_TO_DATE}, 90, "the newest PDFs")
        with pdfplumber.open(target) as pdf:
            words = " ".join(page.extract_text() or "" for page in pdf.pages)
        assert "walk for a while" in words and "rest for an hour" not in words
        assert stamp_path(target).is_file()
        assert "Up to date" in client.get("/leaflets/scan").text
        # An edit with an error, made while the last good one builds: that build ends, but the
        # page says the file is not rebuilt from the newest text.
        gate.touch()
        third = save(client, "scan", text.replace("as normal", "as normal, then sit down"), etag=second.headers["etag"])
        assert slot_states(client, "scan")["scan.large-print.pdf"] == State.BUILDING
        broken = text.replace("title: Having a scan", "title: Having a scan\nchecks:\n  sources: error")
        assert save(client, "scan", broken.replace("references:\n  - Northfield Test Service guidance (2026)\n", ""),
                    etag=third.headers["etag"]).json()["errors"] == 1  # fmt: skip
        gate.unlink()
        wait_for(lambda: set(slot_states(client, "scan").values()) == {State.HELD_BACK}, 90, "'not rebuilt'")
        assert "error to fix first" in client.get("/leaflets/scan").text


def test_the_page_follows_the_folder_given_as_a_relative_path(tmp_path, monkeypatch):
    source = write_library(tmp_path)
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "output" / "blood-test" / "blood-test.large-print.html"
    with serving(Path(".")) as client:
        wait_for(target.is_file, what="the first HTML")
        # The author's own editor changes a leaflet: it is checked, previewed and built again.
        path = source / "blood-test.md"
        path.write_text(path.read_text(encoding="utf-8").replace("sharp scratch", "quick scratch"), encoding="utf-8")
        wait_for(lambda: "quick scratch" in target.read_text(encoding="utf-8"), what="the rebuilt HTML")
        wait_for(lambda: "quick scratch" in client.get("/leaflets/blood-test").text, what="the new preview")
        # The shared glossary changes: every leaflet is read again with it.
        (source / "glossary.yaml").write_text("scratch: A small mark on the skin.\n", encoding="utf-8")
        wait_for(lambda: 'class="term"' in client.get("/leaflets/blood-test").text.split('class="preview"')[1],
                 what="the glossary word in the preview")  # fmt: skip
        # A new leaflet appears in the library; a removed one goes.
        (source / "x-ray.md").rename(source / "chest-x-ray.md")
        wait_for(lambda: 'href="/leaflets/chest-x-ray"' in client.get("/").text, what="the renamed leaflet")
        assert 'href="/leaflets/x-ray"' not in client.get("/").text
        assert client.get("/leaflets/x-ray").status_code == 404


def test_a_worker_killed_by_the_system_does_not_stop_the_outputs(tmp_path):
    write_library(tmp_path)
    target = tmp_path / "output" / "scan" / "scan.standard.html"
    with serving(tmp_path) as client:
        wait_for(lambda: set(slot_states(client, "scan").values()) == {State.UP_TO_DATE}, what="the first HTML")
        for worker in multiprocessing.active_children():
            os.kill(worker.pid, signal.SIGKILL)
        time.sleep(0.5)  # the pool sees its worker gone
        text = client.get("/leaflets/scan/source").text
        assert save(client, "scan", text.replace("as normal", "as you like")).status_code == 200
        wait_for(lambda: set(slot_states(client, "scan").values()) == {State.UP_TO_DATE}, what="new workers")
        assert "as you like" in target.read_text(encoding="utf-8")
