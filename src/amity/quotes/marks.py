"""Stretches of text between quote marks, whatever the typography, paragraph by paragraph."""
from __future__ import annotations

import re
from dataclasses import dataclass

OPEN_DOUBLE = "“„«"
CLOSE_DOUBLE = "”»"
STRAIGHT_DOUBLE = '"'
DOUBLE = OPEN_DOUBLE + CLOSE_DOUBLE + STRAIGHT_DOUBLE
OPEN_SINGLE = "‘‹"
CLOSE_SINGLE = "’›"
STRAIGHT_SINGLE = "'"
# What may precede an opening mark / follow a closing mark.
_BEFORE_OPEN = " \t([{—–-/“\""
_AFTER_CLOSE = " \t.,;:!?)]}—–-”\"…"


@dataclass(frozen=True, slots=True)
class QuoteMarks:
    """The quoted words [start, end) and where their marks are.

    `open_at` is None when the paragraph starts inside the quote (its opening mark was lost);
    `close_at` is None when the quote runs to the end of its paragraph without closing.
    """

    start: int
    end: int
    open_at: int | None
    close_at: int | None


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Character spans of the non-empty lines of `text`."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _double_role(text: str, i: int, inside: bool) -> str:
    """'open' or 'close'; 'reopen' for an opening mark met inside a quote (whose own closing
    mark was lost)."""
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    looks_open = (before in _BEFORE_OPEN or before == "\n") and (_is_word(after) or after in "[…")
    looks_close = not before.isspace() and (after in _AFTER_CLOSE or after == "\n")
    if ch in OPEN_DOUBLE:
        return "reopen" if inside else "open"
    if ch in CLOSE_DOUBLE:
        return "close"
    if inside:
        return "reopen" if looks_open and not looks_close else "close"
    return "close" if looks_close and not looks_open else "open"


_LOST_CLOSE = re.compile(r"[.!?](?=\s)")


def _double_spans(text: str, start: int, end: int) -> list[QuoteMarks]:
    spans: list[QuoteMarks] = []
    open_at: int | None = None
    for i in range(start, end):
        if text[i] not in DOUBLE:
            continue
        if text[i] == STRAIGHT_DOUBLE and i > start and text[i - 1].isdigit():
            continue  # inches: 22" long
        role = _double_role(text, i, open_at is not None)
        if role == "reopen" and open_at is not None:
            # The quote open before lost its closing mark: it ends with its first sentence.
            stop = _LOST_CLOSE.search(text, open_at + 1, i)
            spans.append(QuoteMarks(open_at + 1, stop.end() if stop else i, open_at, None))
            open_at = i
        elif role == "open":
            open_at = i
        elif open_at is not None:
            spans.append(QuoteMarks(open_at + 1, i, open_at, i))
            open_at = None
        elif not spans and text[i] in "”\"" and len(text[start:i].split()) >= 3:
            spans.append(QuoteMarks(start, i, None, i))
    if open_at is not None and text[open_at + 1:end].strip():
        spans.append(QuoteMarks(open_at + 1, end, open_at, None))
    return spans


def _single_spans(text: str, start: int, end: int) -> list[QuoteMarks]:
    """Single-mark quotes; apostrophes (al-Qaida’s, doesn't, Iranians’) are not marks."""
    spans: list[QuoteMarks] = []
    open_at: int | None = None
    for i in range(start, end):
        ch = text[i]
        if ch not in OPEN_SINGLE + CLOSE_SINGLE + STRAIGHT_SINGLE:
            continue
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        opens = (ch in OPEN_SINGLE or ch == STRAIGHT_SINGLE) and before in _BEFORE_OPEN \
            and (_is_word(after) or after == "[")
        closes = (ch in CLOSE_SINGLE or ch == STRAIGHT_SINGLE) and not before.isspace() \
            and (after in _AFTER_CLOSE)
        if open_at is None and opens:
            open_at = i
        elif open_at is not None and closes and i - open_at > 1:
            spans.append(QuoteMarks(open_at + 1, i, open_at, i))
            open_at = None
    return spans


def find_marks(text: str) -> list[QuoteMarks]:
    """Quoted stretches in `text`, a quote left open at a paragraph's end running on into the
    next paragraph when that one opens with a quote mark (the newspaper convention)."""
    by_para: list[list[QuoteMarks]] = []
    paras = paragraphs(text)
    for p_start, p_end in paras:
        doubles = _double_spans(text, p_start, p_end)
        singles = [s for s in _single_spans(text, p_start, p_end)
                   if not any(d.open_at is not None and d.start - 1 <= s.open_at < d.end  # type: ignore[operator]
                              for d in doubles)]
        by_para.append(sorted(doubles + singles, key=lambda q: q.start))
    out: list[QuoteMarks] = []
    carry: QuoteMarks | None = None
    for (p_start, p_end), spans in zip(paras, by_para, strict=True):
        first_char = p_start + len(text[p_start:p_end]) - len(text[p_start:p_end].lstrip())
        if carry is not None and (not spans or spans[0].open_at != first_char):
            out.append(carry)
            carry = None
        for j, span in enumerate(spans):
            if carry is not None:
                span = QuoteMarks(carry.start, span.end, carry.open_at, span.close_at)
                carry = None
            if span.close_at is None and j == len(spans) - 1:
                carry = span
            else:
                out.append(span)
    if carry is not None:
        out.append(carry)
    return [_trim(text, q) for q in out if text[q.start:q.end].strip()]


def _trim(text: str, q: QuoteMarks) -> QuoteMarks:
    """Content without the spaces just inside the marks."""
    start, end = q.start, q.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    return QuoteMarks(start, end, q.open_at, q.close_at)
