"""`leaflet serve`: the library in a web page, where each leaflet is edited with its findings and
its outputs kept up to date as it is saved. It drives the readers, the check, the formats and the
build as the command line does; no stage imports it."""

from __future__ import annotations

import socket
import sys

from ..errors import ExitStatus, UsageError
from ..limits import check_every_limit
from ..requests import ServeRequest
from .guard import token_problem


def run_serve(request: ServeRequest) -> int:
    check_every_limit()
    problem = token_problem(request.host, request.token)
    if problem:
        print(f"leaflet: {problem}", file=sys.stderr)
        return ExitStatus.BAD_INPUT
    if not request.path.is_dir():
        raise UsageError(f"There is no folder called '{request.path}'. Give the folder of your leaflets, "
                         "for example: leaflet serve source/")  # fmt: skip
    _check_port_is_free(request.host, request.port)
    import uvicorn

    from .app import create_app

    app = create_app(request)
    address = f"http://{_in_address(request.host)}:{request.port}/"
    print(f"Reading and checking the leaflets in {request.path}, then open {address}"
          + (f"?token={request.token}" if request.token else "") + " in your web browser. "
          "Press Ctrl+C here to stop.", file=sys.stderr, flush=True)  # fmt: skip
    uvicorn.run(app, host=request.host, port=request.port, log_level="warning")
    return ExitStatus.DONE


def _in_address(host: str) -> str:
    """The host as it goes in an address; listening on every address, this computer's name."""
    if host in ("0.0.0.0", "::"):
        return socket.gethostname()
    return f"[{host}]" if ":" in host else host


def _check_port_is_free(host: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            raise UsageError(f"Cannot listen on {host} port {port}: {error.strerror or error}. "
                             "Another program may be using it: choose another with --port.") from None
