"""find_actors on our own sentences: dated titles, demonyms, metonyms, new people, coreference."""
from __future__ import annotations

from datetime import date

import pytest

from amity.actors import ActorTable, find_actors

pytestmark = pytest.mark.slow


def actors_of(nlp, text: str, published: date | None = date(2020, 6, 1)) -> ActorTable:  # type: ignore[no-untyped-def]
    return find_actors(nlp(text), published)


def mentioned(table: ActorTable, text: str) -> str | None:
    """The actor id of the first mention whose text is `text`."""
    return next((m.actor_id for m in table.mentions if m.text == text), None)


def test_every_rollup_is_an_actor_of_the_table(nlp) -> None:  # type: ignore[no-untyped-def]
    table = actors_of(nlp, "Barbara Lind, a researcher at the Wilson Center, said the Iranian "
                           "foreign minister met Russian officials in Moscow.")
    assert all(a.rollup in table.actors for a in table.actors.values())


@pytest.mark.parametrize(("day", "holder"), [
    (date(2021, 1, 19), "mike-pompeo"),
    (date(2021, 1, 27), "antony-blinken"),
])
def test_a_title_alone_is_whoever_held_it_on_the_day(nlp, day: date, holder: str) -> None:  # type: ignore[no-untyped-def]
    table = actors_of(nlp, "The secretary of state said on Monday that talks with Tehran "
                           "would not resume.", day)
    assert mentioned(table, "secretary of state") == holder
    assert table.actor(holder).rollup == "USA"


def test_a_former_holder_is_not_the_title_holder(nlp) -> None:  # type: ignore[no-untyped-def]
    table = actors_of(nlp, "The former secretary of state criticised the deal.",
                      date(2021, 1, 27))
    assert mentioned(table, "secretary of state") is None


def test_a_title_goes_to_the_person_the_text_gave_it(nlp) -> None:  # type: ignore[no-untyped-def]
    table = actors_of(nlp, "Secretary of State Antony Blinken flew to Cairo. The secretary of "
                           "state then met Egyptian officials.", date(2022, 3, 1))
    title = [m for m in table.mentions if m.via == "title"]
    assert [m.actor_id for m in title] == ["antony-blinken"]


@pytest.mark.parametrize(("text", "mention", "state"), [
    ("Turkish warplanes struck targets near the border on Sunday.", "Turkish", "TUR"),
    ("Iranian-backed militias fired rockets at the base.", "Iranian", "IRN"),
    ("The U.S.-led coalition said it had carried out two strikes.", "U.S.", "USA"),
    ("The Kremlin rejected the proposal on Friday.", "Kremlin", "RUS"),
    ("Tehran denied the report hours later.", "Tehran", "IRN"),
    ("Israeli strikes hit two villages overnight.", "Israeli", "ISR"),
])
def test_demonyms_and_metonyms_mention_their_state(nlp, text: str, mention: str,  # type: ignore[no-untyped-def]
                                                   state: str) -> None:
    table = actors_of(nlp, text)
    assert mentioned(table, mention) == state
    assert table.actor(state).kind == "state"


def test_a_seat_as_a_place_is_not_an_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    table = actors_of(nlp, "The delegation arrived in Tehran on Tuesday.")
    assert "IRN" not in table.actors


def test_is_and_us_in_capitals_only(nlp) -> None:  # type: ignore[no-untyped-def]
    table = actors_of(nlp, "IS fighters attacked the town. This is what he told us about "
                           "the US response.")
    assert [m.text for m in table.mentions if m.actor_id == "islamic-state"] == ["IS"]
    assert [m.text for m in table.mentions if m.actor_id == "USA"] == ["US"]


