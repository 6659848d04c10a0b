"""The Spark job gives the records one process gives, as Parquet the store loads once."""
from __future__ import annotations

import io
import math
from pathlib import Path
from typing import Any

import duckdb
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from amity.cli import main
from amity.ingest import Failure
from amity.pipeline import extract
from amity.record import Document
from amity.scale import JobSummary, spark_ingest
from amity.scale.job import OUTPUT_TABLES
from amity.store import Store
from amity.store.schema import ARROW_SCHEMAS, DOCUMENT_TABLES, DUCK_TYPES, TABLES, record_rows

pytestmark = [pytest.mark.spark, pytest.mark.slow]
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

ARTICLES = [
    ("https://example.org/fishing", "Chile accuses Peru over fishing fleet",
     "SANTIAGO, March 3, 2021 - Chile accused Peru on Wednesday of letting its fishing fleet "
     "cross into Chilean waters, and summoned the Peruvian ambassador to explain.\n"
     "Chile's foreign ministry said the boats had been seen near Arica for three days. "
     "Peru denied the charge and said its fleet had stayed in its own waters."),
    ("https://example.org/aid", "Brazil sends aid to Bolivia after floods",
     "BRASILIA, April 9, 2021 - Brazil sent two planes of food and medicine to Bolivia on "
     "Friday after floods left thousands homeless, the Brazilian government said.\n"
     "Bolivia thanked Brazil for the help and asked the United Nations for more tents."),
]


def article_html(title: str, body: str) -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n"))
    return (f"<!DOCTYPE html><html><head><title>{title}</title></head><body><article>"
            f"<h1>{title}</h1>{paragraphs}</article></body></html>").encode()


def write_warc(path: Path, cut: bool = False) -> Path:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=path.suffix == ".gz")
    for url, title, body in ARTICLES:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            url, "response", payload=io.BytesIO(article_html(title, body)),
            http_headers=headers))
    data = out.getvalue()
    path.write_bytes(data[: len(data) * 3 // 4] if cut else data)
    return path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("corpus")
    write_warc(folder / "crawl.warc.gz")
    write_warc(folder / "cut.warc", cut=True)
    (folder / "empty.txt").write_text("")
    return [str(EXAMPLES), str(folder)]


@pytest.fixture(scope="module")
def single_process(corpus: list[str]) -> tuple[list[Document], list[Failure]]:
    docs: list[Document] = []
    failures: list[Failure] = []
    seen: set[str] = set()
    for outcome in extract(corpus):
        if isinstance(outcome, Failure):
            failures.append(outcome)
        elif outcome.id not in seen:  # as `amity extract` writes them: duplicates once
            seen.add(outcome.id)
            docs.append(outcome)
    return docs, failures


@pytest.fixture(scope="module")
def job(spark: Any, corpus: list[str], tmp_path_factory: pytest.TempPathFactory
        ) -> JobSummary:
    out = tmp_path_factory.mktemp("tables")
    return spark_ingest(corpus, str(out), partitions=3, spark=spark)


def parquet_rows(out: str, table: str) -> list[dict[str, Any]]:
    return pq.read_table(f"{out}/{table}").to_pylist()


RUN_COLUMNS = ("run_id", "recorded_at", "first_run", "last_run")


def without_run(rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """Rows as comparable tuples, sorted, without what differs between runs."""
    return sorted(tuple((k, repr(plain(v))) for k, v in row.items() if k not in RUN_COLUMNS)
                  for row in rows)


def plain(value: Any) -> Any:
    """Python values from pandas' (arrays, NaN for NULL) so all sources compare."""
    if hasattr(value, "tolist"):
        value = value.tolist()
    return None if isinstance(value, float) and math.isnan(value) else value


def test_spark_rows_equal_single_process_records(
        job: JobSummary, single_process: tuple[list[Document], list[Failure]]) -> None:
    docs, _ = single_process
    assert docs and any(d.source.startswith("https://example.org/") for d in docs)
    assert job.documents == len(docs)
    for table in DOCUMENT_TABLES:
        expected = [row for d in docs for row in record_rows(d, "x")[table]]
        assert without_run(parquet_rows(job.out, table)) == without_run(expected), table


def test_failures_are_in_the_failures_table(
        job: JobSummary, single_process: tuple[list[Document], list[Failure]]) -> None:
    _, failures = single_process
    got = {(r["source"], r["line"], r["stage"], r["message"], r["skipped"])
           for r in parquet_rows(job.out, "failures")}
    assert got == {(f.source, f.line, f.stage, f.message, f.skipped) for f in failures}
    sources = {Path(r[0]).name: r for r in got}
    assert sources["empty.txt"][3] == "empty file"
    assert sources["cut.warc"][1] == 2 and "truncated" in sources["cut.warc"][3]
    assert job.failed == len(failures)


@pytest.mark.parametrize("table", OUTPUT_TABLES)
def test_each_parquet_table_has_the_store_schema(job: JobSummary, table: str) -> None:
    described = duckdb.connect().execute(
        f"DESCRIBE SELECT * FROM read_parquet('{job.out}/{table}/*.parquet')").fetchall()
    assert [(r[0], r[1]) for r in described] == [(c, DUCK_TYPES[k]) for c, k in TABLES[table]]
    assert pq.read_schema(next(Path(job.out, table).glob("*.parquet"))).remove_metadata() \
        == ARROW_SCHEMAS[table]


def stored_rows(store: Store, table: str) -> list[tuple[Any, ...]]:
    return without_run(store.table(table).to_dict("records"))


def store_contents(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    return {t: stored_rows(store, t) for t in DOCUMENT_TABLES}


def test_from_parquet_load_equals_single_process_and_is_idempotent(
        job: JobSummary, single_process: tuple[list[Document], list[Failure]],
        tmp_path: Path) -> None:
    docs, _ = single_process
    with Store.open(tmp_path / "reference.duckdb") as reference:
        reference.write(docs, [], reference.begin_run("reference"))
        expected = store_contents(reference)
        expected_actors = stored_rows(reference, "actors")
    with Store.open(tmp_path / "spark.duckdb") as store:
        first = store.load_parquet(job.out)
        assert (first["new"], first["duplicate"]) == (len(docs), 0)
        assert store_contents(store) == expected
        second = store.load_parquet(job.out)
        assert (second["new"], second["duplicate"], second["events"]) == (0, len(docs), 0)
        assert store_contents(store) == expected
        assert stored_rows(store, "actors") == expected_actors


def test_corpus_actors_table_matches_the_store_merge(job: JobSummary, tmp_path: Path) -> None:
    with Store.open(tmp_path / "spark.duckdb") as store:
        store.load_parquet(job.out)
        stored = stored_rows(store, "actors")
    assert without_run(parquet_rows(job.out, "actors")) == stored


def test_spark_ingest_command_writes_tables_and_reports(spark: Any, tmp_path: Path) -> None:
    warc = write_warc(tmp_path / "crawl.warc")
    out = tmp_path / "tables"
    result = CliRunner().invoke(main, ["spark-ingest", str(warc), "--out", str(out),
                                       "--partitions", "2"])
    assert result.exit_code == 0, result.output
    assert "2 documents (0 duplicates left out), 0 failed" in result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(OUTPUT_TABLES)
    result = CliRunner().invoke(main, ["ingest", "--from-parquet", str(out), "--db",
                                       str(tmp_path / "amity.duckdb")])
    assert result.exit_code == 0, result.output
    assert "2 new" in result.output
