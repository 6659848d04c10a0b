"""A state's bodies in the text: "Iran's foreign ministry", "the defence ministry", troops."""
from __future__ import annotations

from typing import TYPE_CHECKING

from amity.actors.dictionary import Entry
from amity.actors.lexicon import Body

if TYPE_CHECKING:
    from amity.actors.resolve import Resolver

# Bodies that "the ..." alone names in an article about one state ("the defence ministry said").
_BARE_BODIES = {"foreign-ministry", "defence-ministry", "interior-ministry", "health-ministry",
                "finance-ministry", "justice-ministry", "commerce-ministry", "pmo", "presidency"}
# Generic members of a state's forces ("Turkish soldiers"): the state itself, unless the article
# names that state's military as a body, whose members they then are.
PERSONNEL = "personnel"
# Body words that are adjectives before another noun: "Israeli military strikes" are Israel's.
_ATTRIBUTIVE = {"military"}


def find_bodies(r: Resolver) -> None:
    """State bodies named after a state reference, or bare where the article's state is clear."""
    doc = r.doc
    personnel: list[tuple[int, Entry]] = []
    for i in range(len(doc)):
        if r.used[i]:
            continue
        ref = r.state_at(i)
        if ref is None:
            bare_body(r, i)
            continue
        state, j = ref
        k = j + 1 if j < len(doc) and doc[j].lower_ in ("'s", "’s") else j
        hit = _body_at(r, k)
        if hit is None:
            continue
        n, body = hit
        end = k + n
        if not r.free(i, end) or _attributive(r, body, k, end):
            continue
        if body.key == PERSONNEL:
            personnel.append((len(r.mentions), state))
        r.mention(i, end, body_actor(r, state, body), "name")
    _members_of_named_military(r, personnel)


def _body_at(r: Resolver, k: int) -> tuple[int, Body] | None:
    """The longest body phrase starting at token k: (its length, the body)."""
    hit = r.lex.match(r.lex.bodies, r.low[k:k + r.lex.max_body],  # type: ignore[arg-type]
                      r.lex.max_body)
    if hit is None:
        return None
    n, body = hit
    assert isinstance(body, Body)
    return n, body


def _attributive(r: Resolver, body: Body, start: int, end: int) -> bool:
    return r.low[start:end] == [body.noun] and adjective_body_word(r, start)


def adjective_body_word(r: Resolver, i: int) -> bool:
    """"military" at token i used as an adjective: a noun follows ("military strikes")."""
    if r.low[i] not in _ATTRIBUTIVE or i + 1 >= len(r.doc):
        return False
    nxt = r.doc[i + 1]
    return nxt.pos_ in ("NOUN", "PROPN") and nxt.lower_ not in ("'s", "’s")


def _members_of_named_military(r: Resolver, personnel: list[tuple[int, Entry]]) -> None:
    """"Israeli troops" in an article that names "Israel's military" are that military."""
    named = {m.actor_id for m in r.mentions} | {e.ent_id_ for e in r.doc.ents if e.ent_id_}
    for index, state in personnel:
        military = r.dic.bodies.get((state.id, "military")) or f"{state.id.lower()}-military"
        if military not in named:
            continue
        if military not in r.actors and military in r.dic.entries:
            r.add_entry(r.dic.entries[military])
        if military in r.actors:
            old = r.mentions[index]
            r.mentions[index] = type(old)(old.start, old.end, old.text, military, old.via)


def bare_body(r: Resolver, i: int) -> None:
    """"the defence ministry", "the Prime Minister's Office": a body of the article's state."""
    doc = r.doc
    k = i + 1 if doc[i].lower_ == "the" else i
    if k >= len(doc):
        return
    hit = _body_at(r, k)
    if hit is None:
        return
    n, body = hit
    if body.key not in _BARE_BODIES or not r.free(k, k + n):
        return
    if any(t.ent_id_ for t in doc[k:k + n]):
        return  # a dictionary name ("State Department")
    if doc[i].lower_ != "the" and not doc[k].text[:1].isupper() and not (
            k + n < len(doc) and doc[k + n].lower_ in r.lex.official_words):
        return
    if k + n < len(doc) and doc[k + n].lower_ in ("of", "in"):
        return  # "the foreign ministry of Qatar": the state comes after
    main = r.main_state()
    state = r.dic.get(main) if main else None
    if state is not None:
        r.mention(k, k + n, body_actor(r, state, body), "title")


def body_actor(r: Resolver, state: Entry, body: Body) -> str:
    """The actor a body phrase names: the dictionary's body, a new one, or the state itself."""
    if body.kind == "state":
        return r.add_entry(state)  # "the Syrian regime" is Syria; "Syrian troops" too
    named = r.dic.bodies.get((state.id, body.key))
    if named is not None:
        return r.add_entry(r.dic.entries[named])
    demonym = state.demonyms[0] if state.demonyms else state.name
    name = f"{demonym} {body.noun}"
    aliases = [f"{state.name}'s {body.noun}", f"{state.name} {body.noun}"]
    r.add_entry(state)
    return r.add_new(f"{state.id.lower()}-{body.key}", name, body.kind, state.id,
                     state.id, aliases)
