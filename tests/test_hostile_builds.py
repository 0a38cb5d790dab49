"""Hostile input that reaches the build, second round: edits during a build, small inputs that
would take hours or gigabytes, faults that used to end in a traceback, a report lost on a full
disk, scripts printed as boxes, tables cut off the page, and what draft-easy-read changed."""

from __future__ import annotations

import base64
import io
import resource
import stat
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
from PIL import Image

import exporters.build.incremental
import exporters.readers.pictures
from exporters.cli import ExitStatus, main
from exporters.errors import SourceError
from exporters.readers.leaflet import read
from tests.conftest import MINIMAL_FRONT_MATTER, PROJECT_ROOT, require_command, write_leaflet
from tests.pdf_checks import assert_passes_page_validation

SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" {size}>{body}</svg>'
CLEAN_SVG = SVG.format(size='width="10" height="10"', body='<circle cx="5" cy="5" r="4"/>')
HOSTILE_SVG = SVG.format(size='width="10" height="10"', body='<script>alert("stolen")</script>')


def build(source: Path, out: Path, *extra: str) -> int:
    return main(["build", str(source), "--out", str(out), "--no-check", "--jobs", "1", *extra])


def run(*arguments: str, cwd: Path = PROJECT_ROOT, file_size: int | None = None, **environment):
    """The command in a child process, with a limit on the size of the files it may write."""

    def limit() -> None:
        if file_size is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size, file_size))

    return subprocess.run([sys.executable, "-m", "exporters", *arguments], cwd=cwd, capture_output=True,
                          text=True, timeout=120, preexec_fn=limit,
                          env={**__import__("os").environ, **environment})  # fmt: skip


def leaflet_with_picture(folder: Path, svg: str, name: str = "drawing.svg") -> Path:
    (folder / "pictures").mkdir(exist_ok=True)
    (folder / "pictures" / name).write_text(svg, encoding="utf-8")
    return write_leaflet(folder, f"## What happens\n\nA nurse takes blood.\n\n![A drawing](pictures/{name})\n")


# 5. An edit during the build ------------------------------------------------------------------


def test_a_leaflet_edited_during_its_build_is_never_taken_as_up_to_date(tmp_path, monkeypatch):
    """The leaflet changes just after the build fingerprinted it, and is put back afterwards."""
    source = write_leaflet(tmp_path, "## What happens\n\nThe first words.\n")
    original = source.read_text(encoding="utf-8")
    key = exporters.build.incremental.Library.key
    edits = []

    def key_then_edit(library, path, *given):
        found = key(library, path, *given)
        if not edits:
            edits.append(path)
            path.write_text(original.replace("The first words.", "The edited words."), encoding="utf-8")
        return found

    monkeypatch.setattr(exporters.build.incremental.Library, "key", key_then_edit)
    assert build(source, tmp_path / "out", "--format", "html", "--variant", "standard") == 0
    source.write_text(original, encoding="utf-8")
    assert build(source, tmp_path / "out", "--format", "html", "--variant", "standard") == 0
    page = (tmp_path / "out" / "blood-test" / "blood-test.standard.html").read_text(encoding="utf-8")
    assert "The first words." in page and "The edited words." not in page


def test_a_picture_replaced_after_its_check_never_reaches_an_output(tmp_path, monkeypatch):
    source = leaflet_with_picture(tmp_path, CLEAN_SVG)
    check = exporters.readers.pictures.check_picture_file

    def check_then_replace(path, *where):
        checked = check(path, *where)
        path.write_text(HOSTILE_SVG, encoding="utf-8")  # the file changes once its check has passed
        return checked

    monkeypatch.setattr(exporters.readers.pictures, "check_picture_file", check_then_replace)
    out = tmp_path / "out"
    assert build(source, out, "--format", "html,epub,docx", "--variant", "standard") == 0
    folder = out / "blood-test"
    page = (folder / "blood-test.standard.html").read_text(encoding="utf-8")
    assert base64.b64encode(CLEAN_SVG.encode()).decode() in page
    for packed in (folder / "blood-test.standard.epub", folder / "blood-test.standard.docx"):
        with zipfile.ZipFile(packed) as archive:
            drawings = [archive.read(n) for n in archive.namelist() if n.endswith(".svg") and "cover" not in n]
        assert drawings and all(b"<script" not in drawing and b"circle" in drawing for drawing in drawings)


