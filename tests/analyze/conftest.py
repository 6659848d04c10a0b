"""Fixtures of the analysis tests: synthetic stores written from hand-built records."""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest
from analyze_helpers import SEEDLIKE

from amity.record import Document
from amity.store import open_store


@pytest.fixture
def make_store(tmp_path: Path) -> Iterator[Callable[[Sequence[Document]], Path]]:
    """Write documents into a fresh store file and return its path (closed again)."""
    opened: list[str] = []

    def make(docs: Sequence[Document]) -> Path:
        path = tmp_path / f"analysis-{len(opened)}.duckdb"
        store = open_store(path)
        opened.append(str(path))
        run = store.begin_run("test")
        store.write(list(docs), [], run)
        store.finish_run(run, duplicate=0)
        store.close()
        return path

    yield make


@pytest.fixture(scope="session")
def seedlike_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One store with the seed-like records, shared by the tests that only read it."""
    path = tmp_path_factory.mktemp("seedlike") / "seedlike.duckdb"
    store = open_store(path)
    run = store.begin_run("test")
    store.write(SEEDLIKE, [], run)
    store.finish_run(run, duplicate=0)
    store.close()
    return path
