#!/usr/bin/env python3
"""PLOVER gold-standard sentences: does amity code the gold type between the gold actors?

    python bench/plover_gsr.py [--gsr PATH] [--json] [--limit N]

Runs amity's nlp + actors + quotes + events on each sentence of
../shared/bench/plover-gsr/PLOVER_GSR_CAMEO.json (labels mapped to the 16 current types as its
SOURCE.md says; the DOCUMENT record skipped). For sentences with a gold target it reports the
share where amity finds an event of the gold type between a gold source and a gold target, the
share with the gold type anywhere, and the confusion matrix of types (gold vs amity's best
event). Baseline in the same run: the type of the first lexicon word in the sentence, no parse.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GSR = ROOT.parent / "shared" / "bench" / "plover-gsr" / "PLOVER_GSR_CAMEO.json"
LABELS = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT",
          "INVESTIGATE": "ACCUSE"}
NONE = "NONE"


def gold_records(path: Path) -> list[dict[str, Any]]:
    """The coded sentences, labels mapped to current PLOVER types."""
    out = []
    for rec in json.loads(path.read_text(encoding="utf-8")):
        if rec.get("event") in (None, "DOCUMENT") or not rec.get("text"):
            continue
        rec = dict(rec)
        rec["type"] = LABELS.get(rec["event"], rec["event"])
        out.append(rec)
    return out


def actor_list(value: object) -> list[dict[str, str]]:
    return [a for a in value if isinstance(a, dict)] if isinstance(value, list) else []


def text_spans(text: str, actor_text: str) -> list[tuple[int, int]]:
    """Where the gold actor's words occur ("U.S. ... negotiators" gives two pieces)."""
    spans = []
    for piece in re.split(r"\s*\.\.\.\s*", actor_text):
        piece = piece.strip(" ()")
        if len(piece) < 2:
            continue
        for m in re.finditer(re.escape(piece), text, re.IGNORECASE):
            spans.append((m.start(), m.end()))
    return spans


class Matcher:
    """Does an amity actor stand for one of a record's gold actors (by text or by country)?"""

    def __init__(self, text: str, table: Any) -> None:
        self.text = text
        self.table = table

    def country(self, actor_id: str) -> str | None:
        actor = self.table.actor(actor_id)
        if actor.country:
            return str(actor.country)
        roll = self.table.rollup(actor_id)
        return roll if re.fullmatch(r"[A-Z]{3}", roll or "") else None

    def matches(self, actor_id: str, gold: list[dict[str, str]]) -> bool:
        spans = [s for g in gold for s in text_spans(self.text, g.get("actorText", ""))]
        for m in self.table.mentions:
            if m.actor_id == actor_id and any(m.start < e and s < m.end for s, e in spans):
                return True
        codes = {str(g.get("code", ""))[:3].upper() for g in gold}
        country = self.country(actor_id) if actor_id in self.table else None
        return country is not None and country in codes


def baseline_type(doc: Any, lexicon: Any) -> str:
    """The type of the first lexicon verb or noun in the sentence."""
    for tok in doc:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma in lexicon.verbs:
            return str(lexicon.verbs[lemma][-1].type)
        if tok.pos_ in ("NOUN", "PROPN") and lemma in lexicon.nouns:
            return str(lexicon.nouns[lemma].type)
    return NONE


