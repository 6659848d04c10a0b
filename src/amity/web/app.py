"""`create_app`: the FastAPI app over one store, with its pages, API, uploads and guards."""
from __future__ import annotations

import mimetypes
import threading
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from amity import __version__
from amity.settings import Settings
from amity.store.errors import StoreError, StoreLocked, UnknownActor
from amity.web import api, pages
from amity.web._security import SECURITY_HEADERS, allowed_hosts, host_allowed
from amity.web.database import Database
from amity.web.jobs import UploadJobs

STATIC = Path(__file__).parent / "static"
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_FILES = 50


def _static_files() -> dict[str, tuple[bytes, str]]:
    """Our scripts and styles, read once: a request names one of these, never a path."""
    return {p.name: (p.read_bytes(), mimetypes.guess_type(p.name)[0] or "text/plain")
            for p in STATIC.iterdir() if p.is_file()}


def _error_status(exc: Exception) -> tuple[int, str]:
    if isinstance(exc, UnknownActor):
        return 404, str(exc)
    if isinstance(exc, StoreLocked):
        return 503, f"{exc} (the pages work again once it has finished)"
    if isinstance(exc, StarletteHTTPException):
        return exc.status_code, str(exc.detail)
    if isinstance(exc, RequestValidationError):
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}"
                             for e in exc.errors())
        return 422, f"bad request: {problems}"
    return 400, str(exc)


def create_app(db: str | Path, *, token: str | None = None,
               max_upload_bytes: int = MAX_UPLOAD_BYTES, max_files: int = MAX_FILES,
               settings: Settings | None = None,
               host: str = "127.0.0.1") -> FastAPI:
    """The web app over the DuckDB file `db` (which must exist: `StoreError` otherwise).

    `token`: uploads need it when set. `host`: the address it will be served on; on
    loopback, requests naming another host are refused (DNS rebinding).
    """
    database = Database(db)
    database.open()
    jobs = UploadJobs(database, settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        jobs.stop()
        database.close()

    app = FastAPI(title="amity", version=__version__, lifespan=lifespan,
                  description="World-politics news as evidence-backed data: PLOVER events, "
                              "quotes, claims and actor relations over time. Every page of "
                              "the web app has its JSON twin here.",
                  # FastAPI's docs pages load their scripts from a CDN: we list the API
                  # ourselves at /api, from this schema.
                  docs_url=None, redoc_url=None)
    app.state.database, app.state.jobs, app.state.token = database, jobs, token or None
    app.state.max_upload_bytes, app.state.max_files = max_upload_bytes, max_files
    app.state.cache, app.state.cache_lock = {}, threading.Lock()
    app.state.templates = pages.environment()
    static = _static_files()

    hosts = allowed_hosts(host)

    @app.middleware("http")
    async def guards(request: Request,
                     call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        if not host_allowed(request.headers.get("host", ""), hosts):
            return PlainTextResponse("amity: this server answers only to its own address",
                                     status_code=400, headers=SECURITY_HEADERS)
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.get("/static/{name}", include_in_schema=False)
    def static_file(name: str) -> Response:
        if name not in static:
            raise HTTPException(404, "no such file")
        body, media_type = static[name]
        return Response(body, media_type=media_type,
                        headers={"Cache-Control": "public, max-age=3600"})

    async def on_error(request: Request, exc: Exception) -> Response:
        status, message = _error_status(exc)
        if status == 404 and message == "Not Found":
            message = f"no page at {request.url.path}"
        headers = getattr(exc, "headers", None)
        if request.url.path.startswith("/api"):
            return JSONResponse({"detail": message}, status_code=status, headers=headers)
        return pages.page(request, "error.html", status=status, status_code=status,
                          message=message, suggestions=getattr(exc, "suggestions", []))

    # Starlette's HTTPException also covers FastAPI's and the router's own 404/405.
    for kind in (StarletteHTTPException, StoreError, RequestValidationError):
        app.add_exception_handler(kind, on_error)
    app.include_router(api.router)
    app.include_router(pages.router)
    return app
