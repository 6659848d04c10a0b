"""Plain-text page copies: keep the article lines, cut the page furniture (placeholder)."""
from __future__ import annotations

from amity.clean.core import Cleaned


def clean_text(text: str, url: str | None = None) -> Cleaned:
    return Cleaned(text=text.strip(), url=url)
