"""Lexicon vocabulary and how an intention changes a type: our own sentences, one per entry."""
from __future__ import annotations

import pytest
from events_helpers import triples

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, expected", [
    ("Azerbaijan captured an Armenian stronghold on Friday.", ("AZE", "ASSAULT", "ARM")),
    ("Iran seized two British sailors in the Gulf.", ("IRN", "COERCE", "GBR")),
    ("Egypt lifted the blockade on Palestinian trucks.", ("EGY", "RETREAT", "PSE")),
    ("Egypt lifted the sanctions on Sudan.", ("EGY", "CONCEDE", "SDN")),
    ("NATO helicopters evacuated wounded civilians from the Libyan town.",
     ("NATO", "AID", "LBY")),
    ("Japan handed over food aid to Haiti.", ("JPN", "AID", "HTI")),
    ("Mali forced the United Nations out of the country.", ("MLI", "SANCTION", "UN")),
    ("Iraq sued the United States over the raid.", ("IRQ", "ACCUSE", "USA")),
    ("Egypt established diplomatic ties with Israel.", ("EGY", "SUPPORT", "ISR")),
    ("Ukraine recaptured the city from Russian forces.", ("UKR", "ASSAULT", "RUS")),
])
def test_lexicon_codes_the_phrase_by_its_object(code, text, expected):  # type: ignore[no-untyped-def]
    events, _ = code(text)
    assert expected in triples(events)


@pytest.mark.parametrize("text, act", [
    ("Syria said it is willing to withdraw its troops from Lebanon.", "RETREAT"),
    ("Iran said it will release the French captives to France.", "CONCEDE"),
])
def test_a_promised_retreat_or_concession_is_also_an_agreement(code, text, act):  # type: ignore[no-untyped-def]
    events, _ = code(text)
    pairs = {(e.source, e.target) for e in events if e.type == act}
    assert pairs and pairs <= {(e.source, e.target) for e in events if e.type == "AGREE"}


def test_a_retreat_made_conditional_on_the_other_side_is_an_ultimatum(code):  # type: ignore[no-untyped-def]
    events, _ = code("Nigeria said it will withdraw its troops from Chad unless the fighting "
                     "stops.")
    assert ("NGA", "THREATEN", "TCD") in triples(events)


@pytest.mark.parametrize("text, expected", [
    ("Pakistan rejected an offer from India.", ("PAK", "REJECT", "IND")),
    ("Turkey condemned the crimes committed by Syrian forces.", ("TUR", "ACCUSE", "SYR")),
    ("Turkey refused to contribute to the US-led campaign against Iraq.",
     ("TUR", "REJECT", "USA")),
])
def test_the_author_of_an_act_named_in_the_object(code, text, expected):  # type: ignore[no-untyped-def]
    events, _ = code(text)
    assert expected in triples(events)


@pytest.mark.parametrize("text, group", [
    ("Uganda granted asylum to Rwandan rebels.", "rwandan-rebels"),
    ("Russia supplied weapons to Ukrainian insurgents.", "ukrainian-insurgents"),
])
def test_rebels_named_by_their_country_are_a_group_of_their_own(code, text, group):  # type: ignore[no-untyped-def]
    events, table = code(text)
    assert table.actor(group).kind == "armed_group"
    assert any(e.type == "AID" and e.target == group for e in events)


def test_jailing_on_charges_is_also_an_accusation(code):  # type: ignore[no-untyped-def]
    events, _ = code("Turkey arrested two Greek journalists on charges of espionage.")
    assert {("TUR", "COERCE", "GRC"), ("TUR", "ACCUSE", "GRC")} <= triples(events)


@pytest.mark.parametrize("text, source, target_rollup", [
    ("Algerian students staged a hunger strike to demand the release of land seized by the "
     "Moroccan army.", "algerian-students", "MAR"),
    ("Egyptian protesters rioted on Friday, calling for the removal of Hosni Mubarak.",
     "egyptian-protesters", "EGY"),
])
def test_a_protest_is_aimed_at_whom_its_demand_names(code, text, source, target_rollup):  # type: ignore[no-untyped-def]
    events, table = code(text)
    assert any(e.type == "PROTEST" and e.source == source
               and table.rollup(e.target) == target_rollup for e in events)


def test_people_named_by_their_country_can_protest_against_their_state(code):  # type: ignore[no-untyped-def]
    events, table = code("Egyptian protesters rioted on Friday, calling for the removal of "
                         "Hosni Mubarak.")
    assert table.actor("egyptian-protesters").kind == "organization"
    assert table.actor("egyptian-protesters").rollup == "egyptian-protesters"


def test_a_quantity_of_people_stands_for_them(code):  # type: ignore[no-untyped-def]
    events, _ = code("Hundreds of Hezbollah fighters attacked Israel on Sunday.")
    assert ("hezbollah", "ASSAULT", "ISR") in triples(events)


