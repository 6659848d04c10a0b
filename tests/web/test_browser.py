"""The web app in a real browser: Debian's Chromium driven by Playwright, screenshots kept."""
from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from web_articles import SCRIPT_TAG, SCRIPT_TITLE, UPLOAD_ARTICLE
from web_client import app_over

pytestmark = [pytest.mark.browser, pytest.mark.slow]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


@pytest.fixture(scope="module")
def live_url(tmp_path_factory: pytest.TempPathFactory, web_db: Path) -> Iterator[str]:
    """The app served by uvicorn in a thread on a free loopback port, over a store copy."""
    import uvicorn

    db = tmp_path_factory.mktemp("browser") / "browser.duckdb"
    shutil.copy(web_db, db)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with app_over(db) as app:
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                               log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 30
        while not server.started:
            assert time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
        server.should_exit = True
        thread.join(30)


@pytest.fixture(scope="module")
def browser(chromium: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page that fails the test on any script error or console error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("dialog", lambda d: (errors.append(f"dialog: {d.message}"), d.dismiss()))
    yield pg
    context.close()
    assert not errors, errors


def test_overview_click_through_to_actor_and_dyad(page: Any, live_url: str,
                                                  artifacts: Path) -> None:
    page.goto(live_url + "/")
    assert page.locator("svg.graph a.node-link").count() >= 3
    page.screenshot(path=artifacts / "web-overview.png", full_page=True)

    # Click the node's circle, as a user would: the link's box also spans the gap to the label.
    page.locator('svg.graph a.node-link[href="/actors/TUR"] circle').click()
    page.wait_for_url("**/actors/TUR")
    assert page.locator("h1").inner_text() == "Turkey"
    page.screenshot(path=artifacts / "web-actor.png", full_page=True)

    page.go_back()
    edge = page.locator('svg.graph a.edge[href="/dyads/GRC/TUR"], '
                        'svg.graph a.edge[href="/dyads/TUR/GRC"]')
    # A level edge has a zero-height box, which Playwright calls invisible, and its middle may
    # lie under a crossing edge: send the click to the edge's own link.
    edge.first.dispatch_event("click")
    page.wait_for_url("**/dyads/**")
    assert "Greece" in page.locator("h1").inner_text()
    bars = page.locator("svg.timeline rect")
    assert bars.count() >= 2 and bars.first.bounding_box()["height"] > 0
    assert page.locator("ul.evidence li").count() >= 2
    page.screenshot(path=artifacts / "web-dyad.png", full_page=True)

    page.locator("ul.evidence li .sentence a").first.click()
    page.wait_for_url("**/documents/**#ev-*")
    assert page.locator("article.article a.mention").count() >= 2


def test_upload_a_file_and_find_it_in_the_document_list(page: Any, live_url: str,
                                                        tmp_path: Path,
                                                        artifacts: Path) -> None:
    article = tmp_path / "pact.txt"
    article.write_text(UPLOAD_ARTICLE.replace("Friday", "Saturday"), encoding="utf-8")
    page.goto(live_url + "/upload")
    page.set_input_files("#files", str(article))
    page.click("#upload-button")
    page.locator("#job-status.done").wait_for(timeout=120_000)
    assert "1 new" in page.locator("#job-status").inner_text()
    assert page.locator("#job-documents a", has_text="Japan and Australia").count() == 1
    page.screenshot(path=artifacts / "web-upload.png", full_page=True)

    page.goto(live_url + "/documents")
    row = page.locator("#document-list a", has_text="Japan and Australia sign defence pact")
    assert row.count() == 1
    row.click()
    page.wait_for_url("**/documents/*")
    assert "Anthony Albanese" in page.locator("article.article").inner_text()


def test_drop_a_file_onto_the_upload_form(page: Any, live_url: str) -> None:
    page.goto(live_url + "/upload")
    text = UPLOAD_ARTICLE.replace("Japan", "Vietnam")
    transfer = page.evaluate_handle(
        """text => { const dt = new DataTransfer();
                     dt.items.add(new File([text], "vietnam.txt", {type: "text/plain"}));
                     return dt; }""", text)
    page.dispatch_event("#drop", "drop", {"dataTransfer": transfer})
    assert "1 file(s) dropped" in page.locator("#drop").inner_text()
    page.click("#upload-button")
    page.locator("#job-status.done").wait_for(timeout=120_000)
    assert page.locator("#job-documents a", has_text="Vietnam and Australia").count() == 1


def test_script_in_page_text_is_shown_as_text(page: Any, live_url: str,
                                              artifacts: Path) -> None:
    page.goto(live_url + "/documents?q=memo")
    page.locator("#document-list a", has_text="Leaked memo").click()
    page.wait_for_url("**/documents/*")
    assert page.locator("h1").inner_text() == SCRIPT_TITLE
    assert SCRIPT_TAG in page.locator("article.article").inner_text()
    assert page.locator("article script").count() == 0
    page.screenshot(path=artifacts / "web-escaped.png", full_page=True)
