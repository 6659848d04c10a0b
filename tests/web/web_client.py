"""An in-process client of the app: sync calls over httpx's ASGI transport."""
from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

BASE = "http://127.0.0.1"


class Client:
    """Sync calls into the app in-process, over httpx's ASGI transport."""

    def __init__(self, app: Any) -> None:
        self.app = app

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        async def call() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(transport=transport, base_url=BASE) as client:
                return await client.request(method, url, **kwargs)
        return asyncio.run(call())

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", url, **kwargs)


@contextmanager
def app_over(db: Path, **options: Any) -> Iterator[Any]:
    """The app over the store file `db`, its upload worker and database closed after."""
    from amity.web import create_app

    app = create_app(db, **options)
    try:
        yield app
    finally:
        app.state.jobs.stop()
        app.state.database.close()
