"""Claim finder (first version: none yet)."""
from __future__ import annotations

from spacy.tokens import Doc

from amity.actors.table import ActorTable
from amity.record import Claim, Event, Quote


def find_claims(doc: Doc, actors: ActorTable, quotes: list[Quote],
                events: list[Event]) -> list[Claim]:
    """Claims by named claimants about other actors, with disputers and supporters."""
    return []
