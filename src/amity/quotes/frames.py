"""Reporting frames from the dependency parse: a reporting verb and the words it reports."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from amity.quotes.lexicon import QuoteLexicon

_EDGE_PUNCT = " \t\n,;:—–-\"'“”‘’«»"


@dataclass(frozen=True, slots=True)
class Frame:
    """`verb` reports the content [start, end); `via` says how it was found."""

    verb: Token
    start: int
    end: int
    via: str  # "clause" | "preposition" | "inverted" | "embedded" | "according"
    speaker_token: Token | None = None  # set when the speaker is not the verb's subject
    source: tuple[int, int] | None = None  # "according to X": where X is named


def char_span(tokens: Span | list[Token]) -> tuple[int, int]:
    toks = list(tokens)
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def subtree_span(tok: Token) -> tuple[int, int]:
    return tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without leading/trailing punctuation, spaces and a leading 'that'."""
    while start < end and text[start] in _EDGE_PUNCT:
        start += 1
    while end > start and (text[end - 1] in _EDGE_PUNCT or text[end - 1] == "."):
        end -= 1
    if text[start:start + 5].lower() == "that ":
        start += 5
    return start, end


def is_reporting(tok: Token, lexicon: QuoteLexicon) -> bool:
    lemma = tok.lemma_.lower()
    if tok.pos_ not in ("VERB", "AUX") and lemma != "say":
        return False
    if lemma in lexicon.particles:
        return any(c.dep_ == "prt" and c.lower_ == lexicon.particles[lemma]
                   for c in tok.children)
    if lemma in lexicon.evidence_verbs and lemma not in lexicon.reporting:
        # "a study showing that ...": a document speaks; "the map shows" does not.
        holders = [c for c in tok.children if c.dep_ == "nsubj"]
        if tok.dep_ == "acl":
            holders.append(tok.head)
        return any(h.lemma_.lower() in lexicon.evidence_nouns for h in holders)
    return lemma in lexicon.reporting


def negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def conditional(tok: Token) -> bool:
    """'if Trump announced that ...': a report that has not happened."""
    return any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children)


def find_frames(doc: Doc, lexicon: QuoteLexicon) -> list[Frame]:
    """Every reporting verb with the span of what it reports, in text order."""
    text = doc.text
    frames: list[Frame] = []
    for tok in doc:
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            frame = _according(tok, text)
            if frame is not None:
                frames.append(frame)
            continue
        lemma = tok.lemma_.lower()
        if negated(tok) or conditional(tok):
            continue
        prep = lexicon.prepositional.get(lemma)
        if prep and tok.pos_ == "VERB":
            frame = _prepositional(tok, prep, text)
            if frame is not None:
                frames.append(frame)
                continue
        if is_reporting(tok, lexicon):
            clause = _clause_of(tok)
            if clause is not None and clause.i != tok.i and _reports(tok, clause):
                start, end = trim(text, *subtree_span(clause))
                if clause.i > tok.i:
                    end = max(end, _run_on(clause, text))
                if end > start:
                    frames.append(Frame(tok, start, end, "clause"))
                    continue
            if tok.dep_ == "parataxis":
                frame = _inverted(tok, text)
                if frame is not None:
                    frames.append(frame)
                    continue
            if tok.dep_ == "relcl":
                frame = _embedded(tok, text)
                if frame is not None:
                    frames.append(frame)
    return frames


def _clause_of(verb: Token) -> Token | None:
    """The verb's clausal complement (also when the parser hung it on 'earlier')."""
    for c in verb.children:
        if c.dep_ == "ccomp":
            return c
    for c in verb.children:
        if c.dep_ in ("advmod", "npadvmod") and c.i > verb.i:
            for g in c.children:
                if g.dep_ == "ccomp":
                    return g
        if c.dep_ == "prep" and c.i > verb.i:
            # "said in a statement that X": the parser hangs the clause on "statement".
            for obj in c.children:
                for g in obj.children:
                    if g.dep_ in ("acl", "relcl", "ccomp") and any(
                            m.dep_ == "mark" and m.lower_ == "that" for m in g.children):
                        return g
    return None