def test_a_hostile_act_someone_says_they_may_take_if_provoked_is_a_threat(code):  # type: ignore[no-untyped-def]
    events, _ = code("Turkey said it may impose sanctions on Israel if the raids continue.")
    assert ("TUR", "THREATEN", "ISR") in triples(events)


@pytest.mark.parametrize("text, expected", [
    ("The United States and South Korea held joint military exercises.",
     ("USA", "COOPERATE", "KOR")),
    ("Japanese and Australian forces began a joint training session.",
     ("JPN", "COOPERATE", "AUS")),
    ("China staged military drills near Taiwan.", ("CHN", "MOBILIZE", "TWN")),
])
def test_drills_of_allies_together_cooperate_drills_near_another_mobilize(code, text,  # type: ignore[no-untyped-def]
                                                                         expected):
    events, _ = code(text)
    assert expected in triples(events)


@pytest.mark.parametrize("text, expected", [
    ("Washington has tried to tie Tehran to the bombing.", ("USA", "ACCUSE", "IRN")),
    ("Israel linked Hezbollah to the attack on the embassy.", ("ISR", "ACCUSE", "hezbollah")),
])
def test_tying_an_actor_to_a_deed_is_an_allegation(code, text, expected):  # type: ignore[no-untyped-def]
    events, _ = code(text)
    assert expected in triples(events)


def test_rejecting_claims_about_someone_does_not_reject_that_someone(code):  # type: ignore[no-untyped-def]
    events, _ = code("Iran dismissed claims of Hezbollah fighters being in Syria.")
    assert ("IRN", "REJECT", "hezbollah") not in triples(events)


@pytest.mark.parametrize("text, expected", [
    ("The Spanish parliament approved Norway's bid to join the European Union.",
     ("esp-parliament", "SUPPORT", "NOR")),
    ("Poland's senate ratified Montenegro's membership of NATO.",
     ("pol-parliament", "SUPPORT", "MNE")),
    ("Greece backed Albania's bid to join the European Union.", ("GRC", "SUPPORT", "ALB")),
])
def test_approving_a_states_bid_supports_the_applicant(code, text, expected):  # type: ignore[no-untyped-def]
    events, _ = code(text)
    assert expected in triples(events)


@pytest.mark.parametrize("text, expected", [
    ("A spokesman said Cambodia will respond firmly to any Thai provocation.",
     ("KHM", "THREATEN", "THA")),
    ("Ecuador said it would retaliate against Peru.", ("ECU", "THREATEN", "PER")),
    ("Bolivia vowed to hit back at Chile.", ("BOL", "THREATEN", "CHL")),
])
def test_a_stated_reprisal_is_a_threat(code, text, expected):  # type: ignore[no-untyped-def]
    events, _ = code(text)
    assert expected in triples(events)


def test_a_past_response_is_no_threat(code):  # type: ignore[no-untyped-def]
    events, _ = code("Japan responded to the Chinese note on Tuesday.")
    assert not any(e.type == "THREATEN" for e in events)


@pytest.mark.parametrize("text, expected", [
    ("Chile rejected warnings by Argentina.", ("CHL", "REJECT", "ARG")),
    ("Chile dismissed the warning issued by Argentina.", ("CHL", "REJECT", "ARG")),
])
def test_rejecting_a_warning_is_aimed_at_the_warner(code, text, expected):  # type: ignore[no-untyped-def]
    events, _ = code(text)
    assert expected in triples(events)
    assert ("ARG", "REJECT", "CHL") not in triples(events)


@pytest.mark.parametrize("text, expected", [
    ("Kenya invited Somalia to talks in Nairobi.", ("KEN", "CONSULT", "SOM")),
    ("Ghana invited the Nigerian president to visit Accra.", ("GHA", "CONSULT", None)),
])
def test_an_invitation_to_talks_or_a_visit_is_a_consultation(code, text, expected):  # type: ignore[no-untyped-def]
    events, table = code(text)
    found = {(e.source, e.type, table.rollup(e.target)) for e in events
             if not (e.negated or e.hypothetical)}
    src, type_, _ = expected
    assert any(s == src and t == type_ for s, t, _ in found)
    assert not any(e.type == "CONSULT" and e.source != src and not e.hypothetical
                   for e in events)  # the invited visit has not happened yet


