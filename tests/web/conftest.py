"""Fixtures of the web tests: one store ingested with the real pipeline, and clients."""
from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from web_articles import write_articles
from web_client import Client, app_over

from amity.ingest import read_inputs
from amity.store import open_store
from amity.store.ingest import store_outcomes

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory, pipeline: Any) -> Path:
    """examples/ and our own articles (one with a <script> in its text), ingested once."""
    folder = tmp_path_factory.mktemp("web")
    inputs = [str(ROOT / "examples"), str(write_articles(folder / "inputs"))]
    path = folder / "web.duckdb"
    with open_store(path) as store:
        summary = store_outcomes(lambda known: pipeline(read_inputs(inputs)), store)
    assert summary.new >= 8 and not summary.failed, summary.text()
    return path


@pytest.fixture
def db_copy(web_db: Path, tmp_path: Path) -> Path:
    """A copy of the store that a test may write to."""
    path = tmp_path / "copy.duckdb"
    shutil.copy(web_db, path)
    return path


@pytest.fixture(scope="session")
def read_app(web_db: Path) -> Iterator[Any]:
    """The app over the shared store, for tests that only read."""
    with app_over(web_db) as app:
        yield app


@pytest.fixture(scope="session")
def api(read_app: Any) -> Client:
    return Client(read_app)
