"""Plain-text helpers of the quote finder: sentence ends, headlines, word counts."""
from __future__ import annotations

import re

from amity.quotes.marks import paragraphs

SENTENCE_END = re.compile(r"[.!?](?=[\s”\"’]|$)")
_FUNCTION_WORDS = frozenset({"a", "an", "the", "as", "of", "to"})


def content_words(text: str) -> int:
    """Words that carry content: "an intrigue" is one, "warmongering lies" two."""
    return sum(1 for w in re.findall(r"[\w’'-]+", text) if w.lower() not in _FUNCTION_WORDS)


def title_case_lines(text: str) -> list[tuple[int, int]]:
    """Lines Written Like This (headlines), four words or more, with no full stop."""
    out = []
    for start, end in paragraphs(text):
        line = text[start:end].strip()
        words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", line) if len(w) > 3]
        if len(words) >= 4 and not line.endswith(".") and sum(
                w[0].isupper() for w in words) >= 0.8 * len(words):
            out.append((start, end))
    return out


def alone_on_line(text: str, start: int, end: int) -> bool:
    """Nothing but the quotation (and its marks) on its line: a quoted subheading."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    return len(line.strip()) - (end - start) <= 4


def outside(text: str, s_start: int, s_end: int, start: int, end: int) -> str:
    """The sentence's words outside the quoted span (where channel cues are)."""
    return text[s_start:max(s_start, start)] + " " + text[min(s_end, end):s_end]


def sentence_start(text: str, pos: int, paras: list[tuple[int, int]]) -> int:
    """Start of the sentence holding `pos`, within its paragraph, past white space."""
    p_start = next((a for a, b in paras if a <= pos < b), 0)
    ends = list(SENTENCE_END.finditer(text, p_start, pos))
    start = ends[-1].end() if ends else p_start
    while start < pos and text[start].isspace():
        start += 1
    return start


def frame_end(text: str, start: int, limit: int) -> int:
    """End of a trailing frame: the sentence end, past an abbreviation-like full stop."""
    pos = start
    while True:
        m = SENTENCE_END.search(text, pos, limit)
        if m is None:
            return limit
        nxt = text[m.end():limit].lstrip()
        if nxt[:1].islower():
            pos = m.end()
            continue
        return m.end()