_CLAUSE_BREAKS = frozenset({"while", "but", "whereas", "although", "though", "as", "after",
                            "before", "when", "because", "since"})


def _run_on(clause: Token, text: str) -> int:
    """Where reported words end: the sentence end, when the parser cut the clause short
    ('said her visit honours X and did not contradict Y') and no new clause starts."""
    doc = clause.doc
    sent = clause.sent
    tail = doc[clause.right_edge.i + 1:sent.end]
    for i, t in enumerate(tail):
        if t.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") or t.lower_ in _CLAUSE_BREAKS:
            return 0
        if t.tag_ == "VBG" and i > 0 and tail[i - 1].text == ",":
            return 0
    return trim(text, clause.left_edge.idx, sent.end_char)[1]


def _reports(verb: Token, clause: Token) -> bool:
    """A clause before its verb is reported only when nothing but the speaker stands
    between them ('"...," the minister said'), not 'While X said Y, it accused Z'."""
    if clause.i > verb.i:
        return True
    subject = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
               for t in c.subtree}
    between = verb.doc[clause.right_edge.i + 1:verb.i]
    return all(t.i in subject or t.is_punct or t.is_space or t.dep_ in ("advmod", "aux")
               for t in between)


def _inverted(verb: Token, text: str) -> Frame | None:
    """'Iran struck X, the ministry said': the content is the clause the verb hangs on."""
    head = verb.head
    if head.i < verb.i:
        start, end = trim(text, head.left_edge.idx, verb.left_edge.idx)
    else:  # "Israel, it claimed, has set new conditions": the parenthesis stays inside
        start, end = trim(text, *subtree_span(head))
    return Frame(verb, start, end, "inverted") if end - start > 10 else None


def _embedded(verb: Token, text: str) -> Frame | None:
    """'missiles that Washington claims can carry warheads': the words after the verb,
    to the clause's end, are what it reports (the parser seldom sees the clause)."""
    doc = verb.doc
    if verb.i + 1 >= len(doc) or doc[verb.i + 1].pos_ not in ("AUX", "VERB"):
        return None
    if any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.children):
        return None
    end = verb.sent.end
    for t in doc[verb.i + 1:verb.sent.end]:
        if t.text in (",", ";", ":", "—") or t.lower_ in ("because", "while", "but"):
            end = t.i
            break
    start, stop = trim(text, doc[verb.i + 1].idx, doc[end - 1].idx + len(doc[end - 1]))
    return Frame(verb, start, stop, "embedded") if stop - start > 10 else None


def _prepositional(verb: Token, prep: str, text: str) -> Frame | None:
    """'accused X of Y', 'warned of Y', 'described X as Y': the content is Y."""
    holders = [verb] + [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    for holder in holders:
        for c in holder.children:
            if c.dep_ != "prep" or c.lower_ != prep:
                continue
            words = [g for g in c.children if not g.is_punct]
            if not words:
                continue
            lo, hi = subtree_span(c)
            if prep != "as":  # "described X as Y": the characterisation reads "as Y"
                lo = min(g.left_edge.idx for g in words)
            start, end = trim(text, lo, hi)
            if end > start:
                return Frame(verb, start, end, "preposition")
    return None


def _according(tok: Token, text: str) -> Frame | None:
    """'According to X, Y' / 'Y, according to X': the content is Y, the speaker X. The
    phrase is cut at its comma: the parser often hangs the whole sentence on it."""
    to = tok.doc[tok.i + 1]
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    sent = tok.sent
    if tok.i - sent.start <= 2:
        comma = next((t for t in tok.doc[to.i + 1:sent.end] if t.text == ","), None)
        if comma is None:
            return None
        phrase = (tok.idx, comma.idx)
        start, end = trim(text, comma.idx + 1, sent.end_char)
    else:
        phrase = (tok.idx, sent.end_char)
        start, end = trim(text, sent.start_char, tok.idx)
    if end - start < 10:
        return None
    return Frame(tok, start, end, "according", speaker_token=source, source=phrase)
