"""What one Spark partition computes: its pages through one `Pipeline`, as table rows.

No pyspark here: executors run this with nothing but amity imported, and tests call it
directly. Each document (or failure) becomes one *bundle*, a tuple holding its rows of every
output table, so the Python-to-JVM hand-over happens once per document.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

from amity.ingest import Failure, Item
from amity.ingest.read import read_safely
from amity.pipeline import Pipeline
from amity.scale._units import Unit
from amity.settings import Settings
from amity.store.schema import DOCUMENT_TABLES, SPARK_TYPES, TABLES, column_names, record_rows

#: Tables in a bundle, in order: the record's tables, then the failures log.
BUNDLE_TABLES: tuple[str, ...] = (*DOCUMENT_TABLES, "failures")

#: Per document: its id, its place in the input (file position, record), then the rows of
#: each table of BUNDLE_TABLES. Failures have no id.
Bundle = tuple[Any, ...]


def bundle_ddl() -> str:
    """Spark DDL of a bundle: one array of row structs per table, derived from the store's
    schema (`schema.TABLES`), so Parquet written from it has the store's columns."""
    def struct(table: str) -> str:
        fields = ", ".join(f"`{col}`: {SPARK_TYPES[kind]}" for col, kind in TABLES[table])
        return f"`{table}` ARRAY<STRUCT<{fields}>>"

    return ", ".join(["`doc_id` STRING", "`input_order` BIGINT",
                      *(struct(t) for t in BUNDLE_TABLES)])


def failure_row(failure: Failure, run_id: str, at: datetime) -> tuple[Any, ...]:
    row = {"run_id": run_id, "source": failure.source, "line": failure.line,
           "stage": failure.stage, "message": failure.message, "skipped": failure.skipped,
           "recorded_at": at}
    return tuple(row[c] for c in column_names("failures"))


def bundles(groups: Iterable[list[Unit]], settings: Settings, run_id: str) -> Iterator[Bundle]:
    """One bundle per document or failure of the partition's units (one model load for the
    partition). Duplicates (same id) are all given: the job keeps the first in input order."""
    pipeline = Pipeline(settings)
    columns = {t: column_names(t) for t in DOCUMENT_TABLES}
    empty: list[tuple[Any, ...]] = []
    places: deque[int] = deque()  # input order of each item, popped as its outcome comes

    def items() -> Iterator[Item]:
        for group in groups:
            for unit in group:
                for number, item in enumerate(read_safely(unit.path, part=unit.part), start=1):
                    places.append((unit.position << 32) + (item.line or number))
                    yield item

    for outcome in pipeline(items()):  # one outcome per item, in order
        place = places.popleft()
        if isinstance(outcome, Failure):
            at = datetime.now(UTC).replace(tzinfo=None)
            yield (None, place, *(empty for _ in DOCUMENT_TABLES),
                   [failure_row(outcome, run_id, at)])
            continue
        rows = record_rows(outcome, run_id)
        yield (outcome.id, place,
               *([tuple(r[c] for c in columns[t]) for r in rows[t]] for t in DOCUMENT_TABLES),
               empty)
