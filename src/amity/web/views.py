"""What each page shows, read from the store: the same models feed the HTML and the API."""
from __future__ import annotations

from typing import Any

import pandas as pd

from amity.analyze import alliances, disputed_claims_frame, events_frame, signed_graph
from amity.analyze.dyad import dyad_series, fill_periods
from amity.analyze.scoring import QUADS
from amity.store import Store
from amity.store.render import plain
from amity.web._ledger import actor_refs, ledger_claims
from amity.web.models import (
    ActorPage,
    ActorRef,
    Alliance,
    ClaimsLedger,
    Count,
    Dyad,
    DyadPeriod,
    Evidence,
    GraphEdge,
    GraphNode,
    Overview,
    Partner,
    Quote,
    Role,
)

OVERVIEW_COUNTS = ("documents", "published from", "published to", "actors", "events",
                   "events stated as fact", "events claimed by an actor", "quotes", "claims",
                   "distinct claims (ledger keys)", "failed inputs")
GRAPH_NODES = 30


def _text(value: Any) -> str | None:
    out = plain(value)
    return None if out is None else str(out)


def _ref(actor_id: Any, name: Any) -> ActorRef:
    return ActorRef(id=str(actor_id), name=str(_text(name) or actor_id))


def evidence_rows(df: pd.DataFrame) -> list[Evidence]:
    """Events as returned by `Store.events` to evidence items."""
    out = []
    for r in df.to_dict("records"):
        asserted = _text(r.get("asserted_by"))
        out.append(Evidence(
            doc_id=str(r["doc_id"]), event_index=int(r["event_index"]), title=_text(r["title"]),
            day=_text(r["day"]), source=_ref(r["source"], r["source_name"]),
            target=_ref(r["target"], r["target_name"]), type=str(r["type"]),
            quad=_text(r["quad"]), intensity=plain(r["intensity"]),
            asserted_by=_ref(asserted, r.get("asserted_by_name")) if asserted else None,
            negated=bool(r["negated"]), hypothetical=bool(r["hypothetical"]),
            sentence=str(r["evidence"] or "")))
    return out


def overview(store: Store) -> Overview:
    """Corpus counts, the signed graph of the most active actors, recent events, tacit
    alliances and the most disputed claims."""
    table = store.stats()
    stats = dict(zip(table["measure"], table["value"], strict=True))
    counts = [Count(measure=m, value=plain(stats.get(m))) for m in OVERVIEW_COUNTS]
    frame = events_frame(store, claims=True)
    graph = signed_graph(frame, "rollup")
    ranked = sorted(graph.nodes, key=lambda n: (-graph.nodes[n].get("events", 0), str(n)))
    top = graph.subgraph(ranked[:GRAPH_NODES])
    nodes = [GraphNode(id=str(n), name=str(top.nodes[n]["name"]), events=top.nodes[n]["events"])
             for n in ranked[:GRAPH_NODES]]
    edges = sorted(top.edges(data=True), key=lambda e: (-e[2]["n_events"], -e[2]["weight"],
                                                         str(e[0]), str(e[1])))
    graph_edges = [GraphEdge(a=ActorRef(id=str(u), name=str(top.nodes[u]["name"])),
                             b=ActorRef(id=str(v), name=str(top.nodes[v]["name"])),
                             sign=int(d["sign"]), weight=float(d["weight"]),
                             events=int(d["n_events"]),
                             counts={q: int(d[f"n_{q}"]) for q in QUADS})
                   for u, v, d in edges]
    found = alliances(frame, "rollup")[:8]
    tacit = [Alliance(actors=[ActorRef(id=i, name=n) for i, n in zip(a["ids"], a["actors"],
                                                                        strict=True)],
                      reason=a["reason"],
                      shared_enemies=[ActorRef(id=i, name=n) for i, n in zip(
                          a["shared_enemy_ids"], a["shared_enemies"], strict=True)],
                      evidence=[{k: plain(v) for k, v in e.items()} for e in a["evidence"][:6]])
             for a in found]
    disputed = disputed_claims_frame(store, limit=10)
    keys = [k for k, n in zip(disputed["group_key"], disputed["disputed"], strict=True) if n]
    return Overview(counts=counts, graph_nodes=nodes, graph_edges=graph_edges,
                    recent_events=evidence_rows(store.events(limit=12)), alliances=tacit,
                    disputed_claims=ledger_claims(store.con, keys))


def _partners(df: pd.DataFrame) -> tuple[list[Partner], list[Partner]]:
    partners: list[Partner] = []
    adversaries: list[Partner] = []
    for r in df.to_dict("records"):
        p = Partner(actor=_ref(r["partner"], r["name"]), events=int(r["events"]),
                    cooperation=int(r["cooperation"]), conflict=int(r["conflict"]),
                    mean_intensity=plain(r["mean_intensity"]))
        (adversaries if p.conflict > p.cooperation else partners).append(p)
    return partners, adversaries


def _quotes(store: Store, actor_id: str, level: str, limit: int) -> list[Quote]:
    column = "speaker_rollup" if level == "rollup" else "speaker"
    rows = store.con.execute(f"""
        SELECT q.doc_id, d.title, d.published_day, q.speaker, coalesce(a.name, q.speaker),
               q.kind, q.channel, q.text
        FROM quotes q JOIN documents d USING (doc_id) LEFT JOIN actors a ON a.id = q.speaker
        WHERE q.{column} = ? ORDER BY d.published_day DESC NULLS LAST, q.doc_id, q.quote_index
        LIMIT ?""", [actor_id, limit]).fetchall()
    return [Quote(doc_id=r[0], title=r[1], day=_text(r[2]),
                  speaker=_ref(r[3], r[4]) if r[3] else None, kind=r[5], channel=r[6],
                  text=r[7]) for r in rows]


