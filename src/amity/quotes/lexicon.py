"""The quote lexicon (lexicon.yaml) and channel cues (channels.yaml), loaded once."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True, slots=True)
class QuoteLexicon:
    version: str
    reporting: frozenset[str]
    particles: dict[str, str]
    evidence_verbs: frozenset[str]
    evidence_nouns: frozenset[str]
    naming: frozenset[str]
    prepositional: dict[str, str]
    anonymous: frozenset[str]
    agents: frozenset[str]
    roles: frozenset[str]
    documents: frozenset[str]
    organisations: frozenset[str]
    channels: tuple[tuple[str, re.Pattern[str]], ...]

    def channel_in(self, text: str) -> str | None:
        """The first channel whose cue occurs in `text`."""
        for name, pattern in self.channels:
            if pattern.search(text):
                return name
        return None


@lru_cache(maxsize=1)
def load_lexicon() -> QuoteLexicon:
    data = yaml.safe_load((HERE / "lexicon.yaml").read_text(encoding="utf-8"))
    cues = yaml.safe_load((HERE / "channels.yaml").read_text(encoding="utf-8"))["channels"]
    channels = tuple(
        (name, re.compile(r"\b(?:" + "|".join(pats) + r")\b", re.IGNORECASE))
        for name, pats in cues.items())
    return QuoteLexicon(
        version=str(data["version"]),
        reporting=frozenset(data["reporting_verbs"]),
        particles=dict(data["particle_verbs"]),
        evidence_verbs=frozenset(data["evidence_verbs"]),
        evidence_nouns=frozenset(data["evidence_nouns"]),
        naming=frozenset(data["naming_verbs"]),
        prepositional=dict(data["prepositional"]),
        anonymous=frozenset(data["anonymous_speakers"]),
        agents=frozenset(data["agent_nouns"]),
        roles=frozenset(data["role_nouns"]),
        documents=frozenset(data["document_nouns"]),
        organisations=frozenset(data["organisation_nouns"]),
        channels=channels,
    )
