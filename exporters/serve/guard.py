"""What keeps the web page safe to leave running: who may come in, what a page may do, which
files may be served.

- With a token, every request carries it: a first visit with `?token=...` sets a cookie (and is
  sent on to the same address without the token, so it does not stay in the address bar), or a
  program sends it in the `X-Leaflet-Token` header. Without one, only this computer's own
  addresses are answered (a web site that renames itself to 127.0.0.1 is refused).
- Every response says what a page may load: scripts only from the app itself, never inline, so
  nothing in a leaflet can run as a script; the built HTML files are served sandboxed.
"""

from __future__ import annotations

import hmac
import re
from functools import partial
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from starlette.datastructures import URL
from starlette.responses import PlainTextResponse, RedirectResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

COOKIE = "leaflet-token"
TOKEN_HEADER = b"x-leaflet-token"
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
APP_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
OUTPUT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox"
SAFE_FILE_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)+$")
MINIMUM_TOKEN = 16


def token_problem(host: str, token: str | None) -> str | None:
    """Why `leaflet serve` must not start with this host and token; None when it may."""
    if token is not None and len(token) < MINIMUM_TOKEN:
        return (f"The token must be at least {MINIMUM_TOKEN} characters long, so that nobody can guess it. "
                "Choose a longer one, for example a few words joined by dashes.")  # fmt: skip
    if host not in LOCAL_HOSTS and token is None:
        return (f"Listening on {host} would let other computers open, change and download the leaflets. "
                "Give a secret with --token TOKEN as well (visitors then open the address with "
                "?token=TOKEN once), or leave out --host to use this computer only.")  # fmt: skip
    return None


class Guard:
    """ASGI middleware: the token, the host, and the security headers of every response."""

    def __init__(self, app: ASGIApp, token: str | None) -> None:
        self.app = app
        self.token = token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refusal = self._refusal(scope)
        if refusal is not None:
            await refusal(scope, receive, _with_headers(send))
            return
        await self.app(scope, receive, _with_headers(send))

    def _refusal(self, scope: Scope):
        headers = dict(scope["headers"])
        if self.token is None:
            host = URL(scope=scope).hostname or ""
            if host.strip("[]") not in LOCAL_HOSTS:
                return PlainTextResponse("This address is not served here.", status_code=400)
            return None
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"))
        if self._matches(dict(query).get("token", "")):
            rest = urlencode([(key, value) for key, value in query if key != "token"])
            response = RedirectResponse(scope["path"] + ("?" + rest if rest else ""), status_code=303)
            response.set_cookie(COOKIE, self.token, httponly=True, samesite="strict")
            return response
        cookies = SimpleCookie(headers.get(b"cookie", b"").decode("latin-1"))
        given = headers.get(TOKEN_HEADER, b"").decode("latin-1")
        if COOKIE in cookies:
            given = cookies[COOKIE].value
        if self._matches(given):
            return None
        return PlainTextResponse(
            "This page needs its token. Open the address that 'leaflet serve' printed, which ends "
            "with ?token=..., or ask the person who started it.", status_code=401,
        )  # fmt: skip

    def _matches(self, given: str) -> bool:
        return bool(given) and self.token is not None and same_secret(given, self.token)


def same_secret(given: str, secret: str) -> bool:
    """Whether a header or form field holds the secret, compared in constant time and as bytes:
    compare_digest refuses text that is not ASCII, and a header may hold any byte."""
    as_bytes = partial(str.encode, encoding="utf-8", errors="surrogatepass")
    return hmac.compare_digest(as_bytes(given), as_bytes(secret))


def _with_headers(send: Send) -> Send:
    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = list(message.get("headers", []))
            names = {name.lower() for name, _ in headers}
            if b"content-security-policy" not in names:
                headers.append((b"content-security-policy", APP_POLICY.encode()))
            headers += [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"),
                        (b"x-frame-options", b"DENY"), (b"cross-origin-opener-policy", b"same-origin")]
            message = {**message, "headers": headers}
        await send(message)

    return sending


def output_file(out_dir: Path, slug: str, name: str, allowed: set[Path]) -> Path | None:
    """The output file `name` of leaflet `slug`, when it is one of its outputs, a real file and
    inside the output folder (not a link leading out of it); None otherwise."""
    if not SAFE_FILE_NAME.match(name):
        return None
    path = out_dir / slug / name
    if path not in allowed or path.is_symlink() or not path.is_file():
        return None
    if not path.resolve().is_relative_to((out_dir / slug).resolve()) or (out_dir / slug).is_symlink():
        return None
    return path
