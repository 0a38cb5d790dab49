"""A small library of leaflets to serve, and an app over it in this process."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

from starlette.testclient import TestClient

from exporters.requests import ServeRequest
from exporters.serve.app import create_app

BASE_URL = "http://127.0.0.1:8000"
FRONT_MATTER = """\
title: {title}
organisation:
  name: Northfield Test Service
  phone: 01632 960000
reviewed: {reviewed}
next_review: {next_review}
references:
  - Northfield Test Service guidance (2026)
"""
BLOOD_TEST = """
## What happens

A nurse takes a small amount of blood from your arm.
It takes about five minutes, and most people feel only a sharp scratch.

## Your results

Your doctor will tell you the results **within two weeks** of the test.
"""
SCAN = """
## Before the scan

You can eat and drink as normal before the scan.
Wear clothes without metal zips or buttons, if you can.
"""


def write_library(folder: Path, today: date | None = None) -> Path:
    """Three leaflets: one reviewed recently, one due for review within 3 months, one overdue."""
    today = today or date.today()
    source = folder / "source"
    source.mkdir()
    leaflets = [
        ("blood-test", "Having a blood test", BLOOD_TEST, today - timedelta(days=30), today + timedelta(days=700)),
        ("scan", "Having a scan", SCAN, today - timedelta(days=900), today + timedelta(days=40)),
        ("x-ray", "Having an X-ray", SCAN.replace("scan", "X-ray"), today - timedelta(days=1000),
         today - timedelta(days=10)),
    ]
    for name, title, body, reviewed, next_review in leaflets:
        front = FRONT_MATTER.format(title=title, reviewed=reviewed.isoformat(), next_review=next_review.isoformat())
        (source / f"{name}.md").write_text(f"---\n{front}---\n{body}", encoding="utf-8")
    return source


@contextmanager
def serving(folder: Path, formats: tuple[str, ...] = ("html",), token: str | None = None, **client):
    """The app over the library in `folder`/source, writing into `folder`/output."""
    request = ServeRequest(folder / "source", folder / "output", token=token, jobs=2)
    app = create_app(request, formats)
    with TestClient(app, base_url=client.pop("base_url", BASE_URL), **client) as browser:
        browser.app_state = app.state
        yield browser


def csrf_of(page: str) -> str:
    return re.search(r'<meta name="csrf-token" content="([^"]+)">', page).group(1)


def save(client: TestClient, slug: str, text: str, etag: str | None = None, csrf: str | None = None):
    csrf = csrf if csrf is not None else csrf_of(client.get(f"/leaflets/{slug}").text)
    etag = etag if etag is not None else client.get(f"/leaflets/{slug}/source").headers["etag"]
    headers = {"X-CSRF-Token": csrf, "If-Match": etag, "Content-Type": "text/plain; charset=utf-8"}
    return client.put(f"/leaflets/{slug}/source", content=text.encode("utf-8"), headers=headers)


def wait_for(condition: Callable[[], object], seconds: float = 30.0, what: str = "the condition") -> object:
    """Poll until `condition` gives something true; fail after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.05)
    raise AssertionError(f"{what} did not happen within {seconds} s")
