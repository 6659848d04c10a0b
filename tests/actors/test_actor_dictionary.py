"""The actor dictionary and `resolve_actor`: names, demonyms, seats, dated titles (no spaCy)."""
from __future__ import annotations

from datetime import date

import pytest

from amity.actors import resolve_actor
from amity.actors.dictionary import Dictionary, load_dictionary, norm_key, slug


@pytest.mark.parametrize(("text", "key"), [
    ("The Kremlin", "kremlin"),
    ("al-Qa'ida", "al qaida"),
    ("U.S.", "us"),
    ("Iran’s", "iran"),
    ("António Guterres", "antonio guterres"),
])
def test_norm_key_folds_case_accents_punctuation_and_the(text: str, key: str) -> None:
    assert norm_key(text) == key


def test_slug_is_stable_and_readable() -> None:
    assert slug("Colin P. Clarke") == "colin-p-clarke"
    assert slug("Colin P. Clarke") == slug("colin p clarke")


@pytest.mark.parametrize(("day", "holder"), [
    ("2021-01-19", "mike-pompeo"),   # the day before the handover
    ("2021-01-27", "antony-blinken"),  # the day after Blinken took office
    ("2015-06-01", "john-kerry"),
])
def test_secretary_of_state_resolves_to_the_holder_on_the_day(day: str, holder: str) -> None:
    found = resolve_actor("secretary of state", day)
    assert found is not None and found["id"] == holder
    assert found["rollup"] == "USA" and found["role"] == "foreign minister"


def test_a_title_nobody_held_that_day_resolves_to_nothing() -> None:
    # Pompeo left on 20 January 2021 and Blinken was sworn in on the 26th.
    assert resolve_actor("secretary of state", "2021-01-23") is None


@pytest.mark.parametrize(("title", "day", "holder"), [
    ("Iran's foreign minister", "2017-05-01", "mohammad-javad-zarif"),
    ("the Iranian foreign minister", "2025-03-01", "abbas-araghchi"),
    ("Russian president", "2020-01-01", "vladimir-putin"),
    ("UN secretary-general", "2016-06-01", "ban-ki-moon"),
    ("UN secretary-general", "2018-06-01", "antonio-guterres"),
])
def test_titles_with_a_state_or_organisation(title: str, day: str, holder: str) -> None:
    found = resolve_actor(title, day)
    assert found is not None and found["id"] == holder


def test_a_named_official_rolls_up_to_the_state_served_on_the_day() -> None:
    found = resolve_actor("Mike Pompeo", date(2019, 1, 1))
    assert found == {"id": "mike-pompeo", "name": "Mike Pompeo", "kind": "person",
                     "rollup": "USA", "country": "USA", "role": "foreign minister"}
    assert resolve_actor("Mike Pompeo", "2017-06-01")["role"] == "intelligence chief"  # type: ignore[index]


@pytest.mark.parametrize(("name", "actor_id", "kind", "rollup"), [
    ("Iranian", "IRN", "state", "IRN"),
    ("Tehran", "IRN", "state", "IRN"),
    ("Kremlin", "RUS", "state", "RUS"),
    ("White House", "usa-white-house", "government", "USA"),
    ("Pentagon", "usa-pentagon", "government", "USA"),
    ("IRGC", "irn-irgc", "government", "IRN"),
    ("Korean Central News Agency", "kcna", "media", "PRK"),
    ("al-Qaida", "al-qaeda", "armed_group", "al-qaeda"),
    ("Daesh", "islamic-state", "armed_group", "islamic-state"),
    ("Ansar Allah", "houthis", "armed_group", "houthis"),
    ("ISIS-K", "isis-k", "armed_group", "isis-k"),
    ("Pakistani Taliban", "ttp", "armed_group", "ttp"),
    ("U.N. Security Council", "UNSC", "igo", "UN"),
    ("Crisis Group", "international-crisis-group", "organization", "international-crisis-group"),
])
def test_names_aliases_demonyms_and_seats(name: str, actor_id: str, kind: str,
                                          rollup: str) -> None:
    found = resolve_actor(name, "2020-01-01")
    assert found is not None
    assert (found["id"], found["kind"], found["rollup"]) == (actor_id, kind, rollup)


@pytest.mark.parametrize(("day", "kind", "rollup"), [
    ("2019-12-24", "armed_group", "taliban"),
    ("2024-03-18", "government", "AFG"),
])
def test_taliban_became_afghanistans_government_in_august_2021(day: str, kind: str,
                                                               rollup: str) -> None:
    found = resolve_actor("Taliban", day)
    assert found is not None and (found["kind"], found["rollup"]) == (kind, rollup)


def test_a_branch_keeps_its_parent_but_rolls_up_to_itself() -> None:
    entry = load_dictionary().get("aqap")
    assert entry is not None and entry.parent == "al-qaeda" and entry.rollup == "aqap"


def test_every_rollup_in_the_dictionary_is_a_dictionary_actor() -> None:
    dic = load_dictionary()
    day = date(2020, 6, 1)
    for entry in dic.entries.values():
        rollup = entry.on(day)[1]
        if entry.kind == "person":
            role = entry.nearest_role(day)
            rollup = (dic.role_rollup(role, day) or (entry.id, None))[0] if role else entry.id
        assert rollup in dic.entries, (entry.id, rollup)


def test_every_actor_kind_is_one_of_the_contracts() -> None:
    from amity.record import ACTOR_KINDS

    assert {e.kind for e in load_dictionary().entries.values()} <= set(ACTOR_KINDS)


def test_an_empty_dictionary_still_answers() -> None:
    empty = Dictionary([])
    assert empty.lookup("Iran") is None and empty.state_ref("Iranian") is None


def test_unknown_names_resolve_to_nothing() -> None:
    assert resolve_actor("Zzyzx Qwertyuiop") is None
