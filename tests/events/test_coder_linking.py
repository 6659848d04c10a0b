"""Who the coder links to a trigger when the parse hides it: our own sentences, one per fix."""
from __future__ import annotations

import pytest
from events_helpers import triples

from amity.record import Quote

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, expected, wrong", [
    ("Israel was content with the US striking the Houthis.", ("USA", "ASSAULT", "houthis"),
     ("ISR", "ASSAULT", "houthis")),
    ("Egypt is ok with Russia arming Hamas.", ("RUS", "AID", "hamas"),
     ("EGY", "AID", "hamas")),
])
def test_gerund_subject_parsed_as_a_modifier_is_the_source(code, text, expected, wrong):  # type: ignore[no-untyped-def]
    events, _ = code(text)
    assert expected in triples(events)
    assert wrong not in triples(events)


@pytest.mark.parametrize("text", [
    "The militia labeling itself Hezbollah seized the town.",
    "The group calling itself Hamas held a rally.",
])
def test_a_reflexive_object_is_no_second_party(code, text):  # type: ignore[no-untyped-def]
    events, _ = code(text)
    assert not any(e.type == "ACCUSE" for e in events)


def test_conjunct_hung_on_the_first_phrase_is_a_second_target(code):  # type: ignore[no-untyped-def]
    events, _ = code("Washington endorsed both the Saudi-led campaign in Yemen and the "
                     "Turkish-led operation in Syria.")
    assert {("USA", "SUPPORT", "SAU"), ("USA", "SUPPORT", "TUR")} <= triples(events)


def test_conjunct_in_another_tense_continues_the_reported_clause(code):  # type: ignore[no-untyped-def]
    events, table = code("Mike Pompeo claimed that Iran had armed the Houthis and is now "
                         "funding Hezbollah.")
    pompeo = table.at(0, 11).actor_id
    assert ("IRN", "AID", "hezbollah") in triples(events)
    assert (pompeo, "AID", "hezbollah") not in triples(events)


def test_a_differently_described_group_is_not_the_group_named_before(code):  # type: ignore[no-untyped-def]
    events, _ = code("Hezbollah fighters crossed the border. Iran arms the moderate rebels in "
                     "the south.")
    assert ("IRN", "AID", "hezbollah") not in triples(events)


def test_an_epithet_still_refers_to_the_group_named_before(code):  # type: ignore[no-untyped-def]
    events, _ = code("Hamas rejected the offer. Israel then attacked the militant group.")
    assert ("ISR", "ASSAULT", "hamas") in triples(events)


@pytest.mark.parametrize("text, speaker, asserted", [
    # a state's plain account of its own operation states the fact
    ("The Turkish defence ministry said its jets struck the PKK.", "tur-defence-ministry",
     None),
    # an armed group's account stays its claim
    ("Hamas said its fighters attacked Israel.", "hamas", "hamas"),
])
def test_own_operation_reported_by_a_state_is_fact_by_a_group_a_claim(code, nlp, text, speaker,  # type: ignore[no-untyped-def]
                                                                      asserted):
    from amity.actors import find_actors
    from amity.quotes import find_quotes

    table = find_actors(nlp(text), None)
    quotes = find_quotes(nlp(text), table)
    assert any(q.speaker == speaker for q in quotes)
    events, _ = code(text, quotes)
    assault = [e for e in events if e.type == "ASSAULT"]
    assert assault and {e.asserted_by for e in assault} == {asserted}


@pytest.mark.parametrize("text, expected", [
    ("The Israel-Hamas war continued into the winter.",
     {("ISR", "ASSAULT", "hamas"), ("hamas", "ASSAULT", "ISR")}),
    ("The U.S.-China talks resumed in Geneva.", {("USA", "CONSULT", "CHN")}),
    ("Pyongyang condemned the U.S.-South Korea drills.",
     {("PRK", "ACCUSE", "USA"), ("PRK", "ACCUSE", "KOR")}),
])
def test_a_hyphenated_pair_of_actors_names_both_sides(code, text, expected):  # type: ignore[no-untyped-def]
    events, _ = code(text)
    assert expected <= triples(events)


def _with_quotes(code, nlp, text):  # type: ignore[no-untyped-def]
    from amity.actors import find_actors
    from amity.quotes import find_quotes

    doc = nlp(text)
    return code(text, find_quotes(doc, find_actors(doc, None)))


