"""The event lexicon data: valid PLOVER types, the manual's scores, words kept as words."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from amity.events.lexicon import LEXICON_VERSION, load_lexicon, parse_lexicon
from amity.record import EVENT_TYPES

DEFAULTS = {"AGREE": 2.5, "CONSULT": 2.5, "SUPPORT": 5, "CONCEDE": 4.5, "COOPERATE": 9.5,
            "AID": 10, "RETREAT": 6.5, "REQUEST": 0, "ACCUSE": -3, "REJECT": -2,
            "THREATEN": -3.5, "PROTEST": -5, "SANCTION": -6, "MOBILIZE": -5.5, "COERCE": -7,
            "ASSAULT": -9}


def test_every_entry_codes_a_plover_type():  # type: ignore[no-untyped-def]
    lexicon = load_lexicon()
    entries = [e for es in lexicon.verbs.values() for e in es]
    entries += [*lexicon.nouns.values(), *lexicon.modifiers.values()]
    assert entries and {e.type for e in entries} <= set(EVENT_TYPES)


@pytest.mark.parametrize("type_, score", sorted(DEFAULTS.items()))
def test_type_defaults_follow_the_plover_manual(type_, score):  # type: ignore[no-untyped-def]
    assert load_lexicon().score(type_, None) == score


@pytest.mark.parametrize("type_, mode, score", [
    ("CONSULT", "visit", 4), ("ASSAULT", "aerial", -9.5), ("COERCE", "arrest", -7),
    ("ACCUSE", "allege", -3.5), ("ASSAULT", "no-such-mode", -9),
])
def test_mode_scores(type_, mode, score):  # type: ignore[no-untyped-def]
    assert load_lexicon().score(type_, mode) == score


def test_prepositions_on_and_no_stay_words_not_yaml_booleans():  # type: ignore[no-untyped-def]
    lexicon = load_lexicon()
    assert "on" in lexicon.nouns["sanction"].preps
    assert "no" in lexicon.negation_words


def test_version_in_data_matches_code():  # type: ignore[no-untyped-def]
    data = yaml.safe_load((Path(__file__).parents[2] / "src/amity/events/lexicon.yaml")
                          .read_text(encoding="utf-8"))
    assert str(data["version"]) == LEXICON_VERSION


def test_particle_entries_are_tried_before_the_bare_verb():  # type: ignore[no-untyped-def]
    lexicon = parse_lexicon({"verbs": {"pull": "RETREAT", "pull out": "RETREAT/withdraw"}})
    assert [e.particle for e in lexicon.verbs["pull"]] == ["out", None]


def test_unknown_type_is_rejected():  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="unknown PLOVER type"):
        parse_lexicon({"verbs": {"hug": "EMBRACE"}})
