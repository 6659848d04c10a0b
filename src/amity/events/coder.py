"""The PLOVER event coder: lexicon triggers in the dependency parse → events between actors.

Compute, then apply: each sentence yields `Candidate`s (a trigger with the actors the parse
puts in its source and target roles); modality, the claim layer and dates are then read off
the parse and the quotes, and each source/target pair becomes one `Event`.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from itertools import permutations

from spacy.tokens import Doc, Span, Token

from amity.actors.table import ActorTable
from amity.events.attribution import Attribution, attribute
from amity.events.dates import event_date
from amity.events.lexicon import Lexicon, load_lexicon
from amity.events.modality import Modality, modality, reporting_governor
from amity.events.roles import Found, Roles
from amity.events.triggers import Candidate, TriggerFinder
from amity.record import QUAD_OF_TYPE, Event, Evidence, Quote

# How sure a reading is, by how the parse showed it (subject and object of a verb is best).
CONFIDENCE = {"verb": 0.85, "passive": 0.8, "prep": 0.7, "noun": 0.6, "modifier": 0.55,
              "place": 0.5, "claim": 0.45}
INDIRECT = 0.9  # an actor named through a modifier, an "of" phrase or a pronoun


def code_events(doc: Doc, actors: ActorTable, quotes: list[Quote],
                published: date | None = None) -> list[Event]:
    """Events the article reports between two actors, each pointing at its sentence."""
    return EventCoder(load_lexicon())(doc, actors, quotes, published)


class EventCoder:
    """Lexicon in `__init__`, one document per call."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.triggers = TriggerFinder(lexicon)

    def __call__(self, doc: Doc, actors: ActorTable, quotes: list[Quote],
                 published: date | None = None) -> list[Event]:
        roles = Roles(actors, self.lexicon, quotes)
        events: dict[tuple[object, ...], Event] = {}
        for sent in doc.sents:
            for cand in self.triggers.candidates(sent, roles):
                for event in self.events_of(cand, sent, roles, actors, quotes, published):
                    key = (event.source, event.target, event.type, event.negated,
                           event.hypothetical, event.asserted_by, event.evidence.start)
                    if key not in events or events[key].confidence < event.confidence:
                        events[key] = event
        return sorted(events.values(), key=lambda e: (e.evidence.start, e.source, e.target))

    # -- finding triggers ---------------------------------------------------------------
    # -- from candidates to events ------------------------------------------------------
    def events_of(self, cand: Candidate, sent: Span, roles: Roles, actors: ActorTable,
                  quotes: list[Quote], published: date | None) -> list[Event]:
        mood = modality(cand.trigger, self.lexicon)
        type_ = cand.type
        mode = cand.entry.mode
        if cand.entry.mutual is not None and not cand.targets and len(cand.sources) > 1:
            type_, mode = cand.entry.mutual, None  # "the U.S.-South Korea drills"
        promise = False  # a future RETREAT or CONCEDE is also a stated promise (AGREE)
        intended = mood.intention and not mood.negated and not mood.decided
        if cand.entry.intended and not (intended or mood.hypothetical):
            return []  # "responded to the test": no act of its own
        if self._ultimatum(cand.trigger, type_, mood):
            # an act made conditional on the other side ("will withdraw unless ...", "may
            # halt the talks if ...") is a threat, and the threat itself is no hypothesis
            type_, mode = "THREATEN", cand.type.lower()
            mood = replace(mood, hypothetical=False)
        elif intended:
            # PLOVER: an intention to cooperate is AGREE, to coerce a THREATEN; a future
            # RETREAT or CONCEDE keeps its own type
            quad = QUAD_OF_TYPE[type_]
            if quad in ("verbal_cooperation", "material_cooperation") and type_ not in (
                    "AGREE", "RETREAT", "CONCEDE"):
                type_, mode = "AGREE", cand.type.lower()
            elif quad == "material_conflict":
                type_, mode = "THREATEN", cand.type.lower()
            else:
                promise = type_ in ("RETREAT", "CONCEDE") and not mood.hypothetical
        pairs = list(cand.pairs)
        pairs += [(s, t) for s in cand.sources for t in cand.targets]
        if not cand.targets and cand.entry.reciprocal and len(cand.sources) > 1:
            ordered = permutations(cand.sources, 2)
            pairs += [(a, b) for a, b in ordered if type_ not in (
                "CONSULT", "AGREE", "COOPERATE") or a.mention.start < b.mention.start]
        # an epithet ("the Iran-backed group") is the writer's description, not the claim
        attribution = None if cand.how == "modifier" else attribute(
            cand.trigger, sent, quotes, roles, self.lexicon)
        when = event_date(cand.trigger, sent, published, self._is_event_word)
        evidence = Evidence(sent.start_char, sent.end_char, sent.text)
        out: list[Event] = []
        for src, tgt in pairs:
            if not self._valid_pair(src, tgt, actors):
                continue
            pair_type, pair_mode = type_, mode
            kind_type = cand.entry.actor_types.get(actors.actor(tgt.mention.actor_id).kind)
            if kind_type is not None and tgt.how == "direct" and type_ == cand.type:
                pair_type = kind_type  # "Iran supports Assad": material backing
            doer_type = cand.entry.source_types.get(actors.actor(src.mention.actor_id).kind)
            if doer_type is not None and type_ == cand.type:
                pair_type, _, doer_mode = doer_type.partition("/")  # "the union's strike"
                pair_mode = doer_mode or None
            asserted = self._asserted_by(attribution, src, pair_type, mood.intention, actors,
                                         cand.trigger.tag_ in ("VBZ", "VBP"))
            confidence = CONFIDENCE[cand.how]
            for f in (src, tgt):
                if f.how != "direct" or f.mention.via == "pronoun":
                    confidence *= INDIRECT
            pair_mode = pair_mode if pair_type == type_ or doer_type else None
            out.append(Event(
                source=src.mention.actor_id, target=tgt.mention.actor_id, type=pair_type,
                quad=QUAD_OF_TYPE[pair_type],
                intensity=self.lexicon.score(pair_type, pair_mode, cand.entry.score),
                evidence=evidence, mode=pair_mode, date=when,
                asserted_by=asserted, negated=mood.negated, hypothetical=mood.hypothetical,
                confidence=round(confidence, 3), trigger=cand.trigger.text))
        out += self._spoken_acts(out, attribution, actors)
        if not mood.negated and not mood.hypothetical:
            roles.remember(cand.type, cand.trigger.idx, [f for f in cand.sources
                                                         if f.how != "coref"],
                           cand.targets if cand.entry.reciprocal and QUAD_OF_TYPE[
                               cand.type].endswith("cooperation") else None)
        if promise:
            out += [replace(e, type="AGREE", quad=QUAD_OF_TYPE["AGREE"], mode=type_.lower(),
                            intensity=self.lexicon.score("AGREE", None)) for e in out]
        if type_ == "COERCE" and self._on_charges(cand.trigger):
            # "jailed them on charges of treason": the jailer also accuses them
            out += [replace(e, type="ACCUSE", quad=QUAD_OF_TYPE["ACCUSE"], mode="allege",
                            intensity=self.lexicon.score("ACCUSE", "allege")) for e in out]
        out += self._accusations(cand, type_, mood, attribution, actors, evidence, when)
        for e in out:
            if e.type in ("ACCUSE", "REQUEST") and not (e.negated or e.hypothetical):
                roles.note_accusation(cand.trigger.idx, e.source, e.target)
        return out

    def _on_charges(self, trigger: Token) -> bool:
        return any(c.dep_ == "prep" and c.lower_ in ("on", "over") and any(
            p.dep_ == "pobj" and p.lemma_.lower() in self.lexicon.claim_nouns | {"suspicion"}
            for p in c.children) for c in trigger.children)

    def _ultimatum(self, trigger: Token, type_: str, mood: Modality) -> bool:
        """A future act on a condition the other side must meet, stated as intended or in
        someone's words: "will withdraw its troops unless the talks resume" (any act), "said
        it may cut ties if ..." (a hostile one); the writer's own "if" is a hypothesis."""
        if trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in self.lexicon.light_verbs:
            trigger = trigger.head  # "may impose sanctions if ...": the clause is the verb's
        if mood.negated or not (mood.intention or mood.hypothetical and reporting_governor(
                trigger, self.lexicon) is not None):
            return False
        marks = {m.lower_ for c in trigger.children if c.dep_ == "advcl"
                 for m in c.children if m.dep_ == "mark"}
        hostile = QUAD_OF_TYPE[type_] == "material_conflict"
        return "unless" in marks or ("if" in marks and hostile)

    def _is_event_word(self, tok: Token) -> bool:
        """A word that reports an event of its own (a lexicon verb or eventive noun)."""
        lemma = tok.lemma_.lower()
        return (tok.pos_ == "VERB" and lemma in self.lexicon.verbs
                and lemma not in self.lexicon.reporting_verbs) or (
            tok.pos_ in ("NOUN", "PROPN") and lemma in self.lexicon.nouns)

    @staticmethod
    def _valid_pair(src: Found, tgt: Found, actors: ActorTable) -> bool:
        a, b = src.mention.actor_id, tgt.mention.actor_id
        if a == b or a not in actors or b not in actors:
            return False
        if src.token.i == tgt.token.i and src.mention.start == tgt.mention.start:
            return False  # one name cannot be both sides ("U.S.-China" names two)
        # self-events at the rollup level: an actor and its own state, or two arms of one
        # state ("Zelenskiy thanked the Ukrainian troops"), are no dyad
        return actors.rollup(a) != actors.rollup(b)

    def _asserted_by(self, att: Attribution | None, src: Found, type_: str, intention: bool,
                     actors: ActorTable, present: bool = False) -> str | None:
        if att is None:
            return None
        speaker = att.speaker
        side = actors.rollup(speaker)
        own = speaker == src.mention.actor_id or side == actors.rollup(src.mention.actor_id)
        if own and (QUAD_OF_TYPE[type_].startswith("verbal") or intention or present):
            # the statement is itself the act ("Iran said it rejected ...", "Trump says the
            # US pulls out"); a past deed of one's own side stays a claim ("said it killed")
            return None
        if own and not att.direct and actors.actor(speaker).kind in ("state", "government") \
                and att.verb not in self.lexicon.accusing_verbs:
            # a state's own account of its operations, reported in plain words ("the
            # ministry said its jets struck ..."), is how news states the fact; an armed
            # group's word, a quotation, a charge or what the enemy did stays a claim
            return None
        return speaker

    @staticmethod
    def _spoken_acts(events: list[Event], att: Attribution | None, actors: ActorTable
                     ) -> list[Event]:
        """A spokesperson stating their side's words or intentions performs them too: "Kerry
        said Washington remained open to talks with Iran" is Kerry's offer as well."""
        if att is None or att.speaker not in actors or actors.actor(att.speaker).kind not in (
                "person", "government"):
            return []
        side = actors.rollup(att.speaker)
        return [replace(e, source=att.speaker, confidence=round(e.confidence * INDIRECT, 3))
                for e in events if e.asserted_by is None and e.source != att.speaker
                and actors.rollup(e.source) == side and e.quad.startswith("verbal")]

    def _accusations(self, cand: Candidate, type_: str, mood: Modality,
                     att: Attribution | None, actors: ActorTable, evidence: Evidence,
                     when: str | None) -> list[Event]:
        """The act of claiming: a speaker who reports another's hostile act accuses them,
        whether the reporting verb accuses ("claimed that ...") or the act was against the
        speaker's own side ("the sales have violated our sovereignty," Lin said)."""
        if att is None or mood.negated or mood.hypothetical or mood.intention:
            return []
        quad = QUAD_OF_TYPE[type_]
        hostile = quad == "material_conflict" or type_ in ("REJECT", "THREATEN")
        alleged = att.accusing and quad.startswith("material") and (
            att.verb in self.lexicon.alleging_verbs) or cand.entry.misdeed
        side = actors.rollup(att.speaker) if att.speaker in actors else att.speaker
        aimed = [t for t in [*cand.targets, *(b for _, b in cand.pairs)]
                 if t.mention.actor_id in actors and actors.rollup(t.mention.actor_id) == side]
        if not ((hostile and (att.accusing or aimed)) or alleged):
            return []
        out = []
        for src in cand.sources:
            aid = src.mention.actor_id
            if aid not in actors or att.speaker not in actors:
                continue
            if actors.rollup(aid) == actors.rollup(att.speaker):
                continue
            out.append(Event(
                source=att.speaker, target=aid, type="ACCUSE", quad=QUAD_OF_TYPE["ACCUSE"],
                intensity=self.lexicon.score("ACCUSE", "allege"), evidence=evidence,
                mode="allege", date=when, confidence=CONFIDENCE["claim"],
                trigger=att.verb or cand.trigger.text))
        return out
