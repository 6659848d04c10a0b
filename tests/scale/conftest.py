"""One local Spark session for the Spark tests (start-up is the slow part)."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture(scope="session")
def spark(java: str) -> Iterator[Any]:
    """A `local[2]` SparkSession, skipped (failed under AMITY_STRICT) without Java."""
    from amity.scale import spark_session

    session = spark_session("local[2]", app_name="amity-tests")
    yield session
    session.stop()
