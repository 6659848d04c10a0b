"""Claims: assertions by a named claimant about other actors, built on the quotes stage.

Every quotation whose speaker (or, for "Israeli officials", whose speaker's side) is known and
that names other actors, or that is made with a claim verb (accuse, allege, deny...), is a
claim; quotations of one claimant in one sentence make one claim. Disputes and support are
linked afterwards (amity.claims.stance).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from amity.actors.table import ActorTable
from amity.claims.cues import ClaimCues, load_cues
from amity.quotes import Report, find_reports
from amity.record import Claim, Event, Quote, Stance

# Strength order of assertion kinds: a merged claim keeps the strongest.
_KIND_ORDER = ("accuse", "deny", "claim", "warn", "demand", "assert")


@dataclass(slots=True)
class Draft:
    """A claim being built: its sentence span, content span and stances so far."""

    claimant: str
    about: list[str]
    start: int
    end: int
    content: tuple[int, int]
    kind: str
    report: Report | None = None
    disputed: dict[str, str] = field(default_factory=dict)
    supported: dict[str, str] = field(default_factory=dict)


def find_claims(doc: Doc, actors: ActorTable, quotes: list[Quote], events: list[Event],
                reports: list[Report] | None = None) -> list[Claim]:
    """Claims by named claimants about other actors, with disputers and supporters.
    `reports`: the quote stage's `find_reports` for this document, when the caller has them
    (the pipeline does), so the quotes are not found a second time."""
    from amity.claims.stance import link_stances

    cues = load_cues()
    reports = reports_for(doc, actors, quotes, reports)
    text = doc.text
    drafts = [d for r in reports if (d := draft_of(doc, actors, r, cues, text)) is not None]
    drafts += allegations(doc, actors, cues, drafts)
    drafts = merge(drafts)
    link_stances(doc, actors, drafts, reports, cues)
    return [to_claim(text, d, events) for d in drafts]


def reports_for(doc: Doc, actors: ActorTable, quotes: list[Quote],
                found: list[Report] | None = None) -> list[Report]:
    """The given quotes with the parse around them (a hand-made quote gets none)."""
    if found is None:
        found = find_reports(doc, actors)
    parsed = {(r.quote.start, r.quote.end): r for r in found}
    return [parsed.get((q.start, q.end)) or Report(q, None, (), None) for q in quotes]


def draft_of(doc: Doc, actors: ActorTable, report: Report, cues: ClaimCues,
             text: str | None = None) -> Draft | None:
    quote = report.quote
    claimant = quote.speaker or report.affiliation
    if claimant is None or claimant not in actors:
        return None
    lo, hi = quote.start, quote.end
    named = _named(actors, lo, hi)
    objects = report.objects if quote.verb in cues.claim_verbs else ()
    for obj in objects:  # who was accused or named; not whom it was told to
        named += _named(actors, obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge))
    about = _others(actors, claimant, named)
    s_start, s_end = sentence_span(doc, min(lo, report.verb.idx if report.verb else lo), hi,
                                   text)
    if not about:
        # Words that name no one ("was caused by phosphorus rounds") are about whoever the
        # sentence around them names ("Israeli strikes"); outlets told are not what it is about.
        around = [a for a in _named(actors, s_start, s_end)
                  if actors.actor(a).kind != "media"] if claimant in actors else []
        about = _others(actors, claimant, around)
        if not about and quote.verb not in cues.claim_verbs:
            return None
    return Draft(claimant, about, s_start, s_end, (lo, hi), cues.kind(quote.verb), report)


def allegations(doc: Doc, actors: ActorTable, cues: ClaimCues,
                drafts: list[Draft]) -> list[Draft]:
    """Claims no quotation carries: 'X claimed N attacks' and 'the commander alleged by X
    to be ...' (an allegation reported inside someone else's words)."""
    from amity.quotes.lexicon import load_lexicon
    from amity.quotes.speaker import SpeakerResolver

    resolver = SpeakerResolver(doc, actors, load_lexicon())
    out: list[Draft] = []
    for tok in doc:
        lemma = tok.lemma_.lower()
        if lemma not in ("claim", "allege", "accuse", "blame") or tok.pos_ != "VERB":
            continue
        if any(c.dep_ == "neg" for c in tok.children):
            continue
        claimant_tok: Token | None = None
        content: Token | None = None
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        if agent is not None and tok.dep_ in ("acl", "relcl"):
            claimant_tok = next((g for g in agent.children if g.dep_ == "pobj"), None)
            content = tok.head
        elif not any(c.dep_ in ("ccomp", "prep") for c in tok.children):
            claimant_tok = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            content = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if claimant_tok is None or content is None:
            continue
        claimant = resolver.of_noun(claimant_tok).actor
        if claimant is None:
            continue
        lo, hi = content.left_edge.idx, content.right_edge.idx + len(content.right_edge)
        if any(d.claimant == claimant and d.content[0] <= lo < d.content[1] for d in drafts):
            continue
        about = _others(actors, claimant, _named(actors, lo, hi))
        s_start, s_end = sentence_span(doc, min(lo, tok.idx), hi, resolver.text)
        out.append(Draft(claimant, about, s_start, s_end, (lo, hi), cues.kind(lemma)))
    return out


def merge(drafts: list[Draft]) -> list[Draft]:
    """One claim per claimant and sentence."""
    out: list[Draft] = []
    for d in sorted(drafts, key=lambda d: (d.start, d.end)):
        same = next((o for o in out if o.claimant == d.claimant and o.start < d.end
                     and d.start < o.end), None)
        if same is None:
            out.append(d)
            continue
        same.about = sorted(set(same.about) | set(d.about))
        same.start, same.end = min(same.start, d.start), max(same.end, d.end)
        same.content = (min(same.content[0], d.content[0]), max(same.content[1], d.content[1]))
        if _KIND_ORDER.index(d.kind) < _KIND_ORDER.index(same.kind):
            same.kind = d.kind
    return out


def to_claim(text: str, d: Draft, events: list[Event]) -> Claim:
    about = sorted(set(d.about))
    linked = [i for i, e in enumerate(events)
              if e.evidence.start < d.end and d.start < e.evidence.end and (
                  e.asserted_by == d.claimant or (e.source == d.claimant and (
                      e.type == "ACCUSE" or (e.type == "REJECT" and d.kind == "deny"))))]
    return Claim(
        claimant=d.claimant, about=about, text=text[d.start:d.end], events=linked,
        disputed_by=[Stance(a, ev) for a, ev in d.disputed.items()],
        supported_by=[Stance(a, ev) for a, ev in d.supported.items()],
        key=claim_key(d.claimant, about, d.kind), start=d.start, end=d.end)


def claim_key(claimant: str, about: list[str], kind: str) -> str:
    """'mike-pompeo|al-qaeda,irn|accuse': the same claim groups across documents."""
    return f"{claimant}|{','.join(sorted(set(about)))}|{kind}"


def sentence_span(doc: Doc, start: int, end: int, text: str | None = None
                  ) -> tuple[int, int]:
    """The sentences covering [start, end), without surrounding white space."""
    text = doc.text if text is None else text
    first = doc.char_span(start, min(len(text), start + 1), alignment_mode="expand")
    last = doc.char_span(max(0, end - 1), end, alignment_mode="expand")
    lo = first.sent.start_char if first is not None and len(first) else start
    hi = last.sent.end_char if last is not None and len(last) else end
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return lo, hi


def _named(actors: ActorTable, start: int, end: int) -> list[str]:
    return [m.actor_id for m in actors.within(start, end) if m.via != "pronoun"]


def _others(actors: ActorTable, claimant: str, named: list[str]) -> list[str]:
    """Actors other than the claimant and those on its side (same rollup)."""
    own = actors.rollup(claimant)
    out: list[str] = []
    for a in named:
        if a != claimant and a not in out and actors.rollup(a) != own and a != own:
            out.append(a)
    return out
