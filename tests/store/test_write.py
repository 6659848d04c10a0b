"""Writing records: idempotent by document id, reprocessing, failures, runs, atomicity."""
from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner
from store_records import make_document, store_documents, table_rows

from amity.cli import main
from amity.ingest import Failure
from amity.record import Document
from amity.store import Store, StoreLocked, open_store
from amity.store.errors import StoreError
from amity.store.render import records
from amity.store.schema import DOCUMENT_TABLES


def counts(store: Store) -> dict[str, int]:
    return {t: len(table_rows(store, t)) for t in (*DOCUMENT_TABLES, "actors")}


def test_ingesting_the_same_documents_twice_adds_nothing(store: Store,
                                                         documents: list[Document]) -> None:
    first = store_documents(store, documents)
    before = counts(store)
    second = store_documents(store, documents)
    assert (first.new, first.duplicate) == (len(documents), 0)
    assert (second.new, second.duplicate) == (0, len(documents))
    assert counts(store) == before
    assert before["documents"] == len(documents) and before["events"] == 4 * len(documents)


def test_same_article_twice_in_one_run_is_stored_once(store: Store) -> None:
    doc = make_document(1)
    again = dataclasses.replace(doc, source="elsewhere/copy.txt")
    summary = store_documents(store, [doc, again])
    assert (summary.new, summary.duplicate) == (1, 1)
    assert store.document(doc.id).source == doc.source  # type: ignore[union-attr]


def test_reprocess_replaces_the_rows_of_stored_documents(store: Store,
                                                         documents: list[Document]) -> None:
    store_documents(store, documents)
    changed = [dataclasses.replace(d, events=d.events[:1], title="Recomputed")
               for d in documents]
    summary = store_documents(store, changed, reprocess=True)
    assert (summary.new, summary.reprocessed, summary.duplicate) == (0, len(documents), 0)
    assert counts(store)["events"] == len(documents)
    assert store.document(documents[0].id) == changed[0]
    runs = set(store.con.execute("SELECT DISTINCT run_id FROM events").fetchall())
    assert runs == {(summary.run_id,)}


def test_failures_are_stored_with_file_line_stage_and_message(store: Store) -> None:
    bad = [Failure("feed.jsonl", "broken JSON line", stage="read", line=7),
           Failure("page.html", "no article text found", stage="clean"),
           Failure("fr.txt", "not English (fr)", stage="clean", skipped=True)]
    summary = store_outcomes_mixed(store, [make_document(1), *bad])
    assert (summary.new, summary.failed, summary.skipped) == (1, 2, 1)
    listed = records(store.failures())
    assert [(r["source"], r["line"], r["stage"], r["message"]) for r in listed] == [
        ("feed.jsonl", 7, "read", "broken JSON line"),
        ("page.html", None, "clean", "no article text found")]
    assert len(store.failures(include_skipped=True)) == 3


def store_outcomes_mixed(store: Store, outcomes: list[object]):  # type: ignore[no-untyped-def]
    from amity.store.ingest import store_outcomes

    return store_outcomes(lambda known: outcomes, store)  # type: ignore[arg-type,return-value]


def test_a_record_that_cannot_be_stored_fails_alone(store: Store) -> None:
    good = [make_document(1), make_document(2)]
    broken = make_document(3)
    broken.events[0].intensity = "very negative"  # type: ignore[assignment]
    summary = store_outcomes_mixed(store, [good[0], broken, good[1]])
    assert (summary.new, summary.failed) == (2, 1)
    assert store.document(broken.id) is None
    assert store.failures()["stage"].tolist() == ["store"]


