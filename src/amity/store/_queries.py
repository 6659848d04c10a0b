"""The store's questions as SQL: stats, actor profiles, dyad relations, events, claim ledger.

Actor arguments resolve through the corpus `actors` table (id, name or alias, any case).
Matching level: an actor that is its own rollup (a state, an IGO, a top-level organisation)
matches every actor that rolls up to it, so "Iran" covers Iran's ministers and forces; any
other actor (a person, a ministry) matches only itself. `exact=True` always matches only the
actor itself.
"""
from __future__ import annotations

import calendar
import os
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import duckdb
import pandas as pd

from amity.record import EVENT_TYPES, QUAD_OF_TYPE, parse_day
from amity.store.errors import StoreError, UnknownActor

QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
PERIODS = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}


@dataclass(slots=True, frozen=True)
class ActorMatch:
    """An actor argument resolved: the actor, and whether it stands for its whole rollup."""

    id: str
    name: str
    kind: str
    rollup: str
    level: str  # "rollup": matches *_rollup columns; "actor": matches the actor itself

    def column(self, role: str) -> str:
        """The events/claims column to compare: `source` or `source_rollup`, etc."""
        return f"{role}_rollup" if self.level == "rollup" else role


def resolve_actor(con: duckdb.DuckDBPyConnection, text: str, *, exact: bool = False
                  ) -> ActorMatch:
    """The stored actor named by `text` (id, canonical name, alias or a past name)."""
    key = text.strip().casefold()
    lookups = (
        "SELECT id FROM actors WHERE lower(id) = ?",
        "SELECT id FROM actors WHERE lower(name) = ?",
        "SELECT id FROM actors WHERE list_contains(list_transform(aliases, lambda x: lower(x)), ?)",
        "SELECT DISTINCT actor_id FROM doc_actors WHERE lower(name) = ?",
        # a surname or a word of the name ("Araghchi"): fine when it picks one actor
        "SELECT id FROM actors WHERE list_contains(string_split_regex(lower(name), '[^\\w]+'),"
        " ?)",
    )
    for sql in lookups:
        ids = [r[0] for r in con.execute(sql, [key]).fetchall()]
        if ids:
            break
    else:
        rows = con.execute(
            "SELECT name, id, jaro_winkler_similarity(lower(name), ?) AS s FROM actors "
            "WHERE s > 0.8 ORDER BY s DESC LIMIT 3", [key]).fetchall()
        raise UnknownActor(text, [f"{r[0]} ({r[1]})" for r in rows])
    # Several actors share the name or alias: the one in most documents is meant.
    row = con.execute(
        "SELECT a.id, a.name, a.kind, a.rollup FROM actors a LEFT JOIN (SELECT actor_id, "
        "count(*) AS n FROM doc_actors GROUP BY actor_id) d ON d.actor_id = a.id "
        "WHERE list_contains(?, a.id) ORDER BY coalesce(n, 0) DESC, a.id LIMIT 1",
        [ids]).fetchone()
    if row is None:
        raise UnknownActor(text, [])
    level = "rollup" if row[3] == row[0] and not exact else "actor"
    return ActorMatch(row[0], row[1], row[2], row[3], level)


def _last_day(value: str) -> date | None:
    """The last day a YYYY[-MM[-DD]] date can mean (`--until 2024` takes all of 2024)."""
    first = parse_day(value)
    if first is None:
        return None
    parts = value.strip().split("-")
    if len(parts) == 1:
        return date(first.year, 12, 31)
    if len(parts) == 2:
        return date(first.year, first.month, calendar.monthrange(first.year, first.month)[1])
    return first


def _day_filters(since: str | None, until: str | None, column: str = "e.day"
                 ) -> tuple[list[str], dict[str, Any]]:
    """SQL conditions (named parameters $since/$until) for a date range, both ends kept."""
    where: list[str] = []
    params: dict[str, Any] = {}
    for name, value, op, parse in (("since", since, ">=", parse_day),
                                   ("until", until, "<=", _last_day)):
        if value:
            day = parse(value)
            if day is None:
                raise StoreError(f"cannot read the date {value!r}; use YYYY, YYYY-MM or "
                                 "YYYY-MM-DD")
            where.append(f"{column} {op} ${name}")
            params[name] = day
    return where, params


