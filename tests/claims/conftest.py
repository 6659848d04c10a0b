"""Hand-built actor tables, so claim tests do not depend on the actors stage."""
from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from amity.actors.table import ActorMention, ActorTable
from amity.record import Actor

# name -> (actor id, kind, rollup); surnames and pronouns are added per test.
Cast = dict[str, tuple[str, str, str]]


def build_table(text: str, cast: Cast, extra: list[ActorMention] | None = None) -> ActorTable:
    """Every whole-word occurrence of each name in `text` as a mention of its actor."""
    actors: dict[str, Actor] = {}
    for name, (aid, kind, rollup) in cast.items():  # the first name listed is the actor's
        actors.setdefault(aid, Actor(id=aid, name=name, kind=kind, rollup=rollup))
    mentions = list(extra or [])
    for name, (aid, _, _) in cast.items():
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            mentions.append(ActorMention(m.start(), m.end(), name, aid, "name"))
    # A longer name wins over a shorter one inside it ("Colin P. Clarke" over "Clarke").
    kept = [m for m in mentions if not any(
        o is not m and o.start <= m.start and m.end <= o.end and o.end - o.start >
        m.end - m.start for o in mentions)]
    return ActorTable(actors.values(), kept)


@pytest.fixture
def make_table() -> Callable[..., ActorTable]:
    return build_table
