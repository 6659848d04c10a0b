"""Inline SVG charts for the static report: drawn in Python, so the page needs no script."""
from __future__ import annotations

import math
from collections.abc import Callable
from html import escape

import networkx as nx
import pandas as pd

from amity.analyze.scoring import QUADS

QUAD_COLOURS = {"verbal_cooperation": "#7fbf7b", "material_cooperation": "#1b7837",
                "verbal_conflict": "#f4a582", "material_conflict": "#b2182b"}
QUAD_LABELS = {"verbal_cooperation": "verbal cooperation",
               "material_cooperation": "material cooperation",
               "verbal_conflict": "verbal conflict", "material_conflict": "material conflict"}
SIGN_COLOURS = {1: "#1b7837", -1: "#b2182b", 0: "#8c8c8c"}


def _attr(value: float) -> str:
    return f"{value:.1f}"


def _circle_positions(graph: nx.Graph, width: int, height: int
                      ) -> dict[str, tuple[float, float]]:
    """Nodes on a circle, each connected group together in breadth-first order, so edges stay
    short and disconnected groups never pile up (as a force layout lets them)."""
    order: list[str] = []
    groups = sorted(nx.connected_components(graph), key=lambda c: (-len(c), sorted(map(str, c))))
    for group in groups:
        hub = max(sorted(group, key=str), key=lambda n: graph.degree(n, weight="weight"))
        order.extend(nx.bfs_tree(graph, hub).nodes)
    radius = min(width, height) / 2 - 90
    cx, cy = width / 2, height / 2
    step = 2 * math.pi / max(1, len(order))
    return {node: (cx + radius * math.cos(-math.pi / 2 + i * step),
                   cy + radius * math.sin(-math.pi / 2 + i * step))
            for i, node in enumerate(order)}


def _linked(element: str, href: str | None, css_class: str) -> str:
    """The element inside a link when there is somewhere to go (the web app's pages)."""
    if href is None:
        return element
    return f'<a href="{escape(href)}" class="{css_class}">{element}</a>'


def graph_svg(graph: nx.Graph, width: int = 760, height: int = 560, *,
              node_href: Callable[[str], str] | None = None,
              edge_href: Callable[[str, str], str] | None = None) -> str:
    """The signed graph: green cooperation and red conflict edges, width by weight; with
    `node_href`/`edge_href`, a click on a node or an edge follows its link."""
    if graph.number_of_nodes() == 0:
        return ""
    pos = _circle_positions(graph, width, height)
    top = max((float(w) for _, _, w in graph.edges(data="weight", default=0.0)), default=1.0)
    top = top or 1.0
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart graph" width="{width}" '
             f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="signed graph of actors">']
    for u, v, data in sorted(graph.edges(data=True), key=lambda e: e[2].get("weight", 0)):
        (x1, y1), (x2, y2) = pos[u], pos[v]
        stroke = 1.0 + 7.0 * float(data.get("weight", 0.0)) / top
        label = (f"{graph.nodes[u].get('name', u)} – {graph.nodes[v].get('name', v)}: "
                 f"weight {data.get('weight', 0)}, {data.get('n_events', 0)} events")
        line = (f'<line x1="{_attr(x1)}" y1="{_attr(y1)}" x2="{_attr(x2)}" '
                f'y2="{_attr(y2)}" stroke="{SIGN_COLOURS[int(data.get("sign", 0))]}" '
                f'stroke-width="{_attr(stroke)}" stroke-opacity="0.75">'
                f'<title>{escape(label)}</title></line>')
        if edge_href is not None:
            # A wide transparent twin makes a thin edge easy to hit with the pointer.
            line += (f'<line x1="{_attr(x1)}" y1="{_attr(y1)}" x2="{_attr(x2)}" '
                     f'y2="{_attr(y2)}" stroke="transparent" stroke-width="12">'
                     f'<title>{escape(label)}</title></line>')
        parts.append(_linked(line, edge_href(u, v) if edge_href else None, "edge"))
    for node, data in graph.nodes(data=True):
        x, y = pos[node]
        name = str(data.get("name", node))
        radius = 5.0 + min(12.0, 2.0 * math.sqrt(float(data.get("events", 1))))
        # Labels sit outside the circle, on the side facing away from its centre.
        dx, dy = x - width / 2, y - height / 2
        norm = math.hypot(dx, dy) or 1.0
        lx, ly = x + dx / norm * (radius + 6), y + dy / norm * (radius + 6) + 4
        anchor = "start" if dx > 1 else "end" if dx < -1 else "middle"
        node_svg = (f'<g class="node"><circle cx="{_attr(x)}" cy="{_attr(y)}" '
                    f'r="{_attr(radius)}" fill="#2b4c7e"><title>{escape(name)}</title>'
                    f'</circle><text x="{_attr(lx)}" y="{_attr(ly)}" text-anchor="{anchor}" '
                    f'font-size="12">{escape(name)}</text></g>')
        parts.append(_linked(node_svg, node_href(node) if node_href else None, "node-link"))
    parts.append("</svg>")
    return "".join(parts)


