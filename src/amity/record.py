"""The `amity.document/1` record: the contract between the per-document and corpus halves.

Every stage returns these plain dataclasses; `Document.to_dict()` gives the JSON object of
shared/contract/document.md, `Document.from_dict()` reads one back (store, Spark, tests).
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

SCHEMA = "amity.document/1"

REMOVED_KINDS = ("navigation", "social", "newsletter", "caption", "credit", "teaser", "notice",
                 "other")
ACTOR_KINDS = ("state", "government", "person", "armed_group", "igo", "organization", "media")
QUOTE_KINDS = ("direct", "indirect", "mixed")
CHANNELS = ("email", "social_media", "statement", "interview", "text_message",
            "press_conference", "speech", "website")

QUAD_OF_TYPE: dict[str, str] = {
    "AGREE": "verbal_cooperation", "CONSULT": "verbal_cooperation",
    "SUPPORT": "verbal_cooperation", "CONCEDE": "verbal_cooperation",
    "COOPERATE": "material_cooperation", "AID": "material_cooperation",
    "RETREAT": "material_cooperation", "REQUEST": "verbal_conflict",
    "ACCUSE": "verbal_conflict", "REJECT": "verbal_conflict",
    "THREATEN": "verbal_conflict", "PROTEST": "material_conflict",
    "SANCTION": "material_conflict", "MOBILIZE": "material_conflict",
    "COERCE": "material_conflict", "ASSAULT": "material_conflict",
}
EVENT_TYPES = tuple(QUAD_OF_TYPE)


def parse_day(value: str | None) -> date | None:
    """The first day a YYYY[-MM[-DD]] date can mean (None when absent or malformed)."""
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value or "")
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


@dataclass(slots=True)
class Removed:
    """A piece of the page that is not the article, and why it was cut."""

    kind: str
    text: str


@dataclass(slots=True)
class Mention:
    """Where an actor is named (or referred to) in `text`; offsets end-exclusive."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Actor:
    id: str
    name: str
    kind: str
    rollup: str
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    role: str | None = None  # the dictionary role held on the document's date, if any


@dataclass(slots=True)
class Evidence:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Event:
    source: str
    target: str
    type: str
    quad: str
    intensity: float
    evidence: Evidence
    mode: str | None = None
    date: str | None = None
    asserted_by: str | None = None
    negated: bool = False
    hypothetical: bool = False
    confidence: float = 0.5
    trigger: str | None = None  # the word or pattern that coded it, for provenance


@dataclass(slots=True)
class Quote:
    speaker: str | None
    kind: str
    text: str
    start: int
    end: int
    channel: str | None = None
    verb: str | None = None  # lemma of the reporting verb ("say", "claim", "accuse"), if any


@dataclass(slots=True)
class Stance:
    """An actor disputing or supporting a claim, with the sentence that shows it."""

    actor: str
    evidence: str


@dataclass(slots=True)
class Claim:
    claimant: str
    about: list[str]
    text: str
    events: list[int] = field(default_factory=list)
    disputed_by: list[Stance] = field(default_factory=list)
    supported_by: list[Stance] = field(default_factory=list)
    key: str = ""  # claimant + actors + kind of assertion, for grouping across documents
    start: int = 0
    end: int = 0


@dataclass(slots=True)
class Provenance:
    amity: str
    model: str | None = None
    dictionary: str | None = None
    lexicon: str | None = None


@dataclass(slots=True)
class Document:
    id: str
    source: str
    text: str
    provenance: Provenance
    title: str | None = None
    published: str | None = None
    site: str | None = None
    url: str | None = None
    language: str = "en"
    removed: list[Removed] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    # What reading the input noticed (bytes that were not valid UTF-8...): the CLI prints
    # these; they describe the input file, not the article, so they stay out of the record.
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"schema": SCHEMA}
        out.update(asdict(self))
        del out["warnings"]
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        """Read a record back; unknown keys are ignored so newer records stay readable."""
        def actor(a: dict[str, Any]) -> Actor:
            return Actor(id=a["id"], name=a["name"], kind=a["kind"], rollup=a["rollup"],
                         country=a.get("country"), aliases=list(a.get("aliases") or []),
                         mentions=[Mention(**m) for m in a.get("mentions") or []],
                         role=a.get("role"))

        def event(e: dict[str, Any]) -> Event:
            return Event(source=e["source"], target=e["target"], type=e["type"], quad=e["quad"],
                         intensity=float(e["intensity"]), evidence=Evidence(**e["evidence"]),
                         mode=e.get("mode"), date=e.get("date"),
                         asserted_by=e.get("asserted_by"), negated=bool(e.get("negated")),
                         hypothetical=bool(e.get("hypothetical")),
                         confidence=float(e.get("confidence", 0.5)), trigger=e.get("trigger"))

        def claim(c: dict[str, Any]) -> Claim:
            return Claim(claimant=c["claimant"], about=list(c.get("about") or []),
                         text=c["text"], events=list(c.get("events") or []),
                         disputed_by=[Stance(**s) for s in c.get("disputed_by") or []],
                         supported_by=[Stance(**s) for s in c.get("supported_by") or []],
                         key=c.get("key", ""), start=c.get("start", 0), end=c.get("end", 0))

        prov = data.get("provenance") or {}
        return cls(
            id=data["id"], source=data["source"], text=data["text"],
            provenance=Provenance(amity=prov.get("amity", ""), model=prov.get("model"),
                                  dictionary=prov.get("dictionary"), lexicon=prov.get("lexicon")),
            title=data.get("title"), published=data.get("published"), site=data.get("site"),
            url=data.get("url"), language=data.get("language", "en"),
            removed=[Removed(**r) for r in data.get("removed") or []],
            actors=[actor(a) for a in data.get("actors") or []],
            events=[event(e) for e in data.get("events") or []],
            quotes=[Quote(**q) for q in data.get("quotes") or []],
            claims=[claim(c) for c in data.get("claims") or []],
        )
