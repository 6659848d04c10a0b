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
from pathlib import Path

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
    truth = json.loads((a.bench / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth)[: a.limit] if a.limit else sorted(truth)
    ours: list[tuple[float | None, float | None]] = []
    theirs: list[tuple[float | None, float | None]] = []
    per_page: list[tuple[float, str]] = []
    copies: dict[str, list[tuple[float | None, float | None]]] = {"raw": [], "cleaned": []}
    spent = {"amity": 0.0, "trafilatura": 0.0}
    for key in keys:
        raw = gzip.decompress((a.bench / "html" / f"{key}.html.gz").read_bytes())
        html = raw.decode("utf-8", errors="replace")
        body, url = truth[key]["articleBody"], truth[key].get("url")
        t0 = time.perf_counter()
        mine = amity_body(html, url, a.with_title)
        t1 = time.perf_counter()
        plain = trafilatura.extract(html) or ""
        t2 = time.perf_counter()
        spent["amity"] += t1 - t0
        spent["trafilatura"] += t2 - t1
        ours.append(page_scores(mine, body))
        theirs.append(page_scores(plain, body))
        p, r = ours[-1]
        per_page.append(((p or 0) + (r or 0), key))
        if a.text_copies:
            copy = "\n".join(text for text, _ in page_blocks(html))
            copies["raw"].append(page_scores(copy, body))
            copies["cleaned"].append(page_scores(clean_text(copy).text, body))
    compared = "amity text with headline" if a.with_title else "amity body (headline taken off)"
    print(f"article-extraction benchmark, {len(keys)} pages; compared: {compared} vs "
          f"trafilatura.extract(html) defaults; ground truth: articleBody")
    print(f"{'system':14s} {'precision':>9s} {'recall':>7s} {'F1':>6s} {'seconds':>8s}")
    for name, scores in (("amity", ours), ("trafilatura", theirs)):
        p, r, f = summary(scores)
        print(f"{name:14s} {p:9.3f} {r:7.3f} {f:6.3f} {spent[name]:8.1f}")
    if a.text_copies:
        print("plain-text copies of the same pages (whole page rendered as text):")
        for name in ("raw", "cleaned"):
            p, r, f = summary(copies[name])
            print(f"  {name + ' copy':12s} {p:9.3f} {r:7.3f} {f:6.3f}")
    for _, key in sorted(per_page)[: a.worst]:
        print("worst:", key, truth[key].get("url"))
    ok = summary(ours)[2] >= summary(theirs)[2]
    print("amity >= trafilatura" if ok else "FAIL: amity below trafilatura")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
