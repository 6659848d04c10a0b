"""Tacit alliances: words against deeds, and a shared enemy while hostile or silent."""
from __future__ import annotations

import pytest
from analyze_helpers import event_row, frame_of

from amity.analyze import alliances


def _pairs(found: list[dict]) -> list[tuple[str, ...]]:  # type: ignore[type-arg]
    return [tuple(item["actors"]) for item in found]


def test_hostile_words_and_cooperative_deeds_make_a_tacit_alliance() -> None:
    frame = frame_of(event_row("ali-khamenei", "ACCUSE", "USA"),
                     event_row("USA", "REJECT", "IRN"),
                     event_row("USA", "COOPERATE", "IRN"))
    (item,) = alliances(frame)
    assert item["actors"] == ["Iran", "United States"]
    assert item["reasons"] == ["words_vs_deeds"]
    assert item["reason"] == "hostile in words, cooperating in deeds"
    assert item["shared_enemies"] == []
    assert {(e["about"], e["type"]) for e in item["evidence"]} == {
        ("hostile words", "ACCUSE"), ("hostile words", "REJECT"),
        ("cooperative deeds", "COOPERATE")}


@pytest.mark.parametrize(("between", "stance"), [
    ([event_row("IRN", "REJECT", "USA"), event_row("USA", "ACCUSE", "IRN")], "hostile"),
    ([], "silent"),
    # working together without a word said is silence too
    ([event_row("USA", "COOPERATE", "IRN")], "silent"),
])
def test_a_shared_enemy_while_hostile_or_silent_makes_a_tacit_alliance(
        between: list[dict], stance: str) -> None:  # type: ignore[type-arg]
    frame = frame_of(event_row("USA", "ASSAULT", "ISIS", doc_id="d-us"),
                     event_row("IRN", "ASSAULT", "ISIS", doc_id="d-ir"), *between)
    found = alliances(frame)
    us_iran = [i for i in found if i["actors"] == ["Iran", "United States"]]
    assert len(us_iran) == 1
    item = us_iran[0]
    assert "shared_enemy" in item["reasons"]
    assert item["shared_enemies"] == ["Islamic State"]
    assert f"while {stance} toward each other" in item["reason"]
    against = [e for e in item["evidence"] if e["about"] == "against Islamic State"]
    assert {e["doc_id"] for e in against} == {"d-us", "d-ir"}


@pytest.mark.parametrize("between", [
    [event_row("USA", "AGREE", "IRN")],  # open allies, not tacit ones
    [event_row("USA", "SUPPORT", "IRN"), event_row("IRN", "CONSULT", "USA")],
])
def test_overt_allies_against_a_shared_enemy_are_not_tacit(between: list[dict]  # type: ignore[type-arg]
                                                           ) -> None:
    frame = frame_of(event_row("USA", "ASSAULT", "ISIS"), event_row("IRN", "ASSAULT", "ISIS"),
                     *between)
    assert alliances(frame) == []


@pytest.mark.parametrize("rows", [
    # words only against the third actor: no enemy fought in deeds
    [event_row("USA", "ACCUSE", "ISIS"), event_row("IRN", "ACCUSE", "ISIS")],
    # only one of the two fights the third
    [event_row("USA", "ASSAULT", "ISIS"), event_row("IRN", "ACCUSE", "ISIS")],
    # hostile in words and in deeds: plain enemies
    [event_row("USA", "ACCUSE", "IRN"), event_row("USA", "SANCTION", "IRN")],
    # a claimed attack is not counted unless asked for
    [event_row("USA", "ASSAULT", "ISIS"),
     event_row("IRN", "ASSAULT", "ISIS", asserted_by="john-kerry")],
])
def test_no_tacit_alliance_without_the_pattern(rows: list[dict]) -> None:  # type: ignore[type-arg]
    assert alliances(frame_of(*rows)) == []


def test_claims_enter_alliances_on_request() -> None:
    frame = frame_of(event_row("USA", "ASSAULT", "ISIS"),
                     event_row("IRN", "ASSAULT", "ISIS", asserted_by="john-kerry"))
    assert _pairs(alliances(frame, include_claims=True)) == [("Iran", "United States")]


def test_pairs_meeting_both_rules_rank_first() -> None:
    frame = frame_of(
        event_row("USA", "ASSAULT", "ISIS"), event_row("IRN", "ASSAULT", "ISIS"),
        event_row("TUR", "ASSAULT", "ISIS"),
        event_row("IRN", "ACCUSE", "USA"), event_row("USA", "COOPERATE", "IRN"),
        event_row("TUR", "ACCUSE", "IRN"),
    )
    found = alliances(frame)
    assert _pairs(found)[0] == ("Iran", "United States")
    assert found[0]["reasons"] == ["words_vs_deeds", "shared_enemy"]
    assert ("Turkey", "United States") in _pairs(found)  # silent, same enemy
    assert ("Iran", "Turkey") in _pairs(found)  # hostile, same enemy
