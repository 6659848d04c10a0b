"""Structural balance: triads of the signed graph, unbalanced ones ("my partner aids my
enemy") first, each edge with the evidence behind its sign."""
from __future__ import annotations

from itertools import combinations
from typing import Any

import networkx as nx

KINDS = {"+++": True, "+--": True, "++-": False, "---": False}


def _name(graph: nx.Graph, node: str) -> str:
    return str(graph.nodes[node].get("name", node))


def _explain(graph: nx.Graph, kind: str, nodes: tuple[str, str, str]) -> str:
    """One sentence saying why the triad is (un)balanced, in the analyst's words."""
    names = {n: _name(graph, n) for n in nodes}
    if kind == "+++":
        return f"{', '.join(names.values())} all cooperate with one another"
    if kind == "---":
        return f"{', '.join(names.values())} are all at odds with one another"
    # Exactly one edge differs in sign: the odd one out tells the story.
    odd = "-" if kind == "++-" else "+"
    for u, v in combinations(nodes, 2):
        sign = "+" if graph.edges[u, v]["sign"] > 0 else "-"
        if sign == odd:
            third = next(n for n in nodes if n not in (u, v))
            if kind == "++-":
                return (f"{names[third]} is a partner of both {names[u]} and {names[v]}, "
                        f"which are at odds: my partner aids my enemy")
            return (f"{names[u]} and {names[v]} cooperate, and both are at odds with "
                    f"{names[third]}: the enemy of my friend is my enemy")
    return ""


def _signed_triads(graph: nx.Graph) -> list[tuple[bool, float, str, tuple[str, str, str]]]:
    """(balanced, weight, kind, nodes) of every triad whose three edges carry a sign."""
    signed = nx.Graph()
    signed.add_edges_from((u, v) for u, v, s in graph.edges(data="sign") if s)
    edges = graph.edges
    out = []
    for u, v, w in _triangles(signed):
        signs = sorted("+" if edges[e]["sign"] > 0 else "-" for e in ((u, v), (u, w), (v, w)))
        kind = "".join(signs)  # "+" sorts before "-": +++, ++-, +--, ---
        weight = sum(float(edges[e].get("weight", 0.0)) for e in ((u, v), (u, w), (v, w)))
        out.append((KINDS[kind], weight, kind, (u, v, w)))
    return out


def triad_census(graph: nx.Graph) -> dict[str, int]:
    """How many signed triads of each kind the graph holds."""
    census = dict.fromkeys(KINDS, 0)
    for _, _, kind, _ in _signed_triads(graph):
        census[kind] += 1
    return census


def balance(graph: nx.Graph, limit: int | None = None, *,
            balanced: bool | None = None) -> list[dict[str, Any]]:
    """Every triad whose three edges have a sign, with its kind and balance; unbalanced first,
    then the strongest (sum of edge weights) first; at most `limit` of them, only balanced or
    only unbalanced ones when `balanced` says so."""
    found = [t for t in _signed_triads(graph) if balanced is None or t[0] is balanced]
    triads = sorted(found,
                    key=lambda t: (t[0], -t[1], [_name(graph, n) for n in t[3]]))
    out: list[dict[str, Any]] = []
    for is_balanced, weight, kind, (u, v, w) in triads[:limit]:
        items: list[dict[str, Any]] = [
            {"actors": [_name(graph, x), _name(graph, y)], "ids": [x, y],
             "sign": int(graph.edges[x, y]["sign"]),
             "weight": float(graph.edges[x, y].get("weight", 0.0)),
             "evidence": list(graph.edges[x, y].get("evidence", []))}
            for x, y in ((u, v), (u, w), (v, w))]
        out.append({"actors": [_name(graph, n) for n in (u, v, w)], "ids": [u, v, w],
                    "kind": kind, "balanced": is_balanced,
                    "explanation": _explain(graph, kind, (u, v, w)),
                    "weight": round(weight, 3), "edges": items})
    return out


def _triangles(graph: nx.Graph) -> list[tuple[str, str, str]]:
    """Each triangle once, its nodes in a stable order."""
    order = {n: i for i, n in enumerate(sorted(graph.nodes, key=str))}
    found: list[tuple[str, str, str]] = []
    for u in graph:
        later = [n for n in graph[u] if order[n] > order[u]]
        for v, w in combinations(sorted(later, key=order.__getitem__), 2):
            if graph.has_edge(v, w):
                found.append((u, v, w))
    return sorted(found, key=lambda t: tuple(order[n] for n in t))
