"""A short leaflet that holds everything the audio editions treat in their own way, and its
outputs built once for all the audio tests (espeak-ng is quick, but not free)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from tests.conftest import write_leaflet

FRONT_MATTER = """\
title: Your iron infusion
language: en-GB
slug: iron-infusion
organisation:
  name: Northfield Test Service
  phone: 0300 123 4567
  email: help@example.org
  website: https://www.example.org/iron
published: 2026-10-20
reviewed: 2026-10-01
next_review: 2028-10-01
references:
  - Northfield test procedure (2026)
glossary:
  infusion: Medicine given slowly through a drip into a vein.
abbreviations:
  IV: intravenous
pronunciations:
  ferric carboxymaltose: FERR-ik kar-box-ee-MALT-ohz
"""

BODY = """\
We give you iron through a drip to treat anaemia.
The drip holds 500 mg of ferric carboxymaltose.

::: easy-read
- ![A nurse](icon:nurse) A nurse gives you iron through a drip.
:::

## On the day

Come to the day unit at 9am. The infusion takes about 15 minutes.
Your GP gets a letter from us afterwards.

1. A nurse puts a thin tube in your arm.
2. The iron goes in slowly, as an IV drip.

| Step | How long |
|---|---|
| Drip | 15 minutes |
| Rest | 30 minutes |

![A drip bag hanging from a stand](icon:intravenous_bag)

::: easy-read
- ![A calendar](icon:calendar) Come at nine in the morning.
- ![A drip bag](icon:intravenous_bag) The drip takes a short time.
:::

## After the drip

::: important
Phone NHS 111 if your temperature is 38°C or above.

- you feel dizzy
- your skin itches
:::

::: easy-read
- ![A telephone](icon:phone) Phone us if you feel unwell.
:::
"""


def write_iron_leaflet(folder: Path) -> Path:
    return write_leaflet(folder, BODY, FRONT_MATTER, name="iron-infusion.md")


def build(source: Path, out: Path, formats: str = "audio,talking-book", *extra: str) -> int:
    from exporters.cli import main

    return main(["build", str(source), "--out", str(out), "--format", formats, "--jobs", "1", *extra])


def built_iron(factory: pytest.TempPathFactory) -> Path:
    """OUT/iron-infusion/ with the MP3 and the talking book of both editions, built once a session
    (each test module's `iron_outputs` fixture asks for it)."""
    return _built(factory.getbasetemp())


@lru_cache(maxsize=1)
def _built(base: Path) -> Path:
    from tests.conftest import require_command

    require_command("espeak-ng", "install the Debian package espeak-ng (bash .ci/setup does)")
    folder = base / "iron"
    folder.mkdir()
    out = folder / "out"
    assert build(write_iron_leaflet(folder), out) == 0
    return out / "iron-infusion"
