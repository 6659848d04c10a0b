"""Coreference within a document: surnames, "the group", "the administration", pronouns."""
from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from spacy.tokens import Token

from amity.actors.dictionary import norm_key
from amity.actors.table import ActorMention

if TYPE_CHECKING:
    from amity.actors.resolve import Resolver

_GROUP_NOUNS = {"group", "militants", "militant", "movement", "militia", "militias", "rebels",
                "insurgents", "jihadists", "organisation", "organization", "faction", "fighters"}
_GROUP_KINDS = ("armed_group",)
# Adjectives that describe the group already named ("the Islamist militants"); any other
# ("the moderate rebels", "the rival faction") picks out a different group.
GROUP_EPITHETS = frozenset({
    "militant", "armed", "jihadist", "jihadi", "islamist", "extremist", "radical", "terrorist",
    "terror", "rebel", "insurgent", "separatist", "paramilitary", "hardline", "hard-line",
    "outlawed", "banned", "proscribed", "shiite", "shia", "sunni", "islamic", "notorious",
    "powerful", "main", "same", "whole", "entire"})
_COLLECTIVE_KINDS = ("armed_group", "organization", "government", "igo")
_SUBJECT = ("nsubj", "nsubjpass")
# States whose names put the family name first ("Wang Wenbin" is then "Wang").
_FAMILY_NAME_FIRST = {"CHN", "TWN", "PRK", "KOR", "VNM", "HKG", "MAC", "SGP", None}


def link_names(r: Resolver) -> None:
    """Short forms of names already found (before unknown organisations are made)."""
    _surnames(r)
    _handles(r)


def _handles(r: Resolver) -> None:
    """ "@antonioguterres": a social-media handle that spells an actor's name (or alias) of
    this text without spaces names that actor."""
    by_handle: dict[str, str] = {}
    for aid, a in r.actors.items():
        for n in [a.name, *a.aliases]:
            key = "".join(c for c in norm_key(n) if c.isalnum())
            if len(key) > 3:
                by_handle.setdefault(key, aid)
    for i, tok in enumerate(r.doc):
        if r.used[i] or not tok.text.startswith("@") or len(tok.text) < 5:
            continue
        named = by_handle.get("".join(c for c in tok.lower_[1:] if c.isalnum()))
        if named is not None:
            r.mention(i, i + 1, named, "alias")


def link_references(r: Resolver) -> None:
    """Descriptions and pronouns, once every named actor is known."""
    _descriptions(r)
    _pronouns(r)


def _surnames(r: Resolver) -> None:
    """"Clarke" after "Colin P. Clarke"; a dictionary official's surname alone ("Pompeo")."""
    by_surname: dict[str, str] = {}
    firsts: dict[str, str] = {}
    for pid, a in r.actors.items():
        if a.kind != "person":
            continue
        for n in [a.name, *a.aliases]:
            parts = norm_key(n).split()
            if len(parts) > 1:
                by_surname.setdefault(parts[-1], pid)
                firsts.setdefault(parts[0], pid)  # "Wang" for Wang Wenbin (family name first)
                # "al-Jaafari" -> also "jaafari"
                if parts[-2] in ("al", "el", "bin", "ibn", "abu", "de", "van", "von"):
                    by_surname.setdefault(" ".join(parts[-2:]), pid)
    for key, pid in firsts.items():
        if key not in by_surname and r.actors[pid].country in _FAMILY_NAME_FIRST:
            by_surname[key] = pid
    doc = r.doc
    for i, tok in enumerate(doc):
        if r.used[i] or not tok.text[:1].isupper() or tok.pos_ not in ("PROPN", "NOUN", "ADJ"):
            continue
        # "al-Jaafari" is three tokens: al - Jaafari
        for width, key in ((3, norm_key(doc[i:i + 3].text)), (1, norm_key(tok.text))):
            if width == 3 and (i + 3 > len(doc) or doc[i + 1].text != "-"):
                continue
            aid: str | None = by_surname.get(key)
            if aid is None and width == 1:
                aid = _official_by_surname(r, i)
                if aid is not None:
                    by_surname[key] = aid
            if aid is not None and r.free(i, i + width):
                r.mention(i, i + width, aid, "surname")
                break


def _official_by_surname(r: Resolver, i: int) -> str | None:
    """A dictionary official named by surname alone ("Pompeo said"): a PERSON entity, or a
    proper noun the model mislabelled, if that official was in office within two years."""
    tok = r.doc[i]
    ent = r.ent_of.get(i)
    if ent is not None and (len(ent) != 1 or ent.label_ not in ("PERSON", "ORG", "GPE", "NORP")):
        return None
    if ent is None and tok.pos_ != "PROPN":
        return None
    person = r.person_by_surname(tok.text)
    if person is None:
        return None
    if (ent is None or ent.label_ != "PERSON") and min(
            (ro.distance(r.day) for ro in person.roles), default=10**6) > 730:
        return None
    return r.add_entry(person)


# "the North", "the South": the half of a divided country named before
_HALVES = {"north", "south"}
# "the ministry", "the army": the latest body whose name has that word
_BODY_NOUNS = {"ministry": ("ministry", "department", "office"),
               "army": ("army", "military", "forces", "defense forces", "defence forces"),
               "military": ("army", "military", "forces", "defense forces", "defence forces"),
               "administration": ("administration",)}
