"""Structural balance: every signed triad by kind, the unbalanced ones first."""
from __future__ import annotations

import pytest
from analyze_helpers import event_row, frame_of

from amity.analyze import balance, signed_graph

POS, NEG = "AID", "ASSAULT"


@pytest.mark.parametrize(("ab", "bc", "ac", "kind", "balanced"), [
    (POS, POS, POS, "+++", True),
    (POS, NEG, NEG, "+--", True),
    (POS, POS, NEG, "++-", False),
    (NEG, NEG, NEG, "---", False),
])
def test_triads_are_classified_by_their_signs(ab: str, bc: str, ac: str, kind: str,
                                              balanced: bool) -> None:
    frame = frame_of(event_row("USA", ab, "SAU"), event_row("SAU", bc, "houthis"),
                     event_row("USA", ac, "houthis"))
    (triad,) = balance(signed_graph(frame))
    assert (triad["kind"], triad["balanced"]) == (kind, balanced)
    assert sorted(triad["actors"]) == ["Houthis", "Saudi Arabia", "United States"]
    assert all(edge["evidence"][0]["sentence"] for edge in triad["edges"])


def test_unbalanced_triads_come_first_and_say_my_partner_aids_my_enemy() -> None:
    frame = frame_of(
        # balanced: the US and Saudi Arabia against the Houthis
        event_row("USA", "AID", "SAU"), event_row("SAU", "ASSAULT", "houthis"),
        event_row("USA", "SANCTION", "houthis"),
        # unbalanced: France aids both Russia and Ukraine, which fight each other
        event_row("FRA", "AID", "RUS"), event_row("FRA", "AID", "UKR"),
        event_row("RUS", "ASSAULT", "UKR"),
    )
    triads = balance(signed_graph(frame))
    assert [t["balanced"] for t in triads] == [False, True]
    assert triads[0]["kind"] == "++-"
    assert "France is a partner of both" in triads[0]["explanation"]
    assert "my partner aids my enemy" in triads[0]["explanation"]


def test_open_triangle_is_no_triad() -> None:
    frame = frame_of(event_row("USA", "AID", "SAU"), event_row("SAU", "ASSAULT", "houthis"))
    assert balance(signed_graph(frame)) == []


def test_even_edge_leaves_the_triad_out() -> None:
    frame = frame_of(event_row("USA", "AID", "SAU"), event_row("SAU", "ASSAULT", "houthis"),
                     event_row("USA", "SUPPORT", "houthis"),
                     event_row("USA", "ACCUSE", "houthis", intensity=-5.0))
    assert balance(signed_graph(frame)) == []


@pytest.mark.parametrize(("limit", "balanced", "kinds"), [
    (None, None, ["++-", "+--"]), (1, None, ["++-"]), (None, True, ["+--"]),
    (None, False, ["++-"]),
])
def test_balance_limits_and_filters_triads(limit: int | None, balanced: bool | None,
                                           kinds: list[str]) -> None:
    from amity.analyze.balance import triad_census

    frame = frame_of(event_row("USA", "AID", "SAU"), event_row("SAU", "ASSAULT", "houthis"),
                     event_row("USA", "SANCTION", "houthis"), event_row("FRA", "AID", "RUS"),
                     event_row("FRA", "AID", "UKR"), event_row("RUS", "ASSAULT", "UKR"))
    graph = signed_graph(frame)
    assert [t["kind"] for t in balance(graph, limit, balanced=balanced)] == kinds
    assert triad_census(graph) == {"+++": 0, "+--": 1, "++-": 1, "---": 0}
