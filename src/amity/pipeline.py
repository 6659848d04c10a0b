"""The per-document half of amity: page → clean → nlp → actors → quotes → events → claims → record.

One failing document never sinks a batch: each stage's error becomes a `Failure` naming the
document and the stage, and the rest go on.
"""
from __future__ import annotations

import hashlib
import re
import signal
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from amity import __version__
from amity.clean import Cleaned, NotAnArticle, NotEnglish, clean_page
from amity.ingest import Failure, Item, Page
from amity.record import Document, Provenance, parse_day
from amity.settings import Settings, load_settings

Outcome = Document | Failure
#: A news article's actors, quotes, events and claims take well under a second; one that runs
#: past this is stuck (a rule looping on an odd parse) and becomes that document's failure.
ANALYSIS_SECONDS = 10.0


class AnalysisOvertime(Exception):
    """The analysis of one document ran past ANALYSIS_SECONDS."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise AnalysisOvertime in the block after `seconds` (main thread only: elsewhere,
    such as a web server's worker thread, the block runs unlimited)."""
    if (seconds <= 0 or threading.current_thread() is not threading.main_thread()
            or not hasattr(signal, "setitimer")):
        yield
        return

    def overtime(signum: int, frame: object) -> None:
        raise AnalysisOvertime(f"analysis ran past {seconds:g} s; left out")

    previous = signal.signal(signal.SIGALRM, overtime)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def document_id(text: str) -> str:
    """Stable id of an article: a hash of its main text, normalised for case and spacing."""
    norm = unicodedata.normalize("NFKC", text).casefold()
    norm = re.sub(r"\s+", " ", norm).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


class Pipeline:
    """Settings in `__init__` (the model loads once, on first use), documents in `__call__`."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or load_settings()
        self._nlp: object | None = None

    @property
    def nlp(self):  # type: ignore[no-untyped-def]
        if self._nlp is None:
            from amity.nlp import NLP

            self._nlp = NLP(self.settings.model, batch_size=self.settings.batch_size,
                            n_process=self.settings.n_process)
        return self._nlp

    def provenance(self) -> Provenance:
        from amity.actors.dictionary import DICTIONARY_VERSION
        from amity.events.lexicon import LEXICON_VERSION

        return Provenance(amity=__version__, model=self.nlp.name,
                          dictionary=DICTIONARY_VERSION, lexicon=LEXICON_VERSION)

    def __call__(self, items: Iterable[Item]) -> Iterator[Outcome]:
        """Records (or failures) for `items`, in input order, parsed in batches."""
        batch: list[Item] = []
        for item in items:
            batch.append(item)
            if len(batch) >= self.settings.batch_size:
                yield from self._batch(batch)
                batch = []
        if batch:
            yield from self._batch(batch)

    def _batch(self, items: list[Item]) -> Iterator[Outcome]:
        cleaned: list[tuple[Page, Cleaned] | Failure] = [
            item if isinstance(item, Failure) else self._clean(item) for item in items]
        texts = [c[1].text for c in cleaned if not isinstance(c, Failure)]
        docs = iter(self.nlp(texts))
        provenance = self.provenance()
        for entry in cleaned:
            if isinstance(entry, Failure):
                yield entry
                continue
            page, clean = entry
            yield self._analyse(page, clean, next(docs), provenance)

    @staticmethod
    def _clean(page: Page) -> tuple[Page, Cleaned] | Failure:
        try:
            return page, clean_page(page)
        except NotEnglish as exc:
            return Failure(page.source, str(exc), stage="clean", line=page.line, skipped=True)
        except NotAnArticle as exc:
            return Failure(page.source, str(exc), stage="clean", line=page.line)
        except Exception as exc:  # noqa: BLE001 - one bad page must not sink the batch
            return Failure(page.source, f"{type(exc).__name__}: {exc}", stage="clean",
                           line=page.line)

    @staticmethod
    def _analyse(page: Page, clean: Cleaned, doc: object, provenance: Provenance) -> Outcome:
        from amity.actors import find_actors
        from amity.claims import find_claims
        from amity.events import code_events
        from amity.quotes import find_reports

        record = Document(id=document_id(clean.text), source=page.source, text=clean.text,
                          provenance=provenance, title=clean.title, published=clean.published,
                          site=clean.site, url=clean.url, language=clean.language,
                          removed=clean.removed, warnings=list(page.warnings))
        published = parse_day(clean.published)
        stage = "actors"
        try:
            with time_limit(ANALYSIS_SECONDS):
                table = find_actors(doc, published)  # type: ignore[arg-type]
                stage = "quotes"
                reports = find_reports(doc, table)  # type: ignore[arg-type]
                record.quotes = [r.quote for r in reports]
                stage = "events"
                record.events = code_events(doc, table, record.quotes, published)  # type: ignore[arg-type]
                stage = "claims"
                record.claims = find_claims(doc, table, record.quotes, record.events,  # type: ignore[arg-type]
                                            reports)
                record.actors = table.to_record_actors()
        except AnalysisOvertime as exc:
            return Failure(page.source, str(exc), stage=stage, line=page.line)
        except Exception as exc:  # noqa: BLE001 - recorded as this document's failure
            return Failure(page.source, f"{type(exc).__name__}: {exc}", stage=stage,
                           line=page.line)
        return record


def extract(paths: Iterable[str], settings: Settings | None = None) -> Iterator[Outcome]:
    """Records for every page under `paths` (the library form of `amity extract`)."""
    from amity.ingest import read_inputs

    yield from Pipeline(settings)(read_inputs(paths))
