"""Read the analyses' inputs from the store: the events frame and the disputed-claims frame.

The analyses themselves are pure functions over these pandas frames, so they run the same
on a store, on Parquet read by pandas, or on a frame a test builds by hand.
"""
from __future__ import annotations

from typing import Any

import pandas as pd

from amity.analyze.scoring import at_level, check_level

#: What every analysis may read; only source, target, type and intensity are required.
EVENT_COLUMNS = ("doc_id", "source", "target", "source_rollup", "target_rollup", "source_name",
                 "target_name", "source_rollup_name", "target_rollup_name", "type", "quad",
                 "intensity", "date", "asserted_by", "asserted_by_name", "negated",
                 "hypothetical", "evidence", "confidence")

_EVENTS_SQL = """
SELECT e.doc_id, e.source, e.target,
       coalesce(e.source_rollup, e.source) AS source_rollup,
       coalesce(e.target_rollup, e.target) AS target_rollup,
       coalesce(sa.name, e.source) AS source_name, coalesce(ta.name, e.target) AS target_name,
       coalesce(sr.name, e.source_rollup, e.source) AS source_rollup_name,
       coalesce(tr.name, e.target_rollup, e.target) AS target_rollup_name,
       e.type, e.quad, e.intensity, e.day AS date, e.asserted_by,
       coalesce(aa.name, e.asserted_by) AS asserted_by_name, e.negated, e.hypothetical,
       e.evidence_text AS evidence, e.confidence, e.date AS date_text, e.event_index
FROM events e
LEFT JOIN actors sa ON sa.id = e.source
LEFT JOIN actors ta ON ta.id = e.target
LEFT JOIN actors sr ON sr.id = e.source_rollup
LEFT JOIN actors tr ON tr.id = e.target_rollup
LEFT JOIN actors aa ON aa.id = e.asserted_by
WHERE {where}
ORDER BY e.day NULLS LAST, e.doc_id, e.event_index
"""


def _connection(store_or_connection: Any) -> Any:
    """The DuckDB connection of a `Store`, or the connection itself."""
    return getattr(store_or_connection, "con", store_or_connection)


def events_frame(store_or_connection: Any, *, level: str | None = None,
                 since: str | None = None, until: str | None = None,
                 claims: bool = False) -> pd.DataFrame:
    """Events of the store as the analyses' frame (EVENT_COLUMNS, `date` a day or NaT).

    `since`/`until` bound the event's day (inclusive; undated events drop out of a window);
    `claims=False` keeps only what articles state as fact; with `level`, rows that collapse
    to a self-relation at that level are dropped.
    """
    where, params = ["TRUE"], []
    if since:
        where.append("e.day >= CAST(? AS DATE)")
        params.append(since)
    if until:
        where.append("e.day <= CAST(? AS DATE)")
        params.append(until)
    if not claims:
        where.append("(e.asserted_by IS NULL OR e.asserted_by = '')")
    con = _connection(store_or_connection)
    frame: pd.DataFrame = con.execute(_EVENTS_SQL.format(where=" AND ".join(where)),
                                      params).df()
    frame["date"] = pd.to_datetime(frame["date"], errors="coerce")
    if level is not None:
        check_level(level)
        kept = at_level(frame, level).index
        frame = frame.loc[kept].reset_index(drop=True)
    return frame


_CLAIMS_SQL = """
WITH stances AS (
    SELECT s.doc_id, s.claim_index, s.stance, coalesce(a.name, s.actor_id) AS actor,
           s.evidence
    FROM claim_stances s LEFT JOIN actors a ON a.id = s.actor_id
)
SELECT c.group_key, any_value(coalesce(ca.name, c.claimant)) AS claimant,
       any_value(c.text) AS text, list_distinct(flatten(list(c.about))) AS about,
       count(DISTINCT c.doc_id) AS documents,
       count(DISTINCT CASE WHEN s.stance = 'disputes' THEN s.actor END) AS disputed,
       count(DISTINCT CASE WHEN s.stance = 'supports' THEN s.actor END) AS supported,
       list(DISTINCT s.actor) FILTER (WHERE s.stance = 'disputes') AS disputed_by,
       list(DISTINCT s.actor) FILTER (WHERE s.stance = 'supports') AS supported_by,
       list(DISTINCT s.evidence) FILTER (WHERE s.stance = 'disputes') AS dispute_evidence,
       list(DISTINCT c.doc_id) AS doc_ids
FROM claims c
LEFT JOIN actors ca ON ca.id = c.claimant
LEFT JOIN stances s ON s.doc_id = c.doc_id AND s.claim_index = c.claim_index
GROUP BY c.group_key
ORDER BY disputed DESC, supported DESC, documents DESC, claimant
LIMIT ?
"""


def disputed_claims_frame(store_or_connection: Any, limit: int = 10) -> pd.DataFrame:
    """Claims grouped across documents, the most disputed first, with who disputes them."""
    frame: pd.DataFrame = _connection(store_or_connection).execute(_CLAIMS_SQL,
                                                                   [limit]).df()
    for col in ("about", "disputed_by", "supported_by", "dispute_evidence", "doc_ids"):
        frame[col] = frame[col].map(_as_list)
    return frame


def _as_list(value: Any) -> list[Any]:
    """DuckDB lists arrive as arrays or None; the report wants plain lists."""
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return []
    return [v for v in list(value) if v is not None]
