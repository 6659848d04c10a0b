"""Targets a trigger's sentence or what came before lends it when its own phrase names none:
the sides a go-between served, whom a bare threat or a denial is aimed at."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from amity.events.roles import Found, Roles
from amity.events.targets import Targets
from amity.record import QUAD_OF_TYPE

if TYPE_CHECKING:
    from amity.events.triggers import Candidate


def lend_targets(cands: list[Candidate], sent: Span, roles: Roles, targets: Targets) -> None:
    """Fill in, in place, the targets of the sentence's candidates that found none."""
    for cand in cands:
        if cand.targets or cand.pairs:
            continue
        if cand.entry.third_party:
            cand.targets = served_sides(cand, cands, roles)
        elif cand.type == "THREATEN":
            own = {s.mention.actor_id for s in cand.sources}
            cand.targets = threatened(cand, cands) or [
                f for f in targets.condition_targets(sent.root, roles)
                if f.mention.actor_id not in own]
        elif cand.entry.answers and len(cand.sources) == 1:
            cand.targets = answered(cand, cands, roles)


def answered(denial: Candidate, cands: list[Candidate], roles: Roles) -> list[Found]:
    """Whom a denial with no target answers: who accused the denier's side earlier in the
    sentence ("X accused Iran of ..., a charge Tehran denied"), else before it."""
    side = roles.actors.rollup(denial.sources[0].mention.actor_id)
    for cand in cands:
        if cand.type == "ACCUSE" and cand.trigger.i < denial.trigger.i and any(
                roles.actors.rollup(t.mention.actor_id) == side for t in cand.targets):
            return cand.sources
    return roles.accuser_of(side, denial.trigger)


def threatened(threat: Candidate, cands: list[Candidate]) -> list[Found]:
    """Whom a threat that names no one is aimed at: the target of the same actor's hostile
    act in the sentence ("staged drills near Taiwan as a warning", "condemned the drills
    and said it would respond")."""
    own = {f.mention.actor_id for f in threat.sources}
    for cand in cands:
        if cand is threat or not cand.targets or cand.type in ("THREATEN", "REQUEST"):
            continue
        if QUAD_OF_TYPE[cand.type].endswith("cooperation"):
            continue
        if QUAD_OF_TYPE[cand.type] == "verbal_conflict" and not threat.entry.intended:
            continue  # "condemned the test and warned that such tests are a threat"
        if own & {f.mention.actor_id for f in cand.sources}:
            return [f for f in cand.targets if f.mention.actor_id not in own]
    return []


def served_sides(go_between: Candidate, cands: list[Candidate], roles: Roles) -> list[Found]:
    """The sides of the joint act a go-between served: one told in the same sentence
    ("exchanged prisoners after the UAE acted as an intermediary"), else the latest told
    shortly before ("a deal being mediated by Qatar")."""
    own = {f.mention.actor_id for f in go_between.sources}
    for cand in cands:
        if cand is go_between or not cand.entry.reciprocal or not QUAD_OF_TYPE[
                cand.type].endswith("cooperation"):
            continue  # a mediator serves talks, deals, swaps; not the war itself
        sides = [f for f in [*cand.sources, *cand.targets] if f.mention.actor_id not in own]
        if len({f.mention.actor_id for f in sides}) > 1:
            return sides
    return [f for f in roles.recalled_parties(go_between.trigger.idx)
            if f.mention.actor_id not in own]
