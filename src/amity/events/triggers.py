"""Triggers in the parse: lexicon verbs, eventive nouns and modifiers with their actors.

Each sentence yields `Candidate`s: a trigger, the lexicon entry that codes it and the actors
the parse puts in its source and target roles. `EventCoder` turns them into events.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import permutations

from spacy.tokens import Span, Token

from amity.events._lent import lend_targets
from amity.events._syntax import FIRST_PERSON, MESSAGE_NOUNS, REFLEXIVES, RELATIVE_PRONOUNS
from amity.events.lexicon import Entry, Lexicon
from amity.events.roles import Found, Roles
from amity.events.targets import PLACED_TYPES, Targets
from amity.record import QUAD_OF_TYPE

# Heads that take their meaning from an eventive noun before them ("mediation effort").
GENERIC_HEADS = frozenset({"effort", "mission", "process", "bid", "attempt", "initiative",
                           "operation", "program", "programme", "plan", "role", "round",
                           "session", "drive", "push"})
# "during the talks with X, Y said": the clause's subject took part in them.
MEETING_TIMES = frozenset({"during", "after", "before", "following", "at"})
# Clauses a trigger's `needs` words are not looked for in: they report other events.
_OWN_PHRASE_STOP = frozenset({"ccomp", "xcomp", "conj", "parataxis", "csubj"})


@dataclass(slots=True)
class Candidate:
    """A trigger, the entry that codes it, and the actors in its source and target roles."""

    trigger: Token
    entry: Entry
    type: str
    sources: list[Found]
    targets: list[Found]
    how: str
    pairs: list[tuple[Found, Found]] = field(default_factory=list)


class TriggerFinder:
    """Lexicon in `__init__`; `candidates(sentence, roles)` per sentence."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.targets = Targets(lexicon)

    def candidates(self, sent: Span, roles: Roles) -> list[Candidate]:
        out: list[Candidate] = []
        for tok in sent:
            if roles.mention_at(tok) is not None and tok.pos_ != "VERB":
                continue  # a word inside an actor's name ("Strike Group") is no trigger
            lemma = tok.lemma_.lower()
            cand: Candidate | None = None
            if tok.pos_ == "VERB" and lemma in self.lexicon.verbs:
                cand = self.verb_candidate(tok, roles)
            elif tok.pos_ in ("NOUN", "PROPN") and lemma in self.lexicon.nouns:
                cand = self.noun_candidate(tok, self.lexicon.nouns[lemma], roles)
            if cand is None:
                cand = self.modifier_candidate(tok, roles)
            if cand is not None:
                out.append(cand)
            if tok.pos_ == "VERB" and lemma in self.lexicon.reporting_verbs:
                out += self.demand_candidates(tok, roles)
            if tok.pos_ == "VERB" and lemma in self.lexicon.alleging_verbs and cand is None:
                out += self.allegation_candidates(tok, roles)
            if cand is None and tok.pos_ == "VERB" and lemma in self.lexicon.misdeed_verbs:
                # "X said the administration lies about Iran": no event of its own, but whoever
                # tells it accuses the doer (the coder's claim layer)
                sources = roles.subjects(tok)
                if sources:
                    entry = Entry(key=lemma, type="REJECT", misdeed=True)
                    out.append(Candidate(tok, entry, "REJECT", sources, [], "claim"))
        lend_targets(out, sent, roles, self.targets)
        return out

    def allegation_candidates(self, verb: Token, roles: Roles) -> list[Candidate]:
        """"Israel charged that Hamas had backed away": alleging what another did accuses it."""
        sources = roles.subjects(verb)
        if not sources:
            return []
        out = []
        for clause in verb.children:
            if clause.dep_ != "ccomp":
                continue
            targets = [f for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")
                       for f in roles.named(c)]
            if targets:
                entry = Entry(key=verb.lemma_.lower(), type="ACCUSE", mode="allege")
                out.append(Candidate(verb, entry, "ACCUSE", sources, targets, "claim"))
        return out

    def demand_candidates(self, verb: Token, roles: Roles) -> list[Candidate]:
        """"X said that Y must stop ...": the speaker demands something of Y (REQUEST)."""
        out = []
        for clause in verb.children:
            if clause.dep_ != "ccomp" or not any(
                    c.dep_ == "aux" and c.lower_ in self.lexicon.deontic_modals
                    for c in clause.children):
                continue
            targets = [f for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")
                       for f in roles.named(c)]
            sources = roles.subjects(verb)
            if sources and targets:
                entry = Entry(key=verb.lemma_.lower(), type="REQUEST", mode="change")
                out.append(Candidate(verb, entry, "REQUEST", sources, targets, "prep"))
        return out

    def _phrase_lemmas(self, tok: Token) -> set[str]:
        """Lemmas of the trigger's own phrase (not of clauses it governs, but for the verb of
        its infinitive)."""
        out = {tok.lemma_.lower(), tok.lower_}
        stack = list(tok.children)
        while stack:
            t = stack.pop()
            if t.dep_ in _OWN_PHRASE_STOP and t.pos_ in ("VERB", "AUX"):
                if t.dep_ == "xcomp" and t.head.i == tok.i:
                    out.add(t.lemma_.lower())  # "invited X to visit": what is asked, no more
                continue
            out.add(t.lemma_.lower())
            out.add(t.lower_)
            stack.extend(t.children)
        return out

    def _fits(self, tok: Token, entry: Entry) -> bool:
        if entry.needs_dep and not any(c.dep_ in entry.needs_dep for c in tok.children):
            return False
        if entry.particle is not None and not any(
                c.lower_ == entry.particle or c.lemma_.lower() == entry.particle
                for c in tok.children if c.dep_ in ("prt", "prep", "dobj", "advmod")):
            return False
        if entry.needs or entry.needs_not:
            lemmas = self._phrase_lemmas(tok)
            if entry.needs and not lemmas & entry.needs:
                return False
            if lemmas & entry.needs_not:
                return False
        return True

    def verb_candidate(self, verb: Token, roles: Roles, depth: int = 0) -> Candidate | None:
        """The first fitting entry that finds a target ("called on Sunday for sanctions")."""
        first: Candidate | None = None
        for entry in self.lexicon.verbs[verb.lemma_.lower()]:
            if not self._fits(verb, entry):
                continue
            cand = self._verb_reading(verb, entry, roles, depth)
            if cand is not None and (cand.targets or cand.entry.reciprocal):
                return cand
            first = first or cand
        return first

    def _verb_reading(self, verb: Token, entry: Entry, roles: Roles, depth: int
                      ) -> Candidate | None:
        if any(c.dep_ == "dobj" and c.lower_ in REFLEXIVES for c in verb.children):
            return None  # "the group calling itself ...", "armed itself": no other party
        sources = roles.subjects(verb)
        type_ = entry.type
        how = "verb"
        targets: list[Found] = []
        objects: list[Token] = []
        if roles.is_passive(verb):
            targets = roles.passive_targets(verb)
            how = "passive"
            if not sources and QUAD_OF_TYPE[entry.type] == "material_conflict":
                sources = self.targets.clash_sources(verb, roles)
        else:
            for child in verb.children:
                if child.dep_ == "dative" and child.pos_ == "ADP":  # "transferred arms to X"
                    targets += [f for p in child.children if p.dep_ == "pobj"
                                for f in roles.named(p)]
                elif child.dep_ in ("dobj", "dative"):
                    if entry.particle is not None and child.lower_ == entry.particle:
                        continue
                    objects.append(child)
                    if child.dep_ == "dobj" and not entry.object:
                        continue
                    if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                        targets += roles.antecedent(verb.head)  # "Kyiv, which Russia hit"
                        continue
                    if child.dep_ == "dobj" and child.lemma_.lower() in entry.needs and (
                            QUAD_OF_TYPE[entry.type] == "material_cooperation"):
                        continue  # the thing given or sent, not its recipient
                    if targets and child.i > 0 and child.doc[child.left_edge.i - 1].is_punct:
                        continue  # "targeted the YPG - a component of the SDF": an apposition
                    targets += self.targets.phrase_targets(child, entry, roles)
        if not targets:
            for prep in self._verb_preps(verb):
                word = prep.lower_
                if word in entry.preps or word in entry.prep_types:
                    found = [f for p in prep.children if p.dep_ == "pobj"
                             for f in self.targets.phrase_targets(p, entry, roles)]
                    if found:
                        targets = found
                        type_ = entry.prep_types.get(word, type_)
                        how = "prep"
                        break
        if not targets and not entry.answers and not (entry.evaluative and entry.needs):
            # "halted aid to Serbia": the target of the object's own phrase (what a denial
            # denies, "involvement in X's murder", names no one it answers; "described the
            # violence to the AP as ..." tells whom it was said to)
            for obj in objects:
                targets = self.targets.prep_targets(
                    obj, entry.preps | {"to", "on", "against", "with", "for", "in"}, roles)
                if targets:
                    how = "prep"
                    break
        if not targets and entry.evaluative and objects:
            # "rejected warnings by X", "accepted the proposal from X": the object's author
            # parsed on the verb
            messages = any(o.lemma_.lower() in MESSAGE_NOUNS for o in objects)
            targets = [f for prep in verb.children if prep.dep_ == "prep" and (
                           prep.lower_ == "by" or prep.lower_ == "from" and messages)
                       and any(o.i < prep.i for o in objects)
                       for p in prep.children if p.dep_ == "pobj" for f in roles.named(p)]
            how = "prep" if targets else how
        if not targets and entry.type in ("REQUEST", "THREATEN", "CONCEDE", "RETREAT"):
            # "demanded that the US halt ...", "warned that the strikes would have
            # consequences outside Pakistan's control": who the clause is about
            own = {f.mention.actor_id for f in sources}
            for child in verb.children:
                if child.dep_ == "ccomp":
                    # ("asked whether we could cooperate," X said: "we" is the speaker)
                    targets = [f for s in child.children if s.dep_ in ("nsubj", "nsubjpass")
                               for f in roles.named(s) or (roles.quote_speaker(s, True) if (
                                   s.lower_ in FIRST_PERSON) else [])
                               if f.mention.actor_id not in own]
                    if not targets and entry.type == "THREATEN":
                        targets = [f for t in child.subtree if t.dep_ == "poss"
                                   for f in roles.named(t) if f.mention.actor_id not in own]
        if not targets and entry.type == "AID" and entry.object and not objects:
            # "helped the Iraqi army retake the city" (parsed as a clause): who is helped
            own = {f.mention.actor_id for f in sources}
            targets = [f for child in verb.children if child.dep_ == "ccomp"
                       for s in child.children if s.dep_ in ("nsubj", "nsubjpass")
                       for f in roles.named(s, conj=False) if f.mention.actor_id not in own]
        if not targets and entry.object and not objects and not roles.is_passive(verb):
            targets = self.targets.relative_object(verb, roles)  # "a country it has sanctioned"
        if not targets and entry.type == "THREATEN":
            targets = self.targets.condition_targets(verb, roles)
            how = "prep" if targets else how
        if not targets and depth < 2:
            targets = self._xcomp_targets(verb, entry, roles, depth)
            how = "prep" if targets else how
        if not targets and type_ == "PROTEST" and sources:
            targets = self.targets.purpose_targets(verb, sources, roles)
            how = "place" if targets else how
        if not targets and type_ in PLACED_TYPES and sources:
            targets = self.targets.place_targets(verb, roles) or [
                f for obj in objects for f in self.targets.place_targets(obj, roles)]
            how = "place" if targets else how
        if not sources and not targets:
            return None
        # "a deal brokered by X and Y": the agents named as the deal's authors are the
        # doers, not also the targets
        said = {f.mention.start for f in sources}
        targets = [t for t in targets if t.mention.start not in said]
        return Candidate(verb, entry, type_, sources, targets, how)

    @staticmethod
    def _verb_preps(verb: Token) -> list[Token]:
        """The verb's prepositions, "out of" read as "of" ("pulled out of the deal")."""
        out = []
        for prep in verb.children:
            if prep.dep_ not in ("prep", "prt", "agent"):
                continue
            out.append(prep)
            if prep.lower_ in ("out", "away", "back"):
                out += [c for c in prep.children if c.dep_ == "prep"]
        return out

    def _xcomp_targets(self, verb: Token, entry: Entry, roles: Roles, depth: int
                       ) -> list[Found]:
        """"threatened to cut off power to X", "refused to meet X": the act's target."""
        for child in verb.children:
            if child.dep_ != "xcomp" or child.pos_ != "VERB":
                continue
            if child.lemma_.lower() in self.lexicon.verbs:
                inner = self.verb_candidate(child, roles, depth + 1)
                if inner is not None and inner.targets:
                    return inner.targets
            for grand in child.children:
                if grand.dep_ == "dobj":
                    found = roles.named(grand) or self.targets.prep_targets(
                        grand, {"to", "with", "against", "on", "from", "into"}, roles)
                    if found:
                        return found
                if grand.dep_ in ("prep", "dative") and grand.lower_ in (
                        "to", "with", "against", "on", "from", "into"):
                    # "refused to respond to a demand from X": the phrase's own actors
                    found = [f for p in grand.children if p.dep_ == "pobj"
                             for f in self.targets.phrase_targets(p, entry, roles)]
                    if found:
                        return found
        if entry.type == "THREATEN":  # "threatened to resume attacks in Israel"
            for child in verb.children:
                if child.dep_ == "xcomp" and child.pos_ == "VERB":
                    found = self.targets.place_targets(child, roles) or [
                        f for g in child.children if g.dep_ == "dobj"
                        for f in self.targets.place_targets(g, roles)]
                    if found:
                        return found
        return []

    def noun_candidate(self, noun: Token, entry: Entry, roles: Roles) -> Candidate | None:
        if not self._fits(noun, entry):
            return None
        trigger = noun
        if noun.dep_ == "compound" and noun.head.lemma_.lower() in GENERIC_HEADS:
            noun = noun.head  # "a mediation mission between X and Y": the phrase's head
        if noun.head.lemma_.lower() in entry.not_after and noun.dep_ in ("dobj", "pobj"):
            return None
        type_, mode = entry.type, entry.mode
        for child in noun.children:
            spec = entry.mod_types.get(child.lemma_.lower())
            if spec is not None and child.dep_ in ("amod", "compound", "nmod"):
                type_, _, mode_ = spec.partition("/")
                mode = mode_ or None
                entry = Entry(key=entry.key, type=type_, mode=mode, preps=entry.preps)
        sources: list[Found]
        targets: list[Found] = []
        if entry.poss == "target":
            targets = [f for c in noun.children if c.dep_ == "poss" for f in roles.named(c)]
            sources = [f for f in roles.noun_sources(noun)
                       if f.mention.actor_id not in {t.mention.actor_id for t in targets}]
        else:
            sources = roles.noun_sources(noun)
        if entry.light and not self._lit(noun):
            return None
        pairs: list[tuple[Found, Found]] = []
        between = [p for p in noun.children if p.dep_ == "prep" and p.lower_ == "between"]
        if between and "between" in entry.preps:
            members = [f for p in between[0].children if p.dep_ == "pobj"
                       for f in roles.named(p)]
            if sources and not entry.reciprocal:  # a mediator "between X and Y"
                targets = members
            else:
                pairs = [(a, b) for a, b in permutations(members, 2)]
                if entry.type in ("CONSULT", "AGREE", "COOPERATE"):
                    pairs = [(a, b) for a, b in pairs if a.mention.start < b.mention.start]
        if not targets:
            targets = self.targets.prep_targets(noun, entry.preps - {"between"}, roles)
        if not targets and noun.dep_ == "dobj" and (
                noun.head.lemma_.lower() in self.lexicon.light_verbs):
            # "staged a military drill near Taiwan": the phrase's target sits on the verb
            targets = self.targets.prep_targets(noun.head, entry.preps - {"between", "with"}, roles)
        if not targets and type_ == "REQUEST":  # "the demand that Putin attend the talks"
            targets = [f for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl")
                       and any(m.lower_ == "that" for m in c.children if m.dep_ == "mark")
                       for s in c.children if s.dep_ in ("nsubj", "nsubjpass")
                       for f in roles.named(s)]
        # "Washington and Tehran's collaboration" (parsed as a conjunct of "Washington")
        if noun.dep_ == "conj" and entry.reciprocal and not targets:
            first = roles.mention_at(noun.head)
            poss = [f for c in noun.children if c.dep_ == "poss" for f in roles.named(c)]
            if first is not None and poss:
                sources = [Found(first, noun.head, "direct"), *poss]
        how = "noun"
        if not sources and type_ == "PROTEST":  # "marched during demonstrations against X"
            sources = roles.clause_subjects(noun, 0)
        if not sources and targets and type_ == "CONSULT" and noun.dep_ == "pobj" and (
                noun.head.lower_ in MEETING_TIMES):
            # "during the meeting with X, we heard ...": who was at it with X
            sources = [f for f in roles.clause_subjects(noun, 0)
                       if f.mention.actor_id not in {t.mention.actor_id for t in targets}]
        if not targets and not pairs and sources and type_ == "PROTEST":
            targets = self.targets.purpose_targets(noun, sources, roles)
            how = "place" if targets else how
        if not targets and not pairs and sources and type_ in PLACED_TYPES:
            targets = self.targets.place_targets(noun, roles)
            how = "place" if targets else how
        if not sources and not pairs:
            return None
        return Candidate(trigger, entry, type_, sources, targets, how, pairs)

    def _lit(self, noun: Token) -> bool:
        """A light noun ("deal", "threat") counts when a light verb or possessor carries it."""
        if any(c.dep_ == "poss" for c in noun.children):
            return True
        head = noun.head
        if noun.dep_ == "dobj" and head.lemma_.lower() in self.lexicon.light_verbs:
            return True
        if noun.dep_ == "pobj" and head.head.lemma_.lower() in self.lexicon.light_verbs | {
                "open", "ready", "willing", "committed", "commitment"}:
            return True
        if noun.dep_ == "conj":
            return self._lit(head)
        return False

    def modifier_candidate(self, tok: Token, roles: Roles) -> Candidate | None:
        word = tok.lower_.split("-")[-1]
        entry = self.lexicon.modifiers.get(word)
        if entry is None or tok.dep_ not in ("amod", "compound", "nmod", "npadvmod"):
            return None
        pm = roles.participle_modifier(tok)
        if pm is None:
            return None
        actor_tok, part = pm
        source = roles.modifier_actor(actor_tok, part)
        if source is None:
            return None
        noun = tok.head
        exclude = frozenset({source.actor_id})
        targets = roles.named(noun, conj=False, exclude=exclude)
        if not targets and noun.lemma_.lower() in self.lexicon.nouns:
            noun_entry = self.lexicon.nouns[noun.lemma_.lower()]
            targets = self.targets.prep_targets(noun, noun_entry.preps, roles)
            if not targets:  # "the Oman-mediated talks between Riyadh and the Houthis"
                targets = [f for p in noun.children if p.dep_ == "prep"
                           and p.lower_ == "between" for o in p.children if o.dep_ == "pobj"
                           for f in roles.named(o)]
        if not targets:
            return None
        return Candidate(tok, entry, entry.type, [Found(source, actor_tok, "direct")], targets,
                         "modifier")
