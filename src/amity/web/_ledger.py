"""Claims of the ledger with ids and evidence, so pages can link every claimant and document."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import duckdb

from amity.store.render import plain
from amity.web.models import ActorRef, DocumentRef, LedgerClaim, Stance


def _names(con: duckdb.DuckDBPyConnection, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    rows = con.execute("SELECT id, name FROM actors WHERE list_contains(?, id)",
                       [sorted(ids)]).fetchall()
    return {r[0]: r[1] for r in rows}


def actor_refs(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> list[ActorRef]:
    """Refs for `ids` in their order, named from the corpus actors (the id when unknown)."""
    names = _names(con, set(ids))
    return [ActorRef(id=i, name=names.get(i, i)) for i in ids]


def ledger_claims(con: duckdb.DuckDBPyConnection, keys: Sequence[str]) -> list[LedgerClaim]:
    """The ledger entries of `keys`, in that order."""
    keys = list(dict.fromkeys(keys))
    if not keys:
        return []
    groups = con.execute("""
        SELECT group_key, arg_max(text, coalesce(day, DATE '0001-01-01')) AS text,
               list(DISTINCT claimant ORDER BY claimant) AS claimants,
               list_sort(list_distinct(flatten(list(about)))) AS about,
               list(DISTINCT doc_id ORDER BY doc_id) AS docs, min(day) AS first_seen,
               max(day) AS last_seen
        FROM claims WHERE list_contains($keys, group_key) GROUP BY group_key""",
                         {"keys": keys}).fetchall()
    stances = con.execute("""
        SELECT c.group_key, s.stance, s.actor_id, any_value(s.evidence), any_value(s.doc_id)
        FROM claims c JOIN claim_stances s USING (doc_id, claim_index)
        WHERE list_contains($keys, c.group_key)
        GROUP BY c.group_key, s.stance, s.actor_id ORDER BY c.group_key, s.stance, s.actor_id
        """, {"keys": keys}).fetchall()
    ids: set[str] = set()
    doc_ids: set[str] = set()
    for g in groups:
        ids.update(g[2] or [])
        ids.update(g[3] or [])
        doc_ids.update(g[4] or [])
    ids.update(s[2] for s in stances)
    names = _names(con, ids)
    docs = {r[0]: DocumentRef(id=r[0], title=r[1], published=r[2], source=r[3])
            for r in con.execute("SELECT doc_id, title, published, source FROM documents "
                                 "WHERE list_contains(?, doc_id)", [sorted(doc_ids)]).fetchall()}

    def ref(actor_id: str) -> ActorRef:
        return ActorRef(id=actor_id, name=names.get(actor_id, actor_id))

    by_key: dict[str, dict[str, list[Stance]]] = {}
    for key, stance, actor_id, evidence, doc_id in stances:
        by_key.setdefault(key, {}).setdefault(stance, []).append(
            Stance(actor=ref(actor_id), evidence=evidence, doc_id=doc_id))
    found: dict[str, LedgerClaim] = {}
    for key, text, claimants, about, doc_list, first, last in groups:
        found[key] = LedgerClaim(
            key=key, text=text or "", claimants=[ref(c) for c in claimants or []],
            about=[ref(a) for a in about or []],
            disputed_by=by_key.get(key, {}).get("disputes", []),
            supported_by=by_key.get(key, {}).get("supports", []),
            documents=[docs[d] for d in doc_list or [] if d in docs],
            first_seen=_day(first), last_seen=_day(last))
    return [found[k] for k in keys if k in found]


def _day(value: Any) -> str | None:
    out = plain(value)
    return None if out is None else str(out)