# 6. Small inputs that would take hours or gigabytes --------------------------------------------


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that declares its size but holds no pixels: what a decompression bomb looks like."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ('<g id="a0"><rect width="1" height="1"/></g>'
         + "".join(f'<g id="a{n}">' + f'<use xlink:href="#a{n - 1}"/>' * 10 + "</g>" for n in range(1, 8))
         + '<use xlink:href="#a7"/>', "shapes once its repeated parts"),
        ('<g id="loop"><use xlink:href="#loop"/></g>', "never finishes"),
        ('<image width="5" height="5" href="data:image/png;base64,'
         + base64.b64encode(png_header_only(20_000, 20_000)).decode() + '"/>', "megapixels"),
    ],
    ids=["use bomb", "use loop", "400 megapixels inside"],
)
def test_an_svg_that_would_draw_without_end_is_refused(tmp_path, body, words):
    svg = SVG.format(size='width="10" height="10"', body=body)
    assert len(svg) < 70_000
    with pytest.raises(SourceError) as refused:
        read(leaflet_with_picture(tmp_path, svg))
    assert words in refused.value.message and refused.value.line == 13


@pytest.mark.parametrize("size", ['width="1" height="19999"', 'width="10" height="1e9"', 'width="0" height="5"'])
def test_an_svg_too_thin_or_too_large_is_refused_not_a_crash(tmp_path, size):
    source = leaflet_with_picture(tmp_path, SVG.format(size=size, body="<rect/>"))
    out = tmp_path / "out"
    arguments = ["build", str(source), "--out", str(out), "--format", "docx,pdf", "--jobs", "2", "--no-check"]
    assert main(arguments) == ExitStatus.BAD_INPUT
    assert list(out.rglob("*.part")) == []


def test_a_word_of_100000_letters_is_checked_within_the_time_limit(tmp_path):
    word = "".join("abcdefghij"[(n * 7) % 10] for n in range(100_000))
    source = write_leaflet(tmp_path, f"## What happens\n\nThe word {word} is long.\n")
    finished = run("check", str(source), LEAFLET_MAX_SECONDS="60")
    assert finished.returncode in (0, 1), finished.stderr[-500:]
    assert "took longer" not in finished.stderr


def test_word_bookmarks_stay_unique_and_within_words_length_for_thousands_of_headings():
    from exporters.formats.docx.inlines import Bookmarks

    bookmarks = Bookmarks()
    names = [bookmarks.name(f"what-to-do-if-you-feel-unwell-after-the-treatment-{n}") for n in range(1100)]
    assert len(set(names)) == 1100 and max(map(len, names)) <= 40


def test_the_time_and_memory_limits_stop_the_work_with_a_way_to_raise_them(monkeypatch):
    from exporters.limits import OverLimit, memory_limit, time_limit

    monkeypatch.setenv("LEAFLET_MAX_SECONDS", "0.2")
    with pytest.raises(OverLimit) as stopped, time_limit("Making the PDF"):
        while True:
            pass
    assert "Making the PDF took longer than 0.2 seconds" in str(stopped.value)
    assert "LEAFLET_MAX_SECONDS" in str(stopped.value)
    monkeypatch.setenv("LEAFLET_MAX_MEMORY_MB", "50")
    with pytest.raises(MemoryError), memory_limit():
        bytearray(200 * 1024 * 1024)
    bytearray(200 * 1024 * 1024)  # the limit is lifted afterwards


# 7. Faults that used to end in a traceback --------------------------------------------------------


@pytest.mark.parametrize(
    ("checks", "words"),
    [
        ("  long-sentence: {error: lots}\n", "must be a number"),
        ("  long-sentence: {easy-read: 5}\n", "settings for easy-read"),
        ("  hard-word: {zipf: high}\n", "must be a number"),
        ("  link-text: {list: ../../../../../../etc/hostname}\n", "not a word list of leaflet"),
    ],
)
def test_wrong_settings_under_checks_are_a_message(tmp_path, capsys, checks, words):
    source = write_leaflet(tmp_path, "## What happens\n\nText.\n", MINIMAL_FRONT_MATTER + "checks:\n" + checks)
    assert main(["check", str(source)]) == ExitStatus.BAD_INPUT
    assert f"{source}:8:" in (printed := capsys.readouterr().err) and words in printed


@pytest.mark.parametrize("table", ["checks = 5", "checks = { long-sentence = { error = 'lots' } }"])
def test_a_bad_project_setting_is_a_message(tmp_path, capsys, monkeypatch, table):
    source = write_leaflet(tmp_path, "## What happens\n\nText.\n")
    (tmp_path / "pyproject.toml").write_text(f"[tool.leaflet]\n{table}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", str(source)]) == ExitStatus.BAD_INPUT
    assert "[tool.leaflet.checks]" in capsys.readouterr().err


