"""record_rows and the table definitions: every field of a record has a column, and back."""
from __future__ import annotations

import pyarrow as pa
import pytest
from store_records import make_document

from amity.record import Document, Provenance
from amity.store import Store
from amity.store.schema import (
    ARROW_SCHEMAS,
    DOCUMENT_TABLES,
    claim_group_key,
    column_names,
    record_rows,
    spark_ddl,
)


def bare_document() -> Document:
    return Document(id="bare", source="-", text="Nothing happened.",
                    provenance=Provenance(amity="0.1.0"))


@pytest.mark.parametrize("doc", [make_document(1), bare_document()], ids=["full", "bare"])
def test_record_rows_gives_every_table_rows_with_exactly_its_columns(doc: Document) -> None:
    rows = record_rows(doc, "run-1")
    assert set(rows) == set(DOCUMENT_TABLES)
    for table, table_rows in rows.items():
        for row in table_rows:
            assert list(row) == column_names(table)
            assert row["doc_id"] == doc.id and row["run_id"] == "run-1"
        pa.Table.from_pylist(table_rows, schema=ARROW_SCHEMAS[table])  # types fit


@pytest.mark.parametrize("doc", [make_document(1), bare_document()], ids=["full", "bare"])
def test_store_gives_back_the_record_it_was_given(store: Store, doc: Document) -> None:
    run = store.begin_run("test")
    store.write([doc], [], run)
    assert store.document(doc.id) == doc


def test_event_rows_carry_rollups_of_source_target_and_claimant() -> None:
    events = record_rows(make_document(3), "r")["events"]
    accuse, _, claimed, _ = events
    assert (accuse["source"], accuse["source_rollup"]) == ("abbas-araghchi", "IRN")
    assert claimed["asserted_by_rollup"] == "IRN"
    assert str(accuse["day"]) == "2024-03-05"


def test_undated_event_takes_the_document_day() -> None:
    events = record_rows(make_document(3, published="2023-07"), "r")["events"]
    assert str(events[1]["day"]) == "2023-07-01"


@pytest.mark.parametrize("key,expected_start", [("given-key", "given-key"),
                                                ("", "IRN|ISR,USA|")])
def test_claim_group_key_prefers_the_stage_key(key: str, expected_start: str) -> None:
    got = claim_group_key("IRN", ["USA", "ISR"], "The strike was illegal!", key)
    assert got.startswith(expected_start)


@pytest.mark.parametrize("table", list(ARROW_SCHEMAS))
def test_spark_ddl_names_every_column_in_order(table: str) -> None:
    names = [part.strip().split(" ")[0].strip("`") for part in spark_ddl(table).split(", ")]
    assert names == column_names(table) == ARROW_SCHEMAS[table].names