def run(path: Path, limit: int | None = None) -> dict[str, Any]:
    from amity.actors import find_actors
    from amity.events import code_events
    from amity.events.lexicon import load_lexicon
    from amity.nlp import load_nlp
    from amity.quotes import find_quotes

    nlp = load_nlp()
    lexicon = load_lexicon()
    records = gold_records(path)[:limit]
    docs = list(nlp.pipe([r["text"] for r in records], batch_size=64))
    counts: Counter[str] = Counter()
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    by_type: dict[str, Counter[str]] = defaultdict(Counter)
    for rec, doc in zip(records, docs, strict=True):
        gold = rec["type"]
        sources, targets = actor_list(rec.get("source")), actor_list(rec.get("target"))
        table = find_actors(doc, None)
        events = [e for e in code_events(doc, table, find_quotes(doc, table), None)
                  if not e.negated]
        match = Matcher(rec["text"], table)
        counts["sentences"] += 1
        counts["any_event"] += bool(events)
        counts["baseline_type_all"] += baseline_type(doc, lexicon) == gold
        counts["type_all"] += any(e.type == gold for e in events)
        if not targets:
            continue
        counts["with_target"] += 1
        dyad = [e for e in events if match.matches(e.source, sources)
                and match.matches(e.target, targets)]
        hit = any(e.type == gold for e in dyad)
        typed = any(e.type == gold for e in events)
        counts["dyad_type"] += hit
        counts["type"] += typed
        counts["dyad_any_type"] += bool(dyad)
        counts["baseline_type"] += baseline_type(doc, lexicon) == gold
        best = (max(dyad, key=lambda e: e.confidence) if dyad
                else max(events, key=lambda e: e.confidence) if events else None)
        predicted = gold if hit or (typed and not dyad) else (best.type if best else NONE)
        confusion[gold][predicted] += 1
        by_type[gold]["n"] += 1
        by_type[gold]["dyad_type"] += hit
        by_type[gold]["type"] += typed
    n = counts["with_target"] or 1
    return {
        "sentences": counts["sentences"], "with_target": counts["with_target"],
        "dyad_type": round(counts["dyad_type"] / n, 3),
        "type": round(counts["type"] / n, 3),
        "dyad_any_type": round(counts["dyad_any_type"] / n, 3),
        "baseline_type": round(counts["baseline_type"] / n, 3),
        "type_all_sentences": round(counts["type_all"] / max(counts["sentences"], 1), 3),
        "baseline_type_all_sentences": round(
            counts["baseline_type_all"] / max(counts["sentences"], 1), 3),
        "any_event_all_sentences": round(counts["any_event"] / max(counts["sentences"], 1), 3),
        "by_type": {t: dict(c) for t, c in sorted(by_type.items())},
        "confusion": {g: dict(c) for g, c in sorted(confusion.items())},
    }


def print_report(result: dict[str, Any]) -> None:
    print(f"sentences {result['sentences']}, with a gold target {result['with_target']}")
    print(f"  gold type between gold source and target  {result['dyad_type']:.3f}")
    print(f"  gold type anywhere in the sentence        {result['type']:.3f}"
          f"   (baseline, first lexicon word: {result['baseline_type']:.3f})")
    print(f"  any event between gold source and target  {result['dyad_any_type']:.3f}")
    print(f"  all sentences: gold type {result['type_all_sentences']:.3f}"
          f" (baseline {result['baseline_type_all_sentences']:.3f}),"
          f" any event {result['any_event_all_sentences']:.3f}")
    print("\nper gold type (n, dyad+type, type):")
    for t, c in result["by_type"].items():
        print(f"  {t:10s} {c.get('n', 0):4d} {c.get('dyad_type', 0):4d} {c.get('type', 0):4d}")
    cols = sorted({p for row in result["confusion"].values() for p in row})
    print("\nconfusion (rows gold, columns amity's best event):")
    print(" " * 11 + " ".join(f"{c[:6]:>6s}" for c in cols))
    for g, row in result["confusion"].items():
        print(f"{g[:10]:10s} " + " ".join(f"{row.get(c, 0):6d}" for c in cols))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gsr", type=Path, default=DEFAULT_GSR)
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--limit", type=int, default=None)
    a = ap.parse_args(argv)
    if not a.gsr.is_file():
        print(f"no {a.gsr}", file=sys.stderr)
        return 2
    result = run(a.gsr, a.limit)
    if a.json:
        print(json.dumps(result, indent=1))
    else:
        print_report(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
