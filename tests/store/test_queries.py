"""Queries from Python and the CLI: actor matching levels, dates, the ledger, formats."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from store_records import make_document, store_documents

from amity.cli import main
from amity.ingest import Failure
from amity.record import Document
from amity.store import Store, open_store
from amity.store.errors import UnknownActor
from amity.store.ingest import store_outcomes


@pytest.fixture
def db_path(tmp_path: Path, documents: list[Document]) -> Path:
    """A database file holding `documents` and one failure, closed for the CLI to open."""
    path = tmp_path / "corpus.duckdb"
    with open_store(path) as store:
        store_outcomes(lambda known: [*documents, Failure("bad.txt", "empty file")], store)
    return path


@pytest.mark.parametrize("text", ["Iran", "iran", "IRN", "Iran alias", "Araghchi"])
def test_actor_arguments_resolve_by_name_alias_id_or_surname(filled: Store, text: str) -> None:
    expected = "abbas-araghchi" if text == "Araghchi" else "IRN"
    assert filled.resolve(text).id == expected


def test_unknown_actor_suggests_close_names(filled: Store) -> None:
    with pytest.raises(UnknownActor, match=r"did you mean: Israel \(ISR\)"):
        filled.resolve("Israell")


@pytest.mark.parametrize("exact,expected_sources", [(False, {"IRN", "abbas-araghchi"}),
                                                    (True, {"IRN"})])
def test_a_state_covers_the_actors_that_roll_up_to_it(filled: Store, exact: bool,
                                                      expected_sources: set[str]) -> None:
    got = filled.events(source="Iran", exact=exact, limit=None)
    assert set(got["source"]) == expected_sources


def test_a_person_matches_only_that_person(filled: Store) -> None:
    assert set(filled.events(source="Abbas Araghchi", limit=None)["source"]) == {
        "abbas-araghchi"}


@pytest.mark.parametrize("include_negated,events_per_doc", [(False, 2), (True, 3)])
def test_relations_leave_out_negated_and_hypothetical_by_default(
        filled: Store, documents: list[Document], include_negated: bool,
        events_per_doc: int) -> None:
    rel = filled.relations("Iran", "Israel", by="year", include_negated=include_negated)
    assert rel["period"].tolist() == ["2024"]
    assert rel["events"].iloc[0] == events_per_doc * len(documents)
    assert rel["facts"].iloc[0] + rel["claims"].iloc[0] == rel["events"].iloc[0]
    assert "accused Israel" in rel["top_evidence"].iloc[0][0]


def test_relations_by_month_split_periods_and_respect_dates(filled: Store) -> None:
    by_month = filled.relations("Iran", "Israel", by="month")
    assert by_month["period"].tolist() == ["2024-01", "2024-02", "2024-03"]
    only_feb = filled.relations("Iran", "Israel", since="2024-02", until="2024-02")
    assert only_feb["period"].tolist() == ["2024-02"]


@pytest.mark.parametrize("kwargs,expected", [
    ({"type": "ACCUSE"}, 6), ({"type": "material_conflict"}, 12), ({"facts_only": True}, 12),
    ({"since": "2024-03"}, 8), ({"until": "2024-01-31"}, 8), ({"target": "Israel"}, 12)])
def test_event_filters(filled: Store, kwargs: dict[str, object], expected: int) -> None:
    assert len(filled.events(limit=None, **kwargs)) == expected  # type: ignore[arg-type]


def test_claim_ledger_groups_a_claim_across_documents(filled: Store,
                                                      documents: list[Document]) -> None:
    ledger = filled.claims()
    assert len(ledger) == 1
    row = ledger.iloc[0]
    assert list(row["claimants"]) == ["Abbas Araghchi"]
    assert list(row["disputers"]) == ["Israel"] and list(row["supporters"]) == []
    assert row["documents"] == len(documents)
    assert str(row["first_seen"])[:10] == "2024-01-01"
    assert str(row["last_seen"])[:10] == "2024-03-06"


@pytest.mark.parametrize("kwargs,expected", [({"about": "Israel"}, 1), ({"about": "USA"}, 0),
                                             ({"claimant": "Iran"}, 1),
                                             ({"claimant": "Iran", "exact": True}, 0)])
def test_claim_ledger_filters(filled: Store, kwargs: dict[str, object], expected: int) -> None:
    assert len(filled.claims(**kwargs)) == expected  # type: ignore[arg-type]


def test_actor_profile_lists_members_partners_and_roles(filled: Store) -> None:
    iran = filled.actor("Iran")
    assert (iran.id, iran.level, iran.kinds) == ("IRN", "rollup", ["state"])
    assert iran.members["id"].tolist() == ["abbas-araghchi"]
    assert iran.partners["partner"].tolist() == ["ISR", "USA"]
    minister = filled.actor("Abbas Araghchi")
    assert minister.roles["role"].tolist() == ["Foreign Minister"]


def test_stats_count_what_is_stored(filled: Store, documents: list[Document]) -> None:
    stats = dict(filled.stats().values.tolist())
    assert (stats["documents"], stats["events"], stats["actors"]) == (len(documents),
                                                                      4 * len(documents), 4)


QUERIES = [["stats"], ["actor", "Iran"], ["relations", "Iran", "Israel"],
           ["relations", "Iran", "Israel", "--by", "year", "--since", "2024"],
           ["events", "--source", "Iran", "--facts-only"], ["events", "--type", "ACCUSE"],
           ["claims"], ["claims", "--about", "Israel"], ["failures"]]


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
@pytest.mark.parametrize("args", QUERIES, ids=[" ".join(q) for q in QUERIES])
def test_every_query_command_writes_every_format(db_path: Path, args: list[str],
                                                 fmt: str) -> None:
    result = CliRunner().invoke(main, [*args, "--db", str(db_path), "--format", fmt])
    assert result.exit_code == 0, result.output
    out = result.output
    if fmt == "json":
        data = json.loads(out)
        assert data and (isinstance(data, dict) or isinstance(data[0], dict))
    elif fmt == "csv":
        block = out.split("\n\n")[0].lstrip("# actor\n") if args[0] == "actor" else out
        rows = list(csv.reader(io.StringIO(block)))
        assert len(rows) >= 2 and len({len(r) for r in rows if r}) == 1
    else:
        assert "Traceback" not in out and len(out.splitlines()) >= 2


def test_query_of_a_missing_database_says_how_to_create_it(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["stats", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
    assert "amity ingest" in result.output


@pytest.mark.parametrize("args,message", [
    (["events", "--since", "2024-13"], "cannot read the date"),
    (["events", "--type", "HUG"], "unknown event type"),
    (["actor", "Atlantis"], "no actor in the store matches 'Atlantis'")])
def test_bad_query_arguments_give_one_line(db_path: Path, args: list[str],
                                           message: str) -> None:
    result = CliRunner().invoke(main, [*args, "--db", str(db_path)])
    assert result.exit_code == 2 and message in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_store_documents_helper_counts(store: Store) -> None:
    assert store_documents(store, [make_document(9)]).new == 1


def test_claims_of_undated_documents_keep_their_text(store: Store) -> None:
    store_documents(store, [make_document(1, published=None)])  # type: ignore[arg-type]
    ledger = store.claims()
    assert ledger["text"].tolist() == ["Israel carried out an attack"]
    assert ledger["first_seen"].isna().all()
