"""The event stream: every open page hears when a leaflet changes and when its outputs are rebuilt."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

QUEUE_SIZE = 200  # a page that stops reading loses its oldest events, never the server's memory


class Events:
    """Publish and subscribe inside one event loop; each subscriber has its own queue."""

    def __init__(self) -> None:
        self._queues: set[asyncio.Queue[dict[str, str]]] = set()

    def publish(self, kind: str, **data: str) -> None:
        event = {"event": kind, "data": json.dumps(data, ensure_ascii=False)}
        for queue in self._queues:
            if queue.full():
                queue.get_nowait()
            queue.put_nowait(event)

    async def stream(self) -> AsyncIterator[dict[str, str]]:
        queue: asyncio.Queue[dict[str, str]] = asyncio.Queue(QUEUE_SIZE)
        self._queues.add(queue)
        try:
            yield {"event": "ready", "data": "{}"}
            while True:
                yield await queue.get()
        finally:
            self._queues.discard(queue)
