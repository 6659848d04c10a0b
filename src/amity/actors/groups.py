"""Unnamed groups named by their country or region: "Rwandan rebels", "Algerian protesters"."""
from __future__ import annotations

from typing import TYPE_CHECKING

from amity.actors.dictionary import load_rules, slug

if TYPE_CHECKING:
    from amity.actors.resolve import Resolver

_PLACE_LABELS = ("GPE", "LOC")


def find_unnamed_groups(r: Resolver) -> None:
    """A demonym or an unknown place before a group noun names that group, not the state."""
    words = load_rules().get("group_nouns") or {}
    plural = {str(w) for w in words.get("plural") or []}
    singular = {str(w) for w in words.get("singular") or []}
    heads = {str(w) for w in words.get("heads") or []}
    people = {str(w) for w in words.get("people") or []}
    doc = r.doc
    for i in range(len(doc)):
        if r.used[i]:
            continue
        where = _country_or_place(r, i)
        if where is None:
            continue
        country, j = where
        if j >= len(doc):
            continue
        end, kind = None, "armed_group"
        if r.low[j] in plural:
            end = j + 1
        elif r.low[j] in singular and j + 1 < len(doc) and r.low[j + 1] in heads:
            end = j + 2
        elif r.low[j] in people and country is not None:
            end, kind = j + 1, "organization"
        if end is None or not r.free(i, end):
            continue
        name = doc[i:end].text
        r.mention(i, end, r.add_new(slug(name), name, kind, country=country), "name")


def _country_or_place(r: Resolver, i: int) -> tuple[str | None, int] | None:
    """(the state's id, or None for a place, and the token after its name) at token i."""
    ref = r.state_at(i)
    if ref is not None:
        return ref[0].id, ref[1]
    ent = r.ent_of.get(i)
    if ent is not None and ent.start == i and ent.label_ in _PLACE_LABELS and not ent.id_:
        return None, ent.end
    return None
