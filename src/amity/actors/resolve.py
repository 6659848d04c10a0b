"""Mentions to actors (first version: spaCy entities only; the dictionary comes next)."""
from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc

from amity.actors.table import ActorMention, ActorTable
from amity.record import Actor

_KIND = {"PERSON": "person", "ORG": "organization", "GPE": "state", "NORP": "state"}


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def find_actors(doc: Doc, published: date | None = None) -> ActorTable:
    actors: dict[str, Actor] = {}
    mentions = []
    for ent in doc.ents:
        kind = _KIND.get(ent.label_)
        if kind is None:
            continue
        name = ent.text.removeprefix("the ").removesuffix("'s").removesuffix("’s")
        aid = slug(name)
        actors.setdefault(aid, Actor(id=aid, name=name, kind=kind, rollup=aid))
        mentions.append(ActorMention(ent.start_char, ent.start_char + len(name), name, aid,
                                     "ner"))
    return ActorTable(actors.values(), mentions)
