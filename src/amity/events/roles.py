"""Who fills a role in the parse: the actors a noun phrase names, a verb's subject and agent."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from amity.actors import resolve_actor
from amity.actors.coref import describes_another
from amity.actors.table import ActorMention, ActorTable
from amity.events._syntax import (
    ACCUSING_CONTROL,
    ACT_WINDOW,
    AUTHORING_VERBS,
    COMMITTING_VERBS,
    DEFINITE,
    GROUP_NOUNS,
    GROUP_WINDOW,
    KIND_NOUNS,
    MESSAGE_NOUNS,
    NAMING_DEPS,
    NON_STATE_HEADS,
    OBJECT_CONTROL,
    PASSIVE_SUBJECTS,
    PERSONAL_PRONOUNS,
    PLACE_NOUNS,
    POSSESSIVE_PRONOUNS,
    QUANTITY_NOUNS,
    REFLEXIVES,
    RELATIVE_PRONOUNS,
    ROLE_HEADS,
    ROLE_PREPS,
    SUBJECTS,
    participle_word,
    stray_conjuncts,
    verb_tense,
)
from amity.events.lexicon import Lexicon


@dataclass(frozen=True, slots=True)
class Found:
    """An actor filling a role, and how directly the parse shows it."""

    mention: ActorMention
    token: Token
    how: str  # "direct" (the phrase's head is the mention), "modifier", "of", "led"


class Roles:
    """Role look-ups over one document's parse and actor table."""

    def __init__(self, actors: ActorTable, lexicon: Lexicon) -> None:
        self.actors = actors
        self.lexicon = lexicon
        # the doers of the latest act of each PLOVER type, with where it was told
        self.last_act: dict[str, tuple[int, list[Found]]] = {}

    def remember(self, type_: str, at: int, doers: list[Found]) -> None:
        """Who did the act of `type_` told at character `at` (for "the strikes" later on)."""
        if doers:
            self.last_act[type_] = (at, doers)

    def recalled_doers(self, noun: Token) -> list[Found]:
        """"The air strikes targeted the YPG" after "Turkish jets bombed ...": a definite act
        noun with no doer of its own is the latest act of its type told shortly before."""
        entry = self.lexicon.nouns.get(noun.lemma_.lower())
        if entry is None or not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in
                                    noun.children):
            return []
        at, doers = self.last_act.get(entry.type, (-1, []))
        if at < 0 or not 0 < noun.idx - at <= ACT_WINDOW:
            return []
        return [Found(f.mention, noun, "coref") for f in doers]

    # -- noun phrases -------------------------------------------------------------------
    def mention_at(self, token: Token) -> ActorMention | None:
        m = self.actors.at(token.idx, token.idx + len(token.text))
        if m is None or m.actor_id not in self.actors:
            return None
        return m

    def named(self, token: Token, conj: bool = True, exclude: frozenset[str] = frozenset()
              ) -> list[Found]:
        """Actors the phrase headed by `token` names, its conjuncts and appositions included."""
        out: list[Found] = []
        heads = [token]
        if conj:
            heads += [c for c in token.conjuncts if c.i > token.i]
            heads += stray_conjuncts(token)
        for head in heads:
            found = self._named_one(head, exclude)
            if not any(f.how == "direct" for f in found):
                for child in head.children:  # "its allies, Hezbollah and Hamas"
                    if child.dep_ == "appos":
                        appos = self.named(child, True, exclude)
                        if appos:
                            found = appos
                            break
            out += found
        seen: set[str] = set()
        uniq = []
        for f in out:
            if f.mention.actor_id not in seen:
                seen.add(f.mention.actor_id)
                uniq.append(f)
        return uniq

    def _named_one(self, token: Token, exclude: frozenset[str]) -> list[Found]:
        if token.lower_ in REFLEXIVES:
            return []  # "the group labeling itself ...": no second party
        m = self.mention_at(token)
        if m is not None and m.actor_id not in exclude:
            # "U.S. and South Korean forces": a coordinated modifier names a second side
            paired = [Found(o, c, "direct") for c in token.children
                      if c.dep_ in NAMING_DEPS and c.i < token.i
                      and any(d.dep_ == "cc" for d in c.children)
                      for o in self.mentions_in(c) if o.actor_id not in (m.actor_id, *exclude)]
            return [Found(m, token, "direct"), *paired]
        non_state = token.lemma_.lower() in NON_STATE_HEADS
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("amod",) and not (
                token.tag_ == "VBG" and token.dep_ in ("dobj", "pobj", "nsubjpass")):
            return []  # a gerund misparsed for the head noun keeps its modifiers
        mods = [c for c in token.children if c.dep_ in NAMING_DEPS and c.i < token.i]
        found: list[Found] = []
        for mod in mods:
            if self.participle_modifier(mod) is not None:
                continue
            for sub in [mod, *mod.conjuncts]:
                named = self.mentions_in(sub)
                # one level down: "the U.S.-South Korea exercises" nests compounds
                for grand in sub.children:
                    if grand.i < sub.i and (grand.dep_ in ("compound", "poss") and not named
                                            or grand.dep_ == "nmod" and "-" in grand.text):
                        named = self.mentions_in(grand) + named
                        break
                for m in named:
                    if m.actor_id in exclude or any(f.mention.actor_id == m.actor_id
                                                    for f in found):
                        continue
                    if non_state and self.actors.actor(m.actor_id).kind == "state":
                        continue
                    found.append(Found(m, sub, "modifier"))
        if found:
            return found
        led = self.led_by(token)
        if led:
            return led
        back = self.definite_group(token)
        if back is not None and back.actor_id not in exclude:
            return [Found(back, token, "coref")]
        lemma = token.lemma_.lower()
        if lemma in ROLE_HEADS or lemma in QUANTITY_NOUNS:
            for child in token.children:  # "leaders of Hamas", "security forces in Guinea"
                if child.dep_ == "prep" and child.lower_ in (
                        ("of",) if lemma in QUANTITY_NOUNS else ROLE_PREPS):
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            return [Found(f.mention, f.token, "of")
                                    for f in self.named(pobj, True, exclude)]
        return []

    def definite_group(self, token: Token) -> ActorMention | None:
        """"the group", "the militant movement": the nearest group named before it.

        A fallback while the actors stage leaves such descriptions unresolved."""
        if token.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the"
                                           for c in token.children):
            return None
        lemma = token.lemma_.lower()
        group = lemma in GROUP_NOUNS
        if describes_another(c for c in token.children if c.i < token.i):
            return None
        for m in reversed(self.actors.mentions):
            if m.end > token.idx:
                continue
            if token.idx - m.start > GROUP_WINDOW:
                break
            actor = self.actors.actors.get(m.actor_id)
            if actor is None or actor.kind == "state":
                continue
            if group and actor.kind in ("armed_group", "organization"):
                return m
            # "the ministry" after "Russia's defence ministry": the same head noun
            if m.via != "pronoun" and m.text.lower().split()[-1].rstrip("s") == lemma:
                return m
        return None

    def antecedent(self, token: Token) -> list[Found]:
        """Who a relative clause's head noun stands for ("Iran, a country that ...")."""
        found = self.named(token)
        if not found and token.dep_ == "appos":
            found = self.named(token.head, conj=False)
        if not found and token.dep_ == "attr":
            found = self.subjects(token.head)
        return found

    def named_of(self, token: Token) -> list[Found]:
        """The actor of an "of" phrase, the last resort for a target ("computers of X"); not
        for a place ("regions of Iraq"), which is where an act happens, not whom it hits."""
        if token.lemma_.lower() in PLACE_NOUNS:
            return []
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return [Found(f.mention, f.token, "of") for f in self.named(pobj)]
        return []

    def modifier_actor(self, actor_tok: Token, part: Token) -> ActorMention | None:
        """The actor written before "-backed"/"-led", even inside a longer name's mention
        ("Yemen's Saudi-backed government" is one mention; "Saudi" still backs it)."""
        m = self.mention_at(actor_tok)
        if m is not None and m.end <= part.idx:
            return m
        word = actor_tok.text.split("-")[0] if actor_tok.i == part.i else actor_tok.text
        found = resolve_actor(word)
        if found is None or found["id"] not in self.actors:
            return m if m is not None and m.end <= part.idx else None
        return ActorMention(actor_tok.idx, actor_tok.idx + len(word), word, found["id"],
                            "demonym")

    def participle_modifier(self, mod: Token) -> tuple[Token, Token] | None:
        """(actor token, participle) for "X-backed"-style modifiers, else None."""
        word = participle_word(mod)
        lex = self.lexicon
        if not (mod.tag_ in ("VBN", "VBD") or word in lex.modifiers
                or word in lex.leading_modifiers or word in lex.affiliation_modifiers):
            return None
        doc = mod.doc
        if mod.i >= 2 and doc[mod.i - 1].text in ("-", "–"):
            return doc[mod.i - 2], mod
        if "-" in mod.text.strip("-"):  # a single token "Iran-backed"
            return mod, mod
        if mod.text.startswith("-") and mod.i >= 1:  # "Iranian -aligned"
            return doc[mod.i - 1], mod
        return None

    def led_by(self, token: Token) -> list[Found]:
        """The leader of an undertaking: "the Saudi-led coalition", "a coalition led by X"."""
        for child in token.children:
            pm = self.participle_modifier(child) if child.dep_ in NAMING_DEPS else None
            if pm is not None and participle_word(pm[1]) in self.lexicon.leading_modifiers:
                m = self.modifier_actor(pm[0], pm[1])
                if m is not None:
                    return [Found(m, pm[0], "led")]
            if child.dep_ == "acl" and child.lemma_.lower() in AUTHORING_VERBS:
                # "a coalition led by X", "the deal, worked out by X": X stands for it
                for f in self.agents(child):
                    return [Found(f.mention, f.token, "led")]
        return []

    # -- verbs --------------------------------------------------------------------------
    def is_passive(self, verb: Token) -> bool:
        if any(c.dep_ in PASSIVE_SUBJECTS or c.dep_ in ("auxpass", "agent")
               for c in verb.children):
            return True
        # the small model often parses a reduced passive "X, designated ... by Y" as active
        if verb.tag_ not in ("VBN", "VBD") or any(c.dep_ == "aux" for c in verb.children):
            return False
        return any(c.dep_ == "prep" and c.lower_ == "by" and any(
            p.dep_ == "pobj" and self.named(p) for p in c.children) for c in verb.children)

    def agents(self, verb: Token) -> list[Found]:
        """The "by X" agent of a passive verb or participle."""
        for child in verb.children:
            if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return self.named(pobj)
        return []

    def subjects(self, verb: Token, depth: int = 0) -> list[Found]:
        """Who does what `verb` says: its subject, or the subject it shares or inherits."""
        if depth > 4:
            return []
        passive = self.is_passive(verb)
        if passive:
            return self.agents(verb)
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
        if not subjects and verb.tag_ == "VBG":
            # "the US bombing the jihadists": the gerund's subject parsed as a modifier
            found = self.noun_modifier_actors(verb)
            if found:
                return found
        if subjects:
            before = [c for c in subjects if c.i < verb.i]
            child = before[-1] if before else subjects[0]  # the nearest, on a misparse
            if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return self.antecedent(verb.head)
            found = self.named(child)
            if not found and child.pos_ == "NOUN" and any(
                    c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS for c in child.children):
                found = self.reporter(verb, depth)  # "the ministry said its jets struck ..."
            if not found and child.pos_ == "NOUN" and depth < 4:
                found = self.noun_sources(child, depth + 1)  # "behaviour by the Houthis"
                if not found:
                    found = self.recalled_doers(child)  # "the strikes targeted X"
            if not found and child.lower_ in PERSONAL_PRONOUNS:
                found = self.reporter(verb, depth)  # "Switzerland said it had expelled ..."
                if not found and verb.dep_ in ("advcl", "conj") and verb.head.i != verb.i:
                    found = self.subjects(verb.head, depth + 1)  # "..., even as they hold"
            if not found:  # "Members of X, a body linked to Y, investigated": an apposition
                for other in reversed(before[:-1]):  # parsed as a second subject
                    found = self.named(other)
                    if found:
                        break
            return found
        head = verb.head
        if head.i == verb.i:
            return []
        if verb.dep_ == "xcomp":
            # object control: "urged Iran to stop" makes Iran the subject of "stop"
            for child in head.children:
                if child.dep_ == "dobj" and head.lemma_.lower() in OBJECT_CONTROL:
                    return self.named(child)
            return self.subjects(head, depth + 1)
        if verb.dep_ in ("conj", "advcl", "pcomp", "ccomp", "acomp") and head.pos_ in (
                "VERB", "AUX"):
            if verb.dep_ == "ccomp":
                return []
            reported = self._reported_conjunct(verb, head)
            if reported is not None:
                return self.subjects(reported, depth + 1)
            found = self.subjects(head, depth + 1)
            if not found and verb.dep_ == "advcl" and head.dep_ == "ccomp":
                # a closing participle ("..., demanding that ...") parsed under the reported
                # clause belongs to the speaker's main clause
                found = self.subjects(head.head, depth + 1)
            return found
        if verb.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
            if verb.tag_ == "VBN":  # "the group backed by Iran": the noun is the target
                return self.agents(verb)
            named = self.named(head)
            if named:
                return named
            return self.noun_sources(head, depth + 1)
        if verb.dep_ == "pcomp" and head.dep_ == "prep":
            governor = head.head
            if governor.pos_ == "ADJ" and governor.dep_ == "acomp":
                governor = governor.head  # "was responsible for directing attacks"
            elif governor.pos_ in ("NOUN", "PROPN"):
                return self.noun_sources(governor, depth + 1)  # "commitment to supporting"
            if governor.pos_ not in ("VERB", "AUX"):
                return []
            if head.lower_ in ("of", "for") and governor.lemma_.lower() in ACCUSING_CONTROL:
                # "accused Israel of making new demands": the accused does the act
                for child in governor.children:
                    if child.dep_ == "dobj":
                        return self.named(child)
            return self.subjects(governor, depth + 1)
        return []

    def _reported_conjunct(self, verb: Token, head: Token) -> Token | None:
        """The reported clause a conjunct continues though parsed under the reporting verb:
        "X claimed that Y had sent arms and is now training fighters" (tenses differ)."""
        if verb.dep_ != "conj" or head.lemma_.lower() not in self.lexicon.reporting_verbs:
            return None
        tense, head_tense = verb_tense(verb), verb_tense(head)
        if tense is None or head_tense is None or tense == head_tense:
            return None
        clauses = [c for c in head.children if c.dep_ == "ccomp" and c.i < verb.i]
        return clauses[-1] if clauses else None

    def reporter(self, verb: Token, depth: int) -> list[Found]:
        """The subject of the reporting verb whose complement `verb` heads (for "it", "they")."""
        node = verb
        while node.dep_ == "conj" and node.head.i != node.i:
            node = node.head
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in self.lexicon.reporting_verbs:
            return self.subjects(node.head, depth + 1)
        return []

    def passive_targets(self, verb: Token) -> list[Found]:
        for child in verb.children:
            if child.dep_ in PASSIVE_SUBJECTS:
                if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                    return self.antecedent(verb.head)
                return self.named(child)
        if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN":
            return self.named(verb.head)
        if self.is_passive(verb):  # reduced passive parsed with a subject
            for child in verb.children:
                if child.dep_ in SUBJECTS:
                    return self.named(child)
        return []

    # -- eventive nouns -----------------------------------------------------------------
    def noun_sources(self, noun: Token, depth: int = 0) -> list[Found]:
        """Who carries out the act a noun names: a possessor, a demonym, "by X", a light verb."""
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and (
                noun.head.head.lemma_.lower() in KIND_NOUNS) and depth < 4:
            return self.noun_sources(noun.head.head, depth + 1)  # "some form of collaboration"
        found = self.noun_modifier_actors(noun)
        if found:
            return found
        if depth < 3 and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children):
            found = self.clause_subjects(noun, depth)  # an unresolved "their", "its", "his"
            if found:
                return found
        found = self.act_doers(noun)
        if found:
            return found
        head = noun.head
        light = self.lexicon.light_verbs
        if noun.dep_ == "pobj" and head.head.pos_ == "ADJ" and depth < 4 and (
                head.head.lemma_.lower() in self.lexicon.intention_governors):
            return self.subjects(head.head.head, depth + 1)  # "open to talks with X"
        if noun.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in light and depth < 4:
            return self.subjects(head, depth + 1)
        if noun.dep_ == "pobj" and head.dep_ in ("prep", "agent") and depth < 4:
            verb = head.head
            if verb.lemma_.lower() in light or verb.lemma_.lower() in ("engage", "join"):
                return self.subjects(verb, depth + 1)
        if noun.dep_ == "conj" and head.pos_ in ("NOUN", "PROPN"):
            m = self.mention_at(head)
            if m is not None and any(c.dep_ == "poss" for c in noun.children):
                return []  # handled as a pair by the coder ("A and B's collaboration")
            return self.noun_sources(head, depth + 1)
        return []

    def act_doers(self, noun: Token) -> list[Found]:
        """Who an act noun says did it: "violations by X", "crimes committed by X", and for a
        message "a demand from X", "an offer from X"."""
        for child in noun.children:
            if child.dep_ == "prep" and (child.lower_ == "by" or child.lower_ == "from" and (
                    noun.lemma_.lower() in MESSAGE_NOUNS)):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return self.named(pobj)
            if child.dep_ == "acl" and child.tag_ == "VBN" and (
                    child.lemma_.lower() in self.lexicon.light_verbs | COMMITTING_VERBS):
                found = self.agents(child)
                if found:
                    return found
        return []

    def clause_subjects(self, token: Token, depth: int) -> list[Found]:
        """The subject of the clause a phrase sits in ("as part of their war": who "their" is)."""
        node = token
        for _ in range(6):
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                return self.subjects(node, depth + 1)
            if node.head.i == node.i:
                break
        return []

    def noun_modifier_actors(self, noun: Token) -> list[Found]:
        """Actors named by a noun's possessor or other left modifiers ("Russian missile attack")."""
        out: list[Found] = []
        for child in noun.children:
            if child.dep_ not in NAMING_DEPS or child.i > noun.i:
                continue
            if self.participle_modifier(child) is not None:
                continue
            # "the Israel-Hamas war": the first state hangs on the second as a compound
            nested = [g for g in child.children if g.dep_ in ("compound", "nmod")
                      and g.i < child.i and ("-" in g.text or g.nbor().text in ("-", "–"))]
            for sub in [*nested, child, *child.conjuncts]:
                found = [Found(m, sub, "modifier") for m in self.mentions_in(sub)]
                if found:
                    out += [f for f in found if f.mention.actor_id not in
                            {o.mention.actor_id for o in out}]
                elif child.dep_ == "poss" and sub.i == child.i:
                    out += self.named(sub)
        return out

    def mentions_in(self, token: Token) -> list[ActorMention]:
        """Every actor a token names: one, or two in a token like "U.S.-China"."""
        end = token.idx + len(token.text)
        found = [m for m in self.actors.mentions if m.start < end and m.end > token.idx
                 and m.actor_id in self.actors]
        if len(found) < 2 or any(a is not b and a.start < b.end and b.start < a.end
                                 for a in found for b in found):
            # one name, or names nested in one another ("Donald Trump's administration")
            m = self.mention_at(token)
            return [m] if m is not None else []
        return sorted(found, key=lambda m: m.start)
