"""The signed graph of actors: an edge's sign and weight from the events between the two."""
from __future__ import annotations

import io
import json
from typing import Any

import networkx as nx
import pandas as pd

from amity.analyze.scoring import QUADS, Weights, in_window, pair_table

GRAPH_FORMATS = ("graphml", "gexf", "json")


def signed_graph(frame: pd.DataFrame, level: str = "rollup", since: str | None = None,
                 until: str | None = None, include_claims: bool = False,
                 weights: Weights | None = None) -> nx.Graph:
    """Undirected graph of actors at `level`; edges carry `sign` (+1 cooperation, -1 conflict,
    0 even), `weight` (|net score|), scores per quad, `n_<quad>` counts and `evidence`.

    Material acts weigh more than verbal ones (weights.yaml); negated and hypothetical events
    never count; claims (asserted_by set) only with `include_claims`.
    """
    pairs = pair_table(in_window(frame, since, until), level, include_claims=include_claims,
                       weights=weights)
    graph = nx.Graph(level=level, since=since or "", until=until or "",
                     include_claims=include_claims)
    for rec in pairs.to_dict("records"):
        for node, name in ((rec["a"], rec["a_name"]), (rec["b"], rec["b_name"])):
            if node not in graph:
                graph.add_node(node, name=str(name), events=0)
            graph.nodes[node]["events"] += rec["n_events"]
        attrs: dict[str, Any] = {
            "sign": int(rec["sign"]), "weight": round(float(rec["weight"]), 3),
            "net": round(float(rec["net"]), 3), "n_events": int(rec["n_events"]),
            "coop_verbal": rec["verbal_cooperation"], "coop_material":
            rec["material_cooperation"], "conflict_verbal": rec["verbal_conflict"],
            "conflict_material": rec["material_conflict"], "evidence": rec["evidence"]}
        attrs.update({f"n_{q}": int(rec[f"n_{q}"]) for q in QUADS})
        graph.add_edge(rec["a"], rec["b"], **attrs)
    return graph


def edge_name(graph: nx.Graph, u: str, v: str) -> str:
    return f"{graph.nodes[u].get('name', u)} – {graph.nodes[v].get('name', v)}"


def _scalar_copy(graph: nx.Graph) -> nx.Graph:
    """A copy whose attributes are all scalars (lists/dicts as JSON, None as ''): GraphML and
    GEXF cannot hold anything else."""
    def scalar(value: Any) -> Any:
        if value is None:
            return ""
        if isinstance(value, list | dict | tuple):
            return json.dumps(value, ensure_ascii=False, default=str)
        if isinstance(value, bool | int | float | str):
            return value
        return str(value)

    out = nx.Graph()
    out.graph.update({k: scalar(v) for k, v in graph.graph.items()})
    for node, data in graph.nodes(data=True):
        out.add_node(node, **{k: scalar(v) for k, v in data.items()})
    for u, v, data in graph.edges(data=True):
        out.add_edge(u, v, **{k: scalar(val) for k, val in data.items()})
    return out


def graph_to_text(graph: nx.Graph, fmt: str = "graphml") -> str:
    """The graph as GraphML, GEXF or node-link JSON text."""
    if fmt == "json":
        data = nx.node_link_data(graph, edges="links")
        return json.dumps(data, ensure_ascii=False, indent=2, default=str)
    if fmt not in GRAPH_FORMATS:
        raise ValueError(f"format must be one of {GRAPH_FORMATS}, not {fmt!r}")
    buffer = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(_scalar_copy(graph), buffer, encoding="utf-8")
    else:
        nx.write_gexf(_scalar_copy(graph), buffer, encoding="utf-8")
    return buffer.getvalue().decode("utf-8")
