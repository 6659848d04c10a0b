"""Helpers shared by the event tests."""
from __future__ import annotations

from amity.record import Event


def triples(events: list[Event], live_only: bool = True) -> set[tuple[str, str, str]]:
    """(source, type, target) of the events, leaving out negated/hypothetical ones."""
    return {(e.source, e.type, e.target) for e in events
            if not live_only or not (e.negated or e.hypothetical)}
