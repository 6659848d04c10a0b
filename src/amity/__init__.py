"""amity: news about world politics in, evidence-backed events, quotes and claims out.

The public Python API; heavy modules (spaCy, DuckDB) load on first use, not on import.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from amity.actors import resolve_actor
    from amity.pipeline import Pipeline, extract
    from amity.store import open_store as open

__all__ = ["Pipeline", "__version__", "extract", "open", "resolve_actor"]

_LAZY = {
    "extract": ("amity.pipeline", "extract"),
    "Pipeline": ("amity.pipeline", "Pipeline"),
    "resolve_actor": ("amity.actors", "resolve_actor"),
    "open": ("amity.store", "open_store"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(module), attr)
    raise AttributeError(f"module 'amity' has no attribute {name!r}")
