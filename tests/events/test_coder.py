"""The coder on our own sentences: one test per construction the issue names."""
from __future__ import annotations

import pytest
from events_helpers import triples

from amity.record import QUAD_OF_TYPE, Quote

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, expected", [
    ("Russia attacked Ukraine on Monday.", ("RUS", "ASSAULT", "UKR")),
    ("Hamas fired rockets at Israel.", ("hamas", "ASSAULT", "ISR")),
    ("The United States imposed sanctions on Iran.", ("USA", "SANCTION", "IRN")),
    ("China condemned Taiwan.", ("CHN", "ACCUSE", "TWN")),
    ("Qatar urged Israel to show flexibility.", ("QAT", "REQUEST", "ISR")),
    ("Turkey expelled Russian diplomats.", ("TUR", "SANCTION", "RUS")),
])
def test_active_verb_codes_subject_and_object(code, text, expected):  # type: ignore[no-untyped-def]
    events, _ = code(text)
    assert expected in triples(events)


@pytest.mark.parametrize("text, expected", [
    ("Iran was snubbed by the Americans.", ("USA", "REJECT", "IRN")),
    ("Ukraine was attacked by Russia.", ("RUS", "ASSAULT", "UKR")),
    ("The PKK, designated a terrorist group by Turkey, fights on.", ("TUR", "SANCTION", "pkk")),
])
def test_passive_voice_makes_the_agent_the_source(code, text, expected):  # type: ignore[no-untyped-def]
    events, _ = code(text)
    assert expected in triples(events)


@pytest.mark.parametrize("text, expected", [
    ("Iran accused Israel of lying.", ("IRN", "ACCUSE", "ISR")),
    ("The European Union announced sanctions against Russia.", ("EU", "SANCTION", "RUS")),
    ("Israel waged war against Hamas.", ("ISR", "ASSAULT", "hamas")),
    ("Iran held talks with the United States in Oman.", ("IRN", "CONSULT", "USA")),
    ("Turkey fought alongside NATO in Libya.", ("TUR", "COOPERATE", "NATO")),
    ("The United States called on Russia to withdraw.", ("USA", "REQUEST", "RUS")),
])
def test_prepositional_target(code, text, expected):  # type: ignore[no-untyped-def]
    events, _ = code(text)
    assert expected in triples(events)


def test_compound_actors_give_one_event_per_pair(code):  # type: ignore[no-untyped-def]
    events, _ = code("Saudi Arabia and the United Arab Emirates attacked the Houthis.")
    assert {("SAU", "ASSAULT", "houthis"), ("ARE", "ASSAULT", "houthis")} <= triples(events)


def test_compound_subject_of_reciprocal_verb_pairs_its_members(code):  # type: ignore[no-untyped-def]
    events, _ = code("Russia and Ukraine exchanged prisoners on Sunday.")
    assert {("RUS", "CONCEDE", "UKR"), ("UKR", "CONCEDE", "RUS")} <= triples(events)


@pytest.mark.parametrize("text, pair, type_", [
    ("Washington and Tehran's collaboration against the jihadists grew.", {"USA", "IRN"},
     "COOPERATE"),
    ("Russia's invasion of Ukraine shocked Europe.", {"RUS", "UKR"}, "ASSAULT"),
    ("The Israeli strikes on Hamas continued.", {"ISR", "hamas"}, "ASSAULT"),
])
def test_nominal_event_forms(code, text, pair, type_):  # type: ignore[no-untyped-def]
    events, _ = code(text)
    assert any({e.source, e.target} == pair and e.type == type_ for e in events)


def test_led_modifier_stands_for_its_leader(code):  # type: ignore[no-untyped-def]
    events, _ = code("The United States supported the Saudi-led intervention.")
    assert ("USA", "SUPPORT", "SAU") in triples(events)


@pytest.mark.parametrize("text, expected", [
    ("Israel struck Iranian-backed Houthi rebels.", ("IRN", "AID", "houthis")),
    ("The Iran-backed Hezbollah fired at Israel.", ("IRN", "AID", "hezbollah")),
])
def test_backing_modifier_is_an_aid_event(code, text, expected):  # type: ignore[no-untyped-def]
    events, _ = code(text)
    assert expected in triples(events)


def test_backing_modifier_does_not_make_the_backer_the_target(code):  # type: ignore[no-untyped-def]
    events, _ = code("Israel struck Iranian-backed Houthi rebels.")
    assert ("ISR", "ASSAULT", "houthis") in triples(events)
    assert ("ISR", "ASSAULT", "IRN") not in triples(events)


