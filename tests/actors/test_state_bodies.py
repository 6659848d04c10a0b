"""State bodies on our own sentences: generic forces name the state, a named military its body."""
from __future__ import annotations

from datetime import date

import pytest

from amity.actors import ActorTable, find_actors

pytestmark = pytest.mark.slow


def actors_of(nlp, text: str) -> ActorTable:  # type: ignore[no-untyped-def]
    return find_actors(nlp(text), date(2021, 3, 1))


def mentioned(table: ActorTable, text: str) -> str | None:
    return next((m.actor_id for m in table.mentions if m.text == text), None)


@pytest.mark.parametrize(("text", "mention", "state"), [
    ("Four Turkish soldiers were wounded near the border.", "Turkish soldiers", "TUR"),
    ("Ukrainian troops recaptured the village on Monday.", "Ukrainian troops", "UKR"),
    ("Iranian authorities detained the reporter in March.", "Iranian authorities", "IRN"),
    ("U.S. forces left the base before dawn.", "U.S. forces", "USA"),
])
def test_generic_forces_and_authorities_are_the_state(nlp, text: str, mention: str,  # type: ignore[no-untyped-def]
                                                      state: str) -> None:
    table = actors_of(nlp, text)
    assert mentioned(table, mention) == state


def test_troops_of_a_state_whose_military_is_named_are_that_military(nlp) -> None:  # type: ignore[no-untyped-def]
    table = actors_of(nlp, "Israel's military said it hit a depot. Israeli troops later "
                           "pulled back from the ridge.")
    assert mentioned(table, "Israeli troops") == "isr-idf"


@pytest.mark.parametrize(("text", "mention", "state", "body"), [
    ("Israeli military strikes hit the port overnight.", "Israeli", "ISR", "isr-idf"),
    ("Congress approved new U.S. military aid on Friday.", "U.S.", "USA", "usa-military"),
])
def test_military_as_an_adjective_names_the_state(nlp, text: str, mention: str,  # type: ignore[no-untyped-def]
                                                  state: str, body: str) -> None:
    table = actors_of(nlp, text)
    assert mentioned(table, mention) == state
    assert body not in table.actors


def test_the_military_as_a_noun_is_still_the_body(nlp) -> None:  # type: ignore[no-untyped-def]
    table = actors_of(nlp, "The Israeli military said on Sunday it had closed the crossing.")
    assert mentioned(table, "Israeli military") == "isr-idf"


@pytest.mark.parametrize(("text", "first", "second"), [
    ("The U.S.-China talks resumed in Geneva.", ("U.S.", "USA"), ("China", "CHN")),
    ("Pyongyang condemned the U.S.-South Korea drills.", ("U.S.", "USA"),
     ("South Korea", "KOR")),
])
def test_one_token_naming_two_states_mentions_both(nlp, text: str, first: tuple[str, str],  # type: ignore[no-untyped-def]
                                                   second: tuple[str, str]) -> None:
    table = actors_of(nlp, text)
    assert mentioned(table, first[0]) == first[1]
    assert mentioned(table, second[0]) == second[1]
