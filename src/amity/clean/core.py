"""The clean stage: dispatch a page to the HTML or plain-text extractor."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from amity.ingest.read import Page
from amity.record import Removed

MIN_ARTICLE_WORDS = 12  # fewer words than a one-sentence news brief: a menu, a 404 shell
_SENTENCE_END = re.compile(r"\w[.!?…]['\"”’)]*(\s|$)")


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
    if page.title and page.title.strip() not in cleaned.text[:len(page.title) + 200]:
        cleaned.text = f"{page.title.strip()}\n\n{cleaned.text}"  # the record's text opens
    cleaned.title = page.title or cleaned.title                      # with the headline
    cleaned.published = page.published or cleaned.published
    cleaned.url = page.url or cleaned.url
    if not cleaned.text.strip():
        raise NotAnArticle("no article text found")
    from amity.clean.language import english_share

    share = english_share(cleaned.text)
    if share is not None and share < 0.5:
        raise NotEnglish("not in English (amity reads English news); skipped")
    body = cleaned.text
    if cleaned.title and body.startswith(cleaned.title):
        body = body[len(cleaned.title):]
    count = len(body.split())
    if count < MIN_ARTICLE_WORDS:
        raise NotAnArticle(f"no article text found (only {count} word{'s' * (count != 1)} "
                           "besides the headline)")
    if not _SENTENCE_END.search(body):
        raise NotAnArticle("no article text found (not one full sentence)")
    return cleaned
