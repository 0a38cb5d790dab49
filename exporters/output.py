"""Where outputs go, and writing them so that a failed build never leaves a half-written file."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def output_path(out_dir: Path, slug: str, variant: str, extension: str) -> Path:
    """OUT/<slug>/<slug>.<variant>.<ext>: the contract other tools rely on."""
    return out_dir / slug / f"{slug}.{variant}.{extension}"


@contextmanager
def atomic_target(target: Path) -> Iterator[Path]:
    """Give a temporary path beside `target`; on success it replaces `target` in one step.

    On failure the temporary file is removed and any earlier `target` is left as it was.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        with open(temporary, "rb") as written:
            os.fsync(written.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
