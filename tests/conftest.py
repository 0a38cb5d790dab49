"""Shared test helpers: writing small leaflets, and finding validators without skipping them in CI."""

from __future__ import annotations

import os
import shutil
import textwrap
from pathlib import Path

import pytest

from exporters.model import Document
from exporters.readers.leaflet import read

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SOURCE = PROJECT_ROOT / "source"
EXAMPLE_LEAFLETS = sorted(p for p in SOURCE.glob("*.md") if p.name != "README.md")

MINIMAL_FRONT_MATTER = """\
title: Having a blood test
organisation:
  name: Northfield Test Service
  phone: 01632 960000
reviewed: 2026-10-01
next_review: 2028-10-01
"""


def require_tool(name: str, found: bool, how_to_install: str) -> None:
    """Skip a validator test on a machine without the tool; in CI (LEAFLET_REQUIRE_VALIDATORS=1) fail."""
    if found:
        return
    message = f"{name} is not installed: {how_to_install}"
    if os.environ.get("LEAFLET_REQUIRE_VALIDATORS") == "1":
        pytest.fail(message)
    pytest.skip(message)


def require_command(command: str, how_to_install: str = "run 'bash .ci/setup --test'") -> str:
    path = shutil.which(command)
    require_tool(command, path is not None, how_to_install)
    return str(path)


def write_leaflet(folder: Path, body: str, front_matter: str = MINIMAL_FRONT_MATTER,
                  name: str = "blood-test.md") -> Path:
    """Write a leaflet file from dedented front matter and body, and return its path."""
    path = folder / name
    text = "---\n" + textwrap.dedent(front_matter) + "---\n" + textwrap.dedent(body)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def make_leaflet(tmp_path: Path):
    """Write a leaflet into a fresh folder and return its path."""

    def make(body: str, front_matter: str = MINIMAL_FRONT_MATTER, name: str = "blood-test.md") -> Path:
        return write_leaflet(tmp_path, body, front_matter, name)

    return make


@pytest.fixture
def read_leaflet(make_leaflet):
    """Write a leaflet and read it into the model."""

    def make_and_read(body: str, front_matter: str = MINIMAL_FRONT_MATTER) -> Document:
        return read(make_leaflet(body, front_matter))

    return make_and_read
