"""The web app: explore a store in a browser, with a JSON twin of every page under /api.

    from amity.web import create_app
    app = create_app("amity.duckdb", token=None)   # a FastAPI app; serve it with uvicorn

`amity serve` runs it; `check_bind(host, token)` is the rule it applies first (a network
address needs a token, which every upload must then carry).
"""
from __future__ import annotations

from amity.web._security import ServeError, check_bind, is_loopback
from amity.web.app import create_app

__all__ = ["ServeError", "check_bind", "create_app", "is_loopback"]
