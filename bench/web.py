"""Benchmark of the web app: page and API latency against the library calls they wrap.

Builds a store at run time from hand-made records (N documents, events between 40 states
over 36 months; no model needed), then, in the same run and process, times each view three
ways: the library function on a store (the baseline), its JSON twin and its HTML page
in-process over httpx's ASGI transport. Prints medians and the web layer's overhead; exits 1
when a page costs more than twice its library call plus 50 ms (escaping, SVG and JSON
should stay small beside the queries), or when the cached overview is not faster than the
first one.
Usage: python bench/web.py [--docs N] [--repeat R]
"""
from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from amity.record import QUAD_OF_TYPE, Actor, Document, Event, Evidence, Mention, Provenance
from amity.store import open_store
from amity.web import create_app, documents, views

STATES = ["USA", "CHN", "RUS", "IRN", "ISR", "TUR", "GRC", "DEU", "FRA", "GBR", "JPN", "KOR",
          "PRK", "IND", "PAK", "SAU", "EGY", "QAT", "UKR", "POL", "BRA", "ARG", "ZAF", "NGA",
          "KEN", "ETH", "AUS", "CAN", "MEX", "IDN", "VNM", "PHL", "THA", "ITA", "ESP", "SWE",
          "FIN", "NOR", "ARM", "AZE"]
TYPES = list(QUAD_OF_TYPE)
PAGE_LIMIT_FACTOR, PAGE_LIMIT_MS = 2.0, 50.0


def synthetic_document(n: int, rng: random.Random) -> Document:
    """Document `n`: three events between random states, each with its own sentence."""
    a, b, c = rng.sample(STATES, 3)
    sentences = [f"{x} and {y} met on day {n} of round {i}." for i, (x, y) in
                 enumerate(((a, b), (b, c), (c, a)))]
    text = " ".join(sentences)
    actors, events, at = {}, [], 0
    for s, (x, y) in zip(sentences, ((a, b), (b, c), (c, a)), strict=True):
        for name in (x, y):
            start = text.index(name, at)
            actors.setdefault(name, Actor(name, name, "state", name, country=name))
            actors[name].mentions.append(Mention(start, start + len(name), name))
        kind = rng.choice(TYPES)
        events.append(Event(x, y, kind, QUAD_OF_TYPE[kind], rng.uniform(-8, 8),
                            Evidence(at, at + len(s), s), confidence=0.7,
                            asserted_by=y if rng.random() < 0.1 else None))
        at += len(s) + 1
    month = n % 36
    return Document(id=f"{n:016x}", source=f"bench/{n}.txt", text=text,
                    provenance=Provenance("bench"), title=f"Round {n}",
                    published=f"{2022 + month // 12}-{month % 12 + 1:02d}-15",
                    actors=list(actors.values()), events=events)


def build_store(path: Path, count: int) -> None:
    rng = random.Random(7)
    with open_store(path) as store:
        run = store.begin_run("bench")
        for start in range(0, count, 500):
            store.write([synthetic_document(n, rng) for n in range(start, min(count,
                                                                              start + 500))],
                        [], run)
        store.finish_run(run, duplicate=0)


def median_ms(call: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        started = time.perf_counter()
        build_store(db, args.docs)
        print(f"bench/web.py: {args.docs} documents, {3 * args.docs} events stored in "
              f"{time.perf_counter() - started:.1f}s")
        app = create_app(db)
        database = app.state.database
        doc_id = f"{args.docs // 2:016x}"

        async def fetch(url: str) -> None:
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport,
                                         base_url="http://127.0.0.1") as client:
                response = await client.get(url)
                response.raise_for_status()

        def web(url: str) -> Callable[[], None]:
            return lambda: asyncio.run(fetch(url))

        def library(view: Callable[..., Any], *a: Any, **k: Any) -> Callable[[], Any]:
            def call() -> Any:
                with database.reader() as store:
                    return view(store, *a, **k)
            return call

        first = time.perf_counter()
        web("/api/overview")()
        first_ms = (time.perf_counter() - first) * 1000
        cases = [
            ("overview (cached)", library(views.overview), "/api/overview", "/"),
            ("actor", library(views.actor_page, "IRN"), "/api/actors/IRN", "/actors/IRN"),
            ("dyad", library(views.dyad, "USA", "CHN"), "/api/dyads/USA/CHN",
             "/dyads/USA/CHN"),
            ("claims", library(views.claims_ledger), "/api/claims", "/claims"),
            ("documents", library(documents.document_list), "/api/documents", "/documents"),
            ("document", library(lambda s: s.document(doc_id)), f"/api/documents/{doc_id}",
             f"/documents/{doc_id}"),
            ("search", library(documents.search, "Round 12"), "/api/search?q=Round%2012",
             "/search?q=Round%2012"),
        ]
        failed = False
        print(f"{'view':<18} {'library ms':>11} {'JSON ms':>9} {'page ms':>9} {'page/lib':>9}")
        for name, lib, api_url, page_url in cases:
            lib_ms = median_ms(lib, args.repeat)
            api_ms = median_ms(web(api_url), args.repeat)
            page_ms = median_ms(web(page_url), args.repeat)
            ok = name.endswith("(cached)") or page_ms <= PAGE_LIMIT_FACTOR * lib_ms + PAGE_LIMIT_MS
            failed |= not ok
            print(f"{name:<18} {lib_ms:>11.1f} {api_ms:>9.1f} {page_ms:>9.1f} "
                  f"{page_ms / lib_ms if lib_ms else 0:>8.2f}x{'' if ok else '  TOO SLOW'}")
        cached_ms = median_ms(web("/api/overview"), args.repeat)
        print(f"overview: first {first_ms:.0f} ms, cached {cached_ms:.1f} ms")
        if cached_ms >= first_ms:
            print("bench/web.py: the cached overview is not faster than the first", file=sys.stderr)
            failed = True
        database.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