@pytest.mark.parametrize("text", [
    "Russia did not attack Ukraine.",
    "Russia never attacked Ukraine.",
    "Russia denied attacking Ukraine.",
    "Russia refused to meet Ukraine.",
])
def test_negated_events_are_kept_and_flagged(code, text):  # type: ignore[no-untyped-def]
    events, _ = code(text)
    flagged = [e for e in events if e.source == "RUS" and e.target == "UKR"
               and e.type in ("ASSAULT", "CONSULT")]
    assert flagged and all(e.negated for e in flagged)


@pytest.mark.parametrize("text", [
    "Russia could attack Ukraine.",
    "Russia might attack Ukraine.",
    "Russia may attack Ukraine next year.",
    "If talks fail, Russia would attack Ukraine.",
    "Analysts predicted that Russia would attack Ukraine.",
])
def test_hypothetical_events_are_kept_and_flagged(code, text):  # type: ignore[no-untyped-def]
    events, _ = code(text)
    flagged = [e for e in events if (e.source, e.type, e.target) == ("RUS", "ASSAULT", "UKR")]
    assert flagged and all(e.hypothetical for e in flagged)


@pytest.mark.parametrize("text, expected", [
    ("Iran will meet the United States in Oman next week.", ("IRN", "AGREE", "USA")),
    ("Turkey promised to help Ukraine.", ("TUR", "AGREE", "UKR")),
    ("Israel demanded that Hamas release the hostages.", ("ISR", "REQUEST", "hamas")),
    ("Russia warned NATO against expansion.", ("RUS", "THREATEN", "NATO")),
    ("Iran threatened Israel.", ("IRN", "THREATEN", "ISR")),
])
def test_intention_demand_and_warning(code, text, expected):  # type: ignore[no-untyped-def]
    events, _ = code(text)
    assert expected in triples(events)


def test_claimed_event_carries_the_claimant_and_the_claim_is_an_accusation(code, nlp):  # type: ignore[no-untyped-def]
    text = "Mike Pompeo claimed that Iran gives weapons to Hamas."
    start = text.index("Iran")
    quote = Quote(speaker=None, kind="indirect", text=text[start:-1], start=start,
                  end=len(text) - 1, verb="claim")
    _, table = code(text)
    quote.speaker = table.at(0, 11).actor_id
    events, _ = code(text, [quote])
    aid = [e for e in events if (e.source, e.type, e.target) == ("IRN", "AID", "hamas")]
    assert aid and aid[0].asserted_by == quote.speaker
    accuse = [e for e in events if e.type == "ACCUSE" and e.target == "IRN"]
    assert accuse and accuse[0].source == quote.speaker and accuse[0].asserted_by is None


def test_claim_without_quote_found_from_reporting_verb(code):  # type: ignore[no-untyped-def]
    events, table = code("Joe Biden claimed that Russia attacked Ukraine.")
    attack = [e for e in events if (e.source, e.type, e.target) == ("RUS", "ASSAULT", "UKR")]
    assert attack and attack[0].asserted_by == table.at(0, 9).actor_id


def test_stated_fact_has_no_asserter(code):  # type: ignore[no-untyped-def]
    events, _ = code("Russia attacked Ukraine on Monday.")
    assert events and all(e.asserted_by is None for e in events)


def test_speaker_stating_own_verbal_act_is_not_a_claim(code):  # type: ignore[no-untyped-def]
    events, _ = code("Iran said Tehran had rejected the offers of the United States.")
    rejects = [e for e in events if (e.source, e.type, e.target) == ("IRN", "REJECT", "USA")]
    assert rejects and rejects[0].asserted_by is None


@pytest.mark.parametrize("text, date_", [
    ("Russia attacked Ukraine on Tuesday.", "2020-01-14"),
    ("Russia attacked Ukraine in 2017.", "2017"),
    ("Russia attacked Ukraine in January 2019.", "2019-01"),
    ("Russia attacked Ukraine last month.", "2019-12"),
    ("Russia attacked Ukraine.", "2020-01-15"),
])
def test_event_date_from_time_expression(code, text, date_):  # type: ignore[no-untyped-def]
    events, _ = code(text)
    assert [e.date for e in events if e.type == "ASSAULT"] == [date_]


def test_event_date_is_none_without_publication_date(code):  # type: ignore[no-untyped-def]
    events, _ = code("Russia attacked Ukraine on Tuesday.", published=None)
    assert events and events[0].date is None


