"""Rows back into a record: the inverse of `record_rows`, so the store loses nothing."""
from __future__ import annotations

from typing import Any

import duckdb

from amity.record import (
    Actor,
    Claim,
    Document,
    Event,
    Evidence,
    Mention,
    Provenance,
    Quote,
    Removed,
    Stance,
)


def _rows(con: duckdb.DuckDBPyConnection, table: str, doc_id: str, order: str
          ) -> list[dict[str, Any]]:
    cur = con.execute(f"SELECT * FROM {table} WHERE doc_id = ? ORDER BY {order}", [doc_id])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def rebuild_document(con: duckdb.DuckDBPyConnection, doc_id: str) -> Document | None:
    """The record of `doc_id` as stored, or None when it is not in the store."""
    docs = _rows(con, "documents", doc_id, "doc_id")
    if not docs:
        return None
    d = docs[0]
    mentions: dict[str, list[Mention]] = {}
    for m in _rows(con, "mentions", doc_id, "actor_id, mention_index"):
        mentions.setdefault(m["actor_id"], []).append(
            Mention(m["start_char"], m["end_char"], m["text"]))
    actors = [Actor(id=a["actor_id"], name=a["name"], kind=a["kind"], rollup=a["rollup"],
                    country=a["country"], aliases=list(a["aliases"] or []),
                    mentions=mentions.get(a["actor_id"], []), role=a["role"])
              for a in _rows(con, "doc_actors", doc_id, "actor_index")]
    events = [Event(source=e["source"], target=e["target"], type=e["type"], quad=e["quad"],
                    intensity=e["intensity"],
                    evidence=Evidence(e["evidence_start"], e["evidence_end"],
                                      e["evidence_text"]),
                    mode=e["mode"], date=e["date"], asserted_by=e["asserted_by"],
                    negated=e["negated"], hypothetical=e["hypothetical"],
                    confidence=e["confidence"], trigger=e["trigger"])
              for e in _rows(con, "events", doc_id, "event_index")]
    quotes = [Quote(speaker=r["speaker"], kind=r["kind"], text=r["text"],
                    start=r["start_char"], end=r["end_char"], channel=r["channel"],
                    verb=r["verb"])
              for r in _rows(con, "quotes", doc_id, "quote_index")]
    stances: dict[tuple[int, str], list[Stance]] = {}
    for s in _rows(con, "claim_stances", doc_id, "claim_index, stance, stance_index"):
        stances.setdefault((s["claim_index"], s["stance"]), []).append(
            Stance(s["actor_id"], s["evidence"]))
    claims = [Claim(claimant=c["claimant"], about=list(c["about"] or []), text=c["text"],
                    events=list(c["events"] or []),
                    disputed_by=stances.get((c["claim_index"], "disputes"), []),
                    supported_by=stances.get((c["claim_index"], "supports"), []),
                    key=c["key"] or "", start=c["start_char"], end=c["end_char"])
              for c in _rows(con, "claims", doc_id, "claim_index")]
    removed = [Removed(r["kind"], r["text"])
               for r in _rows(con, "removed", doc_id, "removed_index")]
    return Document(id=d["doc_id"], source=d["source"], text=d["text"],
                    provenance=Provenance(amity=d["amity"] or "", model=d["model"],
                                          dictionary=d["dictionary"], lexicon=d["lexicon"]),
                    title=d["title"], published=d["published"], site=d["site"], url=d["url"],
                    language=d["language"], removed=removed, actors=actors, events=events,
                    quotes=quotes, claims=claims)
