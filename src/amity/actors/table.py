"""The actors of one document and where each is mentioned: what later stages look up."""
from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass

from amity.record import Actor, Mention

# How a mention was tied to its actor. Pronoun mentions serve later stages (who said it,
# who did it) and are not written to the record's `mentions`.
VIA = ("name", "alias", "demonym", "metonym", "title", "surname", "pronoun", "ner")


@dataclass(slots=True, frozen=True)
class ActorMention:
    start: int
    end: int
    text: str
    actor_id: str
    via: str = "name"


class ActorTable:
    """Actors by id and their mentions sorted by offset, with span look-ups."""

    def __init__(self, actors: Iterable[Actor], mentions: Iterable[ActorMention]) -> None:
        self.actors: dict[str, Actor] = {a.id: a for a in actors}
        self.mentions: list[ActorMention] = sorted(mentions, key=lambda m: (m.start, -m.end))
        self._starts = [m.start for m in self.mentions]

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self.actors

    def actor(self, actor_id: str) -> Actor:
        return self.actors[actor_id]

    def rollup(self, actor_id: str) -> str:
        return self.actors[actor_id].rollup if actor_id in self.actors else actor_id

    def within(self, start: int, end: int) -> list[ActorMention]:
        """Mentions lying inside the character span [start, end)."""
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def at(self, start: int, end: int) -> ActorMention | None:
        """The longest mention overlapping [start, end), if any."""
        i = bisect.bisect_left(self._starts, end)
        best: ActorMention | None = None
        for m in self.mentions[max(0, i - 50):i]:
            if m.start < end and m.end > start and (
                    best is None or m.end - m.start > best.end - best.start):
                best = m
        return best

    def to_record_actors(self) -> list[Actor]:
        """Record actors with their non-pronoun mentions; rollup targets included."""
        by_actor: dict[str, list[Mention]] = {}
        for m in self.mentions:
            if m.via != "pronoun":
                by_actor.setdefault(m.actor_id, []).append(Mention(m.start, m.end, m.text))
        out = []
        for actor in self.actors.values():
            actor.mentions = by_actor.get(actor.id, [])
            out.append(actor)
        return out
