"""Who is speaking: the subject of a reporting verb, resolved to an actor of the table.

Pronouns, "the statement", "the minister" and relative pronouns are resolved here when the
actor table does not link them, conservatively: the previous speaker or the nearest fitting
mention, never a guess across more than a few paragraphs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from amity.actors.table import ActorMention, ActorTable
from amity.quotes.lexicon import QuoteLexicon

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}
_TITLES = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "madam": "f"}
OTHER_PRONOUNS = frozenset({"it", "they", "them", "we"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "that"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Dependents that belong to a noun phrase's core (not its appositive or relative clause).
CORE_DEPS = frozenset({"compound", "amod", "det", "poss", "case", "flat", "nmod", "nummod",
                       "quantmod", "punct"})
# How far back (characters) a pronoun or a definite description may look for its speaker.
WINDOW = 900


@dataclass(frozen=True, slots=True)
class Speaker:
    """An actor id; or `anonymous` (an unnamed official: speaker null); or nobody found."""

    actor: str | None = None
    anonymous: bool = False

    @property
    def found(self) -> bool:
        return self.actor is not None or self.anonymous


NOBODY = Speaker()
ANONYMOUS = Speaker(anonymous=True)


@dataclass(slots=True)
class SpeakerResolver:
    doc: Doc
    actors: ActorTable
    lexicon: QuoteLexicon
    history: list[tuple[int, str, str | None]] = field(default_factory=list)
    # "he"/"she" already resolved to an actor (or "Mrs Pelosi"): a later "she" skips a "he".
    gender: dict[str, str] = field(default_factory=dict)
    text: str = ""  # doc.text, built once (spaCy rebuilds it on every access)

    def __post_init__(self) -> None:
        self.text = self.doc.text
        for m in self.actors.mentions:  # "Mrs Pelosi", "Mr. Kerry"
            before = self.text[max(0, m.start - 6):m.start].strip().rstrip(".").lower()
            title = before.split()[-1] if before.split() else ""
            if title in _TITLES:
                self.gender.setdefault(m.actor_id, _TITLES[title])

    def note(self, pos: int, actor: str | None, channel: str | None) -> None:
        """Remember who spoke at `pos` (for pronouns and follow-on quotes)."""
        if actor is not None:
            self.history.append((pos, actor, channel))
            self.history.sort(key=lambda h: h[0])

    def is_person(self, actor: str) -> bool:
        return actor in self.actors and self.actors.actor(actor).kind == "person"

    def last_speaker(self, before: int, person: bool | None = None,
                     channel: str | None = None) -> str | None:
        for pos, actor, chan in reversed(self.history):
            if pos >= before:
                continue
            if before - pos > WINDOW:
                break
            if person is not None and self.is_person(actor) != person:
                continue
            if channel is not None and chan != channel:
                continue
            return actor
        return None

    # -- subjects ---------------------------------------------------------------------------
    def subject_of(self, verb: Token) -> Token | None:
        """The subject of `verb`, climbing from participles and conjuncts to their head."""
        tok = verb
        for _ in range(4):
            subjects = [c for c in tok.children if c.dep_ in SUBJECT_DEPS]
            if subjects:
                # A name the parser split in two ("al - Jaafari"): the part that is a mention.
                named = [c for c in subjects if self._mention_on(c) is not None]
                return (named or subjects)[-1 if named else 0]
            if tok.dep_ in ("advcl", "xcomp", "conj", "acl", "pcomp", "dobj", "pobj", "prep",
                            "ccomp") and tok.head.i != tok.i:
                tok = tok.head
                continue
            return None
        return None

    def of_verb(self, verb: Token) -> Speaker:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is not None or (verb.dep_ == "acl" and verb.tag_ == "VBN"):
            # "trip labelled by Beijing as dangerous": the agent speaks, or nobody known.
            obj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent else None
            return self.of_noun(obj) if obj is not None else NOBODY
        subj = self.subject_of(verb)
        if subj is None:
            return NOBODY
        if subj.dep_ == "nsubjpass" and subj.head.lemma_.lower() not in ("quote", "cite"):
            # "X was described by Beijing as Y": the agent speaks; without one, nobody known
            # ("X was quoted as saying" keeps X).
            head = subj.head
            agent = next((c for c in head.children if c.dep_ == "agent"), None)
            obj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent else None
            return self.of_noun(obj) if obj is not None else NOBODY
        return self.of_noun(subj)

    def of_noun(self, tok: Token) -> Speaker:
        """The speaker a subject noun phrase (headed by `tok`) stands for."""
        low = tok.lower_
        if low in RELATIVE_PRONOUNS and tok.head.dep_ == "relcl":
            return self.of_noun(tok.head.head)
        if tok.pos_ == "PRON" or low in PERSON_PRONOUNS | OTHER_PRONOUNS:
            return self.of_pronoun(tok)
        lemma = tok.lemma_.lower()
        if lemma in self.lexicon.anonymous and tok.pos_ == "NOUN" and not (
                self._is_definite(tok) or self._named_in_appos(tok)):
            return ANONYMOUS  # "Israeli officials said": unnamed, whatever side they are on
        own = self._mention_on(tok)
        if own is not None:
            return Speaker(self.canonical(own.actor_id))
        for child in tok.children:
            if child.dep_ == "appos":
                m = self._mention_on(child) or self._person_in(child)
                if m is not None:
                    return Speaker(self.canonical(m.actor_id))
        core = self._core(tok)
        if lemma in self.lexicon.documents:
            m = self._last_in(core, before=tok.idx) or self._issuer_in(tok)
            if m is not None:
                return Speaker(m.actor_id)
            actor = self.issuer_of_document(tok.idx, lemma)
            return Speaker(actor) if actor else NOBODY
        if lemma in self.lexicon.anonymous and not (lemma in self.lexicon.roles
                                                    and self._is_definite(tok)):
            return ANONYMOUS
        if lemma in self.lexicon.roles:
            actor = self.holder_of_role(tok, lemma)
            if actor is not None:
                return Speaker(actor)
            if self._is_definite(tok) and lemma in self.lexicon.anonymous:
                return ANONYMOUS
        m = self._last_in(core, before=tok.idx + len(tok))
        if m is not None:
            return Speaker(m.actor_id)
        if self._is_definite(tok):
            actor = self.named_before(tok)
            if actor is None and lemma in self.lexicon.organisations:
                actor = self._last_subject(tok.idx, person=False)
            if actor is not None:
                return Speaker(actor)
        if lemma in self.lexicon.anonymous or lemma in self.lexicon.roles:
            return ANONYMOUS
        return NOBODY

    def of_pronoun(self, tok: Token) -> Speaker:
        """A speaking pronoun: the last speaker or subject of the right kind; the actor
        table's own link when that finds nobody (speech has its own coreference: "he said"
        after a quotation is its speaker)."""
        low = tok.lower_
        actor: str | None = None
        if low in PERSON_PRONOUNS:
            actor = self._nearer(tok, person=True)
            if actor is not None:
                self.gender.setdefault(actor, _GENDER[low])
        elif low in ("it", "they", "we"):
            actor = self._nearer(tok, person=False)
        if actor is None:
            m = self.actors.at(tok.idx, tok.idx + len(tok))
            if m is not None:
                actor = m.actor_id
            elif low in PERSON_PRONOUNS:
                actor = self._last_mention(tok.idx, person=True)
        return Speaker(self.canonical(actor)) if actor else NOBODY

    def _nearer(self, tok: Token, person: bool) -> str | None:
        """The nearer of the last speaker and the last subject of the right kind; a person
        pronoun does not look inside its own sentence ('X was hit, he said')."""
        other = {a for a, g in self.gender.items() if g != _GENDER.get(tok.lower_, g)}
        spoke = next(((pos, a) for pos, a, _ in reversed(self.history)
                      if pos < tok.idx and tok.idx - pos <= WINDOW
                      and self.is_person(a) == person and a not in other), None)
        if person:
            subject = self._last_subject_at(tok.sent.start_char, person=True, skip=other)
            options = [o for o in (subject, spoke) if o is not None]
            return max(options)[1] if options else None
        # "While the White House acknowledged X, it accused Y": an earlier speaker in the
        # same sentence; else the last speaker; else the last subject ("X did Y, it said").
        speaking = self._reporting_subject(tok)
        if speaking is not None:
            return speaking
        if spoke is not None:
            return spoke[1]
        return self._last_subject(tok.idx, person=False)

    # -- definite descriptions --------------------------------------------------------------
    def holder_of_role(self, tok: Token, lemma: str) -> str | None:
        """'the minister': the person named next to the last earlier use of the role noun."""
        text = self.text
        start = max(0, tok.idx - WINDOW * 2)
        hits = [m.start() for m in re.finditer(rf"\b{re.escape(lemma)}\b", text[start:tok.idx],
                                               re.IGNORECASE)]
        for hit in reversed(hits):
            at = start + hit
            near = [m for m in self.actors.within(max(0, at - 60), at + 60)
                    if m.via != "pronoun" and self.is_person(m.actor_id)]
            if near:
                return min(near, key=lambda m: min(abs(m.start - at), abs(m.end - at))).actor_id
            return None
        if self._is_definite(tok):
            return self.last_speaker(tok.idx, person=True)
        return None

    def issuer_of_document(self, pos: int, noun: str) -> str | None:
        """'the statement said': whoever issued the last statement mentioned before."""
        text = self.text
        start = max(0, pos - WINDOW)
        for hit in reversed(list(re.finditer(rf"\b{re.escape(noun)}\b", text[start:pos]))):
            at = start + hit.start()
            near = [m for m in self.actors.within(max(0, at - 40), at)
                    if m.via != "pronoun"]
            if near:
                return near[-1].actor_id
        return self.last_speaker(pos, channel="statement") or self.last_speaker(pos)

    def named_before(self, tok: Token) -> str | None:
        """'the ministry': the last actor named with the same head noun ('defence ministry')."""
        word = re.compile(rf"\b{re.escape(tok.lower_)}\b", re.IGNORECASE)
        for m in reversed(self.actors.within(max(0, tok.idx - WINDOW * 2), tok.idx)):
            if m.via != "pronoun" and (word.search(m.text) or word.search(
                    self.actors.actor(m.actor_id).name if m.actor_id in self.actors else "")):
                return m.actor_id
        return None

    def canonical(self, actor: str) -> str:
        """A bare surname actor ('wang') as the one person of the document it names."""
        if actor not in self.actors:
            return actor
        a = self.actors.actor(actor)
        if a.kind != "person" or " " in a.name.strip():
            return actor
        fuller = [o.id for o in self.actors.actors.values() if o.kind == "person"
                  and o.id != actor and o.name.split()[-1:] == [a.name.strip()]]
        return fuller[0] if len(fuller) == 1 else actor

    def _named_in_appos(self, tok: Token) -> bool:
        return any(c.dep_ == "appos" and self._person_in(c) is not None for c in tok.children)

    def _issuer_in(self, tok: Token) -> ActorMention | None:
        """'a statement from the Joint Chiefs of Staff': whoever the statement is from."""
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ in ("from", "by", "of"):
                for obj in prep.children:
                    found = self._last_in((obj.left_edge.idx,
                                           obj.right_edge.idx + len(obj.right_edge)),
                                          before=obj.right_edge.idx + len(obj.right_edge))
                    if found is not None:
                        return found
        return None

    # -- helpers ----------------------------------------------------------------------------
    @staticmethod
    def _is_definite(tok: Token) -> bool:
        return any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)

    def _mention_on(self, tok: Token) -> ActorMention | None:
        m = self.actors.at(tok.idx, tok.idx + len(tok))
        return m if m is not None and m.via != "pronoun" else None

    def _person_in(self, tok: Token) -> ActorMention | None:
        span = self._core(tok)
        found = [m for m in self.actors.within(*span) if self.is_person(m.actor_id)]
        return found[-1] if found else None

    def core_span(self, tok: Token) -> tuple[int, int]:
        return self._core(tok)

    @staticmethod
    def _core(tok: Token) -> tuple[int, int]:
        """Character span of a noun phrase without its appositives and clauses."""
        lo, hi = tok.idx, tok.idx + len(tok)
        stack = [tok]
        while stack:
            t = stack.pop()
            for c in t.children:
                if c.dep_ in CORE_DEPS and c.text not in (",", "(", ")", "—", "–"):
                    lo, hi = min(lo, c.idx), max(hi, c.idx + len(c))
                    stack.append(c)
        return lo, hi

    def _last_in(self, span: tuple[int, int], before: int) -> ActorMention | None:
        found = [m for m in self.actors.within(*span) if m.via != "pronoun" and m.start < before]
        return found[-1] if found else None

    def _last_mention(self, pos: int, person: bool) -> str | None:
        for m in reversed(self.actors.within(max(0, pos - WINDOW), pos)):
            if m.via != "pronoun" and self.is_person(m.actor_id) == person:
                return m.actor_id
        return None

    def _reporting_subject(self, tok: Token) -> str | None:
        """A non-person subject of another reporting verb earlier in the pronoun's sentence."""
        from amity.quotes.frames import is_reporting

        for t in reversed(list(self.doc[tok.sent.start:tok.i])):
            if t.dep_ in SUBJECT_DEPS and t.head.i != tok.head.i and is_reporting(
                    t.head, self.lexicon):
                m = self._mention_on(t)
                if m is not None and not self.is_person(m.actor_id):
                    return m.actor_id
        return None

    def _last_subject(self, pos: int, person: bool) -> str | None:
        found = self._last_subject_at(pos, person)
        return found[1] if found else None

    def _last_subject_at(self, pos: int, person: bool,
                         skip: set[str] | None = None) -> tuple[int, str] | None:
        """The last actor (person or not) that was the subject of a clause before `pos`."""
        for m in reversed(self.actors.within(max(0, pos - WINDOW // 2), pos)):
            if m.via == "pronoun" or self.is_person(m.actor_id) != person or (
                    skip and m.actor_id in skip):
                continue
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            if root.dep_ in SUBJECT_DEPS or (root.dep_ in ("appos", "compound", "poss") and
                                             root.head.dep_ in SUBJECT_DEPS and not person):
                return m.start, m.actor_id
            if person and root.dep_ == "appos" and root.head.dep_ in SUBJECT_DEPS:
                return m.start, m.actor_id
        return None