def test_a_spokesperson_stating_their_sides_offer_makes_it_too(code, nlp):  # type: ignore[no-untyped-def]
    events, table = _with_quotes(code, nlp, "Mike Pompeo said Washington remained open to "
                                            "dialogue with Tehran.")
    pompeo = table.at(0, 11).actor_id
    assert {("USA", "AGREE", "IRN"), (pompeo, "AGREE", "IRN")} <= triples(events)


def test_reporting_a_hostile_act_against_ones_own_side_is_an_accusation(code, nlp):  # type: ignore[no-untyped-def]
    events, table = _with_quotes(code, nlp, "Turkish jets violated Greek airspace, the Greek "
                                            "foreign ministry said.")
    assert any(e.type == "ACCUSE" and e.target == "TUR" and table.rollup(e.source) == "GRC"
               for e in events)


def test_reporting_a_hostile_act_between_others_is_no_accusation(code, nlp):  # type: ignore[no-untyped-def]
    events, _ = _with_quotes(code, nlp, "Turkish jets violated Greek airspace, the Italian "
                                        "foreign ministry said.")
    assert not any(e.type == "ACCUSE" for e in events)


@pytest.mark.parametrize("text, expected", [
    ("Turkish jets bombed the PKK on Monday. The strikes also targeted the YPG.",
     ("TUR", "ASSAULT", "ypg")),
    ("Russia fired missiles at Kyiv on Monday. Ukraine condemned the attacks.",
     ("UKR", "ACCUSE", "RUS")),
])
def test_the_act_named_again_is_done_by_its_earlier_doer(code, text, expected):  # type: ignore[no-untyped-def]
    events, _ = code(text)
    assert expected in triples(events)


@pytest.mark.parametrize("text, wrong", [
    ("Israeli jets hit regions of northern Syria.", ("ISR", "ASSAULT", "SYR")),
    ("Turkey struck the YPG - an ally of the United States.", ("TUR", "ASSAULT", "USA")),
])
def test_a_place_or_an_apposition_is_no_target(code, text, wrong):  # type: ignore[no-untyped-def]
    events, _ = code(text)
    assert wrong not in triples(events)


@pytest.mark.parametrize("text, expected", [
    # an apposition the parser made a second subject
    ("Members of Hamas, a group backed by Iran, attacked Israel.", ("hamas", "ASSAULT", "ISR")),
    # "allow X to ...": X is whom it is allowed
    ("Turkey refused to allow NATO planes to land.", ("TUR", "REJECT", "NATO")),
    # the threatened act's place
    ("Hezbollah threatened to resume operations in Israel.", ("hezbollah", "THREATEN", "ISR")),
])
def test_targets_hidden_by_the_parse(code, text, expected):  # type: ignore[no-untyped-def]
    events, _ = code(text)
    assert expected in triples(events)


def test_we_in_a_speakers_own_words_is_the_speaker(code):  # type: ignore[no-untyped-def]
    text = "Vladimir Putin spoke on Monday. \"We will respond to any Finnish provocation.\""
    start = text.index("We")
    quote = Quote(speaker="vladimir-putin", kind="direct", text=text[start:-2], start=start,
                  end=len(text) - 2)
    events, _ = code(text, [quote])
    assert ("vladimir-putin", "THREATEN", "FIN") in triples(events)


@pytest.mark.parametrize("text, expected", [
    ("During the meeting with Egypt, Jordan raised the water dispute.", ("JOR", "CONSULT", "EGY")),
    ("After talks with Qatar, Oman said the crisis was over.", ("OMN", "CONSULT", "QAT")),
])
def test_the_subject_took_part_in_the_meeting_it_is_placed_in(code, text, expected):  # type: ignore[no-untyped-def]
    events, _ = code(text)
    got = triples(events)
    assert expected in got or (expected[2], expected[1], expected[0]) in got


def test_a_cleft_in_reported_speech_is_the_speakers_claim(code):  # type: ignore[no-untyped-def]
    events, _ = code("Lavrov argued that it is Britain that is violating the treaty.")
    assert ("sergei-lavrov", "ACCUSE", "GBR") in triples(events)


