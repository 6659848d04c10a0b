"""The PLOVER event coder (first version: no events yet)."""
from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from amity.actors.table import ActorTable
from amity.record import Event, Quote


def code_events(doc: Doc, actors: ActorTable, quotes: list[Quote],
                published: date | None = None) -> list[Event]:
    """Events the article reports between two actors, each pointing at its sentence."""
    return []
