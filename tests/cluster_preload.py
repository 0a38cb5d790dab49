"""A Dask worker preload for tests/test_cluster.py: records every file the worker opens under the
folders named in LEAFLET_WATCHED (separated by os.pathsep), one path a line, in LEAFLET_OPENED_LOG.

A Python audit hook sees every open() and os.open() of the worker's Python code (the exporters,
Jinja2, WeasyPrint's fetcher, python-docx, ebooklib): the test then knows whether a worker read
the leaflets' sources or the layouts from the shared disk instead of what it was sent.
"""

from __future__ import annotations

import os
import sys


def dask_setup(worker) -> None:
    watched = tuple(os.path.realpath(folder) + os.sep for folder in os.environ["LEAFLET_WATCHED"].split(os.pathsep))
    log = os.open(os.environ["LEAFLET_OPENED_LOG"], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def record(event: str, arguments: tuple) -> None:
        if event != "open" or not isinstance(arguments[0], (str, bytes, os.PathLike)):
            return
        path = os.path.realpath(os.fsdecode(arguments[0]))
        if path.startswith(watched):
            os.write(log, (path + "\n").encode("utf-8", "surrogateescape"))

    sys.addaudithook(record)
