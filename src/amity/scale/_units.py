"""Work units for the Spark job: input files, big archives cut into parts, balanced by size."""
from __future__ import annotations

import heapq
import math
import os
from collections.abc import Iterable
from dataclasses import dataclass

from amity.ingest import expand_paths
from amity.ingest.read import stream_kind

# A streamed file (WARC, JSONL) bigger than this is shared by several workers, each taking
# every n-th record. Each part reads past the others' records (cheap next to the NLP), so
# the parts stay few: bounded by MAX_PARTS per file.
PART_BYTES = 64 * 1024 * 1024
GZIP_RATIO = 4  # compressed crawl files hold about this many times their size in text
MAX_PARTS = 16


@dataclass(frozen=True, slots=True)
class Unit:
    """One file, or part k of n of a streamed file, with its estimated work in bytes and
    the file's position among the inputs (which copy of a duplicate article is kept)."""

    path: str
    part: tuple[int, int] | None
    weight: int
    position: int = 0


def plan_units(paths: Iterable[str]) -> list[Unit]:
    """Every input under `paths` as work units, big WARC/JSONL files split into parts."""
    units: list[Unit] = []
    for position, path in enumerate(expand_paths(paths)):
        if path == "-":
            raise ValueError("the Spark job reads files, not standard input")
        try:
            size = os.path.getsize(path)
        except OSError:
            size = 0  # missing: the executor reports it as a failure like any reader
        if path.lower().endswith(".gz"):
            size *= GZIP_RATIO
        n = 1
        if size > PART_BYTES and os.path.isfile(path) and stream_kind(path) is not None:
            n = min(MAX_PARTS, math.ceil(size / PART_BYTES))
        for k in range(n):
            units.append(Unit(path, (k, n) if n > 1 else None, max(1, size // n), position))
    return units


def balance(units: list[Unit], partitions: int) -> list[list[Unit]]:
    """`units` dealt into at most `partitions` groups of about equal weight (biggest first,
    each to the lightest group), each group in input order."""
    count = max(1, min(partitions, len(units)))
    heap = [(0, i) for i in range(count)]
    groups: list[list[tuple[int, Unit]]] = [[] for _ in range(count)]
    order = sorted(range(len(units)), key=lambda i: -units[i].weight)
    for i in order:
        load, g = heapq.heappop(heap)
        groups[g].append((i, units[i]))
        heapq.heappush(heap, (load + units[i].weight, g))
    return [[u for _, u in sorted(group, key=lambda x: x[0])] for group in groups if group]