@pytest.mark.parametrize(("text", "body", "kind", "rollup"), [
    ("Iran's foreign ministry summoned the ambassador.", "irn-foreign-ministry",
     "government", "IRN"),
    ("The Israeli army said it struck a launcher.", "isr-idf", "government", "ISR"),
    ("Chinese state media called the visit a provocation.", "chn-state-media", "media", "CHN"),
    ("The Yemeni government welcomed the truce.", "yem-government", "government", "YEM"),
])
def test_state_bodies_roll_up_to_their_state(nlp, text: str, body: str, kind: str,  # type: ignore[no-untyped-def]
                                             rollup: str) -> None:
    table = actors_of(nlp, text)
    assert body in table.actors
    assert (table.actor(body).kind, table.actor(body).rollup) == (kind, rollup)
    assert rollup in table.actors


def test_an_administration_is_the_government_of_its_leaders_state(nlp) -> None:  # type: ignore[no-untyped-def]
    table = actors_of(nlp, "The Trump administration imposed new sanctions. Later the "
                           "administration softened its tone.", date(2019, 5, 1))
    admin = mentioned(table, "Trump administration")
    assert admin is not None and table.actor(admin).kind == "government"
    assert table.actor(admin).rollup == "USA"
    assert mentioned(table, "the administration") == admin


@pytest.mark.parametrize(("text", "person", "rollup"), [
    ("Marta Keller, a senior fellow at the Atlantic Council, doubted the claim.",
     "marta-keller", "atlantic-council"),
    ("Brookings fellow Daniel Ortiz said the sanctions had failed.", "daniel-ortiz",
     "brookings-institution"),
    ("Omar Haddad, director of research at the Soufan Group, disagreed.", "omar-haddad",
     "soufan-group"),
    ("Iranian diplomat Reza Karimian rejected the accusation.", "reza-karimian", "IRN"),
    ("Houthi spokesman Ali Nasser said the group would respond.", "ali-nasser", "houthis"),
])
def test_new_people_roll_up_to_the_affiliation_the_text_gives(nlp, text: str, person: str,  # type: ignore[no-untyped-def]
                                                              rollup: str) -> None:
    table = actors_of(nlp, text)
    assert table.actor(person).kind == "person"
    assert table.actor(person).rollup == rollup
    assert rollup in table.actors


def test_surnames_and_pronouns_refer_back(nlp) -> None:  # type: ignore[no-untyped-def]
    table = actors_of(nlp, "Colin P. Clarke, an analyst at the Soufan Group, was sceptical. "
                           "Clarke said the evidence was thin. He added that more was needed.")
    clarke = [m for m in table.mentions if m.actor_id == "colin-p-clarke"]
    assert [m.via for m in clarke] == ["name", "surname", "pronoun"]
    record = {a.id: a for a in table.to_record_actors()}
    assert [m.text for m in record["colin-p-clarke"].mentions] == ["Colin P. Clarke", "Clarke"]


def test_a_dictionary_officials_surname_alone(nlp) -> None:  # type: ignore[no-untyped-def]
    table = actors_of(nlp, "Pompeo accused Tehran of lying.", date(2019, 6, 1))
    assert mentioned(table, "Pompeo") == "mike-pompeo"


def test_the_group_refers_to_the_latest_armed_group(nlp) -> None:  # type: ignore[no-untyped-def]
    table = actors_of(nlp, "Hezbollah fired rockets at a base. The group said it was "
                           "retaliating.")
    assert mentioned(table, "The group") == "hezbollah"


def test_dates_weekdays_and_plain_places_are_not_actors(nlp) -> None:  # type: ignore[no-untyped-def]
    table = actors_of(nlp, "On Tuesday, residents of Idlib said shelling continued until "
                           "March.")
    assert table.actors == {}


def test_without_a_date_the_named_officials_date_the_text(nlp) -> None:  # type: ignore[no-untyped-def]
    table = actors_of(nlp, "Secretary of State John Kerry met Foreign Minister Javad Zarif. "
                           "The secretary of state praised the talks.", None)
    assert mentioned(table, "secretary of state") == "john-kerry"


def test_officials_of_a_state_mention_the_state(nlp) -> None:  # type: ignore[no-untyped-def]
    table = actors_of(nlp, "U.S. officials briefed reporters on Monday.")
    assert mentioned(table, "U.S.") == "USA"


