"""Claim keys and cue data (no model needed)."""
from __future__ import annotations

import pytest

from amity.claims.cues import load_cues
from amity.claims.ledger import claim_key


def test_claim_key_sorts_actors_so_the_same_claim_groups_across_documents() -> None:
    assert claim_key("mike-pompeo", ["al-qaeda", "IRN"], "accuse") == \
        claim_key("mike-pompeo", ["IRN", "al-qaeda", "IRN"], "accuse")


@pytest.mark.parametrize("verb,kind", [
    ("accuse", "accuse"), ("allege", "accuse"), ("charge", "accuse"), ("deny", "deny"),
    ("reject", "deny"), ("claim", "claim"), ("insist", "claim"), ("assert", "claim"),
    ("say", "assert"), (None, "assert"), ("warn", "warn"),
])
def test_kind_of_assertion_by_reporting_verb(verb: str | None, kind: str) -> None:
    assert load_cues().kind(verb) == kind


@pytest.mark.parametrize("sentence", [
    "Zarif called the speech warmongering lies.",
    "The claims are completely false, the group said.",
    "But Lahoud found just the opposite.",
    "Officials pushed back on the report.",
    "There was no evidence to support it.",
    "That doesn't seem accurate to me.",
])
def test_rebuttal_phrases(sentence: str) -> None:
    assert load_cues().dispute_phrases.search(sentence)


@pytest.mark.parametrize("sentence", [
    "The minister said the talks were productive.",
    "Iran accused the United States of bad faith.",
])
def test_plain_statements_are_not_rebuttals(sentence: str) -> None:
    assert not load_cues().dispute_phrases.search(sentence)
