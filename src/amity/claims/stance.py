"""Who disputes or backs a claim within the document.

A dispute is an explicit rebuttal ("denied", "rejected the claim", "called it lies", "found
just the opposite"), a sceptical voice quoted after "Experts were skeptical.", the accused
answering with a denial, a flat contradiction right after the claim, or a counter-accusation
(each side's claim is about the other). Support is an explicit backing ("agreed",
"confirmed", "echoed").
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from amity.actors.table import ActorTable
from amity.claims.cues import ClaimCues
from amity.claims.ledger import Draft
from amity.quotes import Report
from amity.quotes.lexicon import load_lexicon
from amity.quotes.speaker import SpeakerResolver

# How far (characters) a rebuttal may stand after / before the claim it answers.
AFTER = 3000
BEFORE = 1500
# A contradiction must follow the claim closely.
NEXT = 300
# How close a fellow speaker's claim must be to share a rebuttal aimed at its side.
NEAR = 600
# Verb forms that assert (not "to see China agree").
FINITE = frozenset({"VBD", "VBZ", "VBP", "VBN", "VBG"})
# Kinds of assertion that others contest (a plain "said" is not one, unless it rebuts).
CONTESTED = frozenset({"accuse", "deny", "claim"})


def link_stances(doc: Doc, actors: ActorTable, drafts: list[Draft], reports: list[Report],
                 cues: ClaimCues) -> None:
    """Fill each draft's `disputed` and `supported` (actor id -> evidence sentence)."""
    if not drafts:
        return
    resolver = SpeakerResolver(doc, actors, load_lexicon())
    for r in reports:
        anchor = r.verb.idx if r.verb is not None else r.quote.start
        resolver.note(anchor, r.quote.speaker, r.quote.channel)
    linker = _Linker(doc, actors, drafts, reports, cues, resolver)
    linker.rebuttals()
    linker.skeptics()
    linker.answers()
    linker.counter_accusations()