@pytest.mark.parametrize("text, expected, unwanted", [
    ("Norway welcomed the truce between Armenia and Azerbaijan.",
     {("NOR", "SUPPORT", "ARM"), ("NOR", "SUPPORT", "AZE")}, set()),
    ("Sweden welcomed the accord signed by Serbia and Kosovo.",
     {("SWE", "SUPPORT", "SRB"), ("SWE", "SUPPORT", "XKX")}, set()),
    ("Peru signed a trade deal with Brazil on Monday. The Peruvian president welcomed the "
     "agreement, and Argentina called the deal a failure.",
     {("ARG", "ACCUSE", "PER"), ("ARG", "ACCUSE", "BRA")}, {("ARG", "ACCUSE", "ARG")}),
])
def test_a_reaction_to_a_deal_is_aimed_at_its_other_sides(code, text, expected, unwanted):  # type: ignore[no-untyped-def]
    events, table = code(text)
    got = triples(events)
    assert expected <= got
    assert not got & unwanted
    # the speaker's own side is never the target of its reaction
    assert all(table.rollup(e.source) != table.rollup(e.target) for e in events)


@pytest.mark.parametrize("text, mediator, sides", [
    ("Armenia and Azerbaijan swapped 40 prisoners after Qatar acted as an intermediary.",
     "QAT", {"ARM", "AZE"}),
    ("Sudan and Chad held talks on Monday. A deal being mediated by Kenya, Egypt and "
     "Ethiopia is expected soon.", "KEN", {"SDN", "TCD"}),
    ("Sudan and Chad held talks on Monday. Chad said the negotiations via Kenyan mediators "
     "went well.", "KEN", {"SDN", "TCD"}),
])
def test_a_go_between_consults_every_side_it_serves(code, text, mediator, sides):  # type: ignore[no-untyped-def]
    events, _ = code(text)
    assert {(mediator, "CONSULT", s) for s in sides} <= triples(events)


def test_a_mediator_in_a_list_of_names_is_each_of_them(code):  # type: ignore[no-untyped-def]
    events, _ = code("Sudan and Chad held talks on Monday. A deal being mediated by Kenya, "
                     "Egypt and Ethiopia is expected soon.")
    assert {"KEN", "EGY", "ETH"} <= {e.source for e in events if e.mode == "third-party"}


def test_a_condemned_act_near_a_state_is_not_aimed_at_that_state(code):  # type: ignore[no-untyped-def]
    events, _ = code("China staged military drills near Japan on Monday. Australia "
                     "condemned the drills.")
    assert ("AUS", "ACCUSE", "CHN") in triples(events)
    assert ("AUS", "ACCUSE", "JPN") not in triples(events)


@pytest.mark.parametrize("text, expected", [
    ("The Turkish Air Force struck and eliminated the militant Ahmet Dogan, the commander of "
     "the PKK's rocket unit, and his deputy, the militant Kemal Aslan.",
     {("tur-air-force", "ASSAULT", "ahmet-dogan"), ("tur-air-force", "ASSAULT", "kemal-aslan")}),
    ("Sudan and Chad held talks. The row hurt the chances of a truce being mediated by Kenya, "
     "Egypt, and Ghana.",
     {("KEN", "CONSULT", "SDN"), ("EGY", "CONSULT", "SDN"), ("GHA", "CONSULT", "SDN")}),
])
def test_every_name_of_a_list_hung_on_an_apposition_is_named(code, text, expected):  # type: ignore[no-untyped-def]
    events, _ = code(text)
    assert expected <= triples(events)


@pytest.mark.parametrize("text, expected", [
    ("The Syrian Democratic Forces, which are backed by France and have been closing in on "
     "the Islamic State stronghold of Raqqa, paused.", ("sdf", "ASSAULT", "islamic-state")),
    ("Russian troops advanced on Ukrainian positions.", ("RUS", "ASSAULT", "UKR")),
    ("Pakistan bombed the mountains where Taliban fighters are hiding.",
     ("PAK", "ASSAULT", "taliban")),
])
def test_closing_in_advancing_and_hitting_where_a_group_is_based(code, text, expected):  # type: ignore[no-untyped-def]
    events, _ = code(text)
    assert expected in triples(events)


def test_the_agent_of_a_passive_does_not_do_its_active_conjunct(code):  # type: ignore[no-untyped-def]
    events, _ = code("The militia, which is backed by Iran and has been attacking Israel, "
                     "grew stronger.")
    assert ("IRN", "ASSAULT", "ISR") not in triples(events)


@pytest.mark.parametrize("text, expected", [
    ("Iran and Britain signed a trade deal in 2015. Britain pulled out of the deal in 2018.",
     ("GBR", "RETREAT", "IRN")),
    ("Peru and Chile reached an understanding on Monday. Chile later reneged on the "
     "understanding.", ("CHL", "REJECT", "PER")),
])
def test_leaving_a_deal_is_aimed_at_its_other_sides(code, text, expected):  # type: ignore[no-untyped-def]
    events, _ = code(text)
    assert expected in triples(events)


