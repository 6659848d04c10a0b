"""The model's tag-to-POS rules applied by array look-up instead of its Matcher.

spaCy's English models carry, in their `attribute_ruler`, one rule per fine-grained tag
(`{"TAG": "NN"} -> POS NOUN, MORPH Number=Sing`) before their exceptions. Each such rule
matches nearly every token, so the ruler spent most of its time building a span per token.
Those single-tag rules come first, so applying them as one look-up on the tag array and then
the ruler with only the remaining rules gives the same annotations (checked token by token
in tests/nlp), in a fraction of the time.
"""
from __future__ import annotations

from typing import Any

import numpy as np
from spacy.attrs import MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc


def split_tag_rules(patterns: list[dict[str, Any]]) -> tuple[dict[str, dict[str, str]],
                                                             list[dict[str, Any]]]:
    """The leading single-tag rules as {tag: attrs}, and every rule after them."""
    table: dict[str, dict[str, str]] = {}
    for i, rule in enumerate(patterns):
        pats, attrs = rule["patterns"], rule["attrs"]
        simple = (len(pats) == 1 and len(pats[0]) == 1 and list(pats[0][0]) == ["TAG"]
                  and isinstance(pats[0][0]["TAG"], str) and set(attrs) <= {"POS", "MORPH"}
                  and rule.get("index", 0) in (0, -1))
        if not simple:
            return table, patterns[i:]
        table.setdefault(pats[0][0]["TAG"], {}).update(attrs)
    return table, []


class TagAttributes:
    """POS and MORPH for each token from its tag, by one array look-up per document."""

    def __init__(self, nlp: Language, table: dict[str, dict[str, str]]) -> None:
        strings, morphology = nlp.vocab.strings, nlp.vocab.morphology
        self.table: dict[int, tuple[int | None, int | None]] = {}
        for tag, attrs in table.items():
            pos = attrs.get("POS")
            morph = attrs.get("MORPH")
            self.table[strings.add(tag)] = (
                None if pos is None else _pos_id(pos),
                None if morph is None else morphology.add(morph))

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        current = doc.to_array([TAG, POS, MORPH])
        values = current[:, 1:].copy()
        for tag in np.unique(current[:, 0]):
            found = self.table.get(int(tag))
            if found is None:
                continue
            rows = current[:, 0] == tag
            if found[0] is not None:
                values[rows, 0] = found[0]
            if found[1] is not None:
                values[rows, 1] = found[1]
        doc.from_array([POS, MORPH], values)  # type: ignore[arg-type]  # uint64, as given
        return doc


def _pos_id(pos: str) -> int:
    from spacy.parts_of_speech import IDS

    return int(IDS[pos])


@Language.factory("amity_tag_attributes", default_config={"table": {}})
def make_tag_attributes(nlp: Language, name: str,
                        table: dict[str, dict[str, str]]) -> TagAttributes:
    return TagAttributes(nlp, table)


def speed_up_attribute_ruler(nlp: Language) -> None:
    """Move the model's leading single-tag rules out of its attribute_ruler into
    `TagAttributes` just before it (same annotations, see the module docstring)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    if not isinstance(ruler, AttributeRuler):
        return
    table, rest = split_tag_rules(list(ruler.patterns))
    if not table:
        return
    ruler.clear()
    ruler.add_patterns(rest)
    nlp.add_pipe("amity_tag_attributes", before="attribute_ruler", config={"table": table})
