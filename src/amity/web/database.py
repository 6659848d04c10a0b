"""The app's DuckDB file: read-only between uploads, so the CLI can read it while we serve.

DuckDB lets several processes read a file or one process write it. The app holds one
read-only connection (requests each get a cursor of it); an upload job swaps it for a
read-write one while it ingests (requests go on, on cursors of the writer) and swaps back
after, so `amity stats` in another terminal works whenever no upload is running.
"""
from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from amity.store import Store, open_store
from amity.store.errors import StoreError


class _Gate:
    """Many readers or one exclusive holder (who swaps the connection)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._exclusive = False

    @contextmanager
    def shared(self) -> Iterator[None]:
        with self._cond:
            self._cond.wait_for(lambda: not self._exclusive)
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        with self._cond:
            self._cond.wait_for(lambda: not self._exclusive)
            self._exclusive = True
            self._cond.wait_for(lambda: self._readers == 0)
        try:
            yield
        finally:
            with self._cond:
                self._exclusive = False
                self._cond.notify_all()


class Database:
    """One DuckDB file shared by the app's requests and its single upload writer."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self.generation = 0  # bumped whenever an upload changed the data (cache key)
        self._gate = _Gate()
        self._opening = threading.Lock()
        self._writing = threading.Lock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._writer: Store | None = None

    def open(self) -> None:
        """Open the file now, so a missing or locked database fails at start, not later."""
        if not Path(self.path).is_file():
            raise StoreError(f"no database at {self.path}; create it with "
                             f"`amity ingest PATH... --db {self.path}`")
        self._connection()

    def _connection(self) -> duckdb.DuckDBPyConnection:
        with self._opening:
            if self._con is None:
                self._con = open_store(self.path, read_only=True).con
            return self._con

    @contextmanager
    def reader(self) -> Iterator[Store]:
        """A store on a fresh cursor, for one request (any thread)."""
        with self._gate.shared():
            cursor = self._connection().cursor()
            try:
                yield Store(cursor, self.path, read_only=True)
            finally:
                cursor.close()

    @contextmanager
    def writer(self) -> Iterator[Store]:
        """The store opened for writing (one holder at a time); `StoreLocked` when another
        process holds the file. Readers keep working on cursors of the writer meanwhile."""
        with self._writing:
            with self._gate.exclusive():
                self._close()
                try:
                    self._writer = open_store(self.path)
                except StoreError:
                    self._connection_quietly()
                    raise
                self._con = self._writer.con
            try:
                yield self._writer
            finally:
                with self._gate.exclusive():
                    self._close()
                    self.generation += 1
                    self._connection_quietly()

    def _connection_quietly(self) -> None:
        """Reopen for reading; if another process took the file meanwhile, the next request
        tries again (and says so) instead of the writer failing here."""
        try:
            self._connection()
        except StoreError:
            pass

    def _close(self) -> None:
        with self._opening:
            if self._writer is not None:
                self._writer.close()
            elif self._con is not None:
                self._con.close()
            self._writer, self._con = None, None

    def close(self) -> None:
        with self._gate.exclusive():
            self._close()
