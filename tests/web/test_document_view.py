"""The document page's segments: the text cut at every highlight, nothing lost or doubled."""
from __future__ import annotations

import pytest

from amity.record import Actor, Document, Event, Evidence, Mention, Provenance, Quote
from amity.web.documents import segments

TEXT = 'Egypt said Qatar "will mediate the talks". Qatar agreed.'


def span(word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    return start, start + len(word)


def document() -> Document:
    egypt, qatar, qatar2 = span("Egypt"), span("Qatar"), span("Qatar", 1)
    quote = span('"will mediate the talks"')
    first = (0, TEXT.index(".") + 1)
    second = (first[1] + 1, len(TEXT))
    return Document(
        id="0" * 16, source="test", text=TEXT, provenance=Provenance("test"),
        actors=[Actor("EGY", "Egypt", "state", "EGY", mentions=[Mention(*egypt, "Egypt")]),
                Actor("QAT", "Qatar", "state", "QAT",
                      mentions=[Mention(*qatar, "Qatar"), Mention(*qatar2, "Qatar")])],
        events=[Event("EGY", "QAT", "CONSULT", "verbal_cooperation", 1.0,
                      Evidence(*first, TEXT[slice(*first)])),
                Event("QAT", "EGY", "AGREE", "verbal_cooperation", 1.0,
                      Evidence(*second, TEXT[slice(*second)])),
                Event("QAT", "EGY", "SUPPORT", "verbal_cooperation", 1.0,
                      Evidence(*second, TEXT[slice(*second)]))],
        quotes=[Quote("EGY", "direct", "will mediate the talks", *quote)])


def test_segments_put_the_text_back_together() -> None:
    assert "".join(s.text for s in segments(document())) == TEXT


@pytest.mark.parametrize("text,actor,quote,events", [
    ("Egypt", "EGY", None, [0]),
    ('"will mediate the talks"', None, 0, [0]),
    ("Qatar", "QAT", None, [1, 2]),
    (" agreed.", None, None, [1, 2]),
])
def test_each_segment_knows_its_highlights(text: str, actor: str | None, quote: int | None,
                                           events: list[int]) -> None:
    found = [s for s in segments(document()) if s.text == text]
    assert found and (found[-1].actor, found[-1].quote, found[-1].events) == (actor, quote,
                                                                                events)


def test_every_event_and_quote_gets_one_anchor() -> None:
    anchors = [a for s in segments(document()) for a in s.anchors]
    assert sorted(anchors) == ["ev-0", "ev-1", "ev-2", "q-0"]


@pytest.mark.parametrize("start,end", [(-5, 3), (50, 999), (10, 10)])
def test_offsets_outside_the_text_are_clipped_or_ignored(start: int, end: int) -> None:
    doc = document()
    doc.quotes.append(Quote(None, "direct", "x", start, end))
    assert "".join(s.text for s in segments(doc)) == TEXT