@pytest.mark.parametrize("text, expected", [
    ("Russia held naval drills near Norway as a warning.", ("RUS", "THREATEN", "NOR")),
    ("Ecuador condemned the Peruvian raid and said it would respond with force.",
     ("ECU", "THREATEN", "PER")),
])
def test_a_threat_that_names_no_one_is_aimed_at_the_target_of_the_same_actors_act(  # type: ignore[no-untyped-def]
        code, text, expected):
    events, _ = code(text)
    assert expected in triples(events)


def test_a_warning_alongside_a_cooperative_act_is_aimed_at_no_partner(code):  # type: ignore[no-untyped-def]
    events, _ = code("Japan signed a deal with India and warned of hard times ahead.")
    assert not any(e.type == "THREATEN" and e.target == "IND" for e in events)


@pytest.mark.parametrize("text, expected", [
    ("Ukraine accused Russia of shelling the dam. Russia denied the charge on Friday.",
     ("RUS", "REJECT", "UKR")),
    ("Kenya blamed Somalia for the raid. Somalia has denied that its troops crossed the border.",
     ("SOM", "REJECT", "KEN")),
])
def test_a_denial_answers_whoever_last_accused_the_denier(code, text, expected):  # type: ignore[no-untyped-def]
    events, _ = code(text)
    assert expected in triples(events)


def test_a_denial_with_no_accuser_before_is_aimed_at_no_one(code):  # type: ignore[no-untyped-def]
    events, _ = code("Serbia met Hungary on Monday. Serbia denied any wrongdoing.")
    assert not any(e.type == "REJECT" for e in events)


def test_a_charge_denied_in_a_relative_clause_answers_its_maker(code):  # type: ignore[no-untyped-def]
    events, _ = code("Chile accused Bolivia of arming rebels in Peru, a charge Bolivia denied.")
    got = triples(events)
    assert ("BOL", "REJECT", "CHL") in got
    assert ("BOL", "REJECT", "PER") not in got


@pytest.mark.parametrize("text, expected, live", [
    ("Pompeo said Cuba's seat at the summit was unwelcome, considering its support for the "
     "Venezuelan regime.", ("CUB", "AID", "VEN"), True),
    ("Iran is considering arming the Houthis.", ("IRN", "AID", "houthis"), False),
])
def test_considering_as_given_states_a_reason_not_a_possibility(code, text, expected, live):  # type: ignore[no-untyped-def]
    events, _ = code(text)
    assert (expected in triples(events)) is live
    assert expected in triples(events, live_only=False)


@pytest.mark.parametrize("text, act", [
    ("Chile repeated its demand that Bolivia release the Peruvian prisoners.",
     ("BOL", "CONCEDE", "peruvian-prisoners")),
    ("Egypt demanded that Israel withdraw its troops from Lebanon.",
     ("ISR", "RETREAT", "LBN")),
])
def test_the_act_a_demand_asks_for_is_not_yet_done(code, text, act):  # type: ignore[no-untyped-def]
    events, _ = code(text)
    assert act not in triples(events)
    assert act in triples(events, live_only=False)


@pytest.mark.parametrize("text, expected", [
    ("Spanish Prime Minister Pedro Sanchez gave a stern reminder Saturday to Libya that it "
     "must cooperate fully with UN monitors.", ("pedro-sanchez", "REQUEST", "LBY")),
    ("The Red Cross operating in Yemen said Saudi and Emirati forces must open the ports.",
     ("international-committee-of-the-red-cross", "REQUEST", "SAU")),
])
def test_a_message_to_x_and_a_participle_misread_as_the_subject(code, text, expected):  # type: ignore[no-untyped-def]
    events, _ = code(text)
    assert expected in triples(events)


@pytest.mark.parametrize("text", [
    "It is likely that Latvia will retaliate against Belarus.",
    "It is likely Latvia will retaliate against Belarus.",
])
def test_what_the_writer_calls_likely_has_not_happened(code, text):  # type: ignore[no-untyped-def]
    events, _ = code(text)
    assert not triples(events)
    assert any((s, t) == ("LVA", "BLR") for s, _, t in triples(events, live_only=False))


