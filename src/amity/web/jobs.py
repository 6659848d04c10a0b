"""Upload jobs: dropped files ingested by one background worker, progress kept for polling.

The worker is the app's only writer. The spaCy model loads once, on the first upload, in
the worker thread; the pages of a job are read from memory (never from a client-named
file), stored as one run, and the job tells how far it got and what failed.
"""
from __future__ import annotations

import queue
import re
import secrets
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, Literal

from amity.ingest import Failure, Item, read_bytes
from amity.settings import Settings, load_settings
from amity.store._progress import Progress
from amity.store.errors import StoreError
from amity.web.database import Database

JobState = Literal["queued", "running", "done", "failed"]
JOB_ID = re.compile(r"^[0-9a-f]{16}$")
MAX_JOBS_KEPT = 200  # finished jobs are forgotten oldest first past this
_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\]+")


def upload_label(filename: str | None, index: int) -> str:
    """The name an upload is shown and stored under: a label, never a path we open."""
    base = _UNSAFE.sub("_", (filename or "").replace("\\", "/").rsplit("/", 1)[-1]).strip(" .")
    return f"upload:{base[:120] or f'file-{index + 1}'}"


@dataclass(slots=True)
class UploadFile:
    """One uploaded file, already in memory."""

    name: str
    data: bytes


@dataclass(slots=True)
class Job:
    """What one upload asked for and how far its ingestion got."""

    id: str
    files: list[str]
    state: JobState = "queued"
    total: int = 0
    done: int = 0
    stored: int = 0
    duplicate: int = 0
    failed: int = 0
    message: str = ""
    failures: list[str] = field(default_factory=list)
    documents: list[dict[str, str | None]] = field(default_factory=list)  # id, title
    run_id: str | None = None
    created: float = field(default_factory=time.time)
    finished: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "state": self.state, "files": list(self.files),
                "total": self.total, "done": self.done, "stored": self.stored,
                "duplicate": self.duplicate, "failed": self.failed, "message": self.message,
                "failures": list(self.failures),
                "documents": [dict(d) for d in self.documents],
                "run_id": self.run_id}


class _JobProgress(Progress):
    """Ingest progress written into the job instead of a terminal."""

    def __init__(self, job: Job, lock: threading.Lock) -> None:
        super().__init__(job.total, enabled=False)
        self.job, self.lock = job, lock

    def advance(self, n: int = 1) -> None:
        super().advance(n)
        with self.lock:
            self.job.done = self.done

    def committed(self, n: int) -> None:
        super().committed(n)
        with self.lock:
            self.job.stored = self.stored


class UploadJobs:
    """A queue of upload jobs worked off by one thread (the single writer)."""

    def __init__(self, database: Database, settings: Settings | None = None) -> None:
        self.database = database
        self.settings = settings or load_settings()
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._queue: queue.Queue[tuple[Job, list[UploadFile]] | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._pipeline: Any = None

    def submit(self, files: list[UploadFile]) -> Job:
        job = Job(id=secrets.token_hex(8), files=[f.name for f in files])
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > MAX_JOBS_KEPT:
                self._jobs.popitem(last=False)
        self._start()
        self._queue.put((job, files))
        return job

    def get(self, job_id: str) -> dict[str, Any] | None:
        """A snapshot of the job (None for an unknown or malformed id)."""
        if not JOB_ID.match(job_id):
            return None
        with self._lock:
            job = self._jobs.get(job_id)
            return None if job is None else job.to_dict()

    def wait(self, job_id: str, timeout: float = 60.0) -> dict[str, Any] | None:
        """Block until the job has finished (for scripts and tests)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            job = self.get(job_id)
            if job is None or job["state"] in ("done", "failed"):
                return job
            time.sleep(0.05)
        return self.get(job_id)

    def _start(self) -> None:
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._work, name="amity-upload",
                                                daemon=True)
                self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        """Finish the job in hand and stop the worker (queued jobs are marked failed)."""
        if self._thread is None:
            return
        self._queue.put(None)
        self._thread.join(timeout)
        with self._lock:
            for job in self._jobs.values():
                if job.state == "queued":
                    job.state, job.message = "failed", "the server stopped before this upload"

    def _work(self) -> None:
        while True:
            entry = self._queue.get()
            if entry is None:
                return
            job, files = entry
            try:
                self._run(job, files)
            except StoreError as exc:
                self._finish(job, "failed", f"not stored: {exc}")
            except Exception as exc:  # noqa: BLE001 - one broken upload must not stop the worker
                self._finish(job, "failed", f"not stored: {type(exc).__name__}: {exc}")

    def _finish(self, job: Job, state: JobState, message: str) -> None:
        with self._lock:
            job.state, job.message, job.finished = state, message, time.time()

    def _items(self, files: list[UploadFile]) -> list[Item]:
        items: list[Item] = []
        for f in files:
            try:
                items.extend(read_bytes(f.data, f.name, f.name.removeprefix("upload:")))
            except Exception as exc:  # noqa: BLE001 - reported as this file's failure
                items.append(Failure(f.name, f"could not be read ({type(exc).__name__}: "
                                             f"{exc})"))
        return items

    def _run(self, job: Job, files: list[UploadFile]) -> None:
        from amity.store.ingest import SkipStoredPipeline, store_outcomes

        items = self._items(files)
        with self._lock:
            job.state, job.total = "running", len(items)
        if self._pipeline is None:
            self._pipeline = SkipStoredPipeline(self.settings, frozenset())
        pipeline = self._pipeline

        def outcomes(known: frozenset[str]) -> Any:
            pipeline.known = known
            return pipeline(items)

        with self.database.writer() as store:
            summary = store_outcomes(outcomes, store, command="upload " + " ".join(job.files),
                                     progress=_JobProgress(job, self._lock))
            new = store.con.execute("SELECT doc_id, title FROM documents WHERE run_id = ? "
                                    "ORDER BY title, doc_id", [summary.run_id]).fetchall()
        with self._lock:
            job.run_id = summary.run_id
            job.documents = [{"id": i, "title": t} for i, t in new]
            job.duplicate, job.failed = summary.duplicate, summary.failed
            job.failures = summary.failures[:50]
            job.stored = summary.new + summary.reprocessed
        self._finish(job, "done", summary.text().removeprefix("amity: "))
