"""Claim and stance cues (cues.yaml), loaded once."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent


def _any_of(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ClaimCues:
    version: str
    kind_of_verb: dict[str, str]
    claim_verbs: frozenset[str]
    dispute_verbs: frozenset[str]
    judging_verbs: frozenset[str]
    dispute_phrases: re.Pattern[str]
    skeptic_phrases: re.Pattern[str]
    support_verbs: frozenset[str]
    claim_nouns: frozenset[str]

    def kind(self, verb: str | None) -> str:
        """The kind of assertion a reporting verb makes ('accuse', 'deny', ... 'assert')."""
        return self.kind_of_verb.get(verb or "", "assert")


@lru_cache(maxsize=1)
def load_cues() -> ClaimCues:
    data = yaml.safe_load((HERE / "cues.yaml").read_text(encoding="utf-8"))
    kind_of_verb = {verb: kind for kind, verbs in data["kinds"].items() for verb in verbs}
    return ClaimCues(
        version=str(data["version"]),
        kind_of_verb=kind_of_verb,
        claim_verbs=frozenset(data["claim_verbs"]),
        dispute_verbs=frozenset(data["dispute_verbs"]),
        judging_verbs=frozenset(data["judging_verbs"]),
        dispute_phrases=_any_of(data["dispute_phrases"]),
        skeptic_phrases=_any_of(data["skeptic_phrases"]),
        support_verbs=frozenset(data["support_verbs"]),
        claim_nouns=frozenset(data["claim_nouns"]),
    )
