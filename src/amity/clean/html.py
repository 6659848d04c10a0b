"""HTML pages: main text and metadata with trafilatura."""
from __future__ import annotations

import trafilatura

from amity.clean.core import Cleaned


def clean_html(html: str, url: str | None = None) -> Cleaned:
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=False)
    if doc is None:
        return Cleaned(text="")
    text = doc.text or ""
    title = doc.title
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return Cleaned(text=text, title=title, published=doc.date, site=doc.sitename, url=url)
