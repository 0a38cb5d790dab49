"""Where outputs go, and writing them so that a failed build never leaves a half-written file."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PART_SUFFIX = ".part"


def output_path(out_dir: Path, slug: str, variant: str, extension: str) -> Path:
    """OUT/<slug>/<slug>.<variant>.<ext>: the contract other tools rely on."""
    return out_dir / slug / f"{slug}.{variant}.{extension}"


@contextmanager
def atomic_target(target: Path, mode: int = 0o644) -> Iterator[Path]:
    """Give a temporary path beside `target`; on success it replaces `target` in one step,
    with the permissions `mode`.

    On failure the temporary file is removed and any earlier `target` is left as it was.
    The temporary name carries the process id, so that a later build can tell the part
    files of a killed build from those of a build still running beside it.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(
        prefix=f".{target.name}.{os.getpid()}.", suffix=PART_SUFFIX, dir=target.parent
    )
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        with open(temporary, "rb") as written:
            os.fsync(written.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


@contextmanager
def part_file(folder: Path, name: str) -> Iterator[Path]:
    """A part file in `folder` for work that is read back and never kept (a worker's output,
    whose bytes go to the build that asked for it); it is removed however the work ends."""
    folder.mkdir(parents=True, exist_ok=True)
    handle, path = tempfile.mkstemp(prefix=f".{name}.{os.getpid()}.", suffix=PART_SUFFIX, dir=folder)
    os.close(handle)
    try:
        yield Path(path)
    finally:
        Path(path).unlink(missing_ok=True)


def write_atomically(target: Path, data: bytes) -> None:
    """Write `data` as the whole of `target`, or leave `target` as it was."""
    with atomic_target(target) as temporary:
        temporary.write_bytes(data)


def remove_abandoned_parts(folder: Path, ours_too: bool = False) -> None:
    """Delete the part files that a killed build left behind (their process is gone); with
    `ours_too`, also this process's own (a build that was stopped cleans up after itself)."""
    if not folder.is_dir():
        return
    for part in folder.glob(f".*{PART_SUFFIX}"):
        pid = part.name.rsplit(".", 3)[-3] if part.name.count(".") >= 3 else ""
        if pid.isdigit() and ((ours_too and int(pid) == os.getpid()) or not _is_running(int(pid))):
            part.unlink(missing_ok=True)


def _is_running(pid: int) -> bool:
    """Whether the process is alive: a zombie (dead, not yet collected by its parent) is not."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        return Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):  # no /proc (not Linux), or it ended just now
        return True
