"""The corpus store: records into an embedded DuckDB file, queried from the CLI and Python.

`open_store(path)` is the entry point (re-exported as `amity.open`):

    with amity.open("amity.duckdb", read_only=True) as store:
        store.relations("Iran", "Israel", by="month")   # pandas DataFrames
        store.events(source="Iran", facts_only=True); store.claims(about="Israel")
        store.actor("Iran")                              # ActorProfile (DataFrames inside)
        store.document(doc_id)                           # the amity.document/1 record back
        store.table("events"); store.con                 # whole tables, raw DuckDB SQL

Writers: `Store.write(docs, failures, run_id)` (one transaction, whole documents),
`amity.store.ingest.ingest(paths, store)`, `Store.load_parquet(dir)` for tables a Spark job
wrote with `record_rows` (columns of `schema.TABLES`, one folder per table). One process may
write at a time (DuckDB's file lock); readers open with `read_only=True`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from amity.store.schema import ARROW_SCHEMAS, DOCUMENT_TABLES, TABLES, record_rows

if TYPE_CHECKING:
    from amity.store.core import Store, StoreLocked

__all__ = ["ARROW_SCHEMAS", "DOCUMENT_TABLES", "TABLES", "Store", "StoreLocked", "open_store",
           "record_rows"]


def open_store(path: str | None = None, *, read_only: bool = False) -> Store:
    """The store in DuckDB file `path` (default from settings: ./amity.duckdb), created if new."""
    from amity.store.core import Store

    return Store.open(path, read_only=read_only)


def __getattr__(name: str) -> Any:
    if name in ("Store", "StoreLocked"):
        from amity.store import core

        return getattr(core, name)
    raise AttributeError(f"module 'amity.store' has no attribute {name!r}")
