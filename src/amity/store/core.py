"""`Store`: one DuckDB file holding records, runs and failures; writes are per-document atomic.

One process writes (DuckDB locks the file); several may read with `read_only=True` while no
writer holds it. Rows of several documents share a transaction to keep the write path fast:
a transaction is all-or-nothing, so each document in it is too.
"""
from __future__ import annotations

import os
import re
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
import pyarrow as pa

from amity import __version__
from amity.ingest import Failure
from amity.record import Document
from amity.store._rebuild import rebuild_document
from amity.store.errors import StoreError, StoreLocked, UnknownActor
from amity.store.schema import (
    ARROW_SCHEMAS,
    CORPUS_TABLES,
    DOCUMENT_TABLES,
    TABLES,
    column_names,
    duckdb_ddl,
    record_rows,
)

if TYPE_CHECKING:
    import pandas as pd

    from amity.store import _queries as q

SCHEMA_VERSION = "1"


@dataclass(slots=True)
class BatchCounts:
    """What one `write` call stored."""

    new: int = 0
    reprocessed: int = 0
    events: int = 0
    quotes: int = 0
    claims: int = 0
    failed: int = 0
    skipped: int = 0


def new_run_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(3)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Store:
    """The corpus in one DuckDB file: write records, list failures, run the queries."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, read_only: bool) -> None:
        self.con = con
        self.path = path
        self.read_only = read_only

    # -- opening -----------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None, *,
             read_only: bool = False) -> Store:
        """Open (creating unless read-only) the store; a held lock becomes `StoreLocked`."""
        if path is None:
            from amity.settings import load_settings

            path = load_settings().db
        path = str(path)
        if read_only and not Path(path).is_file():
            raise StoreError(f"no database at {path}; create it with `amity ingest PATH...`")
        try:
            con = duckdb.connect(path, read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                m = re.search(r"PID (\d+)", str(exc))
                raise StoreLocked(path, m.group(1) if m else None) from None
            raise StoreError(f"cannot open {path}: {exc}") from None
        except duckdb.Error as exc:
            raise StoreError(f"cannot open {path} as a DuckDB database: {exc}") from None
        store = cls(con, path, read_only)
        if not read_only:
            store._create()
        store._check_columns()
        return store

    def _check_columns(self) -> None:
        """Refuse a file whose tables another version of amity laid out differently."""
        found: dict[str, list[str]] = {}
        for table, column in self.con.execute(
                "SELECT table_name, column_name FROM duckdb_columns() WHERE database_name = "
                "current_database() AND schema_name = 'main' ORDER BY table_name, "
                "column_index").fetchall():
            found.setdefault(table, []).append(column)
        for table in TABLES:
            if table in found and found[table] != column_names(table):
                self.close()
                raise StoreError(f"{self.path}: table {table} has other columns than this "
                                 f"version of amity writes; use a new --db, or export and "
                                 f"reload with the matching version")

    def _create(self) -> None:
        self.con.execute("BEGIN")
        for table in TABLES:
            self.con.execute(duckdb_ddl(table))
        self.con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, "
                         "value VARCHAR)")
        self.con.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)",
                         [SCHEMA_VERSION])
        self.con.execute("COMMIT")

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- runs --------------------------------------------------------------------------------
    def begin_run(self, command: str, *, jobs: int = 1, provenance: dict[str, str | None]
                  | None = None) -> str:
        """Record a new run (status 'running') and close runs a killed process left open."""
        prov = provenance or {}
        run_id = new_run_id()
        # Only one process can hold the write lock, so a 'running' run found now is dead.
        self.con.execute("UPDATE runs SET status = 'interrupted' WHERE status = 'running'")
        self.con.execute(
            "INSERT INTO runs (run_id, command, amity, model, dictionary, lexicon, started, "
            "status, jobs, new, duplicate, reprocessed, failed, skipped, events, quotes, claims,"
            " actors) VALUES (?, ?, ?, ?, ?, ?, ?, 'running', ?, 0, 0, 0, 0, 0, 0, 0, 0, 0)",
            [run_id, command, prov.get("amity") or __version__, prov.get("model"),
             prov.get("dictionary"), prov.get("lexicon"), _now(), jobs])
        return run_id

    def set_run_provenance(self, run_id: str, doc: Document) -> None:
        p = doc.provenance
        self.con.execute("UPDATE runs SET amity = ?, model = ?, dictionary = ?, lexicon = ? "
                         "WHERE run_id = ? AND model IS NULL",
                         [p.amity, p.model, p.dictionary, p.lexicon, run_id])

    def finish_run(self, run_id: str, *, duplicate: int, status: str = "done") -> None:
        self.con.execute("UPDATE runs SET finished = ?, status = ?, duplicate = ?, actors = "
                         "(SELECT count(DISTINCT actor_id) FROM doc_actors WHERE run_id = ?) "
                         "WHERE run_id = ?", [_now(), status, duplicate, run_id, run_id])

    # -- writing -----------------------------------------------------------------------------
    def document_ids(self) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT doc_id FROM documents").fetchall()}

    def write(self, docs: Sequence[Document], failures: Sequence[Failure], run_id: str, *,
              replace: Iterable[str] = ()) -> BatchCounts:
        """Store whole documents and failures in ONE transaction; `replace` ids are
        deleted first (reprocessing). Either everything given is stored or nothing."""
        rows: dict[str, list[dict[str, Any]]] = {t: [] for t in DOCUMENT_TABLES}
        for doc in docs:
            for table, table_rows in record_rows(doc, run_id).items():
                rows[table].extend(table_rows)
        replace = [i for i in replace]
        counts = BatchCounts(new=len(docs) - len(replace), reprocessed=len(replace),
                             events=len(rows["events"]), quotes=len(rows["quotes"]),
                             claims=len(rows["claims"]),
                             failed=sum(not f.skipped for f in failures),
                             skipped=sum(f.skipped for f in failures))
        con = self.con
        con.execute("BEGIN")
        try:
            if replace:
                self._delete_documents(replace)
            for table, table_rows in rows.items():
                if table_rows:
                    self._insert(table, table_rows)
            if failures:
                at = _now()
                self._insert("failures", [
                    {"run_id": run_id, "source": f.source, "line": f.line, "stage": f.stage,
                     "message": f.message, "skipped": f.skipped, "recorded_at": at}
                    for f in failures])
            self._merge_actors(rows["doc_actors"], run_id)
            con.execute(
                "UPDATE runs SET new = new + ?, reprocessed = reprocessed + ?, failed = failed "
                "+ ?, skipped = skipped + ?, events = events + ?, quotes = quotes + ?, claims "
                "= claims + ? WHERE run_id = ?",
                [counts.new, counts.reprocessed, counts.failed, counts.skipped, counts.events,
                 counts.quotes, counts.claims, run_id])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return counts

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        batch = pa.Table.from_pylist(rows, schema=ARROW_SCHEMAS[table])
        self.con.from_arrow(batch).insert_into(table)

    def _delete_documents(self, doc_ids: Sequence[str]) -> None:
        for table in DOCUMENT_TABLES:
            self.con.execute(f"DELETE FROM {table} WHERE list_contains(?, doc_id)",
                             [list(doc_ids)])

    def _merge_actors(self, doc_actor_rows: list[dict[str, Any]], run_id: str) -> None:
        """Upsert corpus actors: newest name/kind/rollup/country, aliases accumulated."""
        merged: dict[str, dict[str, Any]] = {}
        for r in doc_actor_rows:
            prev = merged.get(r["actor_id"])
            aliases = set(r["aliases"] or []) | set(prev["aliases"] if prev else [])
            if prev and prev["name"] != r["name"]:
                aliases.add(prev["name"])
            merged[r["actor_id"]] = {
                "id": r["actor_id"], "name": r["name"], "kind": r["kind"],
                "rollup": r["rollup"],
                "country": r["country"] or (prev["country"] if prev else None),
                "aliases": sorted(aliases - {r["name"]}), "first_run": run_id,
                "last_run": run_id}
        if not merged:
            return
        # DuckDB reads the Arrow table through the local variable of this name.
        _amity_actors = pa.Table.from_pylist(list(merged.values()),  # noqa: F841
                                             schema=ARROW_SCHEMAS["actors"])
        self.con.execute(
            "INSERT INTO actors SELECT * FROM _amity_actors ON CONFLICT (id) DO UPDATE SET "
            "name = excluded.name, kind = excluded.kind, rollup = excluded.rollup, "
            "country = coalesce(excluded.country, actors.country), "
            "aliases = list_sort(list_filter(list_distinct(list_concat(actors.aliases, "
            "excluded.aliases, CASE WHEN actors.name <> excluded.name THEN [actors.name] "
            "ELSE [] END)), lambda x: x <> excluded.name)), last_run = excluded.last_run")

    def rebuild_actors(self) -> None:
        """Recompute the corpus actors table from every document; the last stored wins."""
        self.con.execute("BEGIN")
        self.con.execute("DELETE FROM actors")
        self.con.execute("""
            INSERT INTO actors
            SELECT id, name, kind, rollup, country,
                   list_sort(list_filter(names, lambda x: x <> name)), first_run, last_run
            FROM (SELECT actor_id AS id, arg_max(name, rowid) AS name,
                         arg_max(kind, rowid) AS kind, arg_max(rollup, rowid) AS rollup,
                         arg_max(country, rowid) AS country,
                         list_distinct(flatten(list(aliases)) || list(name)) AS names,
                         min(run_id) AS first_run, max(run_id) AS last_run
                  FROM doc_actors GROUP BY actor_id)""")
        self.con.execute("COMMIT")

    # -- Parquet exchange (Spark) ------------------------------------------------------------
    def load_parquet(self, directory: str | os.PathLike[str], *, reprocess: bool = False,
                     command: str | None = None) -> dict[str, int]:
        """Load tables written as Parquet (one folder or file per table, columns of
        `schema.TABLES`), idempotent by doc id; returns counts (new, duplicate, ...)."""
        from amity.store._parquet import load_parquet

        return load_parquet(self, Path(directory), reprocess=reprocess,
                            command=command or f"ingest --from-parquet {directory}")

    def export(self, out: str | os.PathLike[str], fmt: str = "parquet") -> list[Path]:
        """Write every table to `out` (parquet: <table>/data.parquet; csv/jsonl: <table>.ext)."""
        from amity.store._parquet import export_tables

        return export_tables(self, Path(out), fmt)

    # -- reading -----------------------------------------------------------------------------
    def document(self, doc_id: str) -> Document | None:
        """The stored record of one document, rebuilt from its rows."""
        return rebuild_document(self.con, doc_id)

    def table(self, name: str) -> pd.DataFrame:
        """A whole table (for notebooks and exports); columns as in `schema.TABLES`."""
        if name not in TABLES:
            raise StoreError(f"no table {name!r}; tables: {', '.join(TABLES)}")
        return self.con.execute(f"SELECT * FROM {name}").df()

    def stats(self) -> pd.DataFrame:
        """One row per measure: documents, actors, events, quotes, claims, runs, dates."""
        from amity.store import _queries as q

        return q.stats(self.con, self.path)

    def actor(self, name: str, *, limit: int = 10, exact: bool = False) -> q.ActorProfile:
        """Profile of an actor: kinds, aliases, roles, members, partners, recent events."""
        from amity.store import _queries as q

        return q.actor_profile(self.con, name, limit=limit, exact=exact)

    def resolve(self, name: str, *, exact: bool = False) -> q.ActorMatch:
        """The stored actor an argument names (id, name, alias, surname; any case)."""
        from amity.store import _queries as q

        return q.resolve_actor(self.con, name, exact=exact)

    def relations(self, a: str, b: str, *, by: str = "month", since: str | None = None,
                  until: str | None = None, exact: bool = False,
                  include_negated: bool = False) -> pd.DataFrame:
        """A–B per period (both directions): quad counts, mean intensity, facts vs claims,
        top evidence; negated/hypothetical events only with `include_negated`."""
        from amity.store import _queries as q

        return q.relations(self.con, a, b, by=by, since=since, until=until, exact=exact,
                           include_negated=include_negated)

    def events(self, *, source: str | None = None, target: str | None = None,
               type: str | None = None, since: str | None = None, until: str | None = None,
               facts_only: bool = False, exact: bool = False,
               limit: int | None = 100) -> pd.DataFrame:
        """Events newest first, filtered by actors (rollup-level), type or quad, dates."""
        from amity.store import _queries as q

        return q.events(self.con, source=source, target=target, type_=type, since=since,
                        until=until, facts_only=facts_only, exact=exact, limit=limit)

    def claims(self, *, about: str | None = None, claimant: str | None = None,
               exact: bool = False, limit: int | None = 100) -> pd.DataFrame:
        """The claim ledger: claims grouped by key across documents, with stances."""
        from amity.store import _queries as q

        return q.claims(self.con, about=about, claimant=claimant, exact=exact, limit=limit)

    def failures(self, *, run: str | None = None, include_skipped: bool = False
                 ) -> pd.DataFrame:
        """Inputs that could not be stored (file, line, stage, message), newest first."""
        from amity.store import _queries as q

        return q.failures(self.con, run=run, include_skipped=include_skipped)

    def runs(self) -> pd.DataFrame:
        """Every run: command, versions, start/end, status and counts."""
        return self.con.execute("SELECT * FROM runs ORDER BY started").df()


__all__ = ["CORPUS_TABLES", "BatchCounts", "Store", "StoreError", "StoreLocked",
           "UnknownActor", "column_names"]
