"""`amity ingest`: pages through the pipeline (in N worker processes) into the store.

Workers compute records; the main process is the one writer. Several whole documents share a
transaction (fast), so a kill loses at most the uncommitted ones, and a re-run skips what is
stored (by document id, checked right after cleaning, before the costly NLP) and does the rest.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from amity.ingest import Failure, Item, Page, expand_paths, read_inputs
from amity.pipeline import Outcome, Pipeline, document_id
from amity.record import Document
from amity.settings import Settings, load_settings
from amity.store._progress import Progress
from amity.store.core import Store

MAX_NOTES = 20  # per kind of message; a daily re-ingest of a growing folder stays readable
# DuckDB would otherwise keep every block it wrote cached (up to 80% of RAM): a long ingest
# grows with the corpus. Small per-document inserts need little; the model needs the rest.
WRITER_MEMORY = "256MB"


@dataclass(slots=True)
class AlreadyStored(Failure):
    """A page whose document id is already in the store: skipped before NLP."""

    doc_id: str = ""


class SkipStoredPipeline(Pipeline):
    """The pipeline, except pages whose cleaned text is already stored skip the NLP stages."""

    def __init__(self, settings: Settings | None, known: frozenset[str] | set[str]) -> None:
        super().__init__(settings)
        self.known = known

    def _clean(self, page: Page) -> Any:  # type: ignore[override]
        cleaned = Pipeline._clean(page)
        if isinstance(cleaned, Failure) or not self.known:
            return cleaned
        doc_id = document_id(cleaned[1].text)
        if doc_id in self.known:
            return AlreadyStored(page.source, f"already stored (id {doc_id})", stage="store",
                                 line=page.line, skipped=True, doc_id=doc_id)
        return cleaned


@dataclass(slots=True)
class IngestSummary:
    run_id: str
    new: int = 0
    duplicate: int = 0
    reprocessed: int = 0
    failed: int = 0
    skipped: int = 0
    events: int = 0
    quotes: int = 0
    claims: int = 0
    actors: int = 0
    new_actors: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)

    def text(self) -> str:
        rate = (self.new + self.reprocessed) / self.seconds if self.seconds else 0.0
        return (f"amity: run {self.run_id}: {self.new} new, {self.duplicate} duplicate "
                f"(already stored), {self.reprocessed} reprocessed, {self.failed} failed, "
                f"{self.skipped} skipped; {self.events} events, {self.quotes} quotes, "
                f"{self.claims} claims, {self.actors} actors ({self.new_actors} new) "
                f"in {self.seconds:.1f}s ({rate:.1f} docs/s)")


def estimate_inputs(paths: Iterable[str]) -> int | None:
    """How many pages `paths` hold (JSONL lines counted), None when it cannot be known."""
    total = 0
    for path in expand_paths(paths):
        if path == "-":
            return None
        lower = path.lower()
        if lower.endswith((".jsonl", ".ndjson")):
            try:
                with open(path, "rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            except OSError:
                total += 1
        elif lower.endswith((".warc", ".warc.gz", ".jsonl.gz", ".arc", ".arc.gz")):
            return None
        else:
            total += 1
    return total


# -- worker processes ------------------------------------------------------------------------
_WORKER: SkipStoredPipeline | None = None


def _init_worker(settings: Settings, known: frozenset[str]) -> None:
    global _WORKER
    _WORKER = SkipStoredPipeline(settings, known)


def _run_chunk(items: list[Item]) -> list[Outcome]:
    assert _WORKER is not None, "worker not initialised"
    return list(_WORKER(items))


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def outcomes_in_pool(items: Iterable[Item], settings: Settings, known: frozenset[str],
                     jobs: int, chunk_size: int) -> Iterator[Outcome]:
    """Outcomes in input order from `jobs` processes, at most 2×jobs chunks in flight so
    memory stays flat however long the input (Pool.imap would read all inputs ahead)."""
    ctx = mp.get_context("spawn")  # no fork of a process holding DuckDB threads
    with ctx.Pool(jobs, initializer=_init_worker, initargs=(settings, known)) as pool:
        pending: deque[Any] = deque()
        for chunk in _chunks(items, chunk_size):
            pending.append(pool.apply_async(_run_chunk, (chunk,)))
            while len(pending) >= 2 * jobs:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


# -- the writer ------------------------------------------------------------------------------
class _Writer:
    """Buffers whole documents and failures; commits them together every few docs/seconds."""

    def __init__(self, store: Store, run_id: str, summary: IngestSummary, progress: Progress,
                 commit_every: int, commit_seconds: float) -> None:
        self.store, self.run_id, self.summary, self.progress = store, run_id, summary, progress
        self.commit_every, self.commit_seconds = commit_every, commit_seconds
        self.docs: list[Document] = []
        self.failures: list[Failure] = []
        self.replace: list[str] = []
        self.first_buffered: float | None = None
        self.provenance_set = False

    def add(self, doc: Document | None = None, failure: Failure | None = None,
            replace: bool = False) -> None:
        if doc is not None:
            self.docs.append(doc)
            if replace:
                self.replace.append(doc.id)
        if failure is not None:
            self.failures.append(failure)
        if self.first_buffered is None:
            self.first_buffered = time.monotonic()
        if (len(self.docs) + len(self.failures) >= self.commit_every
                or time.monotonic() - self.first_buffered >= self.commit_seconds):
            self.flush()

    def flush(self) -> None:
        if not self.docs and not self.failures:
            return
        if self.docs and not self.provenance_set:
            self.store.set_run_provenance(self.run_id, self.docs[0])
            self.provenance_set = True
        try:
            self._count(self.store.write(self.docs, self.failures, self.run_id,
                                         replace=self.replace), len(self.docs))
        except Exception:  # noqa: BLE001 - retry one by one so one bad record sinks only itself
            self._one_by_one()
        self.docs, self.failures, self.replace = [], [], []
        self.first_buffered = None

    def _one_by_one(self) -> None:
        replace = set(self.replace)
        for doc in self.docs:
            try:
                counts = self.store.write([doc], [], self.run_id,
                                          replace=[doc.id] if doc.id in replace else [])
                self._count(counts, 1)
            except Exception as exc:  # noqa: BLE001 - recorded as this document's failure
                self.failures.append(Failure(doc.source, f"could not be stored: "
                                             f"{type(exc).__name__}: {exc}", stage="store"))
        self._count(self.store.write([], self.failures, self.run_id), 0)

    def _count(self, counts: Any, stored: int) -> None:
        s = self.summary
        s.new += counts.new
        s.reprocessed += counts.reprocessed
        s.failed += counts.failed
        s.skipped += counts.skipped
        s.events += counts.events
        s.quotes += counts.quotes
        s.claims += counts.claims
        self.progress.committed(stored)


def ingest(paths: Iterable[str], store: Store, *, settings: Settings | None = None,
           jobs: int = 1, reprocess: bool = False, quiet: bool = False,
           commit_every: int = 64, commit_seconds: float = 2.0,
           progress: Progress | None = None, command: str | None = None) -> IngestSummary:
    """Store every page under `paths`; documents already stored are counted as duplicates
    (or, with `reprocess`, recomputed and replaced). Returns what was done."""
    paths = list(paths)
    settings = settings or load_settings()
    store.con.execute(f"SET memory_limit = '{WRITER_MEMORY}'")

    def outcomes(known: frozenset[str]) -> Iterable[Outcome]:
        items = read_inputs(paths)
        if jobs > 1:
            return outcomes_in_pool(items, settings, known, jobs,
                                    chunk_size=max(1, min(settings.batch_size, 16)))
        return SkipStoredPipeline(settings, known)(items)

    return store_outcomes(
        outcomes, store, reprocess=reprocess, jobs=jobs, commit_every=commit_every,
        commit_seconds=commit_seconds, command=command or "ingest " + " ".join(paths),
        progress=progress or Progress(None if quiet else estimate_inputs(paths),
                                      enabled=not quiet))


def store_outcomes(make_outcomes: Callable[[frozenset[str]], Iterable[Outcome]], store: Store,
                   *, reprocess: bool = False, jobs: int = 1, commit_every: int = 64,
                   commit_seconds: float = 2.0, command: str = "ingest",
                   progress: Progress | None = None) -> IngestSummary:
    """The writer loop: records and failures from `make_outcomes(ids already stored)` go
    into the store as one run; duplicates are counted, `reprocess` replaces stored ones."""
    started = time.monotonic()
    run_id = store.begin_run(command, jobs=jobs)
    summary = IngestSummary(run_id)
    stored_ids = store.document_ids()
    actors_before = _count_actors(store)
    progress = progress or Progress(None, enabled=False)
    notes: dict[str, int] = {}

    def tell(kind: str, message: str) -> None:
        notes[kind] = notes.get(kind, 0) + 1
        if notes[kind] <= MAX_NOTES:
            progress.note(message)
        elif notes[kind] == MAX_NOTES + 1:
            progress.note(f"amity: … more {kind} messages left out (see the summary"
                          + (" and `amity failures`)" if kind == "failure" else ")"))

    outcomes = make_outcomes(frozenset() if reprocess else frozenset(stored_ids))
    writer = _Writer(store, run_id, summary, progress, commit_every, commit_seconds)
    seen: dict[str, str] = {}
    status = "done"
    try:
        for outcome in outcomes:
            progress.advance()
            if isinstance(outcome, AlreadyStored):
                summary.duplicate += 1
                tell("duplicate", f"amity: {_where(outcome)}: {outcome.message}; not stored again")
            elif isinstance(outcome, Failure):
                if not outcome.skipped:
                    summary.failures.append(outcome.describe())
                    tell("failure", f"amity: {outcome.describe()} [{outcome.stage}]")
                writer.add(failure=outcome)
            elif outcome.id in seen:
                summary.duplicate += 1
                tell("duplicate", f"amity: {outcome.source}: duplicate of {seen[outcome.id]} "
                                  f"(same article, id {outcome.id}); not stored again")
            elif outcome.id in stored_ids and not reprocess:
                seen[outcome.id] = outcome.source
                summary.duplicate += 1
                tell("duplicate", f"amity: {outcome.source}: already stored (id {outcome.id});"
                                  " not stored again")
            else:
                seen[outcome.id] = outcome.source
                for warning in outcome.warnings:
                    tell("warning", f"amity: {outcome.source}: warning: {warning}")
                writer.add(doc=outcome, replace=outcome.id in stored_ids)
        writer.flush()
        if summary.reprocessed:  # aliases of the old records may be gone: recompute exactly
            store.rebuild_actors()
    except KeyboardInterrupt:
        status = "interrupted"
        writer.flush()
        raise
    finally:
        progress.close()
        summary.seconds = time.monotonic() - started
        store.finish_run(run_id, duplicate=summary.duplicate, status=status)
        summary.actors = _run_actors(store, run_id)
        summary.new_actors = _count_actors(store) - actors_before
    return summary


def _where(f: Failure) -> str:
    return f"{f.source}:{f.line}" if f.line else f.source


def _count_actors(store: Store) -> int:
    row = store.con.execute("SELECT count(*) FROM actors").fetchone()
    return int(row[0]) if row else 0


def _run_actors(store: Store, run_id: str) -> int:
    row = store.con.execute("SELECT actors FROM runs WHERE run_id = ?", [run_id]).fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def default_jobs() -> int:
    return max(1, (os.cpu_count() or 2) - 1)