def test_out_that_is_a_file_and_a_limit_that_is_not_a_number_are_messages(tmp_path, capsys, monkeypatch):
    source = write_leaflet(tmp_path, "## What happens\n\nText.\n")
    (tmp_path / "taken").write_text("not a folder", encoding="utf-8")
    assert build(source, tmp_path / "taken", "--format", "html") == ExitStatus.BAD_INPUT
    assert "is a file" in capsys.readouterr().err
    monkeypatch.setenv("LEAFLET_MAX_SOURCE_MB", "abc")
    assert build(source, tmp_path / "out", "--format", "html") == ExitStatus.BAD_INPUT
    assert "LEAFLET_MAX_SOURCE_MB must be a number" in capsys.readouterr().err
    assert main(["serve", str(tmp_path)]) == ExitStatus.BAD_INPUT  # before any server starts
    assert "LEAFLET_MAX_SOURCE_MB must be a number" in capsys.readouterr().err


def test_a_full_disk_before_the_build_is_a_message(tmp_path):
    source = write_leaflet(tmp_path, "## What happens\n\nText.\n")
    finished = run("build", str(source), "--out", str(tmp_path / "out"), "--format", "html", "--jobs", "1",
                   file_size=0)  # fmt: skip
    assert finished.returncode == ExitStatus.BAD_INPUT, finished.stderr
    assert "Traceback" not in finished.stderr and "free space" in finished.stderr


def test_an_output_folder_that_may_not_be_written_is_a_message(tmp_path, capsys, monkeypatch):
    import exporters.output

    def refused(*arguments, **options):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(exporters.output.tempfile, "mkstemp", refused)
    source = write_leaflet(tmp_path, "## What happens\n\nText.\n")
    assert main(["build", str(source), "--out", str(tmp_path / "out"), "--format", "html"]) == 2
    assert "Permission denied" in capsys.readouterr().err


def test_a_worker_that_dies_is_an_error_for_its_output_not_a_crash(tmp_path, capsys, monkeypatch):
    """What a crash in a graphics library, or the system stopping a worker out of memory, does."""
    import os

    import exporters.formats.html as html_exporter

    monkeypatch.setattr(html_exporter, "write", lambda *arguments: os._exit(1))  # the workers are forked
    source = write_leaflet(tmp_path, "## What happens\n\nA nurse takes blood.\n")
    out = tmp_path / "out"
    arguments = ["build", str(source), "--out", str(out), "--format", "html", "--jobs", "2", "--no-check"]
    assert main(arguments) == ExitStatus.BAD_INPUT
    assert "ended before it finished" in capsys.readouterr().err
    assert list(out.rglob("*.part")) == [] and list(out.rglob("*.html")) == []


# 9. The check's report on a full disk -------------------------------------------------------------


def test_a_report_that_cannot_be_written_whole_leaves_the_earlier_one(tmp_path):
    body = "".join(f"## Part {n}\n\nThe patient must be informed that utilisation is necessary.\n\n" for n in range(40))
    source = write_leaflet(tmp_path, body)
    report = tmp_path / "report.json"
    report.write_text('{"earlier": "report"}', encoding="utf-8")
    finished = run("check", str(source), "--format", "json", "--out", str(report), file_size=4096)
    assert finished.returncode == ExitStatus.BAD_INPUT and "could not be written" in finished.stderr
    assert report.read_text(encoding="utf-8") == '{"earlier": "report"}'
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


# 10. Scripts and wide tables in the PDF -------------------------------------------------------------

SCRIPTS = {
    "Urdu": "خون کا ٹیسٹ آپ کے بازو سے لیا جاتا ہے۔",
    "Punjabi": "ਖੂਨ ਦੀ ਜਾਂਚ ਤੁਹਾਡੀ ਬਾਂਹ ਤੋਂ ਲਈ ਜਾਂਦੀ ਹੈ।",
    "Bengali": "রক্ত পরীক্ষা আপনার বাহু থেকে নেওয়া হয়।",
    "Gujarati": "લોહીની તપાસ તમારા હાથમાંથી લેવામાં આવે છે.",
    "Arabic": "يؤخذ فحص الدم من ذراعك.",
    "Polish": "Badanie krwi pobiera się z ramienia: zażółć gęślą jaźń.",
    "Romanian": "Analiza de sânge se ia din braț: și țară.",
    "Chinese": "验血是从您的手臂上抽取的。",
}
FONTS_FOR = {"Urdu": "Arabic", "Arabic": "Arabic", "Punjabi": "Gurmukhi", "Bengali": "Bengali",
             "Gujarati": "Gujarati", "Chinese": "CJK-SC"}  # fmt: skip


