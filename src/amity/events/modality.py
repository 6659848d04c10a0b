"""How an event is stated: negated, hypothetical, or an intention (which PLOVER codes AGREE)."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from amity.events.lexicon import Lexicon

# Dependencies along which a clause inherits its governor's modality.
_CLAUSAL_UP = frozenset({"xcomp", "conj", "pcomp", "acomp", "auxpass"})
_NOUN_UP = frozenset({"dobj", "pobj", "nsubjpass", "attr", "oprd", "appos", "conj", "prep"})
_FUTURE = frozenset({"will", "shall", "'ll", "wo"})


@dataclass(frozen=True, slots=True)
class Modality:
    negated: bool = False
    hypothetical: bool = False
    intention: bool = False
    decided: bool = False  # announced as a decision ("announced it would prohibit aid")


def reporting_governor(token: Token, lexicon: Lexicon) -> str | None:
    """The reporting verb whose complement holds `token` ("said it would"), if any."""
    node = token
    for _ in range(6):
        if node.dep_ in ("ccomp", "xcomp", "conj", "advcl") and node.head.i != node.i:
            node = node.head
            if node.lemma_.lower() in lexicon.reporting_verbs:
                return str(node.lemma_.lower())
            continue
        return None
    return None


def _under_reporting(token: Token, lexicon: Lexicon) -> bool:
    return reporting_governor(token, lexicon) is not None


_MAYBE = frozenset({"likely", "possibly", "probably", "perhaps", "maybe"})
_UNCERTAIN = frozenset({"likely", "unlikely", "possible", "probable", "doubtful", "unclear",
                        "uncertain", "conceivable", "plausible"})


def _judged_uncertain(clause: Token) -> bool:
    """ "it is likely they will respond", "it was unclear whether ...": a clause the writer
    calls possible has not happened."""
    head = clause.head
    return clause.dep_ in ("ccomp", "csubj") and head.i != clause.i and (
        head.lower_ in _UNCERTAIN or any(c.dep_ == "acomp" and c.lower_ in _UNCERTAIN
                                         for c in head.children))


def _demanded(clause: Token, lexicon: Lexicon) -> bool:
    """ "demanded that Israel withdraw", "its demand that Israel ease restrictions": the act
    a demand asks for (a subjunctive or "should" clause) has not been done."""
    if clause.dep_ not in ("ccomp", "acl") or clause.head.lemma_.lower() not in (
            lexicon.demand_governors):
        return False
    auxes = [c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")]
    return (clause.tag_ == "VB" and not auxes) or any(a in lexicon.deontic_modals
                                                        for a in auxes)


def _given(node: Token) -> bool:
    """ "..., considering its support for X": a participle with no subject of its own that
    means "given" states a reason, not a possibility."""
    return node.tag_ == "VBG" and node.dep_ in ("advcl", "prep") and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux") for c in node.children)


def modality(trigger: Token, lexicon: Lexicon) -> Modality:
    """Negation, hypothesis and intention over the trigger's own clause and its governors."""
    negated = hypothetical = intention = False
    node = trigger
    # an eventive noun takes its modality from the verb it is the object of
    path = [trigger]
    hops = 0
    while hops < 6:
        hops += 1
        dep = node.dep_
        head = node.head
        if head.i == node.i:
            break
        if node.pos_ in ("NOUN", "PROPN") and dep in _NOUN_UP:
            node = head
            path.append(node)
            continue
        if node.pos_ == "ADP" and dep in ("prep", "agent"):
            node = head
            path.append(node)
            continue
        if dep in _CLAUSAL_UP or (dep == "advcl" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in node.children)):
            node = head  # an infinitive of purpose shares its governor's mood
            path.append(node)
            continue
        break
    for i, node in enumerate(path):
        lemma = node.lemma_.lower()
        particle = next((c.lower_ for c in node.children if c.dep_ == "prt"), None)
        if i > 0 and particle and f"{lemma} {particle}" in lexicon.negating_governors:
            negated = True  # "called off the strike"
        if i > 0 and node.pos_ in ("VERB", "AUX", "ADJ"):
            if lemma in lexicon.negating_governors:
                negated = True
            if lemma in lexicon.hypothetical_governors and not _given(node):
                hypothetical = True
            if lemma in lexicon.asking_governors and path[i - 1].dep_ == "xcomp":
                hypothetical = True  # "urged Iran to release them"
            if lemma in lexicon.intention_governors:
                intention = True
        for child in node.children:
            low = child.lower_
            if child.dep_ == "neg" or (child.dep_ in ("advmod", "det") and low in ("never",)):
                negated = True
            if child.dep_ == "det" and low == "no" and i == 0:
                negated = True
            if child.dep_ == "aux":
                if low in _FUTURE:
                    intention = True
                elif low in lexicon.hypothetical_modals:
                    if low == "would" and _under_reporting(node, lexicon):
                        intention = True  # "said it would respond": future in the past
                    else:
                        hypothetical = True
            if child.dep_ == "mark" and low in lexicon.hypothetical_marks:
                hypothetical = True
            if child.dep_ == "advmod" and low in _MAYBE:
                hypothetical = True  # "will likely retaliate": a prediction
        if node.dep_ == "acl" and node.head.lemma_.lower() in lexicon.hypothetical_nouns:
            hypothetical = True  # "the ability to negotiate with Iran"
        if node.dep_ == "pcomp" and node.head.lower_ == "without":
            negated = True  # "without asking Congress"
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in lexicon.hypothetical_marks
                                        for c in node.children):
            hypothetical = True
        if node.pos_ in ("VERB", "AUX") and i > 0 and node.dep_ not in _CLAUSAL_UP:
            break
    if _demanded(path[-1], lexicon) or _judged_uncertain(path[-1]):
        hypothetical = True
    # a condition anywhere above ("if Trump announced he will reimpose ...")
    for anc in trigger.ancestors:
        if anc.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in lexicon.hypothetical_marks
                                       for c in anc.children):
            hypothetical = True
            break
    decided = reporting_governor(trigger, lexicon) in lexicon.decision_verbs
    return Modality(negated, hypothetical, intention and not hypothetical, decided)
