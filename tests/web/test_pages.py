"""The HTML pages in-process: each renders, links onward, escapes page text, sends guards."""
from __future__ import annotations

import re

import pytest
from test_api import doc_id_titled
from web_articles import SCRIPT_TAG, SCRIPT_TITLE
from web_client import Client

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("url,needle", [
    ("/", "Who cooperates, who is in conflict"),
    ("/actors/IRN", "Partners and adversaries"),
    ("/dyads/TUR/GRC", "Stated as fact"),
    ("/claims", "Claims ledger"),
    ("/documents", "document-list"),
    ("/search?q=Greece", "Greece"),
    ("/upload", "upload-form"),
    ("/api", "/api/overview"),
])
def test_page_renders(api: Client, url: str, needle: str) -> None:
    response = api.get(url)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert needle in response.text


def test_overview_graph_links_nodes_to_actors_and_edges_to_dyads(api: Client) -> None:
    html = api.get("/").text
    svg = html[html.index('<svg'):html.index('</svg>')]
    assert 'class="node-link"' in svg and 'href="/actors/TUR"' in svg
    assert re.search(r'<a href="/dyads/(GRC/TUR|TUR/GRC)" class="edge">', svg)


def test_graph_edges_coloured_by_sign_and_widened_by_weight(api: Client) -> None:
    from amity.analyze._svg import SIGN_COLOURS

    edges = api.get("/api/overview").json()["graph_edges"]
    html = api.get("/").text
    drawn = []
    for e in edges:
        a, b = e["a"]["id"], e["b"]["id"]
        m = re.search(rf'<a href="/dyads/(?:{a}/{b}|{b}/{a})" class="edge"><line [^>]*'
                      rf'stroke="([^"]+)" stroke-width="([\d.]+)"', html)
        assert m, f"no edge drawn for {a}-{b}"
        assert m.group(1) == SIGN_COLOURS[e["sign"]]
        drawn.append((e["weight"], float(m.group(2))))
    widths = [w for _, w in sorted(drawn)]
    assert widths == sorted(widths) and widths[0] < widths[-1]


def test_dyad_page_draws_the_chart(api: Client) -> None:
    html = api.get("/dyads/TUR/GRC").text
    chart = html[html.index('class="chart timeline"'):]
    assert chart.count("<rect") >= 2


def test_evidence_links_to_its_sentence_in_the_document(api: Client) -> None:
    html = api.get("/dyads/TUR/GRC").text
    links = re.findall(r'href="/documents/([0-9a-f]{16})#ev-(\d+)"', html)
    assert links
    doc_id, index = links[0]
    assert f'id="ev-{index}"' in api.get(f"/documents/{doc_id}").text


def test_document_page_marks_actors_events_quotes_and_removed(api: Client) -> None:
    doc_id = doc_id_titled(
        api, "Iran rejects US charge that it arms Russia with drones for Ukraine war")
    html = api.get(f"/documents/{doc_id}").text
    assert '<a class="mention" href="/actors/IRN">' in html
    assert 'class="event' in html or 'event"' in html
    assert "quote" in html
    assert re.search(r"Removed as junk \(\d+\)", html)


@pytest.mark.parametrize("url", ["/documents/{doc}", "/documents?q=memo", "/search?q=memo",
                                 "/actors/DEU"])
def test_script_in_page_text_is_escaped(api: Client, url: str) -> None:
    html = api.get(url.format(doc=doc_id_titled(api, SCRIPT_TITLE))).text
    assert SCRIPT_TAG not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_pages_send_a_content_security_policy(api: Client) -> None:
    headers = api.get("/").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


def test_pages_load_no_asset_from_elsewhere(api: Client) -> None:
    for url in ("/", "/upload", "/dyads/TUR/GRC"):
        html = api.get(url).text
        assets = re.findall(r'(?:src|href)="([^"]+)"', html)
        assert assets and all(a.startswith(("/", "#", "data:")) for a in assets), url


@pytest.mark.parametrize("name,kind", [("amity.css", "text/css"),
                                       ("amity.js", "text/javascript")])
def test_static_files_come_from_the_package(api: Client, name: str, kind: str) -> None:
    response = api.get(f"/static/{name}")
    assert response.status_code == 200 and response.headers["content-type"].startswith(kind)


@pytest.mark.parametrize("url", ["/static/..%2F..%2F..%2Fpyproject.toml",
                                 "/static/__init__.py", "/static/%2Fetc%2Fpasswd"])
def test_static_names_never_reach_the_file_system(api: Client, url: str) -> None:
    assert api.get(url).status_code == 404


def test_unknown_actor_page_says_so_with_suggestions(api: Client) -> None:
    response = api.get("/actors/Irann")
    assert response.status_code == 404
    assert "no actor in the store matches" in response.text and "Iran (IRN)" in response.text


def test_other_host_names_are_refused(api: Client) -> None:
    response = api.get("/", headers={"host": "attacker.example"})
    assert response.status_code == 400
