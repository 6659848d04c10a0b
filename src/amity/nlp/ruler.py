"""Our entity ruler: dictionary names as entities (with the actor id), after spaCy's NER."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

# Function words that may sit inside a longer proper name the model found ("Council on
# Foreign Relations"); such a name is kept over a dictionary name inside it.
# Day and month names the model runs into a name before them ("Kyiv Thursday night").
_DATE_WORDS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december"})
_NAME_GLUE = {"of", "for", "on", "and", "the", "de", "al", "-", "&", "'s", "in"}


class ActorRuler:
    """Two phrase matchers: case-insensitive names, and case-sensitive ones ("IS", "US")."""

    def __init__(self, nlp: Language, name: str, patterns: Iterable[dict[str, Any]]) -> None:
        self.name = name
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        lower: dict[str, list[Doc]] = {}
        orth: dict[str, list[Doc]] = {}
        for p in patterns:
            key = f"{p['label']}|{p.get('id', '')}"
            pat = p["pattern"]
            if isinstance(pat, str):
                lower.setdefault(key, []).append(nlp.make_doc(pat))
            elif len(pat) == 1 and set(pat[0]) == {"ORTH"}:
                orth.setdefault(key, []).append(nlp.make_doc(pat[0]["ORTH"]))
            else:  # several exact tokens
                words = [t.get("ORTH") or t.get("TEXT") or "" for t in pat]
                orth.setdefault(key, []).append(Doc(nlp.vocab, words=words))
        for key, docs in lower.items():
            self.lower.add(key, docs)
        for key, docs in orth.items():
            self.orth.add(key, docs)

    def __call__(self, doc: Doc) -> Doc:
        strings = doc.vocab.strings
        spans = []
        for match_id, start, end in [*self.lower(doc), *self.orth(doc)]:
            if end - start == 1 and _shouting(doc, start):
                continue  # "IS THIS THE END": an all-capitals line, not the Islamic State
            label, _, actor_id = strings[match_id].partition("|")
            spans.append(Span(doc, start, end, label=label, span_id=actor_id))
        if not spans:
            return doc
        model = list(doc.ents)
        accepted = []
        for s in filter_spans(spans):
            outer = [e for e in model if _overlap(e, s)]
            if len(outer) == 1 and _keeps(outer[0], s):
                continue
            accepted.append(s)
        kept = [e for e in model if not any(_overlap(e, s) for s in accepted)]
        doc.ents = sorted(kept + accepted, key=lambda e: e.start)
        return doc


def _shouting(doc: Doc, i: int) -> bool:
    """A short capitalised word in a run of capitalised words (a line typed in capitals)."""
    tok = doc[i]
    if not (tok.is_upper and len(tok) <= 4):
        return False
    near = [t for t in doc[max(0, i - 4):i + 5] if t.is_alpha and len(t) > 1 and t.i != i]
    return len(near) >= 3 and sum(t.is_upper for t in near) >= 0.75 * len(near)


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _keeps(model_ent: Span, ours: Span) -> bool:
    """The model's entity wins when it is a longer proper name around ours."""
    if not (model_ent.start <= ours.start and ours.end <= model_ent.end):
        return False
    if (model_ent.start, model_ent.end) == (ours.start, ours.end):
        return False
    if model_ent.label_ not in ("ORG", "PERSON", "FAC", "WORK_OF_ART", "EVENT", "LAW"):
        return False
    sent = [t for t in model_ent.sent if t.is_alpha and len(t) > 3]
    if len(sent) >= 4 and sum(t.text[:1].isupper() for t in sent) >= 0.8 * len(sent):
        return False  # a Title Case headline: capitals do not make "Taliban Attack" a name
    outside = [t for t in model_ent if t.i < ours.start or t.i >= ours.end]
    if any(t.lower_ in _DATE_WORDS for t in outside):
        return False  # "Kyiv Thursday" is a place and a day, not a longer name
    last = model_ent[-1]
    return last.i >= ours.end and last.text[:1].isupper() and all(
        t.text[:1].isupper() or t.lower_ in _NAME_GLUE for t in outside)


@Language.factory("amity_actors", default_config={})
def make_actor_ruler(nlp: Language, name: str) -> ActorRuler:
    from amity.actors.patterns import entity_patterns

    return ActorRuler(nlp, name, entity_patterns())
