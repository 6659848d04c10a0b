"""Where a trigger's target is: its object's phrase, a preposition, a relative clause, a place.

`TriggerFinder` asks these once it has a trigger and its subject; each returns the actors
(`Found`) the parse puts in the target role, or nothing.
"""
from __future__ import annotations

from spacy.tokens import Token

from amity.events._syntax import MESSAGE_NOUNS, PLACE_NOUNS, RELATIVE_PRONOUNS, participle_word
from amity.events.lexicon import Entry, Lexicon
from amity.events.roles import Found, Roles
from amity.record import QUAD_OF_TYPE

# Prepositions that place an act ("in", "at a jail in ..."); "of" only inside a place's phrase.
PLACE_PREPS = frozenset({"in", "at", "into", "inside", "near", "outside", "throughout"})
# Acts whose target, when the text names none, is the state where they happen.
PLACED_TYPES = frozenset({"PROTEST", "COERCE", "MOBILIZE"})
# Joint acts whose every side a reaction or a go-between is aimed at ("welcomed the deal").
COOPERATION = frozenset({"verbal_cooperation", "material_cooperation"})
# "the Turkish-protected zone": modifiers that say who holds a place (besides affiliations).
HOLDING = frozenset({"protected", "occupied", "held", "controlled", "administered"})
# Acts that leave, break or halt a joint act, and so are aimed at its other sides.
LEAVING_TYPES = frozenset({"RETREAT", "REJECT", "SANCTION"})
# Where a protest says what it wants: a purpose clause, a participle, a reason phrase.
PURPOSE_DEPS = frozenset({"advcl", "xcomp", "acl", "prep"})