def test_a_title_after_an_organisations_short_name(nlp) -> None:  # type: ignore[no-untyped-def]
    table = actors_of(nlp, "The UN chief urged restraint on both sides.", date(2023, 5, 1))
    assert mentioned(table, "UN") == "UN"
    assert mentioned(table, "chief") == "antonio-guterres"
    assert table.actor("antonio-guterres").rollup == "UN"


def test_a_leaders_office_is_a_body_of_the_leaders_state(nlp) -> None:  # type: ignore[no-untyped-def]
    table = actors_of(nlp, "Prime Minister Benjamin Netanyahu's office rejected the "
                           "proposal.", date(2024, 3, 1))
    office = mentioned(table, "Prime Minister Benjamin Netanyahu's office")
    if office is None:  # the model may leave the title out of the name
        office = mentioned(table, "Benjamin Netanyahu's office")
    assert office is not None and table.actor(office).kind == "government"
    assert table.actor(office).rollup == "ISR"
    assert mentioned(table, "Benjamin Netanyahu") == "benjamin-netanyahu"


@pytest.mark.parametrize(("text", "description", "actor_id"), [
    ("Turkey's defence ministry said 12 soldiers died. The ministry also said it struck back.",
     "The ministry", "tur-defence-ministry"),
    ("Zabihullah Mujahid, the Taliban spokesperson, denied it. Later the Taliban spokesperson "
     "warned Islamabad.", "the Taliban spokesperson", "zabihullah-mujahid"),
    ("Russia backed the Syrian regime throughout the war.", "Syrian regime", "SYR"),
])
def test_definite_descriptions_refer_back(nlp, text: str, description: str,  # type: ignore[no-untyped-def]
                                          actor_id: str) -> None:
    table = actors_of(nlp, text, date(2024, 3, 18))
    assert mentioned(table, description) == actor_id


def test_a_seat_addressed_is_an_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    table = actors_of(nlp, "The Taliban issued a stern warning to Islamabad.", date(2024, 3, 18))
    assert mentioned(table, "Islamabad") == "PAK"


@pytest.mark.parametrize(("text", "description", "actor_id"), [
    ("Hezbollah fired rockets. The Shiite militants said it was retaliation.",
     "The Shiite militants", "hezbollah"),
    ("Hezbollah fired rockets. The moderate rebels condemned it.", "The moderate rebels", None),
    ("Hamas rejected the plan. The rival faction accepted it.", "The rival faction", None),
])
def test_a_group_description_refers_back_unless_it_sets_the_group_apart(  # type: ignore[no-untyped-def]
        nlp, text: str, description: str, actor_id: str | None) -> None:
    table = actors_of(nlp, text)
    assert mentioned(table, description) == actor_id


@pytest.mark.parametrize(("text", "mention", "country"), [
    ("Sudan accused Darfur rebels of violating the truce.", "Darfur rebels", None),
    ("Fijian rebels stormed the parliament building.", "Fijian rebels", "FJI"),
    ("Afghan rebel forces ambushed the convoy.", "Afghan rebel forces", "AFG"),
])
def test_rebels_named_by_a_country_or_region_are_an_armed_group(  # type: ignore[no-untyped-def]
        nlp, text: str, mention: str, country: str | None) -> None:
    table = actors_of(nlp, text)
    group = mentioned(table, mention)
    assert group is not None and table.actor(group).kind == "armed_group"
    assert table.actor(group).country == country and table.actor(group).rollup == group


@pytest.mark.parametrize(("text", "alliance"), [
    ("Spain hosted a NATO summit. The alliance then warned Belarus.", "NATO"),
    ("The EU and NATO issued statements; the alliance said its radars saw the jets.", "NATO"),
])
def test_the_alliance_is_the_alliance_named_before(nlp, text: str, alliance: str) -> None:  # type: ignore[no-untyped-def]
    table = actors_of(nlp, text)
    assert next(m.actor_id for m in table.mentions if m.text.lower() == "the alliance") == alliance


