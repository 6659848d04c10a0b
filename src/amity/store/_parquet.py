"""Parquet in (tables a Spark job wrote) and every table out (parquet, csv, jsonl)."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from amity.store.schema import DOCUMENT_TABLES, TABLES, column_names

if TYPE_CHECKING:
    from amity.store.core import Store

EXPORT_FORMATS = ("parquet", "csv", "jsonl")
# Order rows so exports of the same corpus are byte-comparable.
_ORDER = {"documents": "doc_id", "doc_actors": "doc_id, actor_index",
          "mentions": "doc_id, actor_id, mention_index", "events": "doc_id, event_index",
          "quotes": "doc_id, quote_index", "claims": "doc_id, claim_index",
          "claim_stances": "doc_id, claim_index, stance, stance_index",
          "removed": "doc_id, removed_index", "failures": "recorded_at, source, line",
          "runs": "started, run_id", "actors": "id"}


def _sql_str(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def table_source(directory: Path, table: str) -> str | None:
    """A read_parquet(...) expression for `table` under `directory`, or None if absent."""
    folder = directory / table
    if folder.is_dir() and any(folder.rglob("*.parquet")):
        pattern = str(folder / "**" / "*.parquet")
    elif (directory / f"{table}.parquet").is_file():
        pattern = str(directory / f"{table}.parquet")
    else:
        return None
    return f"read_parquet({_sql_str(pattern)}, union_by_name = true)"


def _select(store: Store, table: str, source: str, run_id: str) -> str:
    """Columns of `table` in store order from `source`, run_id set to the loading run and
    columns the files lack as NULL (older writers)."""
    present = {r[0] for r in store.con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()}
    cols = []
    for col, kind in TABLES[table]:
        if col == "run_id":
            cols.append(f"{_sql_str(run_id)} AS run_id")
        elif col in present:
            cols.append(f'"{col}"')
        else:
            from amity.store.schema import DUCK_TYPES

            cols.append(f'CAST(NULL AS {DUCK_TYPES[kind]}) AS "{col}"')
    return ", ".join(cols)


def load_parquet(store: Store, directory: Path, *, reprocess: bool, command: str
                 ) -> dict[str, int]:
    """Load a folder of Parquet tables in one transaction, skipping (or with `reprocess`,
    replacing) documents already stored; re-running after a crash completes the load."""
    from amity.store.core import StoreError

    docs_source = table_source(directory, "documents")
    if docs_source is None:
        raise StoreError(f"{directory}: no documents table (expected {directory}/documents/"
                         "*.parquet)")
    con = store.con
    run_id = store.begin_run(command)
    con.execute("BEGIN")
    try:
        con.execute(f"CREATE OR REPLACE TEMP TABLE _load_docs AS SELECT "
                    f"{_select(store, 'documents', docs_source, run_id)} FROM {docs_source} "
                    "QUALIFY row_number() OVER (PARTITION BY doc_id ORDER BY source) = 1")
        con.execute("CREATE OR REPLACE TEMP TABLE _load_ids AS SELECT l.doc_id, "
                    "d.doc_id IS NOT NULL AS stored FROM _load_docs l "
                    "LEFT JOIN documents d USING (doc_id)")
        wanted = "SELECT doc_id FROM _load_ids" + ("" if reprocess else " WHERE NOT stored")
        if reprocess:
            for table in DOCUMENT_TABLES:
                con.execute(f"DELETE FROM {table} WHERE doc_id IN "
                            "(SELECT doc_id FROM _load_ids WHERE stored)")
        con.execute(f"INSERT INTO documents SELECT * FROM _load_docs WHERE doc_id IN ({wanted})")
        for table in DOCUMENT_TABLES:
            source = table_source(directory, table)
            if table == "documents" or source is None:
                continue
            # DISTINCT: two copies of one document (same id) give identical rows.
            con.execute(f"INSERT INTO {table} SELECT DISTINCT "
                        f"{_select(store, table, source, run_id)} FROM {source} "
                        f"WHERE doc_id IN ({wanted})")
        failures = table_source(directory, "failures")
        if failures is not None:
            sel = _select(store, "failures", failures, run_id).replace(
                '"recorded_at"', "coalesce(recorded_at, current_localtimestamp()::TIMESTAMP) AS "
                "recorded_at")
            con.execute(f"INSERT INTO failures SELECT {sel} FROM {failures}")
        con.execute(
            "INSERT INTO actors SELECT actor_id, arg_max(name, doc_id), arg_max(kind, doc_id), "
            "arg_max(rollup, doc_id), arg_max(country, doc_id), "
            "list_sort(list_distinct(flatten(list(aliases)))), ?, ? FROM doc_actors "
            "WHERE run_id = ? GROUP BY actor_id ON CONFLICT (id) DO UPDATE SET "
            "name = excluded.name, kind = excluded.kind, rollup = excluded.rollup, "
            "country = coalesce(excluded.country, actors.country), aliases = list_sort("
            "list_distinct(list_concat(actors.aliases, excluded.aliases))), "
            "last_run = excluded.last_run", [run_id, run_id, run_id])
        counts = _run_counts(store, run_id, reprocess)
        con.execute("UPDATE runs SET new = ?, reprocessed = ?, duplicate = ?, failed = ?, "
                    "skipped = ?, events = ?, quotes = ?, claims = ?, "
                    "(amity, model, dictionary, lexicon) = (SELECT (any_value(amity), "
                    "any_value(model), any_value(dictionary), any_value(lexicon)) "
                    "FROM _load_docs) WHERE run_id = ?",
                    [counts["new"], counts["reprocessed"], counts["duplicate"],
                     counts["failed"], counts["skipped"], counts["events"], counts["quotes"],
                     counts["claims"], run_id])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    store.finish_run(run_id, duplicate=counts["duplicate"])
    if counts["reprocessed"]:
        store.rebuild_actors()
    counts["actors"] = con.execute("SELECT actors FROM runs WHERE run_id = ?",
                                   [run_id]).fetchone()[0]  # type: ignore[index]
    return counts


def _run_counts(store: Store, run_id: str, reprocess: bool) -> dict[str, int]:
    def one(sql: str) -> int:
        row = store.con.execute(sql, [run_id]).fetchone()
        return int(row[0]) if row else 0

    row = store.con.execute("SELECT count(*) FROM _load_ids WHERE stored").fetchone()
    stored = int(row[0]) if row else 0
    loaded = one("SELECT count(*) FROM documents WHERE run_id = ?")
    reprocessed = stored if reprocess else 0
    return {"new": loaded - reprocessed, "reprocessed": reprocessed,
            "duplicate": stored - reprocessed,
            "failed": one("SELECT count(*) FROM failures WHERE run_id = ? AND NOT skipped"),
            "skipped": one("SELECT count(*) FROM failures WHERE run_id = ? AND skipped"),
            "events": one("SELECT count(*) FROM events WHERE run_id = ?"),
            "quotes": one("SELECT count(*) FROM quotes WHERE run_id = ?"),
            "claims": one("SELECT count(*) FROM claims WHERE run_id = ?")}


def export_tables(store: Store, out: Path, fmt: str) -> list[Path]:
    """Every table of `schema.TABLES` written under `out`; returns the files written."""
    from amity.store.core import StoreError

    if fmt not in EXPORT_FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; choose {', '.join(EXPORT_FORMATS)}")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for table in TABLES:
        if fmt == "parquet":
            (out / table).mkdir(exist_ok=True)
            path = out / table / "data.parquet"
            options = "FORMAT parquet"
        elif fmt == "csv":
            path = out / f"{table}.csv"
            options = "FORMAT csv, HEADER true"
        else:
            path = out / f"{table}.jsonl"
            options = "FORMAT json"
        cols = ", ".join(f'"{c}"' for c in column_names(table))
        store.con.execute(f"COPY (SELECT {cols} FROM {table} ORDER BY {_ORDER[table]}) "
                          f"TO {_sql_str(str(path))} ({options})")
        written.append(path)
    return written