def timeline_svg(series: pd.DataFrame, title: str, width: int = 760, height: int = 230) -> str:
    """Stacked bars per period: facts per quad class solid, claims the same colour paler."""
    if series.empty:
        return ""
    left, right, top, bottom = 40, 10, 28, 58
    plot_w, plot_h = width - left - right, height - top - bottom
    layers = [(q, q, 1.0) for q in QUADS] + [(q, f"{q}_claims", 0.4) for q in QUADS]
    totals = [sum(int(row[col]) for _, col, _ in layers) for _, row in series.iterrows()]
    peak = max(totals) or 1
    slot = plot_w / len(series)
    bar = max(2.0, min(40.0, slot * 0.7))
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart timeline" width="{width}" '
             f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="{escape(title)}">',
             f'<text x="{left}" y="16" font-size="13" font-weight="bold">{escape(title)}</text>',
             f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" '
             f'stroke="#444"/>',
             f'<text x="{left - 6}" y="{top + 4}" font-size="10" text-anchor="end">{peak}</text>',
             f'<text x="{left - 6}" y="{top + plot_h}" font-size="10" text-anchor="end">0</text>']
    every = max(1, math.ceil(len(series) / 18))  # keep period labels from overlapping
    for i, (_, row) in enumerate(series.iterrows()):
        x = left + i * slot + (slot - bar) / 2
        y = float(top + plot_h)
        for quad, col, opacity in layers:
            count = int(row[col])
            if not count:
                continue
            h = count / peak * plot_h
            y -= h
            kind = "claims" if col.endswith("_claims") else "facts"
            tip = f"{row['period']}: {count} {QUAD_LABELS[quad]} ({kind})"
            parts.append(f'<rect x="{_attr(x)}" y="{_attr(y)}" width="{_attr(bar)}" '
                         f'height="{_attr(h)}" fill="{QUAD_COLOURS[quad]}" '
                         f'fill-opacity="{opacity}"><title>{escape(tip)}</title></rect>')
        if i % every == 0:
            cx = x + bar / 2
            parts.append(f'<text x="{_attr(cx)}" y="{top + plot_h + 14}" font-size="10" '
                         f'text-anchor="middle">{escape(str(row["period"]))}</text>')
    lx = float(left)
    for quad in QUADS:
        parts.append(f'<rect x="{_attr(lx)}" y="{height - 18}" width="10" height="10" '
                     f'fill="{QUAD_COLOURS[quad]}"/><text x="{_attr(lx + 14)}" '
                     f'y="{height - 9}" font-size="10">{escape(QUAD_LABELS[quad])}</text>')
        lx += 150
    parts.append(f'<text x="{_attr(lx)}" y="{height - 9}" font-size="10">'
                 'paler: claims</text></svg>')
    return "".join(parts)
