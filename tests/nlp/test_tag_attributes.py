"""The tag rules by array look-up give exactly the annotations of the model's own ruler."""
from __future__ import annotations

import pytest
import spacy

from amity.nlp._tags import speed_up_attribute_ruler, split_tag_rules
from amity.nlp.pipeline import DEFAULT_MODEL

pytestmark = pytest.mark.slow

TEXTS = [
    "Chile's foreign minister said on Tuesday that Santiago won't accept the ruling.",
    "Peru's navy ain't gonna let the boats in, an officer told reporters in Lima.",
    "\n\nBrazil sent 200 tonnes of rice to Bolivia; the aid arrived late Friday.\n",
    "“We are ready,” she said. Officials in Quito didn't comment, and Bogota denied it.",
    "",
]


@pytest.fixture(scope="module")
def models() -> tuple[spacy.Language, spacy.Language]:
    plain = spacy.load(DEFAULT_MODEL)
    fast = spacy.load(DEFAULT_MODEL)
    speed_up_attribute_ruler(fast)
    return plain, fast


def annotations(doc: spacy.tokens.Doc) -> list[tuple[object, ...]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_,
             t.ent_type_) for t in doc]


@pytest.mark.parametrize("text", TEXTS)
def test_same_annotations_as_the_models_attribute_ruler(
        models: tuple[spacy.Language, spacy.Language], text: str) -> None:
    plain, fast = models
    assert fast.get_pipe("attribute_ruler").__class__.__name__ == "FastAttributeRules"
    assert annotations(fast(text)) == annotations(plain(text))


@pytest.mark.parametrize("rules,simple,rest", [
    ([{"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}, "index": 0},
      {"patterns": [[{"LOWER": "ai", "TAG": "VBP"}]], "attrs": {"LEMMA": "be"}, "index": 0},
      {"patterns": [[{"TAG": "VB"}]], "attrs": {"POS": "VERB"}, "index": 0}], 1, 2),
    ([{"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"},
       "index": 0}], 1, 0),
])
def test_only_the_leading_single_tag_rules_are_taken(
        rules: list[dict[str, object]], simple: int, rest: int) -> None:
    table, remaining = split_tag_rules(rules)  # type: ignore[arg-type]
    assert (len(table), len(remaining)) == (simple, rest)