def pdf_text(path: Path) -> str:
    """The text as poppler reads it out, in reading order (right-to-left lines included)."""
    pdftotext = require_command("pdftotext")
    return subprocess.run([pdftotext, str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def scripts_pdf(tmp_path_factory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("scripts")
    body = "## In your language\n\n" + "".join(f"{name}: {text}\n\n" for name, text in SCRIPTS.items())
    body += "A symbol pasted from Word: \uf0b7.\n\n"
    body += "| " + " | ".join(f"Day {n}" for n in range(1, 41)) + " |\n|" + "---|" * 40 + "\n"
    body += "| " + " | ".join(f"{n * 3} mg" for n in range(1, 41)) + " |\n"
    source = write_leaflet(folder, body)
    finished = run("build", str(source), "--out", str(folder / "out"), "--format", "pdf", "--variant", "standard",
                   "--jobs", "1")  # fmt: skip
    return folder / "out" / "blood-test" / "blood-test.standard.pdf", finished.stderr


def test_the_scripts_a_trust_publishes_in_print_in_their_own_fonts(scripts_pdf):
    path, _ = scripts_pdf
    with pikepdf.open(path) as pdf:
        fonts = {str(font.BaseFont) for page in pdf.pages for font in page.Resources.Font.values()}
    for language, family in FONTS_FOR.items():
        assert any(f"Noto-Sans-{family}" in font for font in fonts), (language, fonts)
    text = pdf_text(path)
    for language in ("Polish", "Romanian", "Chinese"):
        assert SCRIPTS[language] in text, language


def test_a_character_no_font_has_is_warned_with_its_line(scripts_pdf):
    _, printed = scripts_pdf
    assert "blood-test.md:27:" in printed and "U+F0B7 on line 27" in printed and "question mark in a box" in printed


def test_a_table_too_wide_for_the_page_keeps_every_column_and_gets_a_finding(scripts_pdf):
    path, printed = scripts_pdf
    with pdfplumber.open(path) as pdf:
        assert all(char["x1"] <= page.width for page in pdf.pages for char in page.chars)
    text = pdf_text(path)
    assert all(f"Day {n}: {n * 3} mg" in text for n in range(1, 41))
    assert "warning wide-table This table has 40 columns" in printed


def test_the_pdf_of_many_scripts_still_passes_pdf_ua(scripts_pdf):
    assert_passes_page_validation(scripts_pdf[0])


# 11. What draft-easy-read changes ---------------------------------------------------------------


def test_draft_easy_read_keeps_permissions_line_ends_and_the_link(tmp_path):
    real = write_leaflet(tmp_path, "## What happens\n\nA nurse takes blood from your arm.\n", name="real.md")
    real.write_bytes(real.read_bytes().replace(b"\n", b"\r\n"))
    real.chmod(0o600)
    link = tmp_path / "blood-test.md"
    link.symlink_to(real.name)
    assert main(["draft-easy-read", str(link)]) == ExitStatus.DONE
    assert link.is_symlink() and stat.S_IMODE(real.stat().st_mode) == 0o600
    data = real.read_bytes()
    assert b"::: easy-read" in data and data.count(b"\n") == data.count(b"\r\n")


def test_a_clean_png_is_embedded_as_it_was_checked(tmp_path):
    """Pictures carry their checked bytes: a PNG reaches the Word file byte for byte."""
    buffer = io.BytesIO()
    Image.new("RGB", (8, 6), (200, 10, 10)).save(buffer, "PNG")
    (tmp_path / "pictures").mkdir()
    (tmp_path / "pictures" / "photo.png").write_bytes(buffer.getvalue())
    source = write_leaflet(tmp_path, "## What happens\n\nText.\n\n![A red square](pictures/photo.png)\n")
    assert build(source, tmp_path / "out", "--format", "docx", "--variant", "standard") == 0
    with zipfile.ZipFile(tmp_path / "out" / "blood-test" / "blood-test.standard.docx") as archive:
        media = [archive.read(n) for n in archive.namelist() if n.startswith("word/media/")]
    assert media == [buffer.getvalue()]


# 4. Never record an output that did not validate --------------------------------------------------


def test_an_ebook_that_is_not_well_formed_is_neither_kept_nor_recorded(tmp_path, monkeypatch, capsys):
    import exporters.formats.epub as epub_exporter

    source = write_leaflet(tmp_path, "## What happens\n\nA nurse takes blood.\n")
    out = tmp_path / "out"
    content_document = epub_exporter._content_document

    def broken(chapter, text):  # what an unchecked control character did to the e-book
        return content_document(chapter, text.replace("A nurse", "A \x01nurse"))

    monkeypatch.setattr(epub_exporter, "_content_document", broken)
    assert build(source, out, "--format", "epub", "--variant", "standard") == ExitStatus.BAD_INPUT
    assert "not well-formed XML" in capsys.readouterr().err
    assert not (out / "blood-test" / "blood-test.standard.epub").exists()
    monkeypatch.setattr(epub_exporter, "_content_document", content_document)
    capsys.readouterr()
    assert build(source, out, "--format", "epub", "--variant", "standard") == ExitStatus.DONE
    assert "Built 1 file" in capsys.readouterr().err
