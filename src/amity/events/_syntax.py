"""Parse vocabulary the role look-ups share: dependency labels, pronouns, word lists, helpers."""
from __future__ import annotations

from pathlib import Path

import yaml
from spacy.tokens import Token

SUBJECTS = ("nsubj", "csubj")
PASSIVE_SUBJECTS = ("nsubjpass", "csubjpass")
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom", "whose"})
# Modifiers that may name who a noun phrase stands for ("Houthi rebels", "Iran's army").
NAMING_DEPS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod", "nummod"})
PERSONAL_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i"})
FIRST_PERSON = frozenset({"we", "i"})
POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her", "our", "my"})
REFLEXIVES = frozenset({"itself", "themselves", "himself", "herself", "ourselves", "myself"})
# "leaders of Hamas", "security forces in Guinea", "students throughout Indonesia"
ROLE_PREPS = ("of", "in", "from", "throughout", "at")
GROUP_WINDOW = 1200  # characters back to look for the group "the group" refers to
DEFINITE = frozenset({"the", "this", "these", "those", "that"})
ACT_WINDOW = 1500  # characters back to look for the act "the strikes" refers to

_WORDS = yaml.safe_load((Path(__file__).resolve().parent / "roles.yaml").read_text("utf-8"))


def _words(name: str) -> frozenset[str]:
    return frozenset(str(w) for w in _WORDS.get(name) or [])


ROLE_HEADS = _words("role_heads")
NON_STATE_HEADS = _words("non_state_heads")
GROUP_NOUNS = _words("group_nouns")
KIND_NOUNS = _words("kind_nouns")
QUANTITY_NOUNS = _words("quantity_nouns")
PLACE_NOUNS = _words("place_nouns")
MESSAGE_NOUNS = _words("message_nouns")
COMMITTING_VERBS = _words("committing_verbs")
AUTHORING_VERBS = _words("authoring_verbs")
ACCUSING_CONTROL = _words("accusing_control")
OBJECT_CONTROL = _words("object_control")
DEED_NOUNS = _words("deed_nouns")

_PRESENT_AUX = frozenset({"is", "are", "am", "has", "have", "does", "do", "'s", "'re", "'ve"})
_PAST_AUX = frozenset({"was", "were", "had", "did", "'d"})


def verb_tense(verb: Token) -> str | None:
    """"present" or "past" by the verb's first auxiliary or its own tag, None when untold."""
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass"):
            low = child.lower_.replace("’", "'")
            if low in _PRESENT_AUX:
                return "present"
            if low in _PAST_AUX:
                return "past"
            return None  # a modal ("will", "could") tells no tense here
    return {"VBD": "past", "VBZ": "present", "VBP": "present"}.get(verb.tag_)


def stray_conjuncts(head: Token) -> list[Token]:
    """Noun phrases the parser hung on the head's prepositional object that are the head's own
    conjuncts: "backed both the X-led campaign in A and the Y-led campaign in B"."""
    out = []
    for prep in head.children:
        if prep.dep_ != "prep":
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            for conj in pobj.conjuncts:
                if conj.i > pobj.i and conj.pos_ == "NOUN" and (
                        conj.lemma_ == head.lemma_ or pobj.pos_ == "PROPN" and any(
                            d.dep_ == "det" for d in conj.children)):
                    out.append(conj)
    return out


def participle_word(token: Token) -> str:
    """The participle of a modifier, without the actor written before its hyphen."""
    return token.lower_.rsplit("-", 1)[-1].rsplit("–", 1)[-1]
