"""Quotations: direct (in quote marks), indirect ("X said that ...") and mixed, with speakers.

Compute, then resolve: reporting frames come from the parse and quote marks from the text;
each becomes a candidate anchored where its speaker is named; candidates are then resolved in
text order so pronouns and follow-on paragraphs can lean on the speakers before them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from amity.actors.table import ActorTable
from amity.quotes._text import (
    SENTENCE_END,
    alone_on_line,
    content_words,
    frame_end,
    outside,
    sentence_start,
    title_case_lines,
)
from amity.quotes.frames import Frame, find_frames, is_reporting, trim
from amity.quotes.lexicon import QuoteLexicon, load_lexicon
from amity.quotes.marks import QuoteMarks, find_marks, paragraphs
from amity.quotes.speaker import NOBODY, Speaker, SpeakerResolver
from amity.record import Quote

# Unquoted words a reporting clause may keep around a quotation and still be "direct".
_LOOSE = 12


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    kind: str
    anchor: int  # where the speaker is named (or the quote starts): resolution order
    verb: Token | None = None
    frame: Frame | None = None
    channel_text: str = ""
    follow_on: bool = False
    window: tuple[int, int] | None = None  # a frame found beside a quotation, not parsed
    speaker: Speaker = NOBODY


@dataclass(frozen=True, slots=True)
class Report:
    """A quote with the parse around it, for the claims stage: the reporting verb, the words
    it governs (objects: who was accused, what was named) and, for an unnamed speaker
    ("Israeli officials"), the actor the speaker belongs to."""

    quote: Quote
    verb: Token | None
    objects: tuple[Token, ...]
    affiliation: str | None


def find_quotes(doc: Doc, actors: ActorTable) -> list[Quote]:
    """Quotes in `doc` with speaker actor ids (None for unnamed speakers)."""
    return [r.quote for r in find_reports(doc, actors)]


def find_reports(doc: Doc, actors: ActorTable) -> list[Report]:
    """Quotes with their reporting verbs, objects and speakers' affiliations."""
    return QuoteFinder(load_lexicon())(doc, actors)


