"""NLP-stage benchmark: amity's spaCy pipeline (with our actor ruler) against bare spaCy.

Same texts (the dev set and the seed pages of ../shared, repeated to about --docs documents),
same run, same batch size. Prints documents/s and sentences/s of bare `spacy.load(model).pipe`,
of `load_nlp()` (our components included), and of our pipeline followed by `find_actors` (the
whole actor stage, shown separately). Rounds interleave the three (bare, ours, ours + actors,
bare, ...) and each figure is the best round, timed in CPU seconds of this process: on a
shared machine, wall time measures the neighbours as much as the code.

    python bench/nlp.py [--docs 300] [--rounds 2] [--batch-size 32] [--model NAME]

Exits 1 when our NLP stage runs at less than 0.85 of bare spaCy's documents per second.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

import spacy

from amity.actors import find_actors
from amity.nlp import load_nlp
from amity.nlp.pipeline import DEFAULT_MODEL

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
THRESHOLD = 0.85


def load_texts(n_docs: int) -> list[str]:
    """Dev-set and seed texts, repeated up to `n_docs`."""
    paths = sorted((SHARED / "eval" / "dev").glob("*.txt")) + sorted(
        (SHARED / "seeds").glob("*.txt"))
    base = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    if not base:
        raise SystemExit(f"no texts under {SHARED}/eval/dev or {SHARED}/seeds")
    return [base[i % len(base)] for i in range(max(n_docs, len(base)))]


def timed(run: Callable[[], int]) -> tuple[float, float, int]:
    """CPU and wall seconds of one pass, and its sentence count."""
    c0, w0 = time.process_time(), time.perf_counter()
    sentences = run()
    return time.process_time() - c0, time.perf_counter() - w0, sentences


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--model", default=DEFAULT_MODEL)
    a = ap.parse_args(argv)

    texts = load_texts(a.docs)
    bare = spacy.load(a.model)
    ours = load_nlp(a.model)
    warm = texts[:8]
    list(bare.pipe(warm)), list(ours.pipe(warm))  # first-call costs out of the timings

    def run_bare() -> int:
        return sum(len(list(d.sents)) for d in bare.pipe(texts, batch_size=a.batch_size))

    def run_ours() -> int:
        return sum(len(list(d.sents)) for d in ours.pipe(texts, batch_size=a.batch_size))

    def run_actors() -> int:
        n = 0
        for d in ours.pipe(texts, batch_size=a.batch_size):
            find_actors(d)
            n += len(list(d.sents))
        return n

    runs = (("bare spaCy", run_bare), ("amity NLP", run_ours),
            ("amity NLP + find_actors", run_actors))
    best: dict[str, tuple[float, float, int]] = {}
    for _ in range(a.rounds):
        for label, run in runs:
            cpu, wall, sentences = timed(run)
            if label not in best or cpu < best[label][0]:
                best[label] = (cpu, wall, sentences)
    print(f"{len(texts)} documents, model {a.model}, batch size {a.batch_size}, "
          f"best of {a.rounds} interleaved rounds (CPU time; wall time in brackets)")
    rows = []
    for label, _ in runs:
        cpu, wall, n = best[label]
        rows.append((label, len(texts) / cpu))
        print(f"{label:26s} {len(texts) / cpu:8.1f} docs/s  {n / cpu:9.1f} sentences/s  "
              f"({n} sentences; wall {len(texts) / wall:.1f} docs/s)")
    ratio = rows[1][1] / rows[0][1]
    print(f"ratio amity NLP / bare spaCy: {ratio:.3f} (must be >= {THRESHOLD})")
    print(f"ratio amity NLP + find_actors / bare spaCy: {rows[2][1] / rows[0][1]:.3f} "
          "(for information)")
    return 0 if ratio >= THRESHOLD else 1


if __name__ == "__main__":
    sys.exit(main())