def _one(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> Any:
    row = con.execute(sql, params or []).fetchone()
    return row[0] if row else None


def stats(con: duckdb.DuckDBPyConnection, path: str) -> pd.DataFrame:
    """Counts of everything stored, date range and the last run: one row per measure."""
    last = con.execute("SELECT run_id, status, started FROM runs ORDER BY started DESC "
                       "LIMIT 1").fetchone()
    size = os.path.getsize(path) if os.path.isfile(path) else 0
    measures: list[tuple[str, Any]] = [
        ("documents", _one(con, "SELECT count(*) FROM documents")),
        ("published from", _one(con, "SELECT min(published_day) FROM documents")),
        ("published to", _one(con, "SELECT max(published_day) FROM documents")),
        ("actors", _one(con, "SELECT count(*) FROM actors")),
        ("events", _one(con, "SELECT count(*) FROM events")),
        ("events stated as fact", _one(con, "SELECT count(*) FROM events WHERE asserted_by IS "
                                            "NULL AND NOT negated AND NOT hypothetical")),
        ("events claimed by an actor", _one(con, "SELECT count(*) FROM events WHERE "
                                                 "asserted_by IS NOT NULL")),
        ("events negated or hypothetical", _one(con, "SELECT count(*) FROM events WHERE "
                                                     "negated OR hypothetical")),
        ("quotes", _one(con, "SELECT count(*) FROM quotes")),
        ("claims", _one(con, "SELECT count(*) FROM claims")),
        ("distinct claims (ledger keys)", _one(con, "SELECT count(DISTINCT group_key) "
                                                    "FROM claims")),
        ("failed inputs", _one(con, "SELECT count(DISTINCT (source, line)) FROM failures "
                                    "WHERE NOT skipped")),
        ("skipped inputs", _one(con, "SELECT count(DISTINCT (source, line)) FROM failures "
                                     "WHERE skipped")),
        ("runs", _one(con, "SELECT count(*) FROM runs")),
        ("last run", f"{last[0]} ({last[1]})" if last else None),
        ("database", f"{path} ({size / 1e6:.1f} MB)"),
    ]
    return pd.DataFrame(measures, columns=["measure", "value"])


def events(con: duckdb.DuckDBPyConnection, *, source: str | None = None,
           target: str | None = None, type_: str | None = None, since: str | None = None,
           until: str | None = None, facts_only: bool = False, exact: bool = False,
           limit: int | None = 100) -> pd.DataFrame:
    """Stored events, newest first; `type_` is a PLOVER type or a quad class."""
    where, params = _day_filters(since, until)
    for arg, role in ((source, "source"), (target, "target")):
        if arg:
            match = resolve_actor(con, arg, exact=exact)
            where.append(f"e.{match.column(role)} = ${role}")
            params[role] = match.id
    if type_:
        t = type_.strip()
        if t.upper() in EVENT_TYPES:
            where.append("e.type = $type")
            params["type"] = t.upper()
        elif t.lower() in QUADS:
            where.append("e.quad = $type")
            params["type"] = t.lower()
        else:
            raise StoreError(f"unknown event type {type_!r}; use one of "
                             f"{', '.join(EVENT_TYPES)} or a quad class ({', '.join(QUADS)})")
    if facts_only:
        where.append("e.asserted_by IS NULL AND NOT e.negated AND NOT e.hypothetical")
    sql = f"""
        SELECT e.day, e.date, coalesce(s.name, e.source) AS source_name, e.type,
               coalesce(t.name, e.target) AS target_name, e.quad, e.intensity,
               coalesce(ab.name, e.asserted_by) AS asserted_by_name, e.negated,
               e.hypothetical, e.confidence, e.evidence_text AS evidence, e.source, e.target,
               e.source_rollup, e.target_rollup, e.asserted_by, e.mode, e.trigger,
               e.doc_id, e.event_index, d.title, d.source AS document
        FROM events e JOIN documents d USING (doc_id)
        LEFT JOIN actors s ON s.id = e.source LEFT JOIN actors t ON t.id = e.target
        LEFT JOIN actors ab ON ab.id = e.asserted_by
        {"WHERE " + " AND ".join(where) if where else ""}
        ORDER BY e.day DESC NULLS LAST, e.doc_id, e.event_index
        {"LIMIT " + str(int(limit)) if limit else ""}"""
    return con.execute(sql, params).df()


def relations(con: duckdb.DuckDBPyConnection, a: str, b: str, *, by: str = "month",
              since: str | None = None, until: str | None = None, exact: bool = False,
              include_negated: bool = False, evidence: int = 3) -> pd.DataFrame:
    """The dyad A–B per period (both directions): counts per quad class, mean intensity,
    facts vs claims, and the strongest evidence sentences."""
    if by not in PERIODS:
        raise StoreError(f"--by must be one of {', '.join(PERIODS)}")
    ma, mb = resolve_actor(con, a, exact=exact), resolve_actor(con, b, exact=exact)
    where, params = _day_filters(since, until)
    a_to_b = f"(e.{ma.column('source')} = $a AND e.{mb.column('target')} = $b)"
    b_to_a = f"(e.{mb.column('source')} = $b AND e.{ma.column('target')} = $a)"
    where.insert(0, f"({a_to_b} OR {b_to_a})")
    params.update(a=ma.id, b=mb.id)
    if not include_negated:
        where.append("NOT e.negated AND NOT e.hypothetical")
    quad_cols = ",\n".join(f"count(*) FILTER (WHERE quad = '{q}') AS {q}" for q in QUADS)
    sql = f"""
        WITH dyad AS (
            SELECT e.*, coalesce(strftime(e.day, '{PERIODS[by]}'), 'undated') AS period,
                   {a_to_b} AS forward
            FROM events e WHERE {" AND ".join(where)}),
        ranked AS (
            SELECT period, evidence_text, max(abs(intensity) * confidence) AS weight
            FROM dyad GROUP BY period, evidence_text
            QUALIFY row_number() OVER (PARTITION BY period ORDER BY weight DESC,
                                       evidence_text) <= {int(evidence)}),
        top AS (SELECT period, list(evidence_text ORDER BY weight DESC, evidence_text)
                AS top_evidence FROM ranked GROUP BY period)
        SELECT period, count(*) AS events,
               count(*) FILTER (WHERE forward) AS a_to_b,
               count(*) FILTER (WHERE NOT forward) AS b_to_a,
               {quad_cols},
               round(avg(intensity), 2) AS mean_intensity,
               count(*) FILTER (WHERE asserted_by IS NULL) AS facts,
               count(*) FILTER (WHERE asserted_by IS NOT NULL) AS claims,
               any_value(top.top_evidence) AS top_evidence
        FROM dyad LEFT JOIN top USING (period)
        GROUP BY period ORDER BY period"""
    df = con.execute(sql, params).df()
    df.attrs.update({"a": ma.id, "b": mb.id, "a_name": ma.name, "b_name": mb.name})
    return df


def claims(con: duckdb.DuckDBPyConnection, *, about: str | None = None,
           claimant: str | None = None, exact: bool = False,
           limit: int | None = 100) -> pd.DataFrame:
    """The claim ledger: claims grouped across documents by key, with who claims, disputes
    and supports them, and when (document dates) they were first and last seen."""
    where: list[str] = []
    params: dict[str, Any] = {}
    if about:
        m = resolve_actor(con, about, exact=exact)
        where.append(f"list_contains(c.{'about_rollups' if m.level == 'rollup' else 'about'}"
                     ", $about)")
        params["about"] = m.id
    if claimant:
        m = resolve_actor(con, claimant, exact=exact)
        where.append(f"c.{m.column('claimant')} = $claimant")
        params["claimant"] = m.id
    sql = f"""
        WITH sel AS (SELECT c.* FROM claims c {"WHERE " + " AND ".join(where) if where else ""}),
        about AS (
            SELECT group_key, list(DISTINCT coalesce(n.name, x.actor) ORDER BY
                   coalesce(n.name, x.actor)) AS about
            FROM (SELECT group_key, unnest(about) AS actor FROM sel) x
            LEFT JOIN actors n ON n.id = x.actor GROUP BY group_key),
        stance AS (
            SELECT sel.group_key,
                   list(DISTINCT coalesce(n.name, s.actor_id)) FILTER (
                       WHERE s.stance = 'disputes') AS disputers,
                   list(DISTINCT coalesce(n.name, s.actor_id)) FILTER (
                       WHERE s.stance = 'supports') AS supporters
            FROM sel JOIN claim_stances s USING (doc_id, claim_index)
            LEFT JOIN actors n ON n.id = s.actor_id GROUP BY sel.group_key)
        SELECT sel.group_key AS key,
               arg_max(sel.text, coalesce(sel.day, DATE '0001-01-01')) AS text,
               list(DISTINCT coalesce(n.name, sel.claimant)) AS claimants,
               coalesce(any_value(about.about), []) AS about,
               coalesce(any_value(stance.disputers), []) AS disputers,
               coalesce(any_value(stance.supporters), []) AS supporters,
               count(DISTINCT sel.doc_id) AS documents,
               min(sel.day) AS first_seen, max(sel.day) AS last_seen
        FROM sel LEFT JOIN actors n ON n.id = sel.claimant
        LEFT JOIN about USING (group_key) LEFT JOIN stance USING (group_key)
        GROUP BY sel.group_key
        ORDER BY documents DESC, last_seen DESC NULLS LAST, key
        {"LIMIT " + str(int(limit)) if limit else ""}"""
    return con.execute(sql, params).df()


def failures(con: duckdb.DuckDBPyConnection, *, run: str | None = None,
             include_skipped: bool = False) -> pd.DataFrame:
    """Inputs that could not be stored, one row per (file, line, stage, message)."""
    where: list[str] = []
    params: list[Any] = []
    if run:
        if run == "last":
            run = _one(con, "SELECT run_id FROM runs ORDER BY started DESC LIMIT 1") or ""
        where.append("run_id = ?")
        params.append(run)
    if not include_skipped:
        where.append("NOT skipped")
    sql = f"""
        SELECT source, line, stage, message, skipped, count(*) AS times,
               arg_max(run_id, recorded_at) AS last_run, max(recorded_at) AS last_seen
        FROM failures {"WHERE " + " AND ".join(where) if where else ""}
        GROUP BY source, line, stage, message, skipped
        ORDER BY last_seen DESC, source, line"""
    return con.execute(sql, params).df()


@dataclass(slots=True)
class ActorProfile:
    """Who an actor is in the corpus: names, kinds, roles, partners and latest events."""

    id: str
    name: str
    kind: str
    rollup: str
    country: str | None
    level: str
    aliases: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    documents: int = 0
    mentions: int = 0
    roles: pd.DataFrame = field(default_factory=pd.DataFrame)
    members: pd.DataFrame = field(default_factory=pd.DataFrame)
    partners: pd.DataFrame = field(default_factory=pd.DataFrame)
    recent_events: pd.DataFrame = field(default_factory=pd.DataFrame)

    def to_dict(self) -> dict[str, Any]:
        frames = {"roles": self.roles, "members": self.members, "partners": self.partners,
                  "recent_events": self.recent_events}
        out: dict[str, Any] = {k: getattr(self, k) for k in (
            "id", "name", "kind", "rollup", "country", "level", "aliases", "kinds",
            "documents", "mentions")}
        for key, df in frames.items():
            out[key] = df.astype(object).where(df.notna(), None).to_dict(orient="records")
        return out


def actor_profile(con: duckdb.DuckDBPyConnection, text: str, *, limit: int = 10,
                  exact: bool = False) -> ActorProfile:
    m = resolve_actor(con, text, exact=exact)
    row = con.execute("SELECT country, aliases FROM actors WHERE id = ?", [m.id]).fetchone()
    member = "rollup" if m.level == "rollup" else "actor_id"
    kinds = [r[0] for r in con.execute(
        "SELECT kind FROM doc_actors WHERE actor_id = ? GROUP BY kind ORDER BY count(*) DESC",
        [m.id]).fetchall()]
    documents = _one(con, f"SELECT count(DISTINCT doc_id) FROM doc_actors WHERE {member} = ?",
                     [m.id])
    mentions = _one(con, f"SELECT count(*) FROM mentions WHERE {member} = ?", [m.id])
    roles = con.execute(
        "SELECT role, count(DISTINCT a.doc_id) AS documents, min(d.published_day) AS "
        "first_seen, max(d.published_day) AS last_seen FROM doc_actors a JOIN documents d "
        "USING (doc_id) WHERE a.actor_id = ? AND role IS NOT NULL GROUP BY role "
        "ORDER BY last_seen DESC NULLS LAST", [m.id]).df()
    members = con.execute(
        "SELECT a.actor_id AS id, any_value(a.name) AS name, any_value(a.kind) AS kind, "
        "count(DISTINCT a.doc_id) AS documents FROM doc_actors a WHERE a.rollup = ? AND "
        "a.actor_id <> ? GROUP BY a.actor_id ORDER BY documents DESC, id LIMIT ?",
        [m.id, m.id, limit]).df()
    src, tgt = m.column("source"), m.column("target")
    partner_level = "_rollup" if m.level == "rollup" else ""
    partners = con.execute(f"""
        WITH mine AS (
            SELECT CASE WHEN {src} = $id THEN target{partner_level}
                        ELSE source{partner_level} END AS partner,
                   {src} = $id AS outgoing, quad, intensity
            FROM events WHERE ({src} = $id OR {tgt} = $id) AND NOT negated
                  AND NOT hypothetical)
        SELECT partner, coalesce(any_value(a.name), partner) AS name, count(*) AS events,
               count(*) FILTER (WHERE outgoing) AS outgoing,
               count(*) FILTER (WHERE NOT outgoing) AS incoming,
               count(*) FILTER (WHERE quad LIKE '%cooperation') AS cooperation,
               count(*) FILTER (WHERE quad LIKE '%conflict') AS conflict,
               round(avg(intensity), 2) AS mean_intensity
        FROM mine LEFT JOIN actors a ON a.id = partner WHERE partner <> $id
        GROUP BY partner ORDER BY events DESC, partner LIMIT $limit""",
                           {"id": m.id, "limit": limit}).df()
    recent = con.execute(f"""
        SELECT e.day, coalesce(s.name, e.source) AS source_name, e.type,
               coalesce(t.name, e.target) AS target_name, e.intensity, e.asserted_by,
               e.negated, e.hypothetical, e.evidence_text AS evidence, e.doc_id
        FROM events e LEFT JOIN actors s ON s.id = e.source
        LEFT JOIN actors t ON t.id = e.target
        WHERE e.{src} = $id OR e.{tgt} = $id
        ORDER BY e.day DESC NULLS LAST, e.doc_id, e.event_index LIMIT $limit""",
                         {"id": m.id, "limit": limit}).df()
    return ActorProfile(
        id=m.id, name=m.name, kind=m.kind, rollup=m.rollup, country=row[0] if row else None,
        level=m.level, aliases=list(row[1] or []) if row else [], kinds=kinds,
        documents=int(documents or 0), mentions=int(mentions or 0), roles=roles,
        members=members, partners=partners, recent_events=recent)


__all__ = ["QUADS", "QUAD_OF_TYPE", "ActorMatch", "ActorProfile", "actor_profile", "claims",
           "events", "failures", "relations", "resolve_actor", "stats"]
