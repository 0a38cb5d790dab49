"""The web app of `leaflet serve` (Starlette): its routes, and the refusals each one makes."""

from __future__ import annotations

import mimetypes
import secrets
from contextlib import asynccontextmanager

import anyio
from sse_starlette import EventSourceResponse
from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import (
    FileResponse,
    HTMLResponse,
    JSONResponse,
    PlainTextResponse,
    RedirectResponse,
    Response,
)
from starlette.routing import Route

from ..checks.reports.json import render as json_report
from ..limits import SOURCE_MB
from ..readers.frontmatter import SLUG_PATTERN
from ..requests import ServeRequest
from .guard import OUTPUT_POLICY, Guard, output_file, same_secret
from .live import EditConflict, Leaflet, LiveLibrary
from .pages import LibraryRow, leaflet_page, library_page
from .templates import STATIC_FILES, TEMPLATES, preview_stylesheet
from .upload import Imported, NotImported, import_upload

TEXT_TYPES = ("text/plain", "text/markdown")
INLINE_TYPES = ("text/html", "application/pdf")  # opened in the browser; the rest are downloaded
EVENT_PING_SECONDS = 15
REBUILD_AFTER_SECONDS = 0.4
CONFLICT = ("Someone else changed this leaflet after you opened it, so your text was not saved. "
            "Load the newest text, then make your change again.")


