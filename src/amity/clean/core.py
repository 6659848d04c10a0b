"""The clean stage: dispatch a page to the HTML or plain-text extractor."""
from __future__ import annotations

from dataclasses import dataclass, field

from amity.ingest.read import Page
from amity.record import Removed


class NotAnArticle(ValueError):
    """The page holds no article text (an empty shell, a 404 page, a list of links)."""


class NotEnglish(ValueError):
    """The page is in another language; amity reads English news."""


@dataclass(slots=True)
class Cleaned:
    text: str
    title: str | None = None
    published: str | None = None
    site: str | None = None
    url: str | None = None
    language: str = "en"
    removed: list[Removed] = field(default_factory=list)


def clean_page(page: Page) -> Cleaned:
    """Main text of `page`; raises NotAnArticle or NotEnglish with a reason."""
    if page.form == "html":
        from amity.clean.html import clean_html

        cleaned = clean_html(page.content, url=page.url)
    else:
        from amity.clean.text import clean_text

        cleaned = clean_text(page.content, url=page.url)
    cleaned.title = page.title or cleaned.title
    cleaned.published = page.published or cleaned.published
    cleaned.url = page.url or cleaned.url
    if not cleaned.text.strip():
        raise NotAnArticle("no article text found")
    from amity.clean.language import english_share

    share = english_share(cleaned.text)
    if share is not None and share < 0.5:
        raise NotEnglish("not in English (amity reads English news); skipped")
    return cleaned
