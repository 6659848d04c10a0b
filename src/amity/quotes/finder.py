"""Quotation finder (first version: none yet)."""
from __future__ import annotations

from spacy.tokens import Doc

from amity.actors.table import ActorTable
from amity.record import Quote


def find_quotes(doc: Doc, actors: ActorTable) -> list[Quote]:
    """Quotes in `doc` with speaker actor ids (None for unnamed speakers)."""
    return []
