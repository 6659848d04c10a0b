"""The claim layer: whose claim an event is (a quote's speaker or a reporting verb's subject)."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from amity.events.lexicon import Lexicon
from amity.events.roles import Roles
from amity.record import Quote


@dataclass(frozen=True, slots=True)
class Attribution:
    speaker: str  # actor id
    verb: str | None  # the reporting verb's lemma, when known
    accusing: bool  # reporting another's hostile act amounts to accusing them
    direct: bool = False  # the speaker's own words in quote marks


def attribute(trigger: Token, sent: Span, quotes: list[Quote], roles: Roles,
              lexicon: Lexicon) -> Attribution | None:
    """Who asserts the event `trigger` reports, or None when the article states it as fact."""
    at = trigger.idx
    inside = [q for q in quotes if q.start <= at < q.end]
    if inside:
        quote = min(inside, key=lambda q: q.end - q.start)
        if quote.speaker is None or quote.speaker not in roles.actors:
            return None
        if quote.kind != "direct" and _in_background(trigger, quote):
            return None
        verb = quote.verb
        accusing = verb in lexicon.accusing_verbs
        if roles.actors.actor(quote.speaker).kind == "media":
            accusing = False  # a news outlet reports; it does not accuse
        return Attribution(quote.speaker, verb, accusing, quote.kind != "indirect")
    return (_reported_by(trigger, lexicon, roles) or _claimed_in(trigger, lexicon, roles)
            or _according_to(sent, roles))


def _in_background(trigger: Token, quote: Quote) -> bool:
    """A relative clause inside reported speech ("Sanaa, which the Houthis hold") is the
    writer's background, not the speaker's claim."""
    node = trigger
    while node.head.i != node.i and quote.start <= node.head.idx < quote.end:
        if node.dep_ in ("relcl", "acl") and node.pos_ in ("VERB", "AUX") and not _cleft(node):
            return True
        node = node.head
    return False


def _claimed_in(trigger: Token, lexicon: Lexicon, roles: Roles) -> Attribution | None:
    """"Pompeo floats claim that Iran is helping al-Qaida": the content of a claim noun."""
    if trigger.dep_ == "dobj" and trigger.head.lemma_.lower() == "claim":
        found = roles.subjects(trigger.head)  # "the movement claimed 14 attacks"
        if found:
            return Attribution(found[0].mention.actor_id, "claim", False)
    node = trigger
    for _ in range(6):
        head = node.head
        if head.i == node.i:
            return None
        if node.dep_ in ("acl", "ccomp") and head.lemma_.lower() in lexicon.claim_nouns:
            found = roles.noun_sources(head)
            if not found and head.dep_ == "dobj":
                found = roles.subjects(head.head)
            if found:
                return Attribution(found[0].mention.actor_id, "claim", True)
            return None
        node = head
    return None


def _reported_by(trigger: Token, lexicon: Lexicon, roles: Roles) -> Attribution | None:
    """The subject of a reporting verb whose complement holds the trigger ("X claimed that ...")."""
    node = trigger
    for _ in range(8):
        head = node.head
        if head.i == node.i:
            return None
        if node.dep_ in ("ccomp", "parataxis") and head.lemma_.lower() in lexicon.reporting_verbs:
            found = roles.subjects(head)
            if len({f.mention.actor_id for f in found}) > 1:
                return None  # "the ministry and the insurgents said": corroborated, stated
            if found:
                lemma = head.lemma_.lower()
                return Attribution(found[0].mention.actor_id, lemma,
                                   lemma in lexicon.accusing_verbs)
            return None
        if node.dep_ in ("relcl", "acl") and node.pos_ == "VERB" and not _cleft(node):
            return None  # a relative clause states its own fact
        if node.dep_ == "advcl" and node.i != trigger.i:
            return None  # "..., after Hamas claimed ...": the writer's framing
        node = head
    return None


def _cleft(clause: Token) -> bool:
    """ "it is the United States that is violating the deal": the clause is the claim itself."""
    head = clause.head
    return clause.dep_ == "relcl" and head.dep_ == "attr" and head.head.lemma_ == "be" and any(
        c.dep_ == "nsubj" and c.lower_ == "it" for c in head.head.children)


def _according_to(sent: Span, roles: Roles) -> Attribution | None:
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to":
            for child in [*tok.children, *tok.nbor().children]:
                if child.dep_ == "pobj":
                    found = roles.named(child)
                    if found:
                        return Attribution(found[0].mention.actor_id, "say", False)
    return None
