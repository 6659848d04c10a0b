"""Fixtures of the store tests: a fresh store, and one filled with hand-built records."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from store_records import make_document

from amity.record import Document
from amity.store import Store, open_store


@pytest.fixture
def documents() -> list[Document]:
    return [make_document(n, published=f"2024-{1 + n % 3:02d}-0{1 + n % 7}") for n in range(6)]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "test.duckdb")
    yield s
    s.close()


@pytest.fixture
def filled(store: Store, documents: list[Document]) -> Store:
    """A store holding `documents`, written in one run."""
    run = store.begin_run("test")
    store.write(documents, [], run)
    store.finish_run(run, duplicate=0)
    return store
