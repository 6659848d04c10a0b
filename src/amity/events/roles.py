"""Who fills a role in the parse: a verb's subject and agent, an act's doer (on `PhraseRoles`)."""
from __future__ import annotations

from spacy.tokens import Token

from amity.events._phrases import Found, PhraseRoles
from amity.events._syntax import (
    ACCUSING_CONTROL,
    COMMITTING_VERBS,
    FIRST_PERSON,
    KIND_NOUNS,
    MESSAGE_NOUNS,
    NAMING_DEPS,
    OBJECT_CONTROL,
    PASSIVE_SUBJECTS,
    PERSONAL_PRONOUNS,
    POSSESSIVE_PRONOUNS,
    RELATIVE_PRONOUNS,
    SUBJECTS,
    verb_tense,
)

__all__ = ["Found", "Roles"]


class Roles(PhraseRoles):
    """Role look-ups over one document's parse and actor table."""

    # -- verbs --------------------------------------------------------------------------
    def is_passive(self, verb: Token) -> bool:
        if any(c.dep_ in PASSIVE_SUBJECTS or c.dep_ in ("auxpass", "agent")
               for c in verb.children):
            return True
        # the small model often parses a reduced passive "X, designated ... by Y" as active
        if verb.tag_ not in ("VBN", "VBD") or any(c.dep_ == "aux" for c in verb.children):
            return False
        if verb.tag_ == "VBD" and any(c.dep_ == "dobj" and any(
                t.lemma_.lower() in self.lexicon.nouns or t.lemma_.lower() in MESSAGE_NOUNS
                for t in c.subtree) for c in verb.children):
            return False  # "rejected warnings by X": "by X" made the warnings
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
            if not found and child.tag_ == "VBG":
                # "The Red Cross operating in Iraq said": the participle's own subject
                found = [f for c in child.children if c.dep_ == "nsubj" for f in self.named(c)]
            if not found and child.pos_ == "NOUN" and any(
                    c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS for c in child.children):
                found = self.reporter(verb, depth)  # "the ministry said its jets struck ..."
            if not found and child.pos_ == "NOUN" and depth < 4:
                found = self.noun_sources(child, depth + 1)  # "behaviour by the Houthis"
                if not found:
                    found = self.recalled_doers(child)  # "the strikes targeted X"
            if not found and child.lower_ in PERSONAL_PRONOUNS:
                found = self.reporter(verb, depth)  # "Switzerland said it had expelled ..."
                if not found and child.lower_ in FIRST_PERSON:
                    found = self.quote_speaker(child)  # "We will respond," X said
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
            if verb.dep_ == "conj" and self.is_passive(head) and not self.is_passive(verb):
                # "the SDF, which are backed by the US and have been closing in on X": the
                # passive's subject does the active conjunct, not its agent
                return self.passive_targets(head)
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
        if noun.dep_ == "pobj" and head.lower_ == "as" and head.head.pos_ in ("VERB", "AUX") \
                and depth < 4:
            return self.subjects(head.head, depth + 1)  # "X acted as an intermediary"
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
