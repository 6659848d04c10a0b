"""The spaCy pipeline: our actor ruler after the model's NER, loaded once."""
from __future__ import annotations

import pytest

from amity.nlp import NLP, load_nlp

pytestmark = pytest.mark.slow


def test_the_actor_ruler_runs_after_ner(nlp) -> None:  # type: ignore[no-untyped-def]
    names = nlp.pipe_names
    assert names.index("amity_actors") > names.index("ner")
    assert load_nlp() is nlp  # one load per process


@pytest.mark.parametrize(("text", "ent", "actor_id"), [
    ("Officials said al-Qaida had regrouped.", "al-Qaida", "al-qaeda"),
    ("Officials said AQAP had regrouped.", "AQAP", "aqap"),
    ("Daesh claimed the attack.", "Daesh", "islamic-state"),
    ("Ansar Allah fighters seized the ship.", "Ansar Allah", "houthis"),
    ("The Kremlin denied it.", "Kremlin", "RUS"),
])
def test_dictionary_names_become_entities_with_their_actor_id(nlp, text: str, ent: str,  # type: ignore[no-untyped-def]
                                                              actor_id: str) -> None:
    doc = nlp(text)
    assert (ent, actor_id) in [(e.text, e.id_) for e in doc.ents]


def test_a_longer_proper_name_keeps_the_models_entity(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("She studied at George Washington University before joining the State Department.")
    texts = [e.text for e in doc.ents]
    assert "Washington" not in texts
    assert any(e.text == "State Department" and e.id_ == "usa-state-department" for e in doc.ents)


def test_lower_case_words_are_not_short_names(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("He told us it is over.")
    assert [e.id_ for e in doc.ents if e.id_] == []


def test_bare_model_has_no_ruler() -> None:
    bare = load_nlp(with_patterns=False)
    assert "amity_actors" not in bare.pipe_names


def test_nlp_parses_in_order() -> None:
    texts = ["Iran said one thing.", "Russia said another.", "Hamas said a third."]
    docs = NLP(batch_size=2).parse(texts)
    assert [d.text for d in docs] == texts


def test_a_line_in_capitals_does_not_make_short_names(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("IS THIS THE END OF THE DEAL? Analysts doubt it.")
    assert "islamic-state" not in [e.id_ for e in doc.ents]


@pytest.mark.parametrize("text, ent, actor_id", [
    ("Missiles struck Kyiv Thursday night.", "Kyiv", "UKR"),
    ("Drones hit Moscow Sunday morning.", "Moscow", "RUS"),
])
def test_a_day_name_run_into_a_place_does_not_make_a_longer_name(nlp, text: str, ent: str,  # type: ignore[no-untyped-def]
                                                                 actor_id: str) -> None:
    doc = nlp(text)
    assert (ent, actor_id) in [(e.text, e.id_) for e in doc.ents]
