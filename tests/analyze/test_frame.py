"""The store adapter: the events frame and the disputed claims, read from a real store."""
from __future__ import annotations

from pathlib import Path

import pytest

from amity.analyze import disputed_claims_frame, events_frame
from amity.analyze.frame import EVENT_COLUMNS
from amity.store import open_store


@pytest.fixture
def store(seedlike_db: Path):  # type: ignore[no-untyped-def]
    s = open_store(seedlike_db, read_only=True)
    yield s
    s.close()


def test_frame_has_every_column_with_names_and_rollups(store) -> None:  # type: ignore[no-untyped-def]
    frame = events_frame(store, claims=True)
    assert set(EVENT_COLUMNS) <= set(frame.columns)
    kerry = frame[frame["source"] == "john-kerry"].iloc[0]
    assert (kerry["source_name"], kerry["source_rollup"], kerry["source_rollup_name"]) == (
        "John Kerry", "USA", "United States")
    assert kerry["evidence"] == "Kerry said Iran backs the Syrian regime."
    assert str(kerry["date"])[:10] == "2014-09-20"


@pytest.mark.parametrize(("claims", "n"), [(False, 7), (True, 8)])
def test_frame_keeps_claims_only_when_asked(store, claims: bool, n: int) -> None:  # type: ignore[no-untyped-def]
    frame = events_frame(store, claims=claims)
    assert len(frame) == n
    assert frame["asserted_by"].notna().sum() == (1 if claims else 0)


@pytest.mark.parametrize(("since", "until", "docs"), [
    ("2020-01-01", None, {"gulf"}), (None, "2015-12-31", {"iraq"}),
    ("2014-09-20", "2021-01-12", {"gulf", "iraq"}),
])
def test_frame_window_bounds_the_day(store, since, until, docs) -> None:  # type: ignore[no-untyped-def]
    assert set(events_frame(store, since=since, until=until)["doc_id"]) == docs


def test_frame_at_a_level_drops_self_relations(make_store) -> None:  # type: ignore[no-untyped-def]
    from analyze_helpers import document_of

    db = make_store([document_of("self", "2014-01-01", [
        ("john-kerry", "SUPPORT", "USA", "Kerry praised the American people."),
        ("john-kerry", "ACCUSE", "IRN", "Kerry blamed Iran.")])])
    with open_store(db, read_only=True) as s:
        assert len(events_frame(s, level="actor")) == 2
        assert list(events_frame(s, level="rollup")["type"]) == ["ACCUSE"]


def test_disputed_claims_list_who_disputes(store) -> None:  # type: ignore[no-untyped-def]
    claims = disputed_claims_frame(store)
    top = claims.iloc[0]
    assert (top["claimant"], top["disputed"]) == ("John Kerry", 1)
    assert top["disputed_by"] == ["Ali Khamenei"]
    assert top["dispute_evidence"] == ["Khamenei called the charge a lie."]
