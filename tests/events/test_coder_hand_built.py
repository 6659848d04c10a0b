"""The coder on hand-built actor tables and quotes: independent of the actors stage."""
from __future__ import annotations

import pytest

from amity.actors.table import ActorMention, ActorTable
from amity.events import code_events
from amity.record import Actor, Quote

pytestmark = pytest.mark.slow

STATES = {"Russia": "RUS", "Ukraine": "UKR", "Kyiv": "UKR", "Iran": "IRN", "Hamas": "hamas",
          "Israel": "ISR", "NATO": "NATO"}


def table_for(text: str, people: dict[str, str] | None = None) -> ActorTable:
    """Actors for every known name in `text` (people: name → the state they act for)."""
    actors: dict[str, Actor] = {}
    mentions = []
    for name, aid in STATES.items():
        start = text.find(name)
        while start >= 0:
            kind = "armed_group" if aid == "hamas" else "igo" if aid == "NATO" else "state"
            actors.setdefault(aid, Actor(id=aid, name=name, kind=kind, rollup=aid))
            mentions.append(ActorMention(start, start + len(name), name, aid, "name"))
            start = text.find(name, start + 1)
    for name, state in (people or {}).items():
        start = text.find(name)
        if start >= 0:
            aid = name.lower().replace(" ", "-")
            actors[aid] = Actor(id=aid, name=name, kind="person", rollup=state)
            mentions.append(ActorMention(start, start + len(name), name, aid, "name"))
    return ActorTable(actors.values(), mentions)


def test_metonym_capital_is_coded_as_its_actor(nlp):  # type: ignore[no-untyped-def]
    text = "Russia accused Kyiv of sabotage."
    events = code_events(nlp(text), table_for(text), [], None)
    assert [(e.source, e.type, e.target) for e in events] == [("RUS", "ACCUSE", "UKR")]


def test_event_inside_a_quote_carries_its_speaker(nlp):  # type: ignore[no-untyped-def]
    text = 'Sergei Lavrov said: "Ukraine attacked Russia on Monday."'
    table = table_for(text, {"Sergei Lavrov": "RUS"})
    start = text.index("Ukraine")
    quote = Quote(speaker="sergei-lavrov", kind="direct", text=text[start:-2], start=start,
                  end=len(text) - 2, verb="say")
    events = code_events(nlp(text), table, [quote], None)
    attack = [e for e in events if e.type == "ASSAULT"]
    assert attack and attack[0].asserted_by == "sergei-lavrov"


def test_quote_without_named_speaker_leaves_the_event_unattributed(nlp):  # type: ignore[no-untyped-def]
    text = 'An official said: "Ukraine attacked Russia on Monday."'
    start = text.index("Ukraine")
    quote = Quote(speaker=None, kind="direct", text=text[start:-2], start=start,
                  end=len(text) - 2, verb="say")
    events = code_events(nlp(text), table_for(text), [quote], None)
    assert events and all(e.asserted_by is None for e in events)


def test_official_and_own_state_make_no_dyad(nlp):  # type: ignore[no-untyped-def]
    text = "Sergei Lavrov praised Russia and criticised NATO."
    events = code_events(nlp(text), table_for(text, {"Sergei Lavrov": "RUS"}), [], None)
    assert {(e.source, e.target) for e in events} == {("sergei-lavrov", "NATO")}


def test_evidence_points_at_the_sentence(nlp):  # type: ignore[no-untyped-def]
    text = "Talks stalled. Israel struck Hamas. Calm returned."
    events = code_events(nlp(text), table_for(text), [], None)
    assert len(events) == 1
    evidence = events[0].evidence
    assert text[evidence.start:evidence.end] == evidence.text
    assert evidence.text.strip() == "Israel struck Hamas."


def test_relative_clause_inside_reported_speech_is_background_fact(nlp):  # type: ignore[no-untyped-def]
    text = "Sergei Lavrov said the envoys reached Kyiv, which Russia attacked in 2022."
    table = table_for(text, {"Sergei Lavrov": "RUS"})
    start = text.index("the envoys")
    quote = Quote(speaker="sergei-lavrov", kind="indirect", text=text[start:-1], start=start,
                  end=len(text) - 1, verb="say")
    events = code_events(nlp(text), table, [quote], None)
    attack = [e for e in events if (e.source, e.type, e.target) == ("RUS", "ASSAULT", "UKR")]
    assert attack and attack[0].asserted_by is None and attack[0].date == "2022"


def test_claim_noun_content_is_the_claimants_claim(nlp):  # type: ignore[no-untyped-def]
    text = "Sergei Lavrov repeated the claim that Ukraine attacked Russia."
    events = code_events(nlp(text), table_for(text, {"Sergei Lavrov": "RUS"}), [], None)
    attack = [e for e in events if e.type == "ASSAULT"]
    assert attack and attack[0].asserted_by == "sergei-lavrov"


def test_backer_inside_a_longer_name_still_backs_it(nlp):  # type: ignore[no-untyped-def]
    text = "Saudi Arabia hosted talks. Yemen's Saudi-backed government met the Houthis."
    name = "Yemen's Saudi-backed government"
    start = text.index(name)
    actors = [Actor(id="SAU", name="Saudi Arabia", kind="state", rollup="SAU"),
              Actor(id="yem-government", name="Yemeni government", kind="government",
                    rollup="YEM"),
              Actor(id="houthis", name="Houthis", kind="armed_group", rollup="houthis")]
    mentions = [ActorMention(0, 12, "Saudi Arabia", "SAU", "name"),
                ActorMention(start, start + len(name), name, "yem-government", "alias"),
                ActorMention(text.index("Houthis"), text.index("Houthis") + 7, "Houthis",
                             "houthis", "name")]
    events = code_events(nlp(text), ActorTable(actors, mentions), [], None)
    assert ("SAU", "AID", "yem-government") in {(e.source, e.type, e.target) for e in events}