def test_event_record_fields_are_filled(code):  # type: ignore[no-untyped-def]
    text = "Flights resumed. Turkey bombed the PKK in Iraq."
    events, _ = code(text)
    event = next(e for e in events if e.type == "ASSAULT")
    assert event.quad == QUAD_OF_TYPE["ASSAULT"] == "material_conflict"
    assert event.intensity == pytest.approx(-9.5)  # mode aerial
    assert event.evidence.text.strip() == text[text.index("Turkey"):]
    assert text[event.evidence.start:event.evidence.end] == event.evidence.text
    assert event.trigger == "bombed" and 0 < event.confidence <= 1


def test_direct_verb_is_more_confident_than_modifier(code):  # type: ignore[no-untyped-def]
    events, _ = code("Israel attacked the Iranian-backed Hezbollah.")
    direct = next(e for e in events if e.type == "ASSAULT")
    modifier = next(e for e in events if e.type == "AID")
    assert direct.confidence > modifier.confidence


@pytest.mark.parametrize("text", [
    "Vladimir Putin praised Russia.",  # an official and their own state
    "Russia attacked the region.",  # a vague target
    "Iran and Israel were mentioned in the report.",  # two actors, no event
])
def test_no_event_without_a_dyad(code, text):  # type: ignore[no-untyped-def]
    events, _ = code(text)
    assert triples(events, live_only=False) == set()


@pytest.mark.parametrize("text, expected", [
    ("Russia said that Ukraine must withdraw its troops.", ("RUS", "REQUEST", "UKR")),
    ("Iran threatened to cut off gas supplies to Turkey.", ("IRN", "THREATEN", "TUR")),
    ("Russia threatened to halt the talks if NATO expands.", ("RUS", "THREATEN", "NATO")),
    ("Israel charged that Hamas had broken the truce.", ("ISR", "ACCUSE", "hamas")),
    ("Ukraine refused to meet Russia.", ("UKR", "REJECT", "RUS")),
])
def test_reported_demand_threat_allegation_and_refusal(code, text, expected):  # type: ignore[no-untyped-def]
    events, _ = code(text)
    assert expected in triples(events)


def test_pronoun_subject_of_reported_clause_is_the_speaker(code):  # type: ignore[no-untyped-def]
    events, _ = code("Turkey said it had expelled Russian diplomats.")
    assert ("TUR", "SANCTION", "RUS") in triples(events)


def test_passive_casualties_in_clashes_are_caused_by_the_other_side(code):  # type: ignore[no-untyped-def]
    events, table = code("Ten Israeli soldiers were killed in clashes with Hamas.")
    assert any(e.source == "hamas" and table.rollup(e.target) == "ISR" and e.type == "ASSAULT"
               for e in events)


def test_mediator_modifier_consults_both_parties(code):  # type: ignore[no-untyped-def]
    events, _ = code("Egypt-mediated talks between Israel and Hamas resumed.")
    assert {("EGY", "CONSULT", "ISR"), ("EGY", "CONSULT", "hamas")} <= triples(events)


def test_national_adjective_of_rebels_is_not_the_state(code):  # type: ignore[no-untyped-def]
    events, _ = code("Turkey armed Syrian rebels.")
    assert ("TUR", "AID", "SYR") not in triples(events, live_only=False)


def test_ability_to_act_is_hypothetical(code):  # type: ignore[no-untyped-def]
    events, _ = code("Iran has the ability to attack Israel.")
    attack = [e for e in events if (e.source, e.type, e.target) == ("IRN", "ASSAULT", "ISR")]
    assert attack and all(e.hypothetical for e in attack)


def test_time_expression_of_another_event_does_not_date_this_one(code):  # type: ignore[no-untyped-def]
    events, _ = code("China accused Taiwan after the visit to Paraguay last Saturday.")
    accuse = [e for e in events if e.type == "ACCUSE"]
    assert accuse and accuse[0].date == "2020-01-15"


def test_object_left_out_of_relative_clause_is_its_antecedent(code):  # type: ignore[no-untyped-def]
    events, _ = code("Turkey trades with Iran, a country that the United States has sanctioned"
                     " for years.")
    assert ("USA", "SANCTION", "IRN") in triples(events)


def test_the_group_refers_back_to_the_armed_group_named_before(code):  # type: ignore[no-untyped-def]
    events, _ = code("Hamas rejected the plan. Later the group attacked Israel.")
    assert ("hamas", "ASSAULT", "ISR") in triples(events)


def test_the_ministry_refers_back_to_the_ministry_named_before(code):  # type: ignore[no-untyped-def]
    events, table = code("The Russian defence ministry spoke first. The ministry then thanked"
                         " Qatar.")
    assert any(table.rollup(e.source) == "RUS" and e.target == "QAT" and e.type == "SUPPORT"
               for e in events)