class _Linker:
    """One document's claims, quotes and cues; each method adds one kind of stance."""

    def __init__(self, doc: Doc, actors: ActorTable, drafts: list[Draft],
                 reports: list[Report], cues: ClaimCues, resolver: SpeakerResolver) -> None:
        self.doc = doc
        self.text = resolver.text
        self.actors = actors
        self.drafts = sorted(drafts, key=lambda d: d.start)
        self.reports = reports
        self.cues = cues
        self.resolver = resolver
        lexicon = load_lexicon()
        self.judging = (lexicon.reporting | lexicon.naming | cues.dispute_verbs
                        | cues.judging_verbs)

    # -- explicit cues ----------------------------------------------------------------------
    def rebuttals(self) -> None:
        """Sentences with a dispute or support cue, attributed to whoever voices it."""
        for sent in self.doc.sents:
            text = sent.text
            for tok in sent:
                if tok.pos_ != "VERB" or _negated_verb(tok):
                    continue
                if self._rebuts(tok):
                    self._attach(self._voice(tok, sent), sent, tok.idx, "disputed")
                elif self._backs(tok) and not self.cues.dispute_phrases.search(text):
                    self._attach(self._voice(tok, sent), sent, tok.idx, "supported")
            for m in self.cues.dispute_phrases.finditer(text):
                at = sent.start_char + m.start()
                self._attach(self._voice_at(at, sent), sent, at, "disputed", verb_cue=False)

    def _rebuts(self, verb: Token) -> bool:
        """'denied that ...', 'rejected the claim', 'pushed back on the claims' -- not
        'rejected US overtures' (a refusal) nor 'was denied an invitation'."""
        lemma = verb.lemma_.lower()
        if lemma == "push":
            return any(c.lower_ == "back" for c in verb.children)
        if lemma not in self.cues.dispute_verbs:
            return False
        passive = ("nsubjpass", "auxpass")
        if any(c.dep_ in passive for c in verb.children) or (
                verb.dep_ == "conj" and any(c.dep_ in passive for c in verb.head.children)):
            return False  # "Iran was snubbed and denied an invitation"
        objects = [c for c in verb.children if c.dep_ in ("dobj", "ccomp", "prep")]
        if lemma == "deny" or not objects:
            return True
        return any(c.dep_ == "ccomp" or c.lemma_.lower() in self.cues.claim_nouns
                   or c.lower_ in ("it", "this", "that", "them") for c in objects)

    def _backs(self, verb: Token) -> bool:
        """'agreed', 'echoed the charge', 'confirmed the claim' -- not 'agreed to talks' nor
        a supporting verb inside someone's quoted words."""
        lemma = verb.lemma_.lower()
        if lemma not in self.cues.support_verbs or self._report_at(verb.idx) is not None:
            return False
        if verb.tag_ not in FINITE:
            return False  # "would like to see China agree to purchases"
        if lemma in ("agree", "concur"):
            return not any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ in ("to", "on"))
                           for c in verb.children)
        objects = [c for c in verb.children if c.dep_ in ("dobj", "ccomp")]
        return lemma == "echo" or any(
            c.lemma_.lower() in self.cues.claim_nouns or c.dep_ == "ccomp" for c in objects)

    def _voice(self, verb: Token, sent: Span) -> str | None:
        """The actor behind a cue verb: its subject, or the side of an unnamed subject."""
        at = verb.idx
        inside = self._report_at(at)
        if inside is not None:
            return inside
        speaker = self.resolver.of_verb(verb)
        if speaker.actor is not None:
            return speaker.actor
        subject = self.resolver.subject_of(verb)
        if subject is not None:
            lo, hi = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)
            named = [m for m in self.actors.within(lo, hi) if m.via != "pronoun"]
            if named:
                return named[-1].actor_id
        return None

    def _voice_at(self, at: int, sent: Span) -> str | None:
        """The actor behind a cue phrase: the speaker of the quote it is in, or the
        subject of the verb it depends on ("found just the opposite"); nobody for a
        passive without agent ("a claim that has been called a lie")."""
        inside = self._report_at(at)
        if inside is not None:
            return inside
        span = self.doc.char_span(at, at + 1, alignment_mode="expand")
        if span is None or not len(span):
            return None
        tok = span[0]
        while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
            tok = tok.head
        # Only a verb of judging voices it: "found just the opposite", "called it lies";
        # not "Pompeo floats a dubious claim" (the writer's word, not Pompeo's).
        if tok.lemma_.lower() not in self.judging:
            return None
        return self._voice(tok, sent)

    def _report_at(self, at: int) -> str | None:
        for r in self.reports:
            if r.quote.start <= at < r.quote.end:
                return r.quote.speaker or r.affiliation
        return None

    def _attach(self, actor: str | None, sent: Span, at: int, stance: str,
                verb_cue: bool = True) -> None:
        if actor is None or actor not in self.actors:
            return
        evidence = sent.text.strip()
        for d in self._targets(actor, sent, at, stance, verb_cue):
            getattr(d, stance).setdefault(actor, evidence)

    def _targets(self, actor: str, sent: Span, at: int, stance: str,
                 verb_cue: bool) -> list[Draft]:
        """The claims a rebuttal (or backing) answers: those of the claimant it names; else
        those about the one answering; else the claim it calls a claim or follows; else the
        last contested claim about the same actors."""
        side = self.actors.rollup(actor)
        named = {m.actor_id for m in self.actors.within(sent.start_char, sent.end_char)
                 if m.via != "pronoun" and self.actors.rollup(m.actor_id) != side}
        start = sent.start_char
        others = [d for d in self.drafts if self._may_voice(actor, d)
                  and start - AFTER <= d.start <= sent.end_char + BEFORE
                  and not d.start <= at < d.end]
        before = [d for d in others if d.start < start]

        def cluster(target: Draft) -> list[Draft]:
            """The target, and its side's claims about what the sentence names or about
            the one answering ('the Houthis' claim' covers their spokesman's)."""
            own = self.actors.rollup(target.claimant)
            return [d for d in others if d is target or (
                (d.claimant == target.claimant or (self.actors.rollup(d.claimant) == own
                                                   and abs(d.start - target.start) < NEAR))
                and (named & self._rolled(d) or self._accuses(d, actor)))]

        explicit = [d for d in others if d.claimant in named]
        if explicit and explicit[0].start < start:
            return cluster([d for d in explicit if d.start < start][-1])
        if stance == "disputed":
            accused = [d for d in others if self._accuses(d, actor)]
            accused_before = [d for d in accused if d.start < start]
            if accused_before and start - accused_before[-1].end < NEXT:
                return cluster(accused_before[-1])  # "... Taiwan has denied it."
            for found in ([d for d in accused_before if d.kind in CONTESTED],
                          [d for d in accused if d.kind in CONTESTED and d.start >= start]):
                if found:
                    return cluster(found[-1] if found[-1].start < start else found[0])
        if explicit:
            return cluster(explicit[0])
        contested = [d for d in before if d.kind in CONTESTED]
        names_claim = any(t.lower_ in self.cues.claim_nouns for t in sent)
        if contested:
            last = contested[-1]
            close = start - last.end < NEXT
            if close or (names_claim and named & self._rolled(last)):
                return cluster(last)
        if stance == "supported":
            return []
        sharing = [d for d in before if named & self._rolled(d)]
        if not sharing and verb_cue:
            sharing = [d for d in others if named & self._rolled(d)]
        ranked = [d for d in sharing if d.kind in CONTESTED] or sharing
        return cluster(ranked[-1]) if ranked else []

    def _accuses(self, d: Draft, actor: str) -> bool:
        """The claim is about `actor` itself or about the state it speaks for."""
        return actor in d.about or self.actors.rollup(actor) in d.about

    def _rolled(self, d: Draft) -> set[str]:
        return set(d.about) | {self.actors.rollup(a) for a in d.about}

    # -- sceptical voices -------------------------------------------------------------------
    def skeptics(self) -> None:
        """'Experts were skeptical.': the quotations of the paragraphs right after it (until a
        paragraph without one) dispute the contested claim before."""
        from amity.quotes.marks import paragraphs

        paras = paragraphs(self.text)
        for sent in self.doc.sents:
            if not self.cues.skeptic_phrases.search(sent.text):
                continue
            if self._voice_at(sent.start_char + 1, sent) is not None:
                continue  # a named sceptic is a rebuttal, handled there
            contested = [d for d in self.drafts if d.start < sent.start_char
                         and d.kind in CONTESTED]
            if not contested:
                continue
            target = contested[-1]
            targets = [d for d in self.drafts if d.claimant == target.claimant
                       and target.start - AFTER <= d.start <= target.start]
            for lo, hi in paras:
                if hi <= sent.end_char:
                    continue
                inside = [r for r in self.reports if lo <= r.quote.start < hi]
                if not inside:
                    break
                for r in inside:
                    voice = r.quote.speaker or r.affiliation
                    for d in targets:
                        if voice is not None and self._may_voice(voice, d):
                            d.disputed.setdefault(voice, self._sentence_of(r.quote.start))

    # -- the accused answers; a flat contradiction --------------------------------------------
    def answers(self) -> None:
        """A denial by the accused after a contested claim about it; or a flat negation
        right after a claim ('X was hit, he said.' 'The owner said it had not been hit.')."""
        for r in self.reports:
            voice = r.quote.speaker or r.affiliation
            if voice is None or not self._negated(r):
                continue
            before = [d for d in self.drafts if self._may_voice(voice, d)
                      and d.end <= r.quote.start + 1 and r.quote.start - d.end < BEFORE]
            accused = [d for d in before if d.kind in CONTESTED and self._accuses(d, voice)]
            if accused:
                target = accused[-1]
            elif before and before[-1].kind != "deny" and self._gap(before[-1].end, r) < NEXT \
                    and self._denies_act(r):
                target = before[-1]
            else:
                continue
            for d in self.drafts:
                if d is target or (d.claimant == target.claimant and self._accuses(d, voice)):
                    d.disputed.setdefault(voice, self._sentence_of(r.quote.start))

    def counter_accusations(self) -> None:
        """Each side's contested claim is about the other: they dispute each other."""
        for a in self.drafts:
            for b in self.drafts:
                if a is b or not self._may_voice(b.claimant, a):
                    continue
                if not (self._about(a, b.claimant) and self._about(b, a.claimant)):
                    continue
                if self._contested(a) and self._contested(b) and (
                        "accuse" in (a.kind, b.kind) or "deny" in (a.kind, b.kind)
                        or self._disputes(a) or self._disputes(b)):
                    a.disputed.setdefault(b.claimant, self.text[b.start:b.end])

    # -- helpers ----------------------------------------------------------------------------
    def _may_voice(self, actor: str, d: Draft) -> bool:
        return actor != d.claimant and self.actors.rollup(actor) != self.actors.rollup(
            d.claimant)

    def _about(self, d: Draft, actor: str) -> bool:
        rolled = {self.actors.rollup(a) for a in d.about}
        return actor in d.about or self.actors.rollup(actor) in rolled

    def _contested(self, d: Draft) -> bool:
        return d.kind in CONTESTED or self._disputes(d)

    def _disputes(self, d: Draft) -> bool:
        return bool(self.cues.dispute_phrases.search(self.text[d.start:d.end]))

    def _nearest_before(self, pos: int, other_than: str | None) -> Draft | None:
        best = None
        for d in self.drafts:
            if d.start < pos and (other_than is None or self._may_voice(other_than, d)):
                best = d
        return best

    def _negated(self, r: Report) -> bool:
        """The reported words deny an act ('had not been hit', 'did not contradict') or
        call something false; 'no guarantees' or 'not a good idea' deny no act."""
        span = self.doc.char_span(r.quote.start, r.quote.end, alignment_mode="expand")
        if span is None:
            return False
        return any(t.dep_ == "neg" and t.head.pos_ in ("VERB", "AUX") and t.head.lemma_ not in
                   ("be",) for t in span) or bool(self.cues.dispute_phrases.search(r.quote.text))

    def _denies_act(self, r: Report) -> bool:
        """The reported clause itself is negated ('the vessel had not been hit')."""
        span = self.doc.char_span(r.quote.start, r.quote.end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        root = span.root
        heads = [root] + [c for c in root.children if c.dep_ == "conj"]
        return any(c.dep_ == "neg" for h in heads for c in h.children)

    def _gap(self, end: int, r: Report) -> int:
        start = r.verb.idx if r.verb is not None else r.quote.start
        return min(start, r.quote.start) - end

    def _sentence_of(self, pos: int) -> str:
        span = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
        if span is None or not len(span):
            return ""
        return span.sent.text.strip()


def _negated_verb(verb: Token) -> bool:
    """'has not confirmed or denied': the negation covers the conjoined verb too."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    return verb.dep_ == "conj" and any(c.dep_ == "neg" for c in verb.head.children)