class QuoteFinder:
    """Lexicon in `__init__`, one document per call."""

    def __init__(self, lexicon: QuoteLexicon) -> None:
        self.lexicon = lexicon
        self.text = ""  # the current document's text (spaCy rebuilds doc.text on each access)

    def __call__(self, doc: Doc, actors: ActorTable) -> list[Report]:
        text = self.text = doc.text
        marks = find_marks(text)
        resolver = SpeakerResolver(doc, actors, self.lexicon)
        used: set[int] = set()
        candidates = self._framed(doc, marks, used)
        candidates += self._unframed(doc, marks, used)
        candidates.sort(key=lambda c: (c.anchor, c.start))
        reports: list[Report] = []
        spans: list[tuple[int, int, Candidate]] = []
        headlines = title_case_lines(text)
        for cand in candidates:
            if content_words(text[cand.start:cand.end]) < (3 if cand.kind == "indirect" else 2):
                continue  # a scare-quoted word, or a parse fragment
            if any(a <= cand.start < b for a, b in headlines):
                continue  # a headline's compressed wording; the article body has the quote
            if cand.verb is None and cand.follow_on and content_words(
                    text[cand.start:cand.end]) < 5 and alone_on_line(text, cand.start, cand.end):
                continue  # a quoted subheading: "“U.S.-controlled bandit formations”"
            self._resolve(cand, resolver, spans)
            if cand.kind != "direct" and not cand.speaker.found and not _named_subject(
                    cand, resolver):
                continue  # "reports said", "data show": no one speaks
            channel = self.lexicon.channel_in(cand.channel_text)
            if channel is None and cand.follow_on and spans:
                channel = spans[-1][2].channel_text or None
            resolver.note(cand.anchor, cand.speaker.actor, channel)
            cand.channel_text = channel or ""
            spans.append((cand.start, cand.end, cand))
        kept = _drop_shadowed([c for _, _, c in spans])
        for cand in sorted(kept, key=lambda c: c.start):
            quote = Quote(
                speaker=cand.speaker.actor, kind=cand.kind, text=text[cand.start:cand.end],
                start=cand.start, end=cand.end, channel=cand.channel_text or None,
                verb=cand.verb.lemma_.lower() if cand.verb is not None else None)
            reports.append(Report(quote, cand.verb, _objects(cand.verb),
                                  _affiliation(cand, resolver)))
        return reports

    # -- candidates from the parse ----------------------------------------------------------
    def _framed(self, doc: Doc, marks: list[QuoteMarks], used: set[int]) -> list[Candidate]:
        text = self.text
        out: list[Candidate] = []
        seen: set[tuple[int, int]] = set()
        for frame in find_frames(doc, self.lexicon):
            if any(q.start <= frame.verb.idx < q.end for q in marks):
                continue  # a quoted person's own "I said": part of their quote
            start, end = frame.start, frame.end
            inside = [i for i, q in enumerate(marks) if q.start < end and q.end > start
                      and not (start > frame.verb.idx > q.start)]
            for i in inside:
                start, end = min(start, marks[i].start), max(end, marks[i].end)
            quoted = sum(marks[i].end - marks[i].start for i in inside)
            if inside and (end - start) - quoted <= _LOOSE + 4 * (len(inside) - 1):
                kind = "direct"
                start, end = marks[inside[0]].start, marks[inside[-1]].end
            else:
                kind = "mixed" if inside else "indirect"
            if (start, end) in seen:
                continue
            seen.add((start, end))
            used.update(inside)
            sent = frame.verb.sent
            out.append(Candidate(start, end, kind, anchor=frame.verb.idx, verb=frame.verb,
                                 frame=frame,
                                 channel_text=outside(text, sent.start_char, sent.end_char,
                                                       start, end)))
        return out

    # -- quotation marks no frame claimed ---------------------------------------------------
    def _unframed(self, doc: Doc, marks: list[QuoteMarks], used: set[int]) -> list[Candidate]:
        text = self.text
        paras = paragraphs(text)
        out: list[Candidate] = []
        for i, q in enumerate(marks):
            if i in used:
                continue
            full = self._is_full(text, q, paras)
            verb, window, trailing = self._frame_window(doc, marks, i, paras)
            frame_text = text[window[0]:window[1]] if window else ""
            if full:
                cand = Candidate(q.start, q.end, "direct", anchor=q.start, verb=verb,
                                 channel_text=frame_text, follow_on=verb is None, window=window)
                if verb is not None:
                    cand.anchor = verb.idx
                out.append(cand)
            elif verb is not None and trailing:
                # '... main "center of gravity remains the border," Clarke notes.'
                start = sentence_start(text, q.open_at or q.start, paras)
                out.append(Candidate(start, q.end, "mixed", anchor=verb.idx, verb=verb,
                                     channel_text=frame_text, window=window))
            else:
                named = self._naming(doc, q)
                if named is not None:
                    verb, start, end = named
                    sent = verb.sent
                    out.append(Candidate(start, end, "mixed", anchor=verb.idx, verb=verb,
                                         channel_text=outside(text, sent.start_char,
                                                               sent.end_char, q.start, q.end)))
        return out

    @staticmethod
    def _is_full(text: str, q: QuoteMarks, paras: list[tuple[int, int]]) -> bool:
        """A quotation that stands as its own sentence, not a phrase quoted inside one."""
        if q.open_at is None:
            return True
        first = text[q.start:q.start + 1]
        if not (first.isupper() or first.isdigit() or first in "[…."):
            return False
        para_start = next((a for a, b in paras if a <= q.open_at < b), 0)
        before = text[para_start:q.open_at].rstrip()
        words = len(text[q.start:q.end].split())
        return not before or before[-1] in ".!?:;,—–-" or (words >= 4 and bool(
            re.search(r"\b(said|says|told|added|warned|wrote|stated|noted)$", before)))

    def _frame_window(self, doc: Doc, marks: list[QuoteMarks], i: int,
                      paras: list[tuple[int, int]]
                      ) -> tuple[Token | None, tuple[int, int] | None, bool]:
        """The reporting verb just after (", X said") or before ("X said:") a quotation,
        the frame's text, and whether it trails the quotation."""
        text = self.text
        q = marks[i]
        p_start, p_end = next(((a, b) for a, b in paras if a <= q.start < b), (0, len(text)))
        if q.close_at is not None:
            after = q.close_at + 1
            nxt = marks[i + 1].open_at if i + 1 < len(marks) else None
            limit = min(nxt if nxt is not None and nxt > after else p_end, p_end)
            tail = text[q.start:q.close_at].rstrip()
            follows = text[after:limit].lstrip()
            comma = tail[-1:] == "," or follows[:1] == ","
            if comma or tail[-1:] in "?!—–-…" or follows[:1] == "" or follows[:1].islower():
                end = frame_end(text, after, limit)
                verb = self._reporting_in(doc, after, end, first=True)
                if verb is not None and verb.tag_ != "VBG" and (comma or self._is_full(
                        text, q, paras)):
                    return verb, (after, end), True
        if q.open_at is not None:
            start = p_start
            prev = [m for m in marks[:i] if m.close_at is not None and m.close_at < q.open_at]
            if prev and prev[-1].close_at is not None and prev[-1].close_at >= p_start:
                start = prev[-1].close_at + 1
            ends = list(SENTENCE_END.finditer(text, start, q.open_at))
            if ends:
                start = ends[-1].end()
            lead = text[start:q.open_at].rstrip()
            if not lead and start == p_start:
                # "The ministry said in a statement:" closing the paragraph before.
                prev_para = [(a, b) for a, b in paras if b <= p_start]
                if prev_para and text[prev_para[-1][0]:prev_para[-1][1]].rstrip().endswith(":"):
                    a, b = prev_para[-1]
                    ends = list(SENTENCE_END.finditer(text, a, b - 1))
                    start = ends[-1].end() if ends else a
                    lead = text[start:b].rstrip()
            if lead[-1:] in (":", ",") or re.search(r"\b(said|says|added|wrote)$", lead):
                verb = self._reporting_in(doc, start, start + len(lead), first=False)
                if verb is not None:
                    return verb, (start, start + len(lead)), False
        return None, None, False

    def _reporting_in(self, doc: Doc, start: int, end: int, first: bool) -> Token | None:
        span = doc.char_span(start, end, alignment_mode="contract")
        if span is None:
            return None
        toks = [t for t in span if is_reporting(t, self.lexicon) or _reporting_form(
            t.lower_, self.lexicon) or (t.lemma_.lower() in self.lexicon.naming
                                        and t.pos_ == "VERB")]
        if not toks:
            return None
        return toks[0] if first else toks[-1]

    def _naming(self, doc: Doc, q: QuoteMarks) -> tuple[Token, int, int] | None:
        """'called X "Y"', 'described X as "Y"': the naming verb and the phrase it quotes."""
        text = self.text
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None:
            return None
        tok: Token = span.root
        for _ in range(4):
            head = tok.head
            if head.i == tok.i:
                break
            lemma = head.lemma_.lower()
            if head.pos_ == "VERB" and lemma in self.lexicon.naming and not (
                    lemma == "call" and any(c.lower_ in ("on", "for") for c in head.children)):
                lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
                if tok.dep_ == "dobj" and not any(
                        c.dep_ in ("oprd", "xcomp", "attr") for c in head.children):
                    lo, hi = q.start, q.end  # the parse took the name for the thing named
                if re.match(r"\W*\s(in|on|at|during|via|through|from)\s", text[q.end:hi]):
                    hi = q.end  # "... “warmongering lies” in a Twitter post": how, not what
                start, end = trim(text, min(lo, q.start), max(hi, q.end))
                return head, start, end
            if head.pos_ == "VERB" and head.dep_ not in ("xcomp", "ccomp", "acl", "advcl",
                                                         "oprd"):
                break
            tok = head
        return None

    # -- speakers ---------------------------------------------------------------------------
    @staticmethod
    def _resolve(cand: Candidate, resolver: SpeakerResolver,
                 before: list[tuple[int, int, Candidate]]) -> None:
        if cand.frame is not None and cand.frame.source is not None:
            # "according to reports by the agency Saba": the last actor named in the phrase;
            # else whoever the phrase's noun stands for ("according to officials").
            named = [m for m in resolver.actors.within(*cand.frame.source)
                     if m.via != "pronoun" and not _is_modifier(resolver.doc, m.start, m.end)]
            if named:
                cand.speaker = Speaker(resolver.canonical(named[-1].actor_id))
            elif cand.frame.speaker_token is not None:
                cand.speaker = resolver.of_noun(cand.frame.speaker_token)
            return
        if cand.verb is not None:
            cand.speaker = resolver.of_verb(cand.verb)
            if cand.speaker.found or cand.frame is not None:
                return
            if cand.window is None:
                return
            named = [m for m in resolver.actors.within(*cand.window) if m.via != "pronoun" and not (
                cand.start <= m.start < cand.end)]
            persons = [m for m in named if resolver.is_person(m.actor_id)]
            pick = persons or named
            if pick:
                cand.speaker = Speaker(pick[0].actor_id)
            return
        if cand.follow_on and before:
            prev = before[-1][2]
            text = resolver.text
            gap = text[prev.end:cand.start]
            if gap.count("\n") <= 2 and len(gap) < 400:
                cand.speaker = prev.speaker


