"""Main-text benchmark: amity's HTML extraction against plain trafilatura, same pages, same run.

Pages and metric: ../shared/bench/article-extraction (SOURCE.md). Tokens are \\w+ runs; each
body is a multiset of 4-token shingles; per page tp/fp/fn are shared/extra/missed shingles over
their sum; precision and recall are averaged over pages (skipping undefined ones; a page with
no fp and no fn scores 1) and F1 comes from the two means.

amity's output starts with the headline; the benchmark's ground truth is the article body
alone, so by default the headline amity puts on top is taken off before scoring (`--with-title`
scores amity's text exactly as it is written in records).

    python bench/main_text.py [--limit N] [--bench DIR] [--text-copies]

Exits 1 when amity's F1 falls below trafilatura's. `--text-copies` also scores the plain-text
path: each page rendered as text block by block (menus, sidebars and all, as a copy of the
whole page would hold), cleaned by amity's line classifier, against the raw rendering.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import trafilatura

from amity.clean._blocks import page_blocks
from amity.clean.html import clean_html
from amity.clean.text import clean_text

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BENCH = ROOT.parent / "shared" / "bench" / "article-extraction"
_TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, size: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + size]) for i in range(max(0, len(tokens) - size + 1)))


def page_scores(predicted: str, truth: str) -> tuple[float | None, float | None]:
    """Precision and recall of one page (None where undefined), as the benchmark defines them."""
    pred, gold = shingles(predicted), shingles(truth)
    tp = sum((pred & gold).values())
    fp = sum((pred - gold).values())
    fn = sum((gold - pred).values())
    if fp == 0 and fn == 0:
        return 1.0, 1.0
    # the benchmark divides each count by tp+fp+fn first; the ratios below are unchanged by it
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    return precision, recall


def summary(scores: list[tuple[float | None, float | None]]) -> tuple[float, float, float]:
    ps = [p for p, _ in scores if p is not None]
    rs = [r for _, r in scores if r is not None]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def amity_body(html: str, url: str | None, with_title: bool) -> str:
    cleaned = clean_html(html, url=url)
    text = cleaned.text
    if not with_title and cleaned.title and text.startswith(cleaned.title):
        text = text[len(cleaned.title):].lstrip()
    return text


Scores = list[tuple[float | None, float | None]]


@dataclass
class Run:
    """Per-page scores of amity and trafilatura (and of the text-copy path, when asked)."""

    keys: list[str]
    ours: Scores = field(default_factory=list)
    theirs: Scores = field(default_factory=list)
    copies: dict[str, Scores] = field(default_factory=lambda: {"raw": [], "cleaned": []})
    spent: dict[str, float] = field(default_factory=lambda: {"amity": 0.0, "trafilatura": 0.0})


def score_pages(bench: Path = DEFAULT_BENCH, limit: int | None = None, *,
                with_title: bool = False, text_copies: bool = False) -> tuple[Run, dict[str, Any]]:
    """Score every page of the benchmark with both systems, timing each."""
    truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
    run = Run(keys=sorted(truth)[:limit] if limit else sorted(truth))
    for key in run.keys:
        raw = gzip.decompress((bench / "html" / f"{key}.html.gz").read_bytes())
        html = raw.decode("utf-8", errors="replace")
        body, url = truth[key]["articleBody"], truth[key].get("url")
        t0 = time.perf_counter()
        mine = amity_body(html, url, with_title)
        t1 = time.perf_counter()
        plain = trafilatura.extract(html) or ""
        t2 = time.perf_counter()
        run.spent["amity"] += t1 - t0
        run.spent["trafilatura"] += t2 - t1
        run.ours.append(page_scores(mine, body))
        run.theirs.append(page_scores(plain, body))
        if text_copies:
            copy = "\n".join(text for text, _ in page_blocks(html))
            run.copies["raw"].append(page_scores(copy, body))
            run.copies["cleaned"].append(page_scores(clean_text(copy).text, body))
    return run, truth


def compare(bench: Path = DEFAULT_BENCH, limit: int | None = None) -> dict[str, float]:
    """F1 of amity's body text and of plain trafilatura (the figures the eval gate pins)."""
    run, _ = score_pages(bench, limit)
    return {"amity_f1": round(summary(run.ours)[2], 3),
            "trafilatura_f1": round(summary(run.theirs)[2], 3)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--limit", type=int, default=None, help="score only the first N pages")
    ap.add_argument("--with-title", action="store_true",
                    help="score amity's text with its headline on top, as records hold it")
    ap.add_argument("--worst", type=int, default=0, help="list the N pages amity does worst")
    ap.add_argument("--text-copies", action="store_true",
                    help="also score the plain-text cleaner on text renderings of the pages")
    a = ap.parse_args(argv)
    run, truth = score_pages(a.bench, a.limit, with_title=a.with_title,
                             text_copies=a.text_copies)
    compared = "amity text with headline" if a.with_title else "amity body (headline taken off)"
    print(f"article-extraction benchmark, {len(run.keys)} pages; compared: {compared} vs "
          f"trafilatura.extract(html) defaults; ground truth: articleBody")
    print(f"{'system':14s} {'precision':>9s} {'recall':>7s} {'F1':>6s} {'seconds':>8s}")
    for name, scores in (("amity", run.ours), ("trafilatura", run.theirs)):
        p, r, f = summary(scores)
        print(f"{name:14s} {p:9.3f} {r:7.3f} {f:6.3f} {run.spent[name]:8.1f}")
    if a.text_copies:
        print("plain-text copies of the same pages (whole page rendered as text):")
        for name in ("raw", "cleaned"):
            p, r, f = summary(run.copies[name])
            print(f"  {name + ' copy':12s} {p:9.3f} {r:7.3f} {f:6.3f}")
    per_page = sorted(((p or 0) + (r or 0), key) for (p, r), key in zip(run.ours, run.keys,
                                                                         strict=True))
    for _, key in per_page[: a.worst]:
        print("worst:", key, truth[key].get("url"))
    ok = summary(run.ours)[2] >= summary(run.theirs)[2]
    print("amity >= trafilatura" if ok else "FAIL: amity below trafilatura")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
