"""Helpers for event tests: run nlp + actors (+ hand-made quotes) + the coder on one text."""
from __future__ import annotations

from datetime import date

import pytest

from amity.record import Quote

PUBLISHED = date(2020, 1, 15)  # a Wednesday


@pytest.fixture(scope="session")
def code(nlp):  # type: ignore[no-untyped-def]
    """`code(text, quotes=None, published=PUBLISHED)` → (events, actor table)."""
    from amity.actors import find_actors
    from amity.events import code_events

    def run(text: str, quotes: list[Quote] | None = None,
            published: date | None = PUBLISHED):  # type: ignore[no-untyped-def]
        doc = nlp(text)
        table = find_actors(doc, published)
        return code_events(doc, table, quotes or [], published), table

    return run