def _named_subject(cand: Candidate, resolver: SpeakerResolver) -> bool:
    """A name the actor table does not know ("the blogger Jan Kowalski said"): someone
    speaks, though we cannot say who."""
    if cand.verb is None:
        return False
    subject = resolver.subject_of(cand.verb)
    return subject is not None and subject.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")


def _is_modifier(doc: Doc, start: int, end: int) -> bool:
    """'Taiwanese' in 'Taiwanese industry sources': a side named, not a speaker."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.dep_ == "amod"


def _objects(verb: Token | None) -> tuple[Token, ...]:
    """Who or what the reporting verb acts on ('accused Iran', 'called the drills')."""
    if verb is None:
        return ()
    return tuple(c for c in verb.children if c.dep_ in ("dobj", "dative", "iobj"))


def _affiliation(cand: Candidate, resolver: SpeakerResolver) -> str | None:
    """'Israeli officials', 'a source close to Hamas': the actor an unnamed speaker is from."""
    if cand.speaker.actor is not None or cand.verb is None:
        return None
    subject = resolver.subject_of(cand.verb)
    if subject is None or subject.lemma_.lower() not in resolver.lexicon.agents:
        return None
    spans = [resolver.core_span(subject)] + [
        (c.left_edge.idx, c.right_edge.idx + len(c.right_edge))
        for c in subject.children if c.dep_ in ("prep", "amod")]  # "close to Hamas", "of X"
    named = [m for lo, hi in spans for m in resolver.actors.within(lo, hi)
             if m.via != "pronoun" and not resolver.is_person(m.actor_id)]
    return named[-1].actor_id if named else None


def _reporting_form(word: str, lexicon: QuoteLexicon) -> bool:
    """'notes', 'added': a reporting verb the tagger took for a noun beside a quotation."""
    for suffix in ("s", "es", "ed", "d"):
        if word.endswith(suffix) and word[: -len(suffix)] in lexicon.reporting:
            return True
    return word in ("said", "told", "wrote")


def _drop_shadowed(cands: list[Candidate]) -> list[Candidate]:
    """Drop an unnamed report that only wraps a named one ('X said it ..., officials said')."""
    out = []
    for c in cands:
        shadow = c.speaker.actor is None and any(
            o is not c and o.speaker.actor is not None and c.start <= o.anchor < c.end
            and c.start <= o.start and o.end <= c.end for o in cands)
        if not shadow:
            out.append(c)
    return out
