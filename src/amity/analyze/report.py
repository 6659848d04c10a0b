"""The static report: one self-contained HTML file (inline CSS and SVG, no script, no CDN)."""
from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from amity import __version__
from amity.analyze._svg import QUAD_COLOURS, QUAD_LABELS, graph_svg, timeline_svg
from amity.analyze.alliances import alliances
from amity.analyze.balance import balance
from amity.analyze.dyad import dyad_series, fill_periods
from amity.analyze.graph import signed_graph
from amity.analyze.scoring import QUADS, in_window, is_claim, usable

HERE = Path(__file__).parent


def _environment() -> Environment:
    # Autoescape everything: page text comes from the news and must never become markup.
    return Environment(loader=FileSystemLoader(HERE), autoescape=select_autoescape(["html"]),
                       trim_blocks=True, lstrip_blocks=True)


def _top_nodes(graph: nx.Graph, limit: int) -> nx.Graph:
    """The subgraph of the `limit` actors with most events, so the picture stays readable."""
    ranked = sorted(graph.nodes, key=lambda n: (-graph.nodes[n].get("events", 0), str(n)))
    return graph.subgraph(ranked[:limit]).copy()


def _relations(graph: nx.Graph, limit: int) -> list[dict[str, Any]]:
    edges = sorted(graph.edges(data=True),
                   key=lambda e: (-e[2]["n_events"], -e[2]["weight"], str(e[0]), str(e[1])))
    out = []
    for u, v, data in edges[:limit]:
        out.append({"ids": (u, v), "names": (graph.nodes[u]["name"], graph.nodes[v]["name"]),
                    "sign": data["sign"], "weight": data["weight"],
                    "counts": [data[f"n_{q}"] for q in QUADS], "evidence": data["evidence"]})
    return out


def build_report(frame: pd.DataFrame, claims: pd.DataFrame | None = None, *,
                 level: str = "rollup", since: str | None = None, until: str | None = None,
                 include_claims: bool = False, title: str = "amity report",
                 top: int = 15, timelines: int = 6, graph_nodes: int = 40) -> str:
    """The report's HTML from an events frame (claims included: timelines show them apart)
    and the disputed-claims frame."""
    window = in_window(frame, since, until)
    graph = signed_graph(window, level, include_claims=include_claims)
    relations = _relations(graph, top)
    charts = []
    for rel in relations[:timelines]:
        series = fill_periods(dyad_series(window, rel["ids"][0], rel["ids"][1], "month",
                                          level=level))
        name = f"{rel['names'][0]} – {rel['names'][1]}"
        charts.append({"name": name, "svg": Markup(timeline_svg(series, name)),
                       "rows": series.to_dict("records")})
    counted = usable(window, include_claims=True)
    summary = {
        "documents": int(window["doc_id"].nunique()) if "doc_id" in window else 0,
        "facts": int((~is_claim(counted)).sum()), "claims": int(is_claim(counted).sum()),
        "excluded": len(window) - len(counted), "actors": graph.number_of_nodes(),
        "relations": graph.number_of_edges(), "level": level, "since": since or "start",
        "until": until or "end", "include_claims": include_claims}
    claim_rows = [] if claims is None else claims.to_dict("records")
    template = _environment().get_template("report.html")
    return template.render(
        title=title, generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        version=__version__, css=Markup((HERE / "report.css").read_text("utf-8")),
        summary=summary, relations=relations, quads=[QUAD_LABELS[q] for q in QUADS],
        legend=[(QUAD_LABELS[q], QUAD_COLOURS[q]) for q in QUADS],
        graph_svg=Markup(graph_svg(_top_nodes(graph, graph_nodes))), charts=charts,
        alliances=alliances(window, level, include_claims=include_claims)[:top],
        unbalanced=balance(graph, top, balanced=False),
        balanced=balance(graph, top, balanced=True), claims=claim_rows)


def write_report(store: Any, out: str | os.PathLike[str], *, level: str = "rollup",
                 since: str | None = None, until: str | None = None,
                 include_claims: bool = False, title: str = "amity report") -> Path:
    """Read the store, build the report and write it to `out`; returns the path written."""
    from amity.analyze.frame import disputed_claims_frame, events_frame

    frame = events_frame(store, claims=True)
    html = build_report(frame, disputed_claims_frame(store), level=level, since=since,
                        until=until, include_claims=include_claims, title=title)
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")
    return path
