"""The audio edition: an MP3 that decodes, holds speech at a listenable pace, and has chapters."""

from __future__ import annotations

import ctypes
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy
import pytest
import soundfile
from mutagen.id3 import ID3
from mutagen.mp3 import MP3

from exporters.build import plan
from exporters.cli import main
from exporters.formats.audio import audio_script
from exporters.readers.leaflet import read
from exporters.variants import layout_settings
from tests.audio_fixture import build, built_iron, write_iron_leaflet
from tests.conftest import PROJECT_ROOT

STANDARD_CHAPTERS = ["Your iron infusion", "On the day", "After the drip", "Words we use", "Who to contact",
                     "Where our information comes from", "About this leaflet"]  # fmt: skip


@pytest.fixture(scope="session")
def iron_outputs(tmp_path_factory):
    return built_iron(tmp_path_factory)


def decoded(path):
    samples, rate = soundfile.read(path, dtype="float32")
    return samples, rate


def loud_windows(samples: numpy.ndarray, rate: int, window: float = 0.05) -> numpy.ndarray:
    size = int(rate * window)
    frames = samples[: len(samples) // size * size].reshape(-1, size)
    return numpy.sqrt((frames**2).mean(axis=1)) > 0.01


def chapters(path) -> list[tuple[str, int, int]]:
    tags = ID3(path)
    order = tags.getall("CTOC")[0].child_element_ids
    found = {frame.element_id: frame for frame in tags.getall("CHAP")}
    return [
        (str(found[i].sub_frames.getall("TIT2")[0]), found[i].start_time, found[i].end_time) for i in order
    ]


@pytest.mark.parametrize("edition", ["standard", "easy-read"])
def test_the_mp3_decodes_as_mono_speech_for_most_of_its_length(iron_outputs, edition):
    path = iron_outputs / f"iron-infusion.{edition}.mp3"
    samples, rate = decoded(path)
    assert samples.ndim == 1 and rate == 22050
    assert MP3(path).info.bitrate >= 64000
    assert loud_windows(samples, rate).mean() > 0.5  # the rest is the pauses between sentences


@pytest.mark.parametrize("edition", ["standard", "easy-read"])
def test_the_pace_is_90_to_220_words_a_minute(iron_outputs, tmp_path, edition):
    samples, rate = decoded(iron_outputs / f"iron-infusion.{edition}.mp3")
    document = read(write_iron_leaflet(tmp_path))
    words = len(audio_script(document, layout_settings(edition)).split())
    pace = words / (len(samples) / rate / 60)
    assert 90 <= pace <= 220, pace


def test_chapters_are_the_headings_in_order_and_cover_the_recording(iron_outputs):
    path = iron_outputs / "iron-infusion.standard.mp3"
    found = chapters(path)
    assert [title for title, _, _ in found] == STANDARD_CHAPTERS
    assert found[0][1] == 0
    assert all(end == next_start for (_, _, end), (_, next_start, _) in zip(found, found[1:], strict=False))
    samples, rate = decoded(path)
    assert abs(found[-1][2] / 1000 - len(samples) / rate) < 0.2
    # A chapter starts where the sound does: the pause of the chapter before is silent.
    loud = loud_windows(samples, rate, 0.01)
    for title, start, _ in found[1:]:
        assert not loud[start // 10 - 25 : start // 10 - 3].any(), title
        assert loud[start // 10 : start // 10 + 40].any(), title


def test_the_easy_read_mp3_has_the_easy_read_chapters(iron_outputs):
    titles = [title for title, _, _ in chapters(iron_outputs / "iron-infusion.easy-read.mp3")]
    assert titles == ["Your iron infusion", "On the day", "After the drip", "Who to contact"]


def test_tags_name_the_leaflet_its_organisation_and_language(iron_outputs):
    tags = ID3(iron_outputs / "iron-infusion.standard.mp3")
    assert tags.version[:2] == (2, 3)
    assert str(tags["TIT2"]) == "Your iron infusion"
    assert str(tags["TPE1"]) == "Northfield Test Service"
    assert str(tags["TLAN"]) == "eng"


def test_the_same_source_gives_the_same_bytes(iron_outputs, tmp_path):
    source = write_iron_leaflet(tmp_path)
    assert build(source, tmp_path / "again", "audio,talking-book", "--variant", "standard") == 0
    for name in ("iron-infusion.standard.mp3", "iron-infusion.standard.talking-book.epub"):
        assert (tmp_path / "again" / "iron-infusion" / name).read_bytes() == (
            iron_outputs / name
        ).read_bytes()


def test_audio_script_prints_what_is_said_one_sentence_a_line(tmp_path, capsys):
    source = write_iron_leaflet(tmp_path)
    assert main(["audio-script", str(source)]) == 0
    lines = capsys.readouterr().out.splitlines()
    for said in ("The drip holds five hundred milligrams of FERR-ik kar-box-ee-MALT-ohz.",
                 "Come to the day unit at nine A M.", "The infusion takes about fifteen minutes.",
                 "One. A nurse puts a thin tube in your arm.", "Two. The iron goes in slowly, as an intravenous (I V) drip.",
                 "How long: fifteen minutes", "Picture: A drip bag hanging from a stand",
                 "This next part is important.", "A list of two points.",
                 "Phone N H S one one one if your temperature is thirty-eight degrees Celsius or above.",
                 "Phone: oh three oh oh, one two three, four five six seven", "Email: help at example dot org"):  # fmt: skip
        assert said in lines
    assert lines[lines.index("Step: Drip") - 1] == "How long"  # the header row, then each row
    assert main(["audio-script", str(source), "--variant", "easy-read"]) == 0
    assert "A nurse gives you iron through a drip." in capsys.readouterr().out.splitlines()


def test_without_espeak_ng_the_build_says_which_package_to_install(tmp_path, monkeypatch, capsys):
    real = ctypes.CDLL

    def no_espeak(name, *arguments, **options):
        if "espeak" in str(name):
            raise OSError(f"{name}: cannot open shared object file: No such file or directory")
        return real(name, *arguments, **options)

    monkeypatch.setattr(ctypes, "CDLL", no_espeak)
    for module in [name for name in sys.modules if name.startswith(("exporters.formats.audio.",
                                                                     "exporters.formats.talking_book"))]:  # fmt: skip
        monkeypatch.delitem(sys.modules, module)
    source = write_iron_leaflet(tmp_path)
    assert build(source, tmp_path / "out", "audio") == 2
    said = capsys.readouterr().err
    assert "apt-get install espeak-ng" in said and "audio" in said
    assert not list((tmp_path / "out").rglob("*.mp3"))


def test_large_print_is_not_an_audio_edition(tmp_path):
    assert build(write_iron_leaflet(tmp_path), tmp_path / "out", "audio", "--variant", "large-print") == 2
    assert ("audio", "large-print") not in plan((), ("large-print",))
    assert ("pdf", "large-print") in plan((), ("large-print",))


def test_a_leaflet_in_another_language_is_refused_at_its_language_line(tmp_path, capsys):
    source = write_iron_leaflet(tmp_path)
    source.write_text(source.read_text(encoding="utf-8").replace("language: en-GB", "language: cy"))
    assert main(["audio-script", str(source)]) == 2
    assert f"{source}:3: The audio editions speak English only" in capsys.readouterr().err


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and int((entry / "stat").read_text().rsplit(") ", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
        except (OSError, IndexError):
            pass  # it ended while we looked
    return found


def _running(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(") ", 1)[1][0] != "Z"
    except OSError:
        return False


def test_a_killed_build_leaves_no_voice_behind(tmp_path):
    command = [sys.executable, "-m", "exporters", "build", str(write_iron_leaflet(tmp_path)), "--out",
               str(tmp_path / "out"), "--format", "talking-book", "--jobs", "1", "--no-check"]  # fmt: skip
    build = subprocess.Popen(command, cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    started = time.monotonic()
    while not (voices := _children(build.pid)) and build.poll() is None and time.monotonic() - started < 60:
        time.sleep(0.005)
    build.send_signal(signal.SIGKILL)
    build.wait()
    assert voices, "the build ended before any voice process was seen"
    deadline = time.monotonic() + 5
    while any(_running(pid) for pid in voices) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in voices if _running(pid)]
