"""The store's tables, and `record_rows`: one `amity.document/1` record flattened into rows.

This module is the contract between everything that writes tables (the DuckDB store, the
Spark job writing Parquet, exports) and everything that reads them (queries, analysis, web).
`record_rows` is pure and light (no DuckDB, no spaCy) so Spark executors can call it.

Column names avoid SQL keywords: offsets are `start_char`/`end_char`, list positions
`*_index` (the position in the record's list, which `claims.events` refers to).
"""
from __future__ import annotations

import re
from typing import Any

import pyarrow as pa

from amity.record import Document, parse_day

# Logical column types; DuckDB DDL, Arrow schemas and Spark DDL are all derived from these.
DUCK_TYPES = {"str": "VARCHAR", "int": "INTEGER", "float": "DOUBLE", "bool": "BOOLEAN",
              "date": "DATE", "timestamp": "TIMESTAMP", "str[]": "VARCHAR[]",
              "int[]": "INTEGER[]"}
SPARK_TYPES = {"str": "STRING", "int": "INT", "float": "DOUBLE", "bool": "BOOLEAN",
               "date": "DATE", "timestamp": "TIMESTAMP_NTZ", "str[]": "ARRAY<STRING>",
               "int[]": "ARRAY<INT>"}
ARROW_TYPES: dict[str, pa.DataType] = {
    "str": pa.string(), "int": pa.int32(), "float": pa.float64(), "bool": pa.bool_(),
    "date": pa.date32(), "timestamp": pa.timestamp("us"), "str[]": pa.list_(pa.string()),
    "int[]": pa.list_(pa.int32())}

Columns = tuple[tuple[str, str], ...]

#: Tables filled from records, one set of rows per document (what `record_rows` returns).
DOCUMENT_TABLES: dict[str, Columns] = {
    "documents": (
        ("doc_id", "str"), ("run_id", "str"), ("source", "str"), ("title", "str"),
        ("published", "str"), ("published_day", "date"), ("site", "str"), ("url", "str"),
        ("language", "str"), ("text", "str"), ("schema", "str"), ("amity", "str"),
        ("model", "str"), ("dictionary", "str"), ("lexicon", "str"), ("n_actors", "int"),
        ("n_events", "int"), ("n_quotes", "int"), ("n_claims", "int")),
    # The record's actors as this document saw them (role on its date, this dictionary).
    "doc_actors": (
        ("doc_id", "str"), ("run_id", "str"), ("actor_index", "int"), ("actor_id", "str"),
        ("name", "str"), ("kind", "str"), ("rollup", "str"), ("country", "str"),
        ("aliases", "str[]"), ("role", "str"), ("n_mentions", "int")),
    "mentions": (
        ("doc_id", "str"), ("run_id", "str"), ("actor_id", "str"), ("rollup", "str"),
        ("mention_index", "int"), ("start_char", "int"), ("end_char", "int"), ("text", "str")),
    "events": (
        ("doc_id", "str"), ("run_id", "str"), ("event_index", "int"), ("source", "str"),
        ("target", "str"), ("source_rollup", "str"), ("target_rollup", "str"), ("type", "str"),
        ("quad", "str"), ("mode", "str"), ("intensity", "float"), ("date", "str"),
        # the first day `date` can mean, else the document's published day: what --since uses
        ("day", "date"), ("asserted_by", "str"), ("asserted_by_rollup", "str"),
        ("negated", "bool"), ("hypothetical", "bool"), ("confidence", "float"),
        ("trigger", "str"), ("evidence_text", "str"), ("evidence_start", "int"),
        ("evidence_end", "int")),
    "quotes": (
        ("doc_id", "str"), ("run_id", "str"), ("quote_index", "int"), ("speaker", "str"),
        ("speaker_rollup", "str"), ("kind", "str"), ("text", "str"), ("start_char", "int"),
        ("end_char", "int"), ("channel", "str"), ("verb", "str"), ("day", "date")),
    "claims": (
        ("doc_id", "str"), ("run_id", "str"), ("claim_index", "int"), ("claimant", "str"),
        ("claimant_rollup", "str"), ("about", "str[]"), ("about_rollups", "str[]"),
        ("text", "str"), ("events", "int[]"),
        ("key", "str"),
        # `key` when the claims stage set one, else claimant|about|text: the ledger groups on it
        ("group_key", "str"), ("start_char", "int"), ("end_char", "int"), ("day", "date")),
    "claim_stances": (
        ("doc_id", "str"), ("run_id", "str"), ("claim_index", "int"), ("stance", "str"),
        ("stance_index", "int"), ("actor_id", "str"), ("actor_rollup", "str"),
        ("evidence", "str")),
    "removed": (
        ("doc_id", "str"), ("run_id", "str"), ("removed_index", "int"), ("kind", "str"),
        ("text", "str")),
}

#: Tables the store keeps about runs and the corpus (not produced by `record_rows`).
CORPUS_TABLES: dict[str, Columns] = {
    "failures": (
        ("run_id", "str"), ("source", "str"), ("line", "int"), ("stage", "str"),
        ("message", "str"), ("skipped", "bool"), ("recorded_at", "timestamp")),
    "runs": (
        ("run_id", "str"), ("command", "str"), ("amity", "str"), ("model", "str"),
        ("dictionary", "str"), ("lexicon", "str"), ("started", "timestamp"),
        ("finished", "timestamp"), ("status", "str"), ("jobs", "int"), ("new", "int"),
        ("duplicate", "int"), ("reprocessed", "int"), ("failed", "int"), ("skipped", "int"),
        ("events", "int"), ("quotes", "int"), ("claims", "int"), ("actors", "int")),
    # Corpus-level actors merged over documents: latest name/kind/rollup/country, all aliases.
    "actors": (
        ("id", "str"), ("name", "str"), ("kind", "str"), ("rollup", "str"), ("country", "str"),
        ("aliases", "str[]"), ("first_run", "str"), ("last_run", "str")),
}

