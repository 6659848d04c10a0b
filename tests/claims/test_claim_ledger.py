"""Claims, their keys and events, and who disputes or backs them (loads spaCy)."""
from __future__ import annotations

from collections.abc import Callable

import pytest

from amity.actors.table import ActorTable
from amity.claims import find_claims
from amity.quotes import find_quotes
from amity.record import QUAD_OF_TYPE, Claim, Event, Evidence

pytestmark = pytest.mark.slow

CAST = {
    "Mike Pompeo": ("mike-pompeo", "person", "USA"),
    "Pompeo": ("mike-pompeo", "person", "USA"),
    "Iran": ("IRN", "state", "IRN"),
    "al-Qaida": ("al-qaeda", "armed_group", "al-qaeda"),
    "Javad Zarif": ("javad-zarif", "person", "IRN"),
    "Nelly Lahoud": ("nelly-lahoud", "person", "new-america"),
    "Lahoud": ("nelly-lahoud", "person", "new-america"),
    "Colin P. Clarke": ("colin-p-clarke", "person", "soufan-group"),
    "Hamas": ("hamas", "armed_group", "hamas"),
    "Israel": ("ISR", "state", "ISR"),
    "Israeli": ("ISR", "state", "ISR"),
    "Hezbollah": ("hezbollah", "armed_group", "hezbollah"),
    "Houthis": ("houthis", "armed_group", "houthis"),
    "U.S.": ("USA", "state", "USA"),
    "China": ("CHN", "state", "CHN"),
    "Nancy Pelosi": ("nancy-pelosi", "person", "USA"),
    "Pelosi": ("nancy-pelosi", "person", "USA"),
    "Taiwan": ("TWN", "state", "TWN"),
    "Brett McGurk": ("brett-mcgurk", "person", "USA"),
    "Amy Austin Holmes": ("amy-austin-holmes", "person", "wilson-center"),
    "Turkey": ("TUR", "state", "TUR"),
}


@pytest.fixture
def claims_of(nlp, make_table: Callable[..., ActorTable]):  # type: ignore[no-untyped-def]
    def run(text: str, events: list[Event] | None = None) -> list[Claim]:
        doc = nlp(text)
        table = make_table(text, CAST)
        return find_claims(doc, table, find_quotes(doc, table), events or [])
    return run


def by(claims: list[Claim], claimant: str) -> Claim:
    found = [c for c in claims if c.claimant == claimant]
    assert found, [(c.claimant, c.text) for c in claims]
    return found[0]


def event(text: str, sentence: str, source: str, target: str, type_: str,
          asserted_by: str | None = None) -> Event:
    start = text.index(sentence)
    return Event(source=source, target=target, type=type_, quad=QUAD_OF_TYPE[type_],
                 intensity=0.0, evidence=Evidence(start, start + len(sentence), sentence),
                 asserted_by=asserted_by)


# -- claims -------------------------------------------------------------------------------
def test_accusation_is_a_claim_with_claimant_actors_and_key(claims_of) -> None:  # type: ignore[no-untyped-def]
    text = "Mike Pompeo accused Iran of acting as al-Qaida’s “new home base” on Tuesday."
    claim = by(claims_of(text), "mike-pompeo")
    assert sorted(claim.about) == ["IRN", "al-qaeda"]
    assert claim.key == "mike-pompeo|IRN,al-qaeda|accuse"
    assert "new home base" in claim.text and text[claim.start:claim.end] == claim.text


def test_claim_links_the_events_it_asserts_and_the_claimants_accusation(claims_of) -> None:  # type: ignore[no-untyped-def]
    first = "Mike Pompeo claimed that Iran gives al-Qaida logistical support."
    text = first + " Iran and Turkey held talks on Monday."
    events = [
        event(text, "Iran and Turkey held talks on Monday.", "IRN", "TUR", "CONSULT"),
        event(text, first, "IRN", "al-qaeda", "AID", asserted_by="mike-pompeo"),
        event(text, first, "mike-pompeo", "IRN", "ACCUSE"),
    ]
    claim = by(claims_of(text, events), "mike-pompeo")
    assert claim.events == [1, 2]


def test_unnamed_officials_claim_for_their_side(claims_of) -> None:  # type: ignore[no-untyped-def]
    text = "Israeli officials charged that Hamas had backed away from a softened stance."
    claim = by(claims_of(text), "ISR")
    assert claim.about == ["hamas"]


def test_a_remark_naming_no_one_else_is_not_a_claim(claims_of) -> None:  # type: ignore[no-untyped-def]
    text = "“We will look at it carefully,” Javad Zarif said."
    assert claims_of(text) == []


# -- disputes -------------------------------------------------------------------------------
CLAIM = "Mike Pompeo claimed on Tuesday that Iran is helping al-Qaida. "


