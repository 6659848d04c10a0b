"""Export every table, and load Parquet tables back (the Spark exchange), idempotently."""
from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from store_records import make_document, store_documents, table_rows

from amity.cli import main
from amity.record import Document
from amity.store import Store, open_store
from amity.store.schema import ARROW_SCHEMAS, DOCUMENT_TABLES, TABLES, record_rows


@pytest.mark.parametrize("fmt,suffix", [("parquet", "/data.parquet"), ("csv", ".csv"),
                                        ("jsonl", ".jsonl")])
def test_export_writes_every_table(filled: Store, tmp_path: Path, fmt: str,
                                   suffix: str) -> None:
    out = tmp_path / "out"
    filled.export(out, fmt)
    for table in TABLES:
        path = Path(f"{out / table}{suffix}")
        assert path.is_file(), path
        rows = duckdb.connect().execute(f"SELECT count(*) FROM '{path}'").fetchall()[0][0]
        assert rows == len(table_rows(filled, table)), table


def test_parquet_export_loads_back_into_an_equal_store(filled: Store, tmp_path: Path) -> None:
    filled.export(tmp_path / "out", "parquet")
    with open_store(tmp_path / "copy.duckdb") as copy:
        counts = copy.load_parquet(tmp_path / "out")
        assert counts["new"] == 6 and counts["failed"] == 0
        for table in (*DOCUMENT_TABLES, "actors"):
            assert table_rows(copy, table) == table_rows(filled, table), table
        assert copy.document("doc00002") == filled.document("doc00002")


def test_loading_the_same_parquet_twice_adds_nothing(filled: Store, tmp_path: Path) -> None:
    filled.export(tmp_path / "out", "parquet")
    with open_store(tmp_path / "copy.duckdb") as copy:
        copy.load_parquet(tmp_path / "out")
        again = copy.load_parquet(tmp_path / "out")
        assert (again["new"], again["duplicate"], again["events"]) == (0, 6, 0)
        replaced = copy.load_parquet(tmp_path / "out", reprocess=True)
        assert (replaced["new"], replaced["reprocessed"]) == (0, 6)
        assert len(table_rows(copy, "events")) == len(table_rows(filled, "events"))


def write_spark_like(folder: Path, docs: list[Document], run_id: str) -> None:
    """What a Spark job writes: part files per table folder, a _SUCCESS marker, the same
    document twice (two copies of one article), and no failures folder."""
    for table in DOCUMENT_TABLES:
        rows = [r for d in docs for r in record_rows(d, run_id)[table]]
        (folder / table).mkdir(parents=True)
        (folder / table / "_SUCCESS").write_text("")
        half = len(rows) // 2
        for i, part in enumerate((rows[:half], rows[half:])):
            pq.write_table(pa.Table.from_pylist(part, schema=ARROW_SCHEMAS[table]),
                           folder / table / f"part-{i:05d}.parquet")


def test_spark_style_parquet_loads_with_duplicates_collapsed(store: Store,
                                                             tmp_path: Path) -> None:
    docs = [make_document(n) for n in range(4)]
    write_spark_like(tmp_path / "spark", [*docs, docs[1]], "spark-run-1")
    counts = store.load_parquet(tmp_path / "spark")
    assert counts["new"] == 4
    assert [store.document(d.id) for d in docs] == docs
    run_ids = store.con.execute("SELECT DISTINCT run_id FROM events").fetchall()
    assert run_ids == [(store.runs()["run_id"].iloc[-1],)]


def test_loading_parquet_after_ingest_skips_stored_documents(store: Store,
                                                             tmp_path: Path) -> None:
    store_documents(store, [make_document(0)])
    write_spark_like(tmp_path / "spark", [make_document(0), make_document(1)], "s")
    counts = store.load_parquet(tmp_path / "spark")
    assert (counts["new"], counts["duplicate"]) == (1, 1)


def test_ingest_from_parquet_on_the_command_line(filled: Store, tmp_path: Path) -> None:
    filled.export(tmp_path / "out", "parquet")
    db = tmp_path / "cli.duckdb"
    result = CliRunner().invoke(main, ["ingest", "--from-parquet", str(tmp_path / "out"),
                                       "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "6 new" in result.output


def test_export_command_writes_jsonl_records(filled: Store, tmp_path: Path) -> None:
    filled.close()
    db = Path(filled.path)
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "jsonl",
                                       "--out", str(tmp_path / "x")])
    assert result.exit_code == 0, result.output
    lines = (tmp_path / "x" / "events.jsonl").read_text().splitlines()
    assert len(lines) == 24 and json.loads(lines[0])["type"] == "ACCUSE"
