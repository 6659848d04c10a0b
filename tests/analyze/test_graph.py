"""The signed graph: edge sign, weight and attributes; window; exports."""
from __future__ import annotations

import io
import json

import networkx as nx
import pytest
from analyze_helpers import event_row, frame_of

from amity.analyze import graph_to_text, signed_graph

FRAME = frame_of(
    event_row("USA", "AID", "SAU", date="2020-03-01"),
    event_row("SAU", "ASSAULT", "houthis", date="2020-04-01"),
    event_row("USA", "SANCTION", "houthis", date="2021-01-11"),
    event_row("USA", "ACCUSE", "SAU", date="2021-02-01"),
    event_row("IRN", "AID", "houthis", date="2021-02-01", asserted_by="USA"),
)


def test_edges_carry_sign_weight_scores_counts_and_evidence() -> None:
    graph = signed_graph(FRAME)
    edge = graph.edges["USA", "SAU"]
    assert edge["sign"] == 1
    assert edge["weight"] == pytest.approx(2 * 10 - 3)
    assert (edge["coop_material"], edge["conflict_verbal"]) == (20.0, 3.0)
    assert (edge["n_material_cooperation"], edge["n_verbal_conflict"]) == (1, 1)
    assert [e["type"] for e in edge["evidence"]] == ["AID", "ACCUSE"]
    assert graph.nodes["SAU"]["name"] == "Saudi Arabia"
    assert graph.edges["SAU", "houthis"]["sign"] == -1


@pytest.mark.parametrize(("include_claims", "has_iran"), [(False, False), (True, True)])
def test_claimed_events_enter_the_graph_only_on_request(include_claims: bool,
                                                        has_iran: bool) -> None:
    assert ("IRN" in signed_graph(FRAME, include_claims=include_claims)) is has_iran


@pytest.mark.parametrize(("since", "until", "edges"), [
    ("2021-01-01", None, {("USA", "houthis"), ("USA", "SAU")}),
    (None, "2020-12-31", {("USA", "SAU"), ("SAU", "houthis")}),
])
def test_window_bounds_the_events(since: str | None, until: str | None,
                                  edges: set[tuple[str, str]]) -> None:
    graph = signed_graph(FRAME, since=since, until=until)
    assert {tuple(sorted(e)) for e in graph.edges} == {tuple(sorted(e)) for e in edges}


def test_window_sign_follows_the_period() -> None:
    assert signed_graph(FRAME, since="2021-01-01").edges["USA", "SAU"]["sign"] == -1


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_exports_read_back_with_lists_as_json_strings(fmt: str) -> None:
    text = graph_to_text(signed_graph(FRAME), fmt)
    if fmt == "json":
        back = nx.node_link_graph(json.loads(text), edges="links")
        evidence = back.edges["USA", "SAU"]["evidence"]
    else:
        reader = nx.read_graphml if fmt == "graphml" else nx.read_gexf
        back = reader(io.BytesIO(text.encode("utf-8")))
        evidence = json.loads(back.edges["USA", "SAU"]["evidence"])
        assert int(back.edges["USA", "SAU"]["sign"]) == 1
    assert evidence[0]["sentence"] == "United States aid Saudi Arabia."
    assert back.number_of_edges() == 3