# "the Taliban spokesperson": the person the text gave that title
_PERSON_NOUNS = {"spokesman", "spokeswoman", "spokesperson", "commander", "envoy",
                 "negotiator", "ambassador", "minister", "diplomat", "leader", "chief"}


def _descriptions(r: Resolver) -> None:
    """ "the group", "the ministry", "the country", "the Taliban spokesperson": the latest
    fitting actor before."""
    doc = r.doc
    order = sorted(r.mentions, key=lambda m: m.start)
    for i, tok in enumerate(doc):
        if r.used[i] or i == 0 or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        low = tok.lower_
        start = _determiner(r, i)
        if start is None:
            continue
        name_has: tuple[str, ...] | None = None
        via = "title"
        if low in _GROUP_NOUNS:
            if describes_another(doc[start + 1:i]):
                continue
            kinds: tuple[str, ...] = _GROUP_KINDS
            via = "pronoun"
        elif low in _BODY_NOUNS:
            kinds, name_has = ("government",), _BODY_NOUNS[low]
        elif low in ("country", "nation") and start == i - 1:
            kinds, via = ("state",), "pronoun"
        elif low in _HALVES and tok.text[:1].isupper() and start == i - 1 and not (
                i + 1 < len(doc) and doc[i + 1].text[:1].isupper()):
            # "the North" after "North Korea", "the South" after "South Sudan"
            kinds, name_has, via = ("state",), (low + " ",), "pronoun"
        elif low == "alliance" and start == i - 1 and not (
                i + 1 < len(doc) and doc[i + 1].lower_ in ("between", "of", "with")):
            # "the alliance": the latest organisation that is one ("NATO ... the alliance");
            # "the US-Japan alliance" or "their alliance" are bonds, not the organisation
            kinds, name_has, via = ("igo",), ("alliance",), "pronoun"
        elif low in _PERSON_NOUNS:
            target = _titled_person(r, low, start, i)
            if target is not None:
                _add(r, start, i + 1, target, "title")
            continue
        else:
            continue
        target = _latest(r, order, tok.idx, kinds, name_has=name_has)
        if target is not None:
            end = i + 1
            while end < len(doc) and doc[end].lower_ in _GROUP_NOUNS:
                end += 1  # "the Palestinian militant group"
            _add(r, start, end, target, via)


def describes_another(modifiers: Iterable[Token]) -> bool:
    """Whether words before a group noun set it apart from the group named before."""
    return any(t.pos_ == "ADJ" and t.text.islower() and t.lower_ not in GROUP_EPITHETS
               for t in modifiers)


def _determiner(r: Resolver, i: int) -> int | None:
    """Start of "the [adjectives or a name] NOUN" ending at token i, if it is one."""
    doc = r.doc
    k = i - 1
    while k >= 0 and i - k <= 3 and doc[k].lower_ != "the":
        if doc[k].pos_ not in ("ADJ", "PROPN", "NOUN") and doc[k].text != "-":
            return None
        k -= 1
    return k if k >= 0 and doc[k].lower_ == "the" else None


def _titled_person(r: Resolver, noun: str, start: int, end: int) -> str | None:
    """The person this text called a `noun` ("spokesperson"), of the actor named before it."""
    refs = {r.actors[m.actor_id].rollup for m in r.mentions
            if r.doc[start].idx <= m.start < r.doc[end].idx}
    for pid in reversed(list(r.person_titles)):
        person = r.actors[pid]
        if not any(noun in t.split() for t in r.person_titles[pid]):
            continue
        if refs and person.rollup not in refs:
            continue
        return pid
    return None


def _add(r: Resolver, start: int, end: int, target: str, via: str) -> None:
    span = r.doc[start:end]
    r.mentions.append(ActorMention(span.start_char, span.end_char, span.text, target, via))
    for k in range(start, end):
        r.used[k] = True


def _pronouns(r: Resolver) -> None:
    """Subject he/she to the latest person, they to the latest group, within a few sentences."""
    doc = r.doc
    order = sorted(r.mentions, key=lambda m: m.start)
    for tok in doc:
        low = tok.lower_
        if tok.dep_ not in _SUBJECT or low not in ("he", "she", "they"):
            continue
        sent = tok.sent
        prev_start = doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
        window = prev_start if low == "they" else max(0, sent.start_char - 600)
        kinds = ("person",) if low in ("he", "she") else _COLLECTIVE_KINDS
        target = _latest(r, order, tok.idx, kinds, since=window)
        if target is not None:
            r.mentions.append(ActorMention(tok.idx, tok.idx + len(tok.text), tok.text, target,
                                           "pronoun"))


def _latest(r: Resolver, order: list[ActorMention], before: int, kinds: tuple[str, ...],
            since: int = 0, name_has: tuple[str, ...] | None = None) -> str | None:
    for m in reversed(order):
        if m.start >= before or m.via == "pronoun":
            continue
        if m.start < since:
            return None
        a = r.actors.get(m.actor_id)
        if a is None or a.kind not in kinds:
            continue
        if name_has is not None and not any(w in n.lower() for w in name_has
                                            for n in [a.name, *a.aliases]):
            continue
        return m.actor_id
    return None