@pytest.mark.parametrize("rebuttal,disputer", [
    ("Iranian foreign minister Javad Zarif called Pompeo’s speech “warmongering lies” in a "
     "Twitter post.", "javad-zarif"),
    ("Javad Zarif rejected the claim on Wednesday.", "javad-zarif"),
    ("Javad Zarif denied that Iran had any ties to the group.", "javad-zarif"),
    ("But Nelly Lahoud, who studied the same documents, found just the opposite.",
     "nelly-lahoud"),
    ("Experts were skeptical.\n\n“I would be very surprised if Iran is working with al-Qaida,” "
     "Nelly Lahoud said.", "nelly-lahoud"),
    ("“To call Iran a home base of al-Qaida doesn't seem accurate to me,” Colin P. Clarke "
     "said.", "colin-p-clarke"),
])
def test_ways_of_disputing_a_claim(claims_of, rebuttal: str, disputer: str) -> None:  # type: ignore[no-untyped-def]
    claim = by(claims_of(CLAIM + rebuttal), "mike-pompeo")
    assert disputer in [s.actor for s in claim.disputed_by]
    assert all(s.evidence for s in claim.disputed_by)


def test_officials_pushing_back_dispute_for_their_side(claims_of) -> None:  # type: ignore[no-untyped-def]
    text = ("The Houthis said they had hit two U.S. destroyers in the Gulf of Aden. "
            "U.S. officials pushed back on the claims on Thursday.")
    claim = by(claims_of(text), "houthis")
    assert [s.actor for s in claim.disputed_by] == ["USA"]


def test_the_accused_denying_disputes_the_claim(claims_of) -> None:  # type: ignore[no-untyped-def]
    text = ("Israel said Hezbollah stored weapons beneath civilian buildings. "
            "Hezbollah denied that its weapons were stored there.")
    assert [s.actor for s in by(claims_of(text), "ISR").disputed_by] == ["hezbollah"]


def test_the_accused_answering_with_a_denial_disputes_the_claim(claims_of) -> None:  # type: ignore[no-untyped-def]
    text = ("China accused Nancy Pelosi of “playing with fire” over her visit. "
            "Pelosi said her visit to Taiwan did not contradict U.S. policy.")
    assert "nancy-pelosi" in [s.actor for s in by(claims_of(text), "CHN").disputed_by]


def test_counter_accusations_dispute_each_other(claims_of) -> None:  # type: ignore[no-untyped-def]
    text = ("Israel accused Hamas of lying about the negotiations. "
            "Hamas accused Israel of making new demands in the talks.")
    claims = claims_of(text)
    assert [s.actor for s in by(claims, "ISR").disputed_by] == ["hamas"]
    assert [s.actor for s in by(claims, "hamas").disputed_by] == ["ISR"]


def test_a_neutral_statement_does_not_dispute(claims_of) -> None:  # type: ignore[no-untyped-def]
    text = CLAIM + "Javad Zarif said Iran would attend talks in Oman next week."
    assert by(claims_of(text), "mike-pompeo").disputed_by == []


# -- support ------------------------------------------------------------------------------
@pytest.mark.parametrize("backing", [
    "Nelly Lahoud agreed, saying Iran had long sheltered al-Qaida.",
    "Nelly Lahoud confirmed the claim on Wednesday.",
    "Nelly Lahoud echoed the charge against Iran.",
    "Nelly Lahoud supported the claim in an interview.",
])
def test_ways_of_backing_a_claim(claims_of, backing: str) -> None:  # type: ignore[no-untyped-def]
    claim = by(claims_of(CLAIM + backing), "mike-pompeo")
    assert [s.actor for s in claim.supported_by] == ["nelly-lahoud"]
    assert claim.disputed_by == []


@pytest.mark.parametrize("text", [
    # The writer's word, not the voice of the sentence's subject.
    CLAIM + "Javad Zarif floats a dubious theory about al-Qaida.",
    # A refusal, not a rebuttal; and a passive "denied an invitation".
    CLAIM + "Javad Zarif rejected U.S. overtures on al-Qaida.",
    CLAIM + "Iran was snubbed and denied an invitation to the talks on al-Qaida.",
    # Neither confirmed nor denied.
    CLAIM + "Javad Zarif has not confirmed or denied the claim.",
])
def test_what_is_not_a_dispute(claims_of, text: str) -> None:  # type: ignore[no-untyped-def]
    assert by(claims_of(text), "mike-pompeo").disputed_by == []


def test_agreeing_to_something_is_not_backing_a_claim(claims_of) -> None:  # type: ignore[no-untyped-def]
    text = CLAIM + "Analysts would like to see Nelly Lahoud agree to a debate on al-Qaida."
    assert by(claims_of(text), "mike-pompeo").supported_by == []


def test_a_flat_contradiction_right_after_the_claim_disputes_it(claims_of) -> None:  # type: ignore[no-untyped-def]
    text = ("The Houthis said the Israeli tanker had been hit by two missiles. "
            "Israel said the tanker had not been hit and its crew were safe.")
    assert [s.actor for s in by(claims_of(text), "houthis").disputed_by] == ["ISR"]


def test_a_side_is_taken_only_from_officials_not_from_bystanders(claims_of) -> None:  # type: ignore[no-untyped-def]
    text = ("A source inside the camp, an Israeli resident, said that Hamas had left the area "
            "on Monday.")
    assert claims_of(text) == []
