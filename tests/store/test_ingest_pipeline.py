"""`amity ingest` end to end on our own articles (loads spaCy): idempotence, reprocessing,
bad inputs, worker processes, and a kill -9 in the middle of a run."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from store_corpus import BAD_INPUTS, write_corpus
from store_records import table_rows

from amity.cli import main
from amity.store import open_store
from amity.store.schema import DOCUMENT_TABLES

pytestmark = pytest.mark.slow


def ingest(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["ingest", *args])
    return result.exit_code, result.output


def snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    with open_store(db, read_only=True) as store:
        return {t: table_rows(store, t) for t in (*DOCUMENT_TABLES, "actors")}


def check_consistent(db: Path) -> None:
    """Every row belongs to a stored document, and every document has all its rows."""
    with open_store(db, read_only=True) as store:
        con = store.con
        for table in DOCUMENT_TABLES:
            orphans = con.execute(f"SELECT count(*) FROM {table} WHERE doc_id NOT IN "
                                  "(SELECT doc_id FROM documents)").fetchone()
            assert orphans == (0,), table
        for table, column in (("doc_actors", "n_actors"), ("events", "n_events"),
                              ("quotes", "n_quotes"), ("claims", "n_claims")):
            short = con.execute(f"SELECT count(*) FROM documents d WHERE {column} <> (SELECT "
                                f"count(*) FROM {table} t WHERE t.doc_id = d.doc_id)"
                                ).fetchone()
            assert short == (0,), table


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder / "good", 6)
    for name, data in BAD_INPUTS.items():
        (folder / name).write_bytes(data)
    return folder


def test_ingest_twice_stores_good_inputs_once_and_lists_each_bad_one(corpus: Path,
                                                                     tmp_path: Path) -> None:
    db = str(tmp_path / "a.duckdb")
    status, out = ingest(str(corpus), "--db", db)
    assert status == 1  # failures reported in the exit status, like `amity extract`
    assert "6 new, 0 duplicate" in out and "4 failed" in out
    first = snapshot(Path(db))
    status, out = ingest(str(corpus), "--db", db)
    assert "0 new, 6 duplicate" in out and "already stored" in out
    assert snapshot(Path(db)) == first
    with open_store(db, read_only=True) as store:
        failures = store.failures()
    assert sorted(Path(s).name for s in failures["source"]) == sorted(BAD_INPUTS)
    assert set(failures["times"]) == {2}
    assert all(len(m) > 8 for m in failures["message"])
    check_consistent(Path(db))


def test_reprocess_recomputes_and_replaces_stored_documents(corpus: Path,
                                                            tmp_path: Path) -> None:
    db = str(tmp_path / "r.duckdb")
    ingest(str(corpus / "good"), "--db", db)
    before = snapshot(Path(db))
    status, out = ingest(str(corpus / "good"), "--db", db, "--reprocess")
    assert status == 0 and "0 new" in out and "6 reprocessed" in out
    assert snapshot(Path(db)) == before
    with open_store(db, read_only=True) as store:
        runs = store.runs()
        last = runs["run_id"].iloc[-1]
        for table in DOCUMENT_TABLES:
            assert {r[0] for r in store.con.execute(f"SELECT DISTINCT run_id FROM {table}")
                    .fetchall()} <= {last}, table


def test_two_worker_processes_store_the_same_rows_as_one(corpus: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    ingest(str(corpus), "--db", str(one), "--jobs", "1")
    status, out = ingest(str(corpus), "--db", str(two), "--jobs", "2")
    assert "6 new" in out
    assert snapshot(one) == snapshot(two)


def test_kill_9_mid_run_leaves_a_consistent_store_and_a_rerun_completes(
        tmp_path: Path) -> None:
    write_corpus(tmp_path / "many", 60)
    db = tmp_path / "k.duckdb"
    command = [sys.executable, "-c", "from amity.cli import main; main()", "ingest",
               str(tmp_path / "many"), "--db", str(db), "--commit-every", "1"]
    run = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                           text=True, env={**os.environ, "COLUMNS": "100"})
    assert run.stderr is not None
    for line in run.stderr:
        m = re.search(r"(\d+) stored", line)
        if m and int(m.group(1)) >= 1:
            break
    assert run.poll() is None, "the run ended before it could be killed"
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    check_consistent(db)
    with open_store(db, read_only=True) as store:
        stored = len(store.table("documents"))
    assert 1 <= stored < 60
    rerun = subprocess.run(command, capture_output=True, text=True)
    assert f"{60 - stored} new, {stored} duplicate" in rerun.stderr
    check_consistent(db)
    with open_store(db, read_only=True) as store:
        assert len(store.table("documents")) == 60
        assert store.runs()["status"].tolist() == ["interrupted", "done"]