class Targets:
    """Lexicon in `__init__`; look-ups per trigger."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def relative_object(self, verb: Token, roles: Roles) -> list[Found]:
        """The antecedent of a relative clause whose object is left out."""
        node = verb
        for _ in range(3):
            if node.dep_ == "relcl":
                if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in RELATIVE_PRONOUNS
                       for c in node.children):
                    return []  # "which attacked ...": the antecedent is the subject
                head = node.head
                if head.lemma_.lower() in self.lexicon.claim_nouns | MESSAGE_NOUNS:
                    # "a charge Tehran denied": who made the charge, not what it is about
                    return roles.noun_sources(head)
                return roles.antecedent(head)
            if node.dep_ not in ("xcomp", "conj"):
                return []
            node = node.head
        return []

    def clash_sources(self, verb: Token, roles: Roles) -> list[Found]:
        """"soldiers were killed in clashes with PKK militants": the other side did it."""
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "during"):
                continue
            for pobj in prep.children:
                noun = self.lexicon.nouns.get(pobj.lemma_.lower())
                if pobj.dep_ == "pobj" and noun is not None and noun.type == "ASSAULT":
                    found = self.prep_targets(pobj, {"with", "by", "from"}, roles)
                    if found:
                        return found
        return []

    def condition_targets(self, verb: Token, roles: Roles) -> list[Found]:
        """"threatened to stop talks if the United States goes ahead": whoever must comply."""
        heads = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
        for head in heads:
            for clause in head.children:
                if clause.dep_ == "advcl" and any(
                        m.dep_ == "mark" and m.lower_ in self.lexicon.hypothetical_marks
                        for m in clause.children):
                    found = [f for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")
                             for f in roles.named(c)]
                    if not found and any(self._joint(t) for t in clause.subtree):
                        # "warned of force if there is no agreement": the other sides of the
                        # deal or talks under way
                        found = roles.recalled_parties(verb.idx)
                    if found:
                        return found
        return []

    def _joint(self, tok: Token) -> bool:
        noun = self.lexicon.nouns.get(tok.lemma_.lower())
        return noun is not None and noun.reciprocal and QUAD_OF_TYPE[noun.type] in COOPERATION

    def phrase_targets(self, obj: Token, entry: Entry, roles: Roles) -> list[Found]:
        """The actors an object names; for an act ("the Russian attack"), its doer or target."""
        named = roles.named(obj)
        if named and entry.evaluative:
            # "approved Sweden's NATO bid", "condemned Russia's Ukraine invasion": the owner
            # of the thing judged, not the other names in its phrase
            owners = [f for f in named if f.token.dep_ == "poss" and f.token.head.i == obj.i]
            return owners or named
        if named:
            return named
        lemma = obj.lemma_.lower()
        noun = self.lexicon.nouns.get(lemma)
        if noun is None and obj.pos_ != "NOUN":
            return []
        joint = noun is not None and noun.reciprocal and QUAD_OF_TYPE[noun.type] in COOPERATION
        if joint and (entry.evaluative or entry.type in LEAVING_TYPES):
            # "welcomed the deal between X and Y", "pulled out of the agreement": every side
            # of it (the coder drops the actor's own); a deal told before, all who made it
            return self.prep_targets(obj, {"between", "with"}, roles) or (
                roles.noun_sources(obj) or roles.recalled_doers(obj, parties=True))
        if entry.evaluative:
            # "condemned the Russian attack": the target is who carried out the act
            # ("refuted claims of X being there": a claim's "of" phrase is its content)
            preps = {"from", "by"} if lemma in self.lexicon.claim_nouns else {"of", "from", "by"}
            return roles.noun_sources(obj) or self.prep_targets(
                obj, preps, roles) or roles.recalled_doers(obj) or self.holders(obj, roles) or (
                roles.recalled_deed(obj, not QUAD_OF_TYPE[entry.type].endswith("cooperation")))
        if noun is not None:
            # "eased sanctions on Iran": the target is that of the object's act; "refused
            # the demand from X": who made it
            return self.prep_targets(obj, noun.preps | entry.preps | {"on", "against", "to"},
                                     roles) or roles.act_doers(obj)
        # "computers of X", "refused entry to X", "denied visas for X"
        found = roles.named_of(obj) or self.prep_targets(obj, {"to", "for"}, roles)
        if not found and QUAD_OF_TYPE[entry.type] == "material_conflict":
            found = self.dwellers(obj, roles)
        return found

    def holders(self, place: Token, roles: Roles) -> list[Found]:
        """ "the Turkish-protected zone", "the Russian-held town": who holds a place judged."""
        if place.lemma_.lower() not in PLACE_NOUNS:
            return []
        out = []
        for mod in place.children:
            pm = roles.participle_modifier(mod) if mod.dep_ in ("amod", "compound") else None
            word = participle_word(pm[1]) if pm is not None else ""
            if pm is None or word not in self.lexicon.affiliation_modifiers | HOLDING:
                continue
            m = roles.modifier_actor(pm[0], pm[1])
            if m is not None:
                out.append(Found(m, pm[0], "modifier"))
        return out

    @staticmethod
    def dwellers(place: Token, roles: Roles) -> list[Found]:
        """ "bombed the border area where PKK militants are based": who is at the place hit."""
        return [f for clause in place.children if clause.dep_ == "relcl" and any(
                    c.dep_ == "advmod" and c.lower_ == "where" for c in clause.children)
                for s in clause.children if s.dep_ in ("nsubj", "nsubjpass")
                for f in roles.named(s)]

    def prep_targets(self, tok: Token, preps: frozenset[str] | set[str], roles: Roles,
                      depth: int = 0) -> list[Found]:
        for prep in tok.children:
            if prep.dep_ in ("prep", "dative") and prep.lower_ in preps:
                # "demonstrations against abuses by the army": the act's doer
                found = [f for p in prep.children if p.dep_ == "pobj"
                         for f in roles.named(p) or roles.act_doers(p)]
                if found:
                    return found
            if prep.dep_ == "acl" and prep.lemma_.lower() == "target":  # "strikes targeting X"
                found = [f for p in prep.children if p.dep_ == "dobj" for f in roles.named(p)]
                if found:
                    return found
        if depth == 0:  # "a suspension of air links with Serbia"
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj" and roles.mention_at(pobj) is None:
                            found = self.prep_targets(pobj, preps - {"of"}, roles, 1)
                            if found:
                                return found
        return []

    def place_targets(self, tok: Token, roles: Roles, depth: int = 0) -> list[Found]:
        """The state where an act happens, for acts aimed at a place ("rioted at a jail in
        northern Israel", "imposed a curfew in a town of Turkey"): a last resort."""
        for prep in tok.children:
            if prep.dep_ != "prep" or not (prep.lower_ in PLACE_PREPS or depth and (
                    prep.lower_ == "of")):
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                found = [f for f in roles.named(pobj, conj=False)
                         if roles.actors.actor(f.mention.actor_id).kind == "state"]
                if not found and depth < 2:
                    found = self.place_targets(pobj, roles, depth + 1)
                if found:
                    return [Found(f.mention, f.token, "place") for f in found]
        return []

    def purpose_targets(self, trigger: Token, sources: list[Found], roles: Roles
                        ) -> list[Found]:
        """Whom a protest is aimed at when it names no target: the first actor of the side
        other than the protesters' in what it demands or is held over ("staged a strike to
        demand the return of land seized by the army", "rioted calling for X's removal")."""
        own = {roles.actors.rollup(f.mention.actor_id) for f in sources}
        heads = [trigger]
        if trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in self.lexicon.light_verbs:
            heads.append(trigger.head)  # "staged a hunger strike to demand ...": the verb's
        for head in heads:
            for child in head.children:
                if child.dep_ not in PURPOSE_DEPS:
                    continue
                for tok in child.subtree:
                    m = roles.mention_at(tok)
                    if m is not None and roles.actors.rollup(m.actor_id) not in own:
                        return [Found(m, tok, "place")]
        return []
