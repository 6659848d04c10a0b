"""The JSON API in-process: every endpoint, its errors, and the page/API twins."""
from __future__ import annotations

from typing import Any

import pytest
from web_articles import SCRIPT_TITLE
from web_client import Client

from amity.web import pages

pytestmark = pytest.mark.slow


def doc_id_titled(api: Client, title: str) -> str:
    docs = api.get("/api/documents", params={"limit": 500}).json()["documents"]
    return next(d["id"] for d in docs if d["title"] == title)


def test_overview_counts_graph_events_and_claims(api: Client) -> None:
    body = api.get("/api/overview").json()
    counts = {c["measure"]: c["value"] for c in body["counts"]}
    assert counts["documents"] == 9
    nodes = {n["id"] for n in body["graph_nodes"]}
    assert {"TUR", "GRC", "IRN"} <= nodes
    assert all(e["sign"] in (-1, 0, 1) and e["a"]["id"] in nodes and e["b"]["id"] in nodes
               for e in body["graph_edges"])
    assert body["recent_events"] and all(e["sentence"] for e in body["recent_events"])
    assert all(c["disputed_by"] for c in body["disputed_claims"])


@pytest.mark.parametrize("name", ["IRN", "Iran", "iran"])
def test_actor_found_by_id_or_name(api: Client, name: str) -> None:
    body = api.get(f"/api/actors/{name}").json()
    assert body["id"] == "IRN" and body["name"] == "Iran"
    assert body["level"] == "rollup" and body["documents"] >= 3
    adversaries = {p["actor"]["id"] for p in body["adversaries"]}
    assert "DEU" in adversaries
    assert body["quotes"] and body["claims_about"]
    assert all(e["source"]["id"] and e["target"]["id"] for e in body["events"])


def test_actor_exact_leaves_out_its_officials(api: Client) -> None:
    rollup = api.get("/api/actors/IRN").json()
    exact = api.get("/api/actors/IRN", params={"exact": "true"}).json()
    assert exact["level"] == "actor"
    assert exact["mentions"] < rollup["mentions"]


def test_dyad_counts_each_month_with_evidence(api: Client) -> None:
    body = api.get("/api/dyads/TUR/GRC").json()
    periods = {p["period"]: p for p in body["periods"]}
    assert {"2024-03", "2024-04", "2024-05"} <= set(periods)  # April filled in, empty
    assert periods["2024-03"]["facts"]["verbal_conflict"] >= 1
    assert periods["2024-05"]["facts"]["verbal_cooperation"] >= 1
    assert sum(periods["2024-04"]["facts"].values()) == 0
    docs = {d["id"] for d in api.get("/api/documents").json()["documents"]}
    assert body["evidence"] and all(e["doc_id"] in docs for e in body["evidence"])


@pytest.mark.parametrize("by,label", [("year", "2024"), ("week", "2024-W11")])
def test_dyad_by_other_periods(api: Client, by: str, label: str) -> None:
    body = api.get("/api/dyads/TUR/GRC", params={"by": by}).json()
    assert label in [p["period"] for p in body["periods"]]


def test_dyad_keeps_claims_apart_from_facts(api: Client) -> None:
    body = api.get("/api/dyads/IRN/RUS").json()
    assert body["totals"]["material_cooperation_claims"] >= 1
    assert body["totals"]["material_cooperation"] == 0


def test_claims_ledger_lists_claimants_and_disputers(api: Client) -> None:
    claims = api.get("/api/claims").json()["claims"]
    assert claims and all(c["claimants"] and c["documents"] for c in claims)
    assert any(c["disputed_by"] for c in claims)


def test_claims_filtered_about_an_actor(api: Client) -> None:
    body = api.get("/api/claims", params={"about": "Iran"}).json()
    assert body["about"] == {"id": "IRN", "name": "Iran"}
    assert body["claims"] and all(
        any(a["id"] == "IRN" or a["id"].startswith("hossein") for a in c["about"]) or c["about"]
        for c in body["claims"])


@pytest.mark.parametrize("q,expected", [(None, 9), ("greece", 2), ("no-such-words", 0)])
def test_document_list_filters_by_title_or_source(api: Client, q: str | None,
                                                   expected: int) -> None:
    body = api.get("/api/documents", params={"q": q} if q else {}).json()
    assert body["total"] == expected == len(body["documents"])


def test_document_list_pages(api: Client) -> None:
    first = api.get("/api/documents", params={"limit": 4}).json()
    second = api.get("/api/documents", params={"limit": 4, "offset": 4}).json()
    assert len(first["documents"]) == 4
    assert not {d["id"] for d in first["documents"]} & {d["id"] for d in second["documents"]}


def test_document_record_is_the_contract(api: Client) -> None:
    doc_id = doc_id_titled(api, "Turkey and Greece agree to resume talks")
    record = api.get(f"/api/documents/{doc_id}").json()
    assert record["schema"] == "amity.document/1" and record["id"] == doc_id
    assert record["events"] and record["actors"]


def test_search_finds_actors_and_documents(api: Client) -> None:
    body = api.get("/api/search", params={"q": "Greece"}).json()
    assert body["actors"][0]["id"] == "GRC"
    assert any(d["title"].startswith("Turkey and Greece") for d in body["documents"])


def test_search_matches_aliases(api: Client) -> None:
    body = api.get("/api/search", params={"q": "Persia"}).json()
    assert [a["id"] for a in body["actors"]] == ["IRN"]
    assert body["actors"][0]["matched"] == "Persia"


def test_upload_limits_say_no_token_needed(api: Client) -> None:
    body = api.get("/api/upload").json()
    assert body["token_required"] is False and body["max_bytes"] > 0


@pytest.mark.parametrize("url,status,words", [
    ("/api/actors/Atlantis", 404, "no actor in the store matches 'Atlantis'"),
    ("/api/dyads/TUR/Atlantis", 404, "Atlantis"),
    ("/api/documents/0123456789abcdef", 404, "no document 0123456789abcdef"),
    ("/api/documents/..%2F..%2Fpyproject.toml", 404, "no page at /api/documents/../../"),
    ("/api/documents/....pyproject.toml", 404, "ids are letters, digits"),
    ("/api/jobs/not-a-job", 404, "no such upload job"),
    ("/api/dyads/TUR/GRC?by=decade", 422, "by"),
    ("/api/documents?limit=0", 422, "limit"),
])
def test_bad_requests_get_a_clear_message(api: Client, url: str, status: int,
                                          words: str) -> None:
    response = api.get(url)
    assert response.status_code == status
    assert words in response.json()["detail"]


def page_twins() -> list[tuple[str, str]]:
    twins = []
    for route in pages.router.routes:
        path: str = route.path
        if path != "/api":
            twins.append((path, "/api/overview" if path == "/" else "/api" + path))
    return twins


@pytest.mark.parametrize("page,twin", page_twins())
def test_every_page_has_a_json_twin_in_the_schema(api: Client, page: str, twin: str) -> None:
    schema: dict[str, Any] = api.get("/openapi.json").json()
    assert "get" in schema["paths"][twin], f"{page} has no GET {twin}"
    assert schema["paths"][twin]["get"]["summary"]


def test_schema_documents_the_upload(api: Client) -> None:
    upload = api.get("/openapi.json").json()["paths"]["/api/upload"]["post"]
    assert "multipart/form-data" in upload["requestBody"]["content"]


def test_script_in_a_title_comes_back_as_data(api: Client) -> None:
    doc_id = doc_id_titled(api, SCRIPT_TITLE)
    assert api.get(f"/api/documents/{doc_id}").json()["title"] == SCRIPT_TITLE