def actor_page(store: Store, name: str, *, exact: bool = False, limit: int = 25) -> ActorPage:
    """Everything the corpus says of one actor (id, name or alias)."""
    p = store.actor(name, limit=limit, exact=exact)
    partners, adversaries = _partners(p.partners)
    both = pd.concat([store.events(source=p.id, exact=exact, limit=limit),
                      store.events(target=p.id, exact=exact, limit=limit)])
    both = both.drop_duplicates(["doc_id", "event_index"]).sort_values(
        ["day", "doc_id", "event_index"], ascending=[False, True, True], na_position="last")
    made = store.claims(claimant=p.id, exact=exact, limit=limit)
    about = store.claims(about=p.id, exact=exact, limit=limit)
    roles = [Role(role=str(r["role"]), documents=int(r["documents"]),
                  first_seen=_text(r["first_seen"]), last_seen=_text(r["last_seen"]))
             for r in p.roles.to_dict("records")]
    return ActorPage(
        id=p.id, name=p.name, kind=p.kind, kinds=list(p.kinds),
        rollup=actor_refs(store.con, [p.rollup])[0], country=p.country, level=p.level,
        aliases=list(p.aliases), documents=p.documents, mentions=p.mentions, roles=roles,
        members=[_ref(r["id"], r["name"]) for r in p.members.to_dict("records")],
        partners=partners, adversaries=adversaries, events=evidence_rows(both.head(limit)),
        quotes=_quotes(store, p.id, p.level, limit),
        claims_made=ledger_claims(store.con, list(made["key"])),
        claims_about=ledger_claims(store.con, list(about["key"])))


def _dyad_frame(store: Store, a: ActorRef, b: ActorRef, exact: bool) -> pd.DataFrame:
    """Both directions' events as the analyses' frame, each end set to the dyad's actor (so
    a minister's act counts for its state when the state is asked for)."""
    parts = []
    for src, tgt in ((a, b), (b, a)):
        df = store.events(source=src.id, target=tgt.id, exact=exact, limit=None)
        parts.append(df.assign(src_id=src.id, tgt_id=tgt.id, src_label=src.name,
                               tgt_label=tgt.name))
    rows = pd.concat(parts, ignore_index=True)
    return rows.assign(
        actor_source=rows["source"], actor_target=rows["target"],
        actor_source_name=rows["source_name"], actor_target_name=rows["target_name"],
        source=rows["src_id"], target=rows["tgt_id"], source_name=rows["src_label"],
        target_name=rows["tgt_label"], date=pd.to_datetime(rows["day"], errors="coerce"))


def dyad(store: Store, a: str, b: str, *, by: str = "month", exact: bool = False) -> Dyad:
    """The pair A–B period by period (facts and claims apart) with every evidence sentence."""
    ma, mb = store.resolve(a, exact=exact), store.resolve(b, exact=exact)
    ra, rb = ActorRef(id=ma.id, name=ma.name), ActorRef(id=mb.id, name=mb.name)
    frame = _dyad_frame(store, ra, rb, exact)
    series = fill_periods(dyad_series(frame, ra.id, rb.id, by, level="actor"), by)
    periods = [DyadPeriod(period=str(r["period"]),
                          facts={q: int(r[q]) for q in QUADS},
                          claims={q: int(r[f"{q}_claims"]) for q in QUADS},
                          mean_intensity=plain(r["mean_intensity"]),
                          mean_intensity_claims=plain(r["mean_intensity_claims"]))
                  for r in series.to_dict("records")]
    totals = {q: sum(p.facts[q] for p in periods) for q in QUADS}
    totals.update({f"{q}_claims": sum(p.claims[q] for p in periods) for q in QUADS})
    evidence = frame.assign(source=frame["actor_source"], target=frame["actor_target"],
                            source_name=frame["actor_source_name"],
                            target_name=frame["actor_target_name"])
    evidence = evidence.sort_values(["day", "doc_id", "event_index"],
                                    ascending=[False, True, True], na_position="last")
    return Dyad(a=ra, b=rb, by=by, periods=periods, totals=totals,
                evidence=evidence_rows(evidence.head(500)))


def dyad_chart_frame(view: Dyad) -> pd.DataFrame:
    """The dyad's periods in the columns `timeline_svg` draws."""
    rows = [{"period": p.period, **p.facts, **{f"{q}_claims": n for q, n in p.claims.items()}}
            for p in view.periods]
    return pd.DataFrame(rows, columns=["period", *QUADS, *(f"{q}_claims" for q in QUADS)])


def claims_ledger(store: Store, *, about: str | None = None, claimant: str | None = None,
                  limit: int = 200) -> ClaimsLedger:
    """The claim ledger, optionally about one actor or by one claimant."""
    def ref(name: str | None) -> ActorRef | None:
        if not name:
            return None
        m = store.resolve(name)
        return ActorRef(id=m.id, name=m.name)

    df = store.claims(about=about, claimant=claimant, limit=limit)
    return ClaimsLedger(about=ref(about), claimant=ref(claimant),
                        claims=ledger_claims(store.con, list(df["key"])))
