"""The app's database: readers on cursors, one writer, the file freed for other readers."""
from __future__ import annotations

import threading
import time
from pathlib import Path

import duckdb
import pytest

from amity.store import open_store
from amity.store.errors import StoreError
from amity.web.database import Database


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    path = tmp_path / "t.duckdb"
    open_store(path).close()
    return path


def test_missing_file_is_refused_with_the_command_to_make_it(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no database at .*amity ingest"):
        Database(tmp_path / "none.duckdb").open()
    assert not (tmp_path / "none.duckdb").exists()


def test_other_processes_may_read_while_it_reads(db_file: Path) -> None:
    db = Database(db_file)
    db.open()
    with db.reader() as store:
        assert int(store.stats().set_index("measure").loc["documents", "value"]) == 0
    # Read-only in this process too: a second read-only handle on the file is allowed.
    other = duckdb.connect(str(db_file), read_only=True)
    other.close()
    db.close()


def test_writes_are_seen_by_readers_after_the_writer_is_done(db_file: Path) -> None:
    db = Database(db_file)
    db.open()
    generation = db.generation
    with db.writer() as store:
        run = store.begin_run("test")
        store.finish_run(run, duplicate=0)
    assert db.generation == generation + 1
    with db.reader() as store:
        assert len(store.runs()) == 1
    db.close()


def test_readers_go_on_while_the_writer_holds_the_file(db_file: Path) -> None:
    db = Database(db_file)
    db.open()
    done = threading.Event()
    counts: list[int] = []

    def read_meanwhile() -> None:
        with db.reader() as store:
            counts.append(len(store.runs()))
        done.set()

    with db.writer() as store:
        store.begin_run("test")
        reader = threading.Thread(target=read_meanwhile)
        reader.start()
        assert done.wait(10), "a reader blocked while the writer held the file"
        reader.join()
    assert counts == [1]  # the run row was committed before the read
    db.close()


def test_writer_waits_for_readers_in_flight(db_file: Path) -> None:
    db = Database(db_file)
    db.open()
    order: list[str] = []
    started = threading.Event()

    def slow_reader() -> None:
        with db.reader():
            started.set()
            time.sleep(0.3)
            order.append("read")

    t = threading.Thread(target=slow_reader)
    t.start()
    started.wait(5)
    with db.writer():
        order.append("write")
    t.join()
    assert order == ["read", "write"]
    db.close()
