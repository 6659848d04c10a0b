"""HTML pages: trafilatura's main text with the headline on top, and the page's metadata."""
from __future__ import annotations

import pytest

from amity.clean import NotAnArticle, clean_page
from amity.clean.html import clean_html
from amity.ingest import Page

PARAGRAPHS = [
    "Turkey's parliament voted on Tuesday to approve Sweden's bid to join NATO, lifting one of "
    "the last obstacles to the alliance's expansion after more than a year of delay.",
    "President Recep Tayyip Erdogan had held up the application, accusing Sweden of sheltering "
    "members of the Kurdistan Workers' Party, which Ankara lists as a terrorist group.",
    "NATO Secretary General Jens Stoltenberg welcomed the decision and urged Hungary to complete "
    "its own ratification without delay, while the Kremlin warned of countermeasures.",
    "Kurdish groups in Sweden disputed Ankara's claim that Stockholm had cracked down on the "
    "group, saying the new law was being used to silence peaceful activists.",
]
TITLE = "Turkish parliament approves Sweden's NATO membership"


def article_html(extra_body: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{TITLE} | Example News</title>"
        "<meta property='og:site_name' content='Example News'>"
        f"<meta property='og:title' content=\"{TITLE}\">"
        "<meta property='article:published_time' content='2024-01-23T19:40:00Z'>"
        "</head><body><nav><ul><li><a href='/'>Home</a></li><li><a href='/w'>World</a></li>"
        f"</ul></nav><main><article><h1>{TITLE}</h1>{paragraphs}{extra_body}</article></main>"
        "<footer><p>© 2024 Example News. All rights reserved.</p></footer></body></html>")


def test_html_text_starts_with_headline_and_keeps_every_paragraph() -> None:
    cleaned = clean_html(article_html())
    assert cleaned.text.startswith(TITLE)
    for paragraph in PARAGRAPHS:
        assert paragraph in cleaned.text
    assert "Home" not in cleaned.text and "All rights reserved" not in cleaned.text


def test_html_metadata_title_date_site() -> None:
    cleaned = clean_html(article_html())
    assert (cleaned.title, cleaned.published, cleaned.site) == (
        TITLE, "2024-01-23", "Example News")


@pytest.mark.parametrize("junk,kind", [
    ("Sign up for our daily briefing newsletter", "newsletter"),
    ("Follow us on Twitter", "social"),
])
def test_html_cuts_leftover_furniture_lines(junk: str, kind: str) -> None:
    cleaned = clean_html(article_html(f"<p>{junk}</p>"))
    assert junk not in cleaned.text
    assert (kind, junk) in {(r.kind, r.text) for r in cleaned.removed}


@pytest.mark.parametrize("html", [
    "<html><head><title>Home</title></head><body><nav><a href='/'>Home</a> "
    "<a href='/world'>World</a></nav></body></html>",
    "<html><body></body></html>",
])
def test_html_without_article_is_not_an_article(html: str) -> None:
    with pytest.raises(NotAnArticle):
        clean_page(Page(source="empty.html", content=html, form="html"))


def test_html_lists_what_the_extraction_left_out_with_kinds() -> None:
    extra = ("<figure><figcaption>Lawmakers vote in Ankara. (Photo by Jane Example)"
             "</figcaption></figure>")
    html = article_html(extra).replace(
        "</main>", "<aside><h2>Related stories</h2><ul><li><a href='/1'>Hungary's Orban "
        "invites Kristersson to Budapest for talks</a></li></ul></aside></main>")
    removed = {(r.kind, r.text) for r in clean_html(html).removed}
    assert ("navigation", "Home") in removed and ("navigation", "World") in removed
    assert ("teaser", "Hungary's Orban invites Kristersson to Budapest for talks") in removed
    assert ("other", "© 2024 Example News. All rights reserved.") in removed
