"""HTML pages: main text and metadata with trafilatura, then the junk patterns line by line.

trafilatura runs first in its precision mode (fewer menus and teasers); when that keeps less
than half of what its balanced mode finds, the balanced text is used instead (precision mode
sometimes drops whole article bodies). Measured on the article-extraction benchmark with
bench/main_text.py. What trafilatura leaves out of the page is listed in `removed` too.

The balanced pass is only run when it could change the choice: its text is never longer than
all the page's visible text (plus a list or cell marker per block), so a precise text of half
that or more is kept without it; and it runs without metadata, which only the first pass gives.
"""
from __future__ import annotations

from typing import Any

import trafilatura

from amity.clean._blocks import left_out, page_blocks
from amity.clean._junk import junk_patterns
from amity.clean.core import Cleaned
from amity.record import Removed

FALLBACK_SHARE = 0.5  # below this share of the balanced text, precision mode lost the body
_OPTIONS: dict[str, Any] = {"include_comments": False, "include_tables": True}
BLOCK_MARKUP = 4  # characters trafilatura may add per block: "- " before an item, newlines


def _extract(html: str, url: str | None, with_metadata: bool = True, **options: Any) -> Any:
    try:
        return trafilatura.bare_extraction(html, url=url, with_metadata=with_metadata,
                                           **_OPTIONS, **options)
    except (ValueError, TypeError, AttributeError):  # malformed markup trafilatura trips on
        return None


def clean_html(html: str, url: str | None = None) -> Cleaned:
    """Main text (headline on top), title, date and site of an HTML page."""
    blocks = page_blocks(html)
    most = sum(len(text) + BLOCK_MARKUP for text, _ in blocks)  # no extraction is longer
    precise = _extract(html, url, favor_precision=True)
    doc = precise
    found = len(precise.text or "") if precise is not None else 0
    if precise is None or found < FALLBACK_SHARE * most:
        balanced = _extract(html, url, with_metadata=False)
        if precise is None or found < FALLBACK_SHARE * len(
                (balanced.text or "") if balanced is not None else ""):
            doc = balanced
    if doc is None or not (doc.text or "").strip():
        return Cleaned(text="", title=getattr(doc, "title", None), url=url)
    patterns = junk_patterns()
    kept: list[str] = []
    removed: list[Removed] = []
    for line in doc.text.split("\n"):
        kind = patterns.kind_of(line.strip())
        if kind is None:
            kept.append(line)
        else:
            removed.append(Removed(kind, line.strip()))
    text = "\n".join(kept).strip()
    title = (doc.title or "").strip() or None
    if title and text and not text.startswith(title):
        text = f"{title}\n\n{text}"
    listed = {r.text for r in removed}
    removed += [r for r in left_out(blocks, text) if r.text not in listed]
    return Cleaned(text=text, title=title, published=doc.date or None,
                   site=doc.sitename or None, url=url or doc.url or None, removed=removed)
