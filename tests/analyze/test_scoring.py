"""Which events count toward a relation, at which level, and how much they weigh."""
from __future__ import annotations

import pytest
from analyze_helpers import event_row, frame_of

from amity.analyze import pair_table


def _pair(frame, level="rollup", **kw):  # type: ignore[no-untyped-def]
    table = pair_table(frame, level, **kw)
    assert len(table) == 1
    return table.iloc[0]


@pytest.mark.parametrize(("deed", "words", "sign"), [
    # Equal |score|: the deed counts double, so it decides the relation.
    ("SANCTION", "SUPPORT", -1),
    ("AID", "ACCUSE", 1),
])
def test_material_acts_outweigh_words_of_the_other_colour(deed: str, words: str,
                                                          sign: int) -> None:
    frame = frame_of(event_row("USA", deed, "IRN", intensity=-5.0 if sign < 0 else 5.0),
                     event_row("USA", words, "IRN", intensity=5.0 if sign < 0 else -5.0))
    rel = _pair(frame)
    assert rel["sign"] == sign
    assert rel["weight"] == pytest.approx(5.0)


@pytest.mark.parametrize("flag", ["negated", "hypothetical"])
def test_negated_and_hypothetical_events_never_count(flag: str) -> None:
    frame = frame_of(event_row("USA", "ACCUSE", "IRN"),
                     event_row("USA", "ASSAULT", "IRN", **{flag: True}))
    rel = _pair(frame)
    assert rel["n_material_conflict"] == 0
    assert rel["n_events"] == 1


@pytest.mark.parametrize(("include_claims", "n_events"), [(False, 1), (True, 2)])
def test_claims_count_only_when_asked_for(include_claims: bool, n_events: int) -> None:
    frame = frame_of(event_row("USA", "ACCUSE", "IRN"),
                     event_row("IRN", "AID", "USA", asserted_by="john-kerry"))
    assert _pair(frame, include_claims=include_claims)["n_events"] == n_events


@pytest.mark.parametrize(("level", "pair"), [("rollup", ("IRN", "USA")),
                                             ("actor", ("IRN", "john-kerry"))])
def test_officials_roll_up_to_their_state_at_rollup_level(level: str,
                                                          pair: tuple[str, str]) -> None:
    frame = frame_of(event_row("john-kerry", "ACCUSE", "IRN"),
                     # An official acting on his own state is no relation between two actors.
                     event_row("john-kerry", "SUPPORT", "USA"))
    table = pair_table(frame, level)
    if level == "rollup":
        assert len(table) == 1
    assert tuple(table.iloc[0][["a", "b"]]) == pair


@pytest.mark.parametrize("intensity", [0.0, None])
def test_zero_scored_event_still_counts_as_a_small_event(intensity: float | None) -> None:
    rel = _pair(frame_of(event_row("USA", "REQUEST", "IRN", intensity=intensity)))
    assert rel["verbal_conflict"] == pytest.approx(1.0)
    assert rel["sign"] == -1


def test_every_quad_of_a_busy_pair_keeps_its_evidence() -> None:
    many = [event_row("USA", "ASSAULT", "IRN", evidence=f"Strike {i}.") for i in range(30)]
    rel = _pair(frame_of(*many, event_row("USA", "CONSULT", "IRN", evidence="Talks.")))
    quads = [e["quad"] for e in rel["evidence"]]
    assert quads.count("material_conflict") == 5
    assert "verbal_cooperation" in quads
