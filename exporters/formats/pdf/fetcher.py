"""The only way WeasyPrint may read a file while it prints a leaflet: no network, few folders.

A leaflet is built offline and must not pull anything from elsewhere on the computer, so
every address WeasyPrint asks for (pictures, fonts, anything a layout names) passes here.
Files are served from the leaflet's folder, layouts/, the Health Icons and the font package;
any other address stops the build with a message that says what was asked for and why not.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from weasyprint.urls import URLFetcher, URLFetcherResponse

from ...errors import SourceError
from ...model import Document


class LeafletFetcher(URLFetcher):
    """A URL fetcher that serves files under a few folders and refuses everything else.

    A refusal raises SourceError; WeasyPrint wraps it (fail_on_errors) in its
    FatalURLFetchingError, which the PDF exporter unwraps again.
    """

    def __init__(self, document: Document, folders: tuple[Path, ...]) -> None:
        super().__init__(fail_on_errors=True)
        self.source = document.source
        self.folders = tuple(folder.resolve() for folder in folders)
        self.picture_lines = {picture.path.resolve(): picture.line for picture in document.pictures}
        # A picture of the leaflet is served from the bytes the reader checked, never read again.
        self.checked = {picture.path.resolve(): picture.data for picture in document.pictures if picture.data}

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        scheme = urlsplit(url).scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme != "file":
            raise self._refusal(
                url,
                0,
                "is on the web, and leaflets are built without the internet",
                "Save the file into the leaflet's folder and refer to it there.",
            )
        path = Path(url2pathname(urlsplit(url).path)).resolve()
        line = self.picture_lines.get(path, 0)
        if not any(path.is_relative_to(folder) for folder in self.folders):
            raise self._refusal(
                url,
                line,
                "is outside the folders a leaflet may use",
                f"Copy the file into {self.source.parent} (for example into its "
                "pictures folder) and refer to it there.",
            )
        media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if path in self.checked:
            return URLFetcherResponse(path.as_uri(), self.checked[path], {"Content-Type": media_type})
        if not path.is_file():
            raise self._refusal(
                url, line, "does not exist", "Check the spelling of the file name and that the file is there."
            )
        return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": media_type})

    def _refusal(self, url: str, line: int, reason: str, hint: str) -> SourceError:
        return SourceError(self.source, line, f"The PDF needs '{url}', which {reason}.", hint)