def test_the_brokers_of_a_deal_do_not_agree_with_each_other(code):  # type: ignore[no-untyped-def]
    events, _ = code("A truce brokered by Qatar, Egypt and Turkey was praised by Spain.")
    assert not any(e.type == "AGREE" and {e.source, e.target} <= {"QAT", "EGY", "TUR"}
                   for e in events)


def test_what_a_denial_denies_names_no_one_it_answers(code):  # type: ignore[no-untyped-def]
    events, _ = code("Peru has repeatedly denied any involvement in Chile's crisis.")
    assert not any(e.type == "REJECT" and e.target == "CHL" for e in events)


@pytest.mark.parametrize("text, expected", [
    ("The Lebanese government accepted demands from Hezbollah for a new cabinet.",
     ("lbn-government", "CONCEDE", "hezbollah")),
    ("Kenya accepted the proposal from Ethiopia.", ("KEN", "AGREE", "ETH")),
    ("Jordan said it had paid compensation to the Syrian government.",
     ("JOR", "RETREAT", "syr-government")),
    ("Georgian Prime Minister Irakli Garibashvili received a team of observers from the OSCE.",
     ("irakli-garibashvili", "RETREAT", "OSCE")),
    ("The Red Cross suspended aid deliveries in Libya.",
     ("international-committee-of-the-red-cross", "SANCTION", "LBY")),
])
def test_yielding_to_demands_paying_compensation_letting_observers_in(code, text, expected):  # type: ignore[no-untyped-def]
    events, _ = code(text)
    assert expected in triples(events)


def test_a_unions_strike_is_a_protest_and_calling_it_off_concedes(code):  # type: ignore[no-untyped-def]
    events, table = code("The Kenya Union of Teachers called off its strike against the "
                         "Kenyan government.")
    union = next(a for a in table.actors if a.startswith("kenya-union"))
    assert (union, "CONCEDE", "ken-government") in triples(events)
    assert not any(e.type == "ASSAULT" for e in events)
    assert (union, "PROTEST", "ken-government") in triples(events, live_only=False)
    assert (union, "PROTEST", "ken-government") not in triples(events)


@pytest.mark.parametrize("text, expected", [
    ("Japan and Australia held drills in May. China has long characterized the exercises as "
     "preparation for a war.", {("CHN", "ACCUSE", "JPN"), ("CHN", "ACCUSE", "AUS")}),
    ("Russia described the Georgian raid as a terrorist attack.", {("RUS", "ACCUSE", "GEO")}),
    ("The envoy Ann Berg has referred to the Russian-held zone as a haven for smugglers.",
     {("ann-berg", "ACCUSE", "RUS")}),
])
def test_describing_a_deed_as_something_hostile_accuses_its_doer(code, text, expected):  # type: ignore[no-untyped-def]
    events, _ = code(text)
    assert expected <= triples(events)


def test_a_neutral_description_is_no_accusation(code):  # type: ignore[no-untyped-def]
    events, _ = code("Iran described the talks with Oman as productive.")
    assert not any(e.type == "ACCUSE" for e in events)


def test_a_description_of_attacks_by_x_accuses_x_not_the_describer(code):  # type: ignore[no-untyped-def]
    events, _ = code("The head of the United Nations panel described a number of brutal attacks "
                     "by Sudanese government troops against civilians.")
    assert ("UN", "ACCUSE", "sdn-government") in triples(events)
    assert ("sdn-government", "ACCUSE", "UN") not in triples(events)


@pytest.mark.parametrize("text, expected", [
    ("The European Union banned Belarus from its airspace.", ("EU", "SANCTION", "BLR")),
    ("The tests defy a U.N. resolution prohibiting Tehran from enriching uranium.",
     ("UN", "SANCTION", "IRN")),
    ("Iran banned the BBC.", ("IRN", "COERCE", "bbc")),
])
def test_an_international_bodys_ban_is_a_sanction_a_states_coercion(code, text, expected):  # type: ignore[no-untyped-def]
    events, _ = code(text)
    assert expected in triples(events)


def test_agreeing_to_anothers_mediation_agrees_with_the_mediator(code):  # type: ignore[no-untyped-def]
    events, _ = code("Armenia has agreed to Russian mediation in the talks with Azerbaijan.")
    assert ("ARM", "AGREE", "RUS") in triples(events)


@pytest.mark.parametrize("text, expected", [
    ("Egypt ordered Al Jazeera to close its Cairo office.", ("EGY", "COERCE", "al-jazeera")),
    ("The UN ordered Israel to stop the strikes.", ("UN", "REQUEST", "ISR")),
])
def test_an_order_to_shut_down_coerces_other_orders_demand(code, text, expected):  # type: ignore[no-untyped-def]
    events, _ = code(text)
    assert expected in triples(events)
