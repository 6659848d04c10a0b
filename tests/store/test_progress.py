"""Ingest progress: a redrawn bar on a terminal, plain lines in logs, summary figures."""
from __future__ import annotations

import io

import pytest

from amity.store._progress import Progress
from amity.store.ingest import IngestSummary, estimate_inputs


def test_plain_output_prints_whole_lines_with_rate_and_eta() -> None:
    out = io.StringIO()
    progress = Progress(10, stream=out, tty=False, interval=0)
    progress.advance(4)
    progress.committed(4)
    line = out.getvalue()
    assert "\r" not in line and line.endswith("\n")
    assert line.startswith("amity: 4/10 documents, 4 stored,") and "docs/s" in line
    assert "ETA" in line


def test_terminal_output_redraws_one_line_and_keeps_notes_readable() -> None:
    out = io.StringIO()
    progress = Progress(10, stream=out, tty=True)
    progress.committed(1)
    progress.note("amity: x.txt: empty file [read]")
    progress.close()
    text = out.getvalue()
    assert text.count("\r") >= 2 and "▕" in text
    assert "\namity: x.txt: empty file [read]\n" in text.replace("\r\x1b[2K", "\n")


def test_quiet_progress_writes_nothing() -> None:
    out = io.StringIO()
    progress = Progress(10, stream=out, enabled=False, tty=False)
    progress.advance()
    progress.committed(1)
    progress.note("hidden")
    progress.close()
    assert out.getvalue() == ""


@pytest.mark.parametrize("word", ["3 new", "2 duplicate", "1 failed", "7 events", "4 quotes",
                                  "5 claims", "9 actors (6 new)"])
def test_summary_names_every_count(word: str) -> None:
    summary = IngestSummary("run", new=3, duplicate=2, failed=1, events=7, quotes=4, claims=5,
                            actors=9, new_actors=6, seconds=1.5)
    assert word in summary.text()


def test_input_estimate_counts_jsonl_lines(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.txt").write_text("one page")
    (tmp_path / "b.jsonl").write_text('{"text": "x"}\n{"text": "y"}\n\n')
    assert estimate_inputs([str(tmp_path)]) == 3
    assert estimate_inputs(["-"]) is None


class _NoNLP:
    """Stands in for spaCy: fails the test if any text reaches the NLP stages."""

    name = "none"

    def __call__(self, texts: list[str]) -> list[object]:
        assert not texts, "a stored document went through NLP"
        return []


def test_stored_articles_skip_nlp_on_a_rerun() -> None:
    from store_corpus import article

    from amity.clean import clean_page
    from amity.ingest import Page
    from amity.pipeline import document_id
    from amity.store.ingest import AlreadyStored, SkipStoredPipeline

    page = Page(source="a.txt", content=article(3), form="text")
    known = frozenset({document_id(clean_page(page).text)})
    pipeline = SkipStoredPipeline(None, known)
    pipeline._nlp = _NoNLP()
    (outcome,) = list(pipeline([page]))
    assert isinstance(outcome, AlreadyStored) and outcome.doc_id in known
