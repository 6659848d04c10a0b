"""The JSON the API serves (and the pages render): one model per page, in the OpenAPI schema."""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class ActorRef(BaseModel):
    """An actor as a link: its stable id and canonical name."""

    id: str
    name: str


class Count(BaseModel):
    measure: str
    value: str | int | None


class GraphNode(BaseModel):
    id: str
    name: str
    events: int = Field(description="events stated as fact with this actor at either end")


class GraphEdge(BaseModel):
    a: ActorRef
    b: ActorRef
    sign: int = Field(description="+1 cooperation, -1 conflict, 0 even")
    weight: float = Field(description="|net score|: deeds count double, words once")
    events: int
    counts: dict[str, int] = Field(description="events per PLOVER quad class")


class Evidence(BaseModel):
    """One event and the sentence that shows it, with the document it comes from."""

    doc_id: str
    event_index: int | None = None
    title: str | None = None
    day: str | None = None
    source: ActorRef
    target: ActorRef
    type: str
    quad: str | None = None
    intensity: float | None = None
    asserted_by: ActorRef | None = Field(
        None, description="who claims it; null when the article states it as fact")
    negated: bool = False
    hypothetical: bool = False
    sentence: str


class Alliance(BaseModel):
    actors: list[ActorRef]
    reason: str
    shared_enemies: list[ActorRef]
    evidence: list[dict[str, Any]]


class Stance(BaseModel):
    actor: ActorRef
    evidence: str | None = None
    doc_id: str | None = None


class DocumentRef(BaseModel):
    id: str
    title: str | None = None
    published: str | None = None
    source: str | None = None


class LedgerClaim(BaseModel):
    """A claim grouped across documents: who makes, disputes and supports it."""

    key: str
    text: str
    claimants: list[ActorRef]
    about: list[ActorRef]
    disputed_by: list[Stance]
    supported_by: list[Stance]
    documents: list[DocumentRef]
    first_seen: str | None = None
    last_seen: str | None = None


class Overview(BaseModel):
    counts: list[Count]
    graph_nodes: list[GraphNode]
    graph_edges: list[GraphEdge]
    recent_events: list[Evidence]
    alliances: list[Alliance]
    disputed_claims: list[LedgerClaim]


class Role(BaseModel):
    role: str
    documents: int
    first_seen: str | None = None
    last_seen: str | None = None


class Partner(BaseModel):
    actor: ActorRef
    events: int
    cooperation: int
    conflict: int
    mean_intensity: float | None = None


class Quote(BaseModel):
    doc_id: str
    title: str | None = None
    day: str | None = None
    speaker: ActorRef | None = None
    kind: str
    channel: str | None = None
    text: str


class ActorPage(BaseModel):
    id: str
    name: str
    kind: str
    kinds: list[str]
    rollup: ActorRef
    country: str | None = None
    level: str = Field(description="rollup: counts every actor that rolls up to it")
    aliases: list[str]
    documents: int
    mentions: int
    roles: list[Role]
    members: list[ActorRef]
    partners: list[Partner]
    adversaries: list[Partner]
    events: list[Evidence]
    quotes: list[Quote]
    claims_made: list[LedgerClaim]
    claims_about: list[LedgerClaim]


class DyadPeriod(BaseModel):
    """One period of the dyad: facts and claims per quad class apart."""

    period: str
    facts: dict[str, int]
    claims: dict[str, int]
    mean_intensity: float | None = None
    mean_intensity_claims: float | None = None


class Dyad(BaseModel):
    a: ActorRef
    b: ActorRef
    by: str
    periods: list[DyadPeriod]
    totals: dict[str, int]
    evidence: list[Evidence]


class ClaimsLedger(BaseModel):
    about: ActorRef | None = None
    claimant: ActorRef | None = None
    claims: list[LedgerClaim]


class DocumentRow(BaseModel):
    id: str
    title: str | None = None
    source: str
    published: str | None = None
    site: str | None = None
    events: int
    quotes: int
    claims: int


class DocumentList(BaseModel):
    q: str | None = None
    total: int
    offset: int
    limit: int
    documents: list[DocumentRow]


class ActorHit(BaseModel):
    id: str
    name: str
    kind: str
    documents: int
    matched: str = Field(description="the name or alias that matched")


class DocumentHit(BaseModel):
    id: str
    title: str | None = None
    published: str | None = None
    snippet: str | None = Field(None, description="text around the first match")


class SearchResults(BaseModel):
    q: str
    actors: list[ActorHit]
    documents: list[DocumentHit]


class UploadLimits(BaseModel):
    max_bytes: int
    max_files: int
    token_required: bool
    accepted: list[str]


class JobStatus(BaseModel):
    id: str
    state: str = Field(description="queued, running, done or failed")
    files: list[str]
    total: int
    done: int
    stored: int
    duplicate: int
    failed: int
    message: str
    failures: list[str]
    documents: list[DocumentRef] = Field(description="the documents this upload stored")
    run_id: str | None = None