class Refusal(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def create_app(request: ServeRequest, formats: tuple[str, ...] = ()) -> Starlette:
    """The app over one folder of leaflets; `formats` (default all) are rebuilt as they change."""
    live = LiveLibrary(request.path, request.out, request.jobs, formats)
    csrf = secrets.token_urlsafe(32)

    @asynccontextmanager
    async def lifespan(app: Starlette):
        await live.start()
        stop = anyio.Event()
        async with anyio.create_task_group() as tasks:
            tasks.start_soon(live.watch, stop)
            try:
                yield
            finally:
                stop.set()
                live.stop()

    routes = Routes(live, csrf)
    app = Starlette(
        routes=[
            Route("/", routes.library),
            Route("/import", routes.import_word, methods=["GET", "POST"]),
            Route("/leaflets/{slug}", routes.leaflet),
            Route("/leaflets/{slug}/source", routes.source, methods=["GET", "PUT"]),
            Route("/leaflets/{slug}/findings.json", routes.findings),
            Route("/outputs/{slug}/{name}", routes.output),
            Route("/events", routes.events),
            Route("/static/preview.css", routes.preview_styles),
            Route("/static/{name}", routes.static),
        ],
        middleware=[Middleware(Guard, token=request.token)],
        lifespan=lifespan,
        exception_handlers={Refusal: _refused, 404: _not_found},
    )  # fmt: skip
    app.state.live = live
    return app


class Routes:
    def __init__(self, live: LiveLibrary, csrf: str) -> None:
        self.live = live
        self.csrf = csrf

    def _leaflet(self, request: Request) -> Leaflet:
        slug = request.path_params["slug"]
        if not SLUG_PATTERN.match(slug) or slug not in self.live.leaflets:
            raise Refusal(404, f"There is no leaflet called '{slug}' here.")
        return self.live.leaflets[slug]

    async def library(self, request: Request, outcome: Imported | NotImported | None = None) -> Response:
        live, today = self.live, self.live.library.today
        rows = [LibraryRow(one, live.outputs.slots(slug), today) for slug, one in live.leaflets.items()]
        sort = request.query_params.get("sort", "next-review")
        descending = request.query_params.get("order") == "descending"
        page = library_page(rows, sort, descending, self.csrf, outcome)
        status = outcome.status if isinstance(outcome, NotImported) else 200
        return HTMLResponse(page, status_code=status, headers=_no_store())

    async def import_word(self, request: Request) -> Response:
        """The library page again, with the import's report or the reason it was refused (a
        plain form post shows it as it is; the page's script takes the report and the table)."""
        if request.method == "GET":
            return RedirectResponse("/", status_code=303)
        try:
            outcome: Imported | NotImported = await import_upload(request, self.csrf, self.live)
        except NotImported as refusal:
            outcome = refusal
        return await self.library(request, outcome)

    async def leaflet(self, request: Request) -> Response:
        leaflet = self._leaflet(request)
        page = leaflet_page(leaflet, self.live.outputs.slots(leaflet.slug), self.csrf)
        return HTMLResponse(page, headers=_no_store())

    async def source(self, request: Request) -> Response:
        leaflet = self._leaflet(request)
        if request.method == "PUT":
            leaflet = await self._save(request, leaflet)
            body = {"etag": leaflet.etag, "errors": len(leaflet.report.errors) if leaflet.report else 0,
                    "findings": len(leaflet.report.findings) if leaflet.report else 0,
                    "problem": str(leaflet.error) if leaflet.error else None}  # fmt: skip
            return JSONResponse(body, headers={"ETag": leaflet.etag, **_no_store()},
                                background=BackgroundTask(self._rebuild, leaflet))  # fmt: skip
        return PlainTextResponse(leaflet.text, headers={"ETag": leaflet.etag, **_no_store()})

    async def _save(self, request: Request, leaflet: Leaflet) -> Leaflet:
        if not same_secret(request.headers.get("x-csrf-token", ""), self.csrf):
            raise Refusal(403, "This change did not come from the leaflet's own page, so it was not saved.")
        expected = request.headers.get("if-match", "")
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind not in TEXT_TYPES:
            raise Refusal(415, "Send the leaflet as text (text/plain or text/markdown).")
        data = await _body(request, int(SOURCE_MB.value() * 1024 * 1024))
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            raise Refusal(400, "The text is not UTF-8, so it was not saved.") from None
        try:
            return await self.live.save(leaflet.slug, data, expected)
        except EditConflict:
            raise Refusal(412, CONFLICT) from None

    async def _rebuild(self, leaflet: Leaflet) -> None:
        """After a save has been answered, and after a moment, so that the page fetches its new
        findings and preview first; a newer save meanwhile makes this one's rebuild unneeded."""
        await anyio.sleep(REBUILD_AFTER_SECONDS)
        self.live.rebuild(leaflet)

    async def findings(self, request: Request) -> Response:
        leaflet = self._leaflet(request)
        if leaflet.report is None:
            body = {"documents": [], "errors": [str(leaflet.error)]}
            return JSONResponse(body, status_code=422, headers=_no_store())
        return Response(json_report([leaflet.report]), media_type="application/json", headers=_no_store())

    async def output(self, request: Request) -> Response:
        leaflet = self._leaflet(request)
        allowed = {slot.output.target for slot in self.live.outputs.slots(leaflet.slug)}
        path = output_file(self.live.out_dir, leaflet.slug, request.path_params["name"], allowed)
        if path is None:
            raise Refusal(404, "There is no such output. The outputs of each leaflet are listed on its page.")
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        inline = kind in INLINE_TYPES
        return FileResponse(path, media_type=kind, filename=None if inline else path.name,
                            headers={"Content-Security-Policy": OUTPUT_POLICY, **_no_store()})  # fmt: skip

    async def events(self, request: Request) -> Response:
        return EventSourceResponse(self.live.events.stream(), ping=EVENT_PING_SECONDS, headers=_no_store())

    async def preview_styles(self, request: Request) -> Response:
        return Response(preview_stylesheet(), media_type="text/css")

    async def static(self, request: Request) -> Response:
        name = request.path_params["name"]
        if name not in STATIC_FILES:
            raise Refusal(404, "There is no such file.")
        return FileResponse(TEMPLATES / name, media_type=STATIC_FILES[name])


async def _body(request: Request, limit: int) -> bytes:
    """The request's body, refused as soon as it is larger than `limit` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise Refusal(413, f"The text is larger than {limit // (1024 * 1024)} MB, so it was not saved.")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise Refusal(413, f"The text is larger than {limit // (1024 * 1024)} MB, so it was not saved.")
        chunks.append(chunk)
    return b"".join(chunks)


def _no_store() -> dict[str, str]:
    return {"Cache-Control": "no-store"}


async def _refused(request: Request, error: Exception) -> Response:
    assert isinstance(error, Refusal)
    return PlainTextResponse(error.message, status_code=error.status)


async def _not_found(request: Request, error: Exception) -> Response:
    return PlainTextResponse("There is nothing at this address.", status_code=404)
