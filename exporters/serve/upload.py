"""A Word file sent from the library page: read from the form within its limits, imported as
`leaflet import` does, and what the page says when it is refused.

The page's script sends the form with the `X-CSRF-Token` header; without script, the browser
posts the same form, with the token in its hidden `csrf` field. Either way the token is checked
before anything is imported, and a refused upload writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.types import Message, Receive

from ..errors import SourceError
from ..formats.docx import SUFFIX as WORD_SUFFIX
from ..importer import ImportReport, WouldReplace, check_summary, ranked_guesses
from ..readers.word import Guess, NotAWordFile
from ..readers.word.package import SAVE_AS_DOCX
from .guard import same_secret
from .live import Leaflet, LiveLibrary

MAX_UPLOAD_MB = 20  # a Word leaflet with photographs is a few MB
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024
FORM_ALLOWANCE = 64 * 1024  # the form's boundaries and small fields, besides the file
FILE_FIELD, REPLACE_FIELD, CSRF_FIELD = "word", "replace", "csrf"
REPLACE_LABEL = "Replace a leaflet with the same name"
REPLACE_HINT = (
    f"To put this Word file in its place, tick “{REPLACE_LABEL}” and import it again. "
    "To keep the leaflet that is here, open it from the table and make your changes there."
)


class NotImported(Exception):
    """Why an upload was not imported, in the page's words, with the status of the answer."""

    def __init__(self, status: int, message: str, hint: str = "", name: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.hint = hint
        self.name = name


@dataclass(frozen=True)
class Upload:
    name: str  # the file's own name, without the folders of the computer it came from
    data: bytes
    replace: bool


@dataclass(frozen=True)
class Imported:
    report: ImportReport
    leaflet: Leaflet  # the new leaflet as the library sees it: its page opens from the report

    @property
    def summary(self) -> str:
        words = check_summary(self.report)
        return words[:1].upper() + words[1:]

    @property
    def guesses(self) -> list[Guess]:
        return ranked_guesses(self.report)


async def import_upload(request: Request, csrf: str, live: LiveLibrary) -> Imported:
    """The Word file of the form, imported into the library; NotImported says why not."""
    upload = await read_upload(request, csrf)
    try:
        report, leaflet = await live.import_word(upload.data, upload.name, upload.replace)
    except SourceError as error:
        raise refusal_of(error, upload.name) from None
    return Imported(report, leaflet)


async def read_upload(request: Request, csrf: str) -> Upload:
    """The form's Word file. The body is refused as soon as it is larger than the limit, before
    it is all received; a form without the page's token is refused before its file is looked at."""
    header = request.headers.get("x-csrf-token")
    if header is not None and not same_secret(header, csrf):
        raise _forged()
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "multipart/form-data" and header is None:
        raise _forged()
    if kind != "multipart/form-data":
        raise NotImported(415, "This was not sent as a form with a file, so nothing was imported.",
                          "Import the Word file with the form on the library page.")  # fmt: skip
    limit = MAX_UPLOAD_BYTES + FORM_ALLOWANCE
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _too_big()
    within_limit = Request(request.scope, _limited(request.receive, limit))
    try:
        async with within_limit.form(max_files=1, max_fields=3) as form:
            if header is None and not same_secret(str(form.get(CSRF_FIELD, "")), csrf):
                raise _forged()
            return await _upload_of(form)
    except HTTPException:  # Starlette's refusal of a form it cannot take apart
        raise NotImported(400, "The form could not be read, so nothing was imported.",
                          "Choose one Word file, then press Import.") from None  # fmt: skip


async def _upload_of(form: FormData) -> Upload:
    chosen = form.get(FILE_FIELD)
    if not isinstance(chosen, UploadFile) or not chosen.filename:
        raise NotImported(400, "No Word file was chosen, so nothing was imported.",
                          "Choose the leaflet's Word file (.docx), then press Import.")  # fmt: skip
    name = PurePosixPath(chosen.filename.replace("\\", "/")).name
    if not name.lower().endswith(WORD_SUFFIX):
        hint = "Choose the leaflet's Word file. If it is an old .doc file: " + SAVE_AS_DOCX
        raise NotImported(415, "This is not a Word file (.docx): its name does not end in .docx.", hint, name)
    data = await chosen.read()
    if len(data) > MAX_UPLOAD_BYTES:
        raise _too_big(name)
    return Upload(name, data, form.get(REPLACE_FIELD) is not None)


def refusal_of(error: SourceError, name: str) -> NotImported:
    """The importer's refusal with its own sentence: 409 for a leaflet that is here already (the
    officer decides, with the checkbox), 415 for another kind of file, 422 for a Word file that
    cannot be imported as it is (locked with a password, damaged, empty)."""
    if isinstance(error, WouldReplace):
        return NotImported(409, error.message, REPLACE_HINT, name)
    status = 415 if isinstance(error, NotAWordFile) else 422
    return NotImported(status, error.message, error.hint, name)


def _limited(receive: Receive, limit: int) -> Receive:
    """`receive`, refusing the body once more than `limit` bytes of it have come."""
    received = 0

    async def receiving() -> Message:
        nonlocal received
        message = await receive()
        received += len(message.get("body", b""))
        if received > limit:
            raise _too_big()
        return message

    return receiving


def _forged() -> NotImported:
    return NotImported(403, "This upload did not come from the library page, so nothing was imported.",
                       "Reload the library page, then choose the Word file again.")  # fmt: skip


def _too_big(name: str = "") -> NotImported:
    hint = ("A leaflet's Word file is usually well under 5 MB. Make the pictures in it smaller "
            "(in Word: Picture Format, Compress Pictures), save it and import it again.")  # fmt: skip
    message = f"The file is larger than {MAX_UPLOAD_MB} MB, so it was not imported."
    return NotImported(413, message, hint, name)
