"""The HTML pages: each renders the model its API twin serves, through escaping templates."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from amity import __version__
from amity.analyze._svg import QUAD_COLOURS, QUAD_LABELS, graph_svg, timeline_svg
from amity.analyze.scoring import QUADS
from amity.web import documents, views
from amity.web.api import ActorArg, Period, cached, document_record, read
from amity.web.models import GraphNode, Overview

HERE = Path(__file__).parent
router = APIRouter(include_in_schema=False)


def actor_url(actor_id: str) -> str:
    return "/actors/" + quote(actor_id, safe="")


def dyad_url(a: str, b: str) -> str:
    return f"/dyads/{quote(a, safe='')}/{quote(b, safe='')}"


def document_url(doc_id: str, anchor: str | None = None) -> str:
    return f"/documents/{quote(doc_id, safe='')}" + (f"#{quote(anchor)}" if anchor else "")


def environment() -> Environment:
    # Autoescape every template: page text comes from the news and must never become markup.
    env = Environment(loader=FileSystemLoader(HERE / "templates"),
                      autoescape=select_autoescape(["html"]), trim_blocks=True,
                      lstrip_blocks=True)
    env.globals.update(actor_url=actor_url, dyad_url=dyad_url, document_url=document_url,
                       quads=QUADS, quad_labels=QUAD_LABELS, quad_colours=QUAD_COLOURS,
                       version=__version__)
    return env


def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    env: Environment = request.app.state.templates
    html = env.get_template(template).render(
        request_path=request.url.path, token_required=request.app.state.token is not None,
        db_name=Path(request.app.state.database.path).name, **context)
    return HTMLResponse(html, status_code=status)


def _graph(view: Overview) -> Markup:
    import networkx as nx

    graph = nx.Graph()
    for node in view.graph_nodes:
        graph.add_node(node.id, name=node.name, events=node.events)
    for e in view.graph_edges:
        graph.add_edge(e.a.id, e.b.id, sign=e.sign, weight=e.weight, n_events=e.events)
    return Markup(graph_svg(graph, 820, 600, node_href=actor_url, edge_href=dyad_url))


@router.get("/", response_class=HTMLResponse)
def overview_page(request: Request) -> HTMLResponse:
    view = cached(request, "overview", views.overview)
    top: list[GraphNode] = view.graph_nodes
    return page(request, "overview.html", view=view, graph=_graph(view), top=top)


@router.get("/actors/{actor}", response_class=HTMLResponse)
def actor_page(request: Request, actor: ActorArg, exact: bool = False) -> HTMLResponse:
    view = read(request, views.actor_page, actor, exact=exact)
    return page(request, "actor.html", view=view, exact=exact)


@router.get("/dyads/{a}/{b}", response_class=HTMLResponse)
def dyad_page(request: Request, a: ActorArg, b: ActorArg, by: Period = "month",
              exact: bool = False) -> HTMLResponse:
    view = read(request, views.dyad, a, b, by=by, exact=exact)
    title = f"{view.a.name} – {view.b.name} by {by}"
    chart = Markup(timeline_svg(views.dyad_chart_frame(view), title, width=1100, height=260))
    return page(request, "dyad.html", view=view, chart=chart, by=by, exact=exact)


@router.get("/claims", response_class=HTMLResponse)
def claims_page(request: Request, about: Annotated[str | None, Query(max_length=200)] = None,
                claimant: Annotated[str | None, Query(max_length=200)] = None) -> HTMLResponse:
    view = read(request, views.claims_ledger, about=about or None, claimant=claimant or None)
    return page(request, "claims.html", view=view)


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, q: Annotated[str | None, Query(max_length=200)] = None,
                   offset: Annotated[int, Query(ge=0)] = 0) -> HTMLResponse:
    view = read(request, documents.document_list, q=q or None, offset=offset, limit=50)
    return page(request, "documents.html", view=view)


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str) -> HTMLResponse:
    doc = document_record(request, doc_id)
    actors = {a.id: a for a in doc.actors}
    return page(request, "document.html", doc=doc, segments=documents.segments(doc),
                actors=actors)


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: Annotated[str, Query(max_length=200)] = ""
                ) -> HTMLResponse:
    view = read(request, documents.search, q)
    return page(request, "search.html", view=view)


@router.get("/upload", response_class=HTMLResponse)
def upload_page(request: Request) -> HTMLResponse:
    s = request.app.state
    return page(request, "upload.html", max_mb=s.max_upload_bytes / (1024 * 1024),
                max_files=s.max_files)


@router.get("/api", response_class=HTMLResponse)
def api_page(request: Request) -> HTMLResponse:
    schema = request.app.openapi()
    endpoints = [{"path": path, "method": method.upper(), "summary": op.get("summary", ""),
                  "description": op.get("description", ""),
                  "parameters": op.get("parameters", [])}
                 for path, ops in schema["paths"].items() for method, op in ops.items()]
    return page(request, "api.html", endpoints=endpoints)
