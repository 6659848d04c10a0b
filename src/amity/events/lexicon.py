"""The event lexicon (lexicon.yaml beside this module): triggers → PLOVER type, mode, score."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from amity.record import QUAD_OF_TYPE

HERE = Path(__file__).resolve().parent
LEXICON_VERSION = "1.2.0"


class _Loader(yaml.SafeLoader):
    """YAML without YAML 1.1's on/off/yes/no booleans: "on" and "no" are words here."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool",
                              re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                              list("tTfF"))


@dataclass(frozen=True, slots=True)
class Entry:
    """How one trigger word codes an event and where its target is found."""

    key: str
    type: str
    mode: str | None = None
    score: float | None = None
    preps: frozenset[str] = frozenset()
    prep_types: dict[str, str] = field(default_factory=dict)
    object: bool = True
    reciprocal: bool = False
    needs: frozenset[str] = frozenset()
    needs_not: frozenset[str] = frozenset()
    needs_dep: frozenset[str] = frozenset()
    light: bool = False
    poss: str = "source"
    evaluative: bool = False
    particle: str | None = None  # for "LEMMA PARTICLE" keys
    mod_types: dict[str, str] = field(default_factory=dict)  # "hunger strike" is a PROTEST
    not_after: frozenset[str] = frozenset()  # governing verbs that rule a noun out
    actor_types: dict[str, str] = field(default_factory=dict)  # target kind → type
    mutual: str | None = None  # the type when co-actors act together with no target
    intended: bool = False  # counts only as a stated intention ("will respond")
    third_party: bool = False  # a go-between: aimed at the sides of the act it serves
    answers: bool = False  # a denial: aimed at whoever last accused the denier's side
    source_types: dict[str, str] = field(default_factory=dict)  # doer kind → TYPE[/mode]
    misdeed: bool = False  # no event of its own; telling it accuses the doer ("lies")


@dataclass(frozen=True, slots=True)
class Lexicon:
    version: str
    verbs: dict[str, list[Entry]]
    nouns: dict[str, Entry]
    scores: dict[str, dict[str, float]]
    light_verbs: frozenset[str]
    modifiers: dict[str, Entry]
    leading_modifiers: frozenset[str]
    affiliation_modifiers: frozenset[str]
    hypothetical_modals: frozenset[str]
    hypothetical_marks: frozenset[str]
    hypothetical_governors: frozenset[str]
    negating_governors: frozenset[str]
    negation_words: frozenset[str]
    intention_governors: frozenset[str]
    reporting_verbs: frozenset[str]
    accusing_verbs: frozenset[str]
    alleging_verbs: frozenset[str]
    deontic_modals: frozenset[str]
    hypothetical_nouns: frozenset[str]
    claim_nouns: frozenset[str]
    decision_verbs: frozenset[str]
    demand_governors: frozenset[str] = frozenset()
    misdeed_verbs: frozenset[str] = frozenset()
    asking_governors: frozenset[str] = frozenset()

    def score(self, type_: str, mode: str | None, explicit: float | None = None) -> float:
        """The PLOVER score of a type in a mode (the type's default when the mode has none)."""
        if explicit is not None:
            return explicit
        table = self.scores.get(type_, {})
        if mode is not None and mode in table:
            return table[mode]
        return table.get("default", 0.0)


def _entry(key: str, spec: str | dict[str, Any]) -> Entry:
    if isinstance(spec, str):
        type_, _, mode = spec.partition("/")
        spec = {"type": type_, "mode": mode or None}
    for type_ in (spec["type"], spec.get("mutual") or spec["type"]):
        if type_ not in QUAD_OF_TYPE:
            raise ValueError(f"lexicon entry {key!r}: unknown PLOVER type {type_!r}")
    words = key.split()
    particle = words[1] if len(words) > 1 else None
    preps = set(spec.get("preps") or [])
    return Entry(
        key=words[0], type=spec["type"], mode=spec.get("mode"), score=spec.get("score"),
        preps=frozenset(preps), prep_types=dict(spec.get("prep_types") or {}),
        object=bool(spec.get("object", True)), reciprocal=bool(spec.get("reciprocal", False)),
        needs=frozenset(spec.get("needs") or []), needs_not=frozenset(spec.get("needs_not") or []),
        needs_dep=frozenset(spec.get("needs_dep") or []),
        light=bool(spec.get("light", False)), poss=str(spec.get("poss", "source")),
        evaluative=bool(spec.get("evaluative", False)), particle=particle,
        mod_types=dict(spec.get("mod_types") or {}),
        not_after=frozenset(spec.get("not_after") or []),
        actor_types=dict(spec.get("actor_types") or {}), mutual=spec.get("mutual"),
        intended=bool(spec.get("intended", False)),
        third_party=bool(spec.get("third_party", False)),
        answers=bool(spec.get("answers", False)),
        source_types=dict(spec.get("source_types") or {}))


def _entries(key: str, spec: str | dict[str, Any] | list[Any]) -> list[Entry]:
    """One entry, or several for a word whose type depends on its phrase ("block")."""
    return [_entry(key, one) for one in spec] if isinstance(spec, list) else [_entry(key, spec)]


def parse_lexicon(data: dict[str, Any]) -> Lexicon:
    """A `Lexicon` from the YAML mapping (split out so tests can build small ones)."""
    verbs: dict[str, list[Entry]] = {}
    for key, spec in (data.get("verbs") or {}).items():
        for entry in _entries(key, spec):
            verbs.setdefault(entry.key, []).append(entry)
    for entries in verbs.values():  # the most specific first: "pull out" before "pull"
        entries.sort(key=lambda e: (e.particle is None, not e.needs and not e.needs_dep))
    scores = {t: {m: float(v) for m, v in modes.items()}
              for t, modes in (data.get("scores") or {}).items()}

    def words(name: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(name) or [])

    return Lexicon(
        version=str(data.get("version", LEXICON_VERSION)),
        verbs=verbs,
        nouns={k: _entry(k, v) for k, v in (data.get("nouns") or {}).items()},
        scores=scores,
        light_verbs=words("light_verbs"),
        modifiers={k: _entry(k, v) for k, v in (data.get("modifiers") or {}).items()},
        leading_modifiers=words("leading_modifiers"),
        affiliation_modifiers=words("affiliation_modifiers"),
        hypothetical_modals=words("hypothetical_modals"),
        hypothetical_marks=words("hypothetical_marks"),
        hypothetical_governors=words("hypothetical_governors"),
        negating_governors=words("negating_governors"),
        negation_words=words("negation_words"),
        intention_governors=words("intention_governors"),
        reporting_verbs=words("reporting_verbs"),
        accusing_verbs=words("accusing_verbs"),
        alleging_verbs=words("alleging_verbs"),
        deontic_modals=words("deontic_modals"),
        hypothetical_nouns=words("hypothetical_nouns"),
        claim_nouns=words("claim_nouns"),
        decision_verbs=words("decision_verbs"),
        demand_governors=words("demand_governors"),
        misdeed_verbs=words("misdeed_verbs"),
        asking_governors=words("asking_governors"),
    )


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged lexicon, read once per process."""
    text = (HERE / "lexicon.yaml").read_text(encoding="utf-8")
    return parse_lexicon(yaml.load(text, Loader=_Loader))  # noqa: S506 - a SafeLoader