TABLES: dict[str, Columns] = {**DOCUMENT_TABLES, **CORPUS_TABLES}
PRIMARY_KEYS = {"documents": "doc_id", "runs": "run_id", "actors": "id"}
#: Secondary indexes are left out on purpose: DuckDB's zone maps serve these scans, and
#: ART indexes slow every insert (the write path must stay within 20% of extraction).

ARROW_SCHEMAS: dict[str, pa.Schema] = {
    name: pa.schema([pa.field(col, ARROW_TYPES[kind]) for col, kind in cols])
    for name, cols in TABLES.items()}


def column_names(table: str) -> list[str]:
    return [col for col, _ in TABLES[table]]


def duckdb_ddl(table: str) -> str:
    """CREATE TABLE IF NOT EXISTS for one table."""
    cols = [f'"{col}" {DUCK_TYPES[kind]}' for col, kind in TABLES[table]]
    if table in PRIMARY_KEYS:
        cols.append(f"PRIMARY KEY ({PRIMARY_KEYS[table]})")
    return f"CREATE TABLE IF NOT EXISTS {table} ({', '.join(cols)})"


def spark_ddl(table: str) -> str:
    """The table's schema as a Spark DDL string (`spark.createDataFrame(rows, spark_ddl(t))`)."""
    return ", ".join(f"`{col}` {SPARK_TYPES[kind]}" for col, kind in TABLES[table])


def claim_group_key(claimant: str, about: list[str], text: str, key: str) -> str:
    """The claim's own key, else one built from claimant, actors and the start of the text."""
    if key:
        return key
    words = " ".join(re.findall(r"\w+", text.casefold())[:12])
    return f"{claimant}|{','.join(sorted(about))}|{words}"


def record_rows(doc: Document, run_id: str) -> dict[str, list[dict[str, Any]]]:
    """One record as rows of every table in DOCUMENT_TABLES (all keys present, maybe empty)."""
    rollup = {a.id: a.rollup or a.id for a in doc.actors}

    def up(actor_id: str | None) -> str | None:
        return None if actor_id is None else rollup.get(actor_id, actor_id)

    published_day = parse_day(doc.published)
    base = {"doc_id": doc.id, "run_id": run_id}
    prov = doc.provenance
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in DOCUMENT_TABLES}
    rows["documents"].append({
        **base, "source": doc.source, "title": doc.title, "published": doc.published,
        "published_day": published_day, "site": doc.site, "url": doc.url,
        "language": doc.language, "text": doc.text, "schema": "amity.document/1",
        "amity": prov.amity, "model": prov.model, "dictionary": prov.dictionary,
        "lexicon": prov.lexicon, "n_actors": len(doc.actors), "n_events": len(doc.events),
        "n_quotes": len(doc.quotes), "n_claims": len(doc.claims)})
    for i, a in enumerate(doc.actors):
        rows["doc_actors"].append({
            **base, "actor_index": i, "actor_id": a.id, "name": a.name, "kind": a.kind,
            "rollup": a.rollup or a.id, "country": a.country, "aliases": list(a.aliases),
            "role": a.role, "n_mentions": len(a.mentions)})
        for j, m in enumerate(a.mentions):
            rows["mentions"].append({
                **base, "actor_id": a.id, "rollup": a.rollup or a.id, "mention_index": j,
                "start_char": m.start, "end_char": m.end, "text": m.text})
    for i, e in enumerate(doc.events):
        rows["events"].append({
            **base, "event_index": i, "source": e.source, "target": e.target,
            "source_rollup": up(e.source), "target_rollup": up(e.target), "type": e.type,
            "quad": e.quad, "mode": e.mode, "intensity": float(e.intensity), "date": e.date,
            "day": parse_day(e.date) or published_day, "asserted_by": e.asserted_by,
            "asserted_by_rollup": up(e.asserted_by), "negated": bool(e.negated),
            "hypothetical": bool(e.hypothetical), "confidence": float(e.confidence),
            "trigger": e.trigger, "evidence_text": e.evidence.text,
            "evidence_start": e.evidence.start, "evidence_end": e.evidence.end})
    for i, q in enumerate(doc.quotes):
        rows["quotes"].append({
            **base, "quote_index": i, "speaker": q.speaker, "speaker_rollup": up(q.speaker),
            "kind": q.kind, "text": q.text, "start_char": q.start, "end_char": q.end,
            "channel": q.channel, "verb": q.verb, "day": published_day})
    for i, c in enumerate(doc.claims):
        rows["claims"].append({
            **base, "claim_index": i, "claimant": c.claimant,
            "claimant_rollup": up(c.claimant), "about": list(c.about),
            "about_rollups": sorted({rollup.get(x, x) for x in c.about}), "text": c.text,
            "events": [int(x) for x in c.events], "key": c.key,
            "group_key": claim_group_key(c.claimant, list(c.about), c.text, c.key),
            "start_char": c.start, "end_char": c.end, "day": published_day})
        for stance, stances in (("disputes", c.disputed_by), ("supports", c.supported_by)):
            for j, s in enumerate(stances):
                rows["claim_stances"].append({
                    **base, "claim_index": i, "stance": stance, "stance_index": j,
                    "actor_id": s.actor, "actor_rollup": up(s.actor), "evidence": s.evidence})
    for i, r in enumerate(doc.removed):
        rows["removed"].append({**base, "removed_index": i, "kind": r.kind, "text": r.text})
    return rows