@pytest.mark.parametrize("text", [
    "Cuba and Mexico held talks on Friday. The meeting came amid tension, with Mexico warning "
    "of sanctions if there is no agreement.",
    "Cuba and Mexico held talks on Friday. Mexico warned of sanctions if there is no deal.",
])
def test_a_threat_conditioned_on_a_deal_is_aimed_at_the_other_side_of_the_talks(code, text):  # type: ignore[no-untyped-def]
    events, _ = code(text)
    assert ("MEX", "THREATEN", "CUB") in triples(events)


@pytest.mark.parametrize("text, expected", [
    ("Iran fired two missiles into the sea on Monday. The United Nations condemned the test.",
     ("UN", "ACCUSE", "IRN")),
    ("Russia withdrew its troops from Moldova. Romania welcomed the move.",
     ("ROU", "SUPPORT", "RUS")),
])
def test_a_deed_named_again_is_done_by_the_doer_of_the_latest_act_of_its_kind(code, text,  # type: ignore[no-untyped-def]
                                                                            expected):
    events, _ = code(text)
    assert expected in triples(events)


def test_warning_that_a_deed_is_dangerous_is_no_threat_to_its_doer(code):  # type: ignore[no-untyped-def]
    events, _ = code("Iran fired two missiles on Monday. Spain condemned the test and warned "
                     "that such tests are a threat to peace.")
    assert ("ESP", "ACCUSE", "IRN") in triples(events)
    assert ("ESP", "THREATEN", "IRN") not in triples(events)


@pytest.mark.parametrize("text, expected", [
    ("Sara Holm, a fellow at the Atlantic Council, noted that the Trump administration lies "
     "all the time about Cuba.", ("sara-holm", "ACCUSE", "trump-administration")),
    ("Armenia said Azerbaijan had sabotaged the talks.", ("ARM", "ACCUSE", "AZE")),
])
def test_telling_that_another_did_a_misdeed_accuses_them(code, text, expected):  # type: ignore[no-untyped-def]
    events, _ = code(text)
    assert expected in triples(events)


def test_a_misdeed_the_writer_states_is_no_event(code):  # type: ignore[no-untyped-def]
    events, _ = code("Azerbaijan sabotaged the talks with Armenia.")
    assert not any(e.type in ("ACCUSE", "REJECT") for e in events)


def test_we_asked_about_in_a_speakers_words_is_the_speakers_side(code):  # type: ignore[no-untyped-def]
    text = ("Fidel Castro spoke on Monday. \"The United States asked through its envoy whether "
            "we could cooperate, and I said no.\"")
    start = text.index("The United")
    quote = Quote(speaker="fidel-castro", kind="direct", text=text[start:-2], start=start,
                  end=len(text) - 2)
    events, table = code(text, [quote])
    assert ("USA", "REQUEST", table.rollup("fidel-castro")) in triples(events)


def test_who_is_helped_when_the_help_is_parsed_as_a_clause(code):  # type: ignore[no-untyped-def]
    events, _ = code("Britons have sent trainers to Kenya to help the Kenyan army and the "
                     "Germans have done likewise.")
    got = triples(events)
    assert ("GBR", "AID", "ken-military") in got
    assert ("GBR", "AID", "DEU") not in got


@pytest.mark.parametrize("text", [
    "Cuba asked Mexico for help on Monday. Mexico said no.",
    "Cuba asked Mexico for help on Monday. Mexico refused.",
])
def test_a_refusal_answers_whoever_asked(code, text):  # type: ignore[no-untyped-def]
    events, _ = code(text)
    assert ("MEX", "REJECT", "CUB") in triples(events)


def test_saying_there_was_no_evidence_is_no_refusal(code):  # type: ignore[no-untyped-def]
    events, _ = code("Cuba asked Mexico for help on Monday. Mexico said no evidence was found.")
    assert not any(e.type == "REJECT" for e in events)


@pytest.mark.parametrize("text, act, live", [
    ("Russia pressed on with its offensive against Ukraine.", ("RUS", "ASSAULT", "UKR"), True),
    ("France urged Russia to withdraw its troops from Ukraine.", ("RUS", "RETREAT", "UKR"),
     False),
])
def test_what_one_is_urged_to_do_is_not_done_but_pressing_on_is(code, text, act, live):  # type: ignore[no-untyped-def]
    events, _ = code(text)
    assert (act in triples(events)) is live
    assert act in triples(events, live_only=False)
