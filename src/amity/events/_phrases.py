"""Who a noun phrase names: its head, its modifiers, its conjuncts, a description or an act
told before. The base of `Roles`, which adds the verbs' subjects and the acts' doers."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from amity.actors import resolve_actor
from amity.actors.coref import describes_another
from amity.actors.table import ActorMention, ActorTable
from amity.events._syntax import (
    ACT_WINDOW,
    AUTHORING_VERBS,
    DEED_NOUNS,
    DEFINITE,
    GROUP_NOUNS,
    GROUP_WINDOW,
    NAMING_DEPS,
    NON_STATE_HEADS,
    PLACE_NOUNS,
    QUANTITY_NOUNS,
    REFLEXIVES,
    ROLE_HEADS,
    ROLE_PREPS,
    participle_word,
    stray_conjuncts,
)
from amity.events.lexicon import Lexicon
from amity.record import QUAD_OF_TYPE, Quote


@dataclass(frozen=True, slots=True)
class Found:
    """An actor filling a role, and how directly the parse shows it."""

    mention: ActorMention
    token: Token
    how: str  # "direct" (the phrase's head is the mention), "modifier", "of", "led"


class PhraseRoles:
    """Noun-phrase look-ups over one document's parse and actor table."""

    def __init__(self, actors: ActorTable, lexicon: Lexicon,
                 quotes: Sequence[Quote] = ()) -> None:
        self.actors = actors
        self.lexicon = lexicon
        # the speakers' own words: "we" and "I" in them are the speaker
        self.direct_quotes = [q for q in quotes if q.kind != "indirect" and q.speaker
                              and q.speaker in actors]
        # the doers of the latest act of each PLOVER type, with where it was told
        self.last_act: dict[str, tuple[int, list[Found]]] = {}
        # every side of the latest joint act of each type ("signed a deal with X": both)
        self.last_parties: dict[str, tuple[int, list[Found]]] = {}
        # (where, accuser, accused side) of each accusation or request told so far: what a
        # denial or a refusal answers
        self.accusations: list[tuple[int, str, str]] = []

    def remember(self, type_: str, at: int, doers: list[Found],
                 partners: list[Found] | None = None) -> None:
        """Who did the act of `type_` told at character `at` (for "the strikes" later on),
        and for a joint act who did it with them (for "welcomed the deal")."""
        if doers:
            self.last_act[type_] = (at, doers)
        if partners is not None and doers and (partners or len(doers) > 1):
            self.last_parties[type_] = (at, [*doers, *partners])

    def recalled_doers(self, noun: Token, parties: bool = False) -> list[Found]:
        """"The air strikes targeted the YPG" after "Turkish jets bombed ...": a definite act
        noun with no doer of its own is the latest act of its type told shortly before (with
        `parties`, every side of a joint act: "signed a deal with X ... welcomed the deal")."""
        entry = self.lexicon.nouns.get(noun.lemma_.lower())
        if entry is None or not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in
                                    noun.children):
            return []
        at, doers = self.last_act.get(entry.type, (-1, []))
        if parties and entry.reciprocal and entry.type in self.last_parties:
            at, doers = self.last_parties[entry.type]
        if at < 0 or not 0 < noun.idx - at <= ACT_WINDOW:
            return []
        return [Found(f.mention, noun, "coref") for f in doers]

    def note_accusation(self, at: int, accuser: str, accused: str) -> None:
        self.accusations.append((at, accuser, self.actors.rollup(accused)))

    def accuser_of(self, side: str, denial: Token) -> list[Found]:
        """Who last accused or asked `side` (a rollup) shortly before the `denial`: whom it
        answers ("Hezbollah denied that its weapons were stored there", "I said no")."""
        at = denial.idx
        for told, accuser, accused in reversed(self.accusations):
            if accused != side or not 0 <= at - told <= ACT_WINDOW:
                continue
            mention = next((m for m in reversed(self.actors.mentions)
                            if m.actor_id == accuser and m.start < at), None)
            if mention is not None:
                return [Found(mention, denial, "coref")]
        return []

    def recalled_deed(self, noun: Token, hostile: bool) -> list[Found]:
        """ "condemned the test" after "North Korea fired missiles": a definite deed noun
        with no doer of its own is the latest material act of that kind told shortly before."""
        if noun.lemma_.lower() not in DEED_NOUNS or not any(
                c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children):
            return []
        quad = "material_conflict" if hostile else "material_cooperation"
        best: tuple[int, list[Found]] = (-1, [])
        for type_, (told, doers) in self.last_act.items():
            if QUAD_OF_TYPE[type_] == quad and 0 < noun.idx - told <= ACT_WINDOW and told > best[0]:
                best = (told, doers)
        return [Found(f.mention, noun, "coref") for f in best[1]]

    def recalled_parties(self, at: int) -> list[Found]:
        """Every side of the latest joint act (talks, a deal, a swap) told shortly before
        character `at`: whom a go-between with no target of its own served."""
        best: tuple[int, list[Found]] = (-1, [])
        for told, parties in self.last_parties.values():
            if 0 <= at - told <= ACT_WINDOW and told > best[0]:
                best = (told, parties)
        return best[1]

    def quote_speaker(self, token: Token, side: bool = False) -> list[Found]:
        """ "We remain prepared to respond," said X: a first person in quoted words is X
        (with `side`, a "we" is X's side: "they asked whether we could cooperate")."""
        inside = [q for q in self.direct_quotes if q.start <= token.idx < q.end]
        if not inside:
            return []
        quote = min(inside, key=lambda q: q.end - q.start)
        assert quote.speaker is not None
        speaker = quote.speaker
        if side and token.lower_ == "we" and self.actors.rollup(speaker) in self.actors:
            speaker = self.actors.rollup(speaker)
        mention = ActorMention(token.idx, token.idx + len(token.text), token.text,
                               speaker, "pronoun")
        return [Found(mention, token, "coref")]

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
            elif conj:
                found += self._listed_after_apposition(head, exclude)
            out += found
        seen: set[str] = set()
        uniq = []
        for f in out:
            if f.mention.actor_id not in seen:
                seen.add(f.mention.actor_id)
                uniq.append(f)
        return uniq

    def _listed_after_apposition(self, head: Token, exclude: frozenset[str]) -> list[Found]:
        """Names of a list the parser hung on the first name's apposition: "by Qatar, Egypt,
        and the US"; "killed X, the commander of Y, and his deputy, Z"."""
        out: list[Found] = []
        for child in head.children:
            if child.dep_ != "appos" or not any(c.dep_ == "cc" for c in child.children):
                continue
            if self.mention_at(child) is not None:
                out += self.named(child, True, exclude)
            else:  # the apposition describes the head; its conjuncts are more of the list
                out += [f for c in child.conjuncts if c.i > child.i
                        for f in self.named(c, False, exclude)]
        return out

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
                # "a coalition led by X", "the deal, worked out by X and Y": they stand for it
                found = [Found(f.mention, f.token, "led") for f in self.agents(child)]
                if found:
                    return found
        return []

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

    # -- what the verb side provides ----------------------------------------------------
    def agents(self, verb: Token) -> list[Found]:
        """The "by X" agent of a passive verb or participle (`Roles`)."""
        raise NotImplementedError

    def subjects(self, verb: Token, depth: int = 0) -> list[Found]:
        """Who does what `verb` says (`Roles`)."""
        raise NotImplementedError