def test_a_write_that_breaks_midway_stores_nothing(store: Store,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    run = store.begin_run("test")

    def explode(*args: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(store, "_merge_actors", explode)
    with pytest.raises(RuntimeError):
        store.write([make_document(1), make_document(2)], [], run)
    assert all(n == 0 for n in counts(store).values())


def test_runs_record_counts_provenance_and_status(store: Store,
                                                  documents: list[Document]) -> None:
    summary = store_documents(store, documents, command="ingest corpus/")
    run = store.runs().iloc[-1]
    assert run["run_id"] == summary.run_id and run["status"] == "done"
    assert (run["new"], run["events"], run["quotes"], run["claims"], run["actors"]) == (
        len(documents), 4 * len(documents), len(documents), len(documents), 4)
    assert (run["model"], run["dictionary"], run["lexicon"]) == ("test_model-1.0", "dict-1",
                                                                 "lex-1")
    assert run["finished"] >= run["started"]


def test_a_run_left_running_is_marked_interrupted_by_the_next(store: Store) -> None:
    dead = store.begin_run("ingest killed/")
    store_documents(store, [make_document(1)])
    status = dict(store.con.execute("SELECT run_id, status FROM runs").fetchall())
    assert status[dead] == "interrupted"


def test_actors_merge_across_documents(store: Store) -> None:
    first = make_document(1)
    second = make_document(2)
    second.actors[0] = dataclasses.replace(second.actors[0], name="Islamic Republic of Iran",
                                           aliases=["Persia"])
    store_documents(store, [first, second])
    iran = store.con.execute("SELECT name, aliases FROM actors WHERE id = 'IRN'").fetchone()
    assert iran == ("Islamic Republic of Iran", ["Iran", "Iran alias", "Persia"])
    store.rebuild_actors()
    assert store.con.execute("SELECT name, aliases FROM actors WHERE id = 'IRN'"
                             ).fetchone() == iran


@pytest.fixture
def held_database(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A database another process holds open for writing."""
    path = tmp_path / "held.duckdb"
    open_store(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
         "print('ready', flush=True); time.sleep(60)", str(path)],
        stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
    yield path, holder.pid
    holder.kill()
    holder.wait()


@pytest.mark.parametrize("read_only", [False, True])
def test_a_locked_database_raises_store_locked(held_database: tuple[Path, int],
                                               read_only: bool) -> None:
    path, pid = held_database
    with pytest.raises(StoreLocked, match=rf"in use by another process \(PID {pid}\)"):
        open_store(path, read_only=read_only)


@pytest.mark.parametrize("args", [["stats"], ["ingest", "nothing-here.txt"], ["events"]])
def test_a_locked_database_gives_one_clear_line(held_database: tuple[Path, int],
                                                args: list[str]) -> None:
    path, pid = held_database
    result = CliRunner().invoke(main, [*args, "--db", str(path)])
    assert result.exit_code == 2
    assert result.output.strip() == (f"amity: {path} is in use by another process (PID {pid}); "
                                     "wait for it to finish or use another --db")
    assert "Traceback" not in result.output


def test_a_file_that_is_not_a_database_gives_one_line(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("shopping list: bread, milk\n" * 200)
    result = CliRunner().invoke(main, ["stats", "--db", str(path)])
    assert result.exit_code == 2 and result.output.startswith(f"amity: cannot open {path}")


def test_a_database_with_other_columns_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE events (doc_id VARCHAR, kind VARCHAR)")
    con.close()
    with pytest.raises(StoreError, match="table events has other columns"):
        open_store(path)


def test_ingest_without_inputs_says_what_to_give(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["ingest", "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 2 and "give PATH... to read, or --from-parquet DIR" in (
        result.output)


def test_reprocess_drops_aliases_the_new_records_no_longer_have(store: Store) -> None:
    doc = make_document(1)
    store_documents(store, [doc])
    renamed = dataclasses.replace(doc, actors=[dataclasses.replace(a, aliases=[])
                                               for a in doc.actors])
    store_documents(store, [renamed], reprocess=True)
    aliases = store.con.execute("SELECT aliases FROM actors WHERE id = 'IRN'").fetchone()
    assert aliases == ([],)
