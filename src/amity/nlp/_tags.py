"""The model's attribute rules (tag to POS, and exceptions) applied by array tests.

spaCy's English models carry, in their `attribute_ruler`, one rule per fine-grained tag
(`{"TAG": "NN"} -> POS NOUN, MORPH Number=Sing`) before about 120 exceptions. Its Matcher
tries every rule on every token and builds a span per match (the tag rules match nearly
all tokens): a seventh of the parse time. The tag rules come first, so they are one look-up
on the tag array; the single-token exceptions are array tests; the few others keep a
Matcher. Same annotations (checked token by token in tests/nlp), a quarter of the time.
"""
from __future__ import annotations

from typing import Any

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
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


_ARRAY_KEYS = {"LOWER": LOWER, "TAG": TAG, "DEP": DEP, "IS_SPACE": IS_SPACE}


class FastAttributeRules:
    """The model's attribute_ruler, same annotations, less time: the leading tag rules by
    `TagAttributes`, then each remaining single-token rule whose values are plain strings,
    IN or NOT_IN lists or booleans as one array test per document; only rules with a regex
    or several tokens go through a Matcher. As in spaCy's ruler, every rule is matched
    against the document before any is applied, and later rules win."""

    def __init__(self, nlp: Language, name: str, table: dict[str, dict[str, str]],
                 rules: list[dict[str, Any]]) -> None:
        self.name = name
        self.tags = TagAttributes(nlp, table)
        self.ruler = AttributeRuler(nlp.vocab, name)
        self.ruler.add_patterns(rules)  # rule i of `rules` is ruler.attrs[i]
        self.matcher = Matcher(nlp.vocab)
        self.arrays: list[tuple[int, list[list[tuple[int, str, Any]]]]] = []
        strings = nlp.vocab.strings
        for i, rule in enumerate(rules):
            tests = [_array_tests(pattern, strings) for pattern in rule["patterns"]]
            if all(t is not None for t in tests):
                self.arrays.append((i, [t for t in tests if t is not None]))
            else:
                self.matcher.add(str(i), rule["patterns"])

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        columns = doc.to_array([LOWER, TAG, DEP, IS_SPACE])  # before any rule is applied
        self.tags(doc)
        by_attr = dict(zip((LOWER, TAG, DEP, IS_SPACE), columns.T, strict=True))
        matches: list[tuple[int, int, int, int]] = []
        for i, alternatives in self.arrays:
            hit = np.zeros(len(doc), dtype=bool)
            for tests in alternatives:
                mask = np.ones(len(doc), dtype=bool)
                for attr, op, value in tests:
                    column = by_attr[attr]
                    if op == "eq":
                        mask &= column == value
                    elif op == "in":
                        mask &= np.isin(column, value)
                    else:
                        mask &= ~np.isin(column, value)
                hit |= mask
            matches += [(i, 0, int(j), int(j) + 1) for j in np.flatnonzero(hit)]
        for key, start, end in self.matcher(doc, allow_missing=True, as_spans=False):
            matches.append((int(doc.vocab.strings[key]), 0, start, end))
        matches.sort()
        self.ruler.set_annotations(doc, matches)  # type: ignore[no-untyped-call]  # spaCy: untyped
        return doc


def _array_tests(pattern: list[dict[str, Any]], strings: Any
                 ) -> list[tuple[int, str, Any]] | None:
    """One token's conditions as (attribute, eq/in/not_in, hash values), or None when the
    pattern needs the Matcher (several tokens, a regex, another attribute)."""
    if len(pattern) != 1:
        return None
    tests: list[tuple[int, str, Any]] = []
    for key, value in pattern[0].items():
        attr = _ARRAY_KEYS.get(key)
        if attr is None:
            return None
        if key == "IS_SPACE":
            if not isinstance(value, bool):
                return None
            tests.append((attr, "eq", int(value)))
        elif isinstance(value, str):
            tests.append((attr, "eq", strings.add(value)))
        elif isinstance(value, dict) and len(value) == 1 and set(value) <= {"IN", "NOT_IN"}:
            op, items = next(iter(value.items()))
            hashes = np.array([strings.add(v) for v in items], dtype=np.uint64)
            tests.append((attr, "in" if op == "IN" else "not_in", hashes))
        else:
            return None
    return tests


@Language.factory("amity_attribute_rules", default_config={"table": {}, "rules": []})
def make_attribute_rules(nlp: Language, name: str, table: dict[str, dict[str, str]],
                         rules: list[dict[str, Any]]) -> FastAttributeRules:
    return FastAttributeRules(nlp, name, table, rules)


def speed_up_attribute_ruler(nlp: Language) -> None:
    """Replace the model's attribute_ruler by `FastAttributeRules` (same name, same rules)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    if not isinstance(ruler, AttributeRuler):
        return
    table, rest = split_tag_rules(list(ruler.patterns))
    nlp.replace_pipe("attribute_ruler", "amity_attribute_rules",
                     config={"table": table, "rules": rest})
