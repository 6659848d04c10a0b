"""The server's guards: where it may bind, who may write, how much, and the headers it sends."""
from __future__ import annotations

import ipaddress
import secrets
from urllib.parse import urlsplit

from fastapi import HTTPException, Request

MIN_TOKEN = 8
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
# Pages load only our own scripts and styles; an injected <script> could not run even if
# escaping ever failed.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; "
                               "img-src 'self' data:; connect-src 'self'; object-src 'none'; "
                               "base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}


class ServeError(Exception):
    """A server setting that is refused, said in one line."""


def is_loopback(host: str) -> bool:
    name = host.strip().strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: str | None) -> None:
    """Refuse a non-loopback address without a token: anyone reaching it could upload."""
    if token and len(token) < MIN_TOKEN:
        raise ServeError(f"the token must be at least {MIN_TOKEN} characters long")
    if not is_loopback(host) and not token:
        raise ServeError(f"refusing to serve on {host} without a token: anyone who can reach "
                         f"it could upload; pass --token TOKEN (or set AMITY_TOKEN), or bind "
                         f"127.0.0.1")


def allowed_hosts(host: str) -> list[str] | None:
    """Host names a server bound to `host` answers to: the loopback names on loopback (so no
    other site reaches a local server by DNS rebinding), any (None) on a network address,
    where the token guards the writes."""
    if not is_loopback(host):
        return None
    return sorted({*LOOPBACK_NAMES, host.strip().strip("[]").lower()})


def host_allowed(header: str, allowed: list[str] | None) -> bool:
    """Whether a request's Host header (name or [v6], with or without port) is allowed."""
    if allowed is None:
        return True
    try:
        name = urlsplit("//" + header).hostname
    except ValueError:
        return False
    return name is not None and name in allowed


def check_write(request: Request, token: str | None) -> None:
    """A write must come from our own pages (or a non-browser client) and carry the token."""
    origin = request.headers.get("origin")
    if origin and origin != "null":
        if urlsplit(origin).netloc.lower() != request.headers.get("host", "").lower():
            raise HTTPException(403, "cross-site upload refused")
    elif origin == "null":
        raise HTTPException(403, "upload from an opaque origin refused")
    if token is None:
        return
    given = request.headers.get("x-amity-token")
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        given = auth[7:].strip()
    if not given or not secrets.compare_digest(given.encode(), token.encode()):
        raise HTTPException(401, "this server needs its token for uploads "
                                 "(Authorization: Bearer TOKEN)",
                            headers={"WWW-Authenticate": "Bearer"})


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it passes `limit` bytes."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"upload too large: over the {_mb(limit)} limit")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise HTTPException(413, f"upload too large: over the {_mb(limit)} limit")
    return bytes(body)


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB" if size >= 1024 * 1024 else f"{size} bytes"