def test_the_alliance_without_an_alliance_before_is_nobody(nlp) -> None:  # type: ignore[no-untyped-def]
    table = actors_of(nlp, "The EU met Brazil. The alliance has grown in recent years.")
    assert not any(m.text.lower() == "the alliance" for m in table.mentions)


@pytest.mark.parametrize(("text", "name", "state"), [
    ("Peru's national security adviser Luis Alvarado met Chilean officials.", "Luis Alvarado",
     "PER"),
    ("Kenyan national security adviser Joseph Kamau flew to Addis Ababa.", "Joseph Kamau",
     "KEN"),
])
def test_a_national_security_adviser_acts_for_the_state(nlp, text: str, name: str,  # type: ignore[no-untyped-def]
                                                          state: str) -> None:
    table = actors_of(nlp, text)
    aid = mentioned(table, name)
    assert aid is not None and table.actor(aid).rollup == state


@pytest.mark.parametrize(("text", "name"), [
    ("Lena Hoff, a specialist on Russia's navy, said the ships were old.", "Lena Hoff"),
    ("Omar Nadi, an analyst of Egyptian politics, said the vote was close.", "Omar Nadi"),
])
def test_an_experts_field_is_not_whom_they_work_for(nlp, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    table = actors_of(nlp, text)
    aid = mentioned(table, name)
    assert aid is not None and table.actor(aid).rollup == aid


def test_an_expert_on_a_state_works_where_the_text_says(nlp) -> None:  # type: ignore[no-untyped-def]
    table = actors_of(nlp, "Lena Hoff, a specialist on Russia's navy at the Brookings "
                           "Institution, said the ships were old.")
    assert table.actor("lena-hoff").rollup == "brookings-institution"


def test_his_deputy_is_on_the_side_of_the_person_he_is_coordinated_with(nlp) -> None:  # type: ignore[no-untyped-def]
    table = actors_of(nlp, "Jets killed the militant Ahmet Dogan, the head of the PKK's youth "
                           "wing, and his deputy, the militant Kemal Aslan.")
    assert table.actor("kemal-aslan").rollup == table.actor("ahmet-dogan").rollup == "pkk"


def test_his_aide_after_a_state_official_is_not_the_first_persons(nlp) -> None:  # type: ignore[no-untyped-def]
    table = actors_of(nlp, "John Kerry met Iran's president and his aide, Ali Reza, on Monday.")
    assert table.actor("ali-reza").rollup != "USA"


def test_a_handle_that_spells_a_name_of_the_text_is_that_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    table = actors_of(nlp, "Antonio Guterres arrived in Kyiv. \"Our talks with @antonioguterres "
                           "were useful,\" the minister wrote.")
    assert mentioned(table, "@antonioguterres") == "antonio-guterres"


def test_the_north_and_the_south_are_the_halves_named_before(nlp) -> None:  # type: ignore[no-untyped-def]
    table = actors_of(nlp, "South Sudan and Sudan met. Later the South said talks would go on.")
    assert mentioned(table, "the South") == "SSD"


def test_the_north_with_no_half_named_before_is_nobody(nlp) -> None:  # type: ignore[no-untyped-def]
    table = actors_of(nlp, "Fighting spread across Mali. The North has seen the worst of it.")
    assert all(m.text != "The North" for m in table.mentions)


def test_an_alliance_between_others_is_not_the_alliance_named_before(nlp) -> None:  # type: ignore[no-untyped-def]
    table = actors_of(nlp, "NATO met in Brussels. The alliance between Russia and China "
                           "worried its members.")
    assert all(m.actor_id != "NATO" or m.text == "NATO" for m in table.mentions)


@pytest.mark.parametrize(("text", "group"), [
    ("Thousands of Syrian Kurds marched in Qamishli.", "Syrian Kurds"),
    ("Egyptian doctors went on strike on Monday.", "Egyptian doctors"),
])
def test_people_of_a_country_by_community_or_trade_are_a_group_of_their_own(  # type: ignore[no-untyped-def]
        nlp, text: str, group: str) -> None:
    table = actors_of(nlp, text)
    aid = mentioned(table, group)
    assert aid is not None and table.actor(aid).kind == "organization"
