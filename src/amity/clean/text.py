"""Plain-text page copies: keep the headline and the main story, cut the page furniture.

Each line is first matched against the junk patterns (junk.yaml), then judged by its shape
and its neighbours: the head of the page (before the first paragraph of prose) holds the
headline, captions and menus; runs of headlines inside the body are lists of other stories;
the lines above a "keep reading" marker are another story's teaser.
"""
from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass

from amity.clean import dates
from amity.clean._junk import (
    ends_sentence,
    function_share,
    is_headline,
    is_label,
    junk_patterns,
    split_credit,
    words,
)
from amity.clean.core import Cleaned
from amity.record import Removed

BODY_MIN_WORDS = 15  # the first paragraph of the story is at least this long
HEADLINE_MAX_WORDS = 22  # an unpunctuated line longer than this is prose, not a headline
TEASER_PARAGRAPHS = 4  # a teaser of another story shows at most this many paragraphs
COMMENTS_AFTER_WORDS = 150  # a comments header after less story than this is a counter
TITLE_MIN_OVERLAP = 0.4  # share of a headline's content words the story repeats
TITLE_FALLBACK_OVERLAP = 0.15  # a witty headline still shares a word or two with its story
_MD_IMAGE = re.compile(r"^!\[([^\]]*)\]\([^)]*\)\s*$")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_ONLY_LINK = re.compile(r"^[*+-]?\s*\[[^\]]+\]\([^)]*\)\s*$")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_RULE = re.compile(r"^([-*_=]\s*){3,}$")
_STOP = frozenset(
    "the a an of to in on at for with by from and or but as is are was were be been has have "
    "had that this it its over after into says said will would".split())
# A headline pasted in front of a sentence with no full stop: "... Lai The trip has ...".
_SENTENCE_START = re.compile(
    r"(?<=[\w’'])\s+(?=(?-i:The|A|An|He|She|It|They|We|This|That|These|Those|His|Her|Their|Its|"
    r"In|On|At|But|And|As|After|While|When|Meanwhile|However|Earlier|Later)\s+[a-z])")
_SENTENCE_END = re.compile(r"(?<=[.!?])['\"”’)]*\s+")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_BULLET = re.compile(r"^[-•*–·▪◦]\s")
_REPORTED = re.compile(r"\b(said|says|told|according to|announced|reported)\b", re.I)


@dataclass(slots=True)
class _Line:
    text: str
    kind: str | None = None  # the removal kind, once the line is judged furniture
    link_only: bool = False
    story: bool = False  # kept whatever its shape (an embedded post)


def _content_words(text: str) -> set[str]:
    return {w.lower()[:5] for w in words(text) if len(w) > 2 and w.lower() not in _STOP}


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[\W_]+", " ", text).strip()


def _prepare(text: str) -> tuple[list[_Line], str | None]:
    """Non-empty stripped lines (markdown reduced to text) and a leading "date" stamp."""
    stamp: str | None = None
    lines: list[_Line] = []
    follows = False  # the previous raw line had text: a hard-wrapped line may go on here
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _INVISIBLE.sub("", raw).strip().replace("\u00a0", " ")
        if not lines and stamp is None:
            stamp, line = dates.dataset_date(line)
            line = line.strip()
        wrapped = follows and _continues(lines[-1], line) if lines else False
        follows = bool(line)
        if wrapped:
            lines[-1].text = f"{lines[-1].text} {line}"
            continue
        if not line or _MD_RULE.match(line):
            continue
        if m := _MD_IMAGE.match(line):
            if m.group(1).strip():
                lines.append(_Line(m.group(1).strip(), kind="caption"))
            continue
        link_only = bool(_MD_ONLY_LINK.match(line))
        line = _MD_HEADING.sub("", _MD_LINK.sub(r"\1", line)).replace("**", "").strip()
        if line:
            lines.append(_Line(line, link_only=link_only))
    return lines, stamp


def _continues(previous: _Line, line: str) -> bool:
    """True when `line` carries on a sentence hard-wrapped at the end of `previous`."""
    return (len(previous.text) >= 30 and line[:1].islower() and not previous.link_only
            and not ends_sentence(previous.text) and previous.kind is None
            and junk_patterns().kind_of(line) is None)


def _body_start(lines: list[_Line]) -> int:
    """Index of the story's first paragraph: the first long line of prose."""
    for i, line in enumerate(lines):
        if line.kind is None and not line.link_only and len(words(line.text)) >= BODY_MIN_WORDS \
                and not is_headline(line.text, longest=HEADLINE_MAX_WORDS):
            return i
    for i, line in enumerate(lines):
        if line.kind is None and ends_sentence(line.text) and len(words(line.text)) >= 8:
            return i
    return len(lines)


def _judge_head(lines: list[_Line], start: int) -> int | None:
    """Pick the headline among the lines before the body and judge the rest; its index."""
    body_words: set[str] = set()
    for line in lines[start:]:
        if line.kind is None:
            body_words |= _content_words(line.text)
    overlap: dict[int, float] = {}
    candidates: list[int] = []
    for i in range(start):
        if lines[i].kind is not None:
            continue
        own = _content_words(lines[i].text)
        overlap[i] = len(own & body_words) / len(own) if own else 0.0
        if 3 <= len(words(lines[i].text)) <= 30 and not lines[i].text.rstrip().endswith(".") \
                and not lines[i].link_only:
            candidates.append(i)
    # the headline the story echoes most (a longer one over a bare name or "Terms of Service"),
    # standing close above it; else the one nearest the story that it echoes a bit
    echoed = [i for i in candidates if overlap[i] >= TITLE_MIN_OVERLAP or start == len(lines)]
    title = max(echoed, key=lambda i: (overlap[i] * min(len(words(lines[i].text)), 10)
                                       - 0.1 * (start - i), -i), default=None)
    if title is None:
        title = next((i for i in reversed(candidates) if overlap[i] >= TITLE_FALLBACK_OVERLAP
                      and len(words(lines[i].text)) >= 4), None)
    for i in overlap:
        line = lines[i]
        if i == title:
            continue
        if is_label(line.text) or line.link_only:
            line.kind = "navigation"
        elif title is not None and ends_sentence(line.text) and len(words(line.text)) <= 20 \
                and not _REPORTED.search(line.text) and not dates.starts_with_dateline(line.text):
            line.kind = "caption"  # a short sentence under the headline describes the picture
        elif title is not None and _names_only(line.text):
            line.kind = "caption"  # a person's name and office under a portrait
        elif overlap[i] < TITLE_MIN_OVERLAP and not ends_sentence(line.text) \
                and len(words(line.text)) <= 12:
            line.kind = "navigation"
    return title


def _names_only(text: str) -> bool:
    tokens = words(text)
    return 2 <= len(tokens) <= 8 and all(t[:1].isupper() for t in tokens)


def _mark_media_titles(lines: list[_Line]) -> None:
    """The headline-shaped line after "your browser doesn't support video" names the video."""
    patterns = junk_patterns()
    for i, line in enumerate(lines[:-1]):
        nxt = lines[i + 1]
        if patterns.announces_media(line.text) and nxt.kind is None and (
                is_headline(nxt.text) or is_label(nxt.text)):
            nxt.kind = "caption"


def _mark_teaser_blocks(lines: list[_Line], start: int, title: int | None) -> None:
    """Lines above a "keep reading" marker, up to the headline over them, are a teaser."""
    patterns = junk_patterns()
    for i, line in enumerate(lines):
        if i <= start or not patterns.ends_teaser(line.text):
            continue
        line.kind = line.kind or "teaser"
        block: list[int] = []
        paragraphs = 0
        j = i - 1
        while j > start and lines[j].kind is None and j != title:
            if is_headline(lines[j].text):  # the teaser's headline, and any labels over it
                block.append(j)
                j -= 1
                while j > start and lines[j].kind is None and j != title \
                        and is_label(lines[j].text):
                    block.append(j)
                    j -= 1
                for k in block:
                    lines[k].kind = "teaser"
                break
            if not is_label(lines[j].text):
                paragraphs += 1
                if paragraphs > TEASER_PARAGRAPHS:
                    break  # too long for a teaser: this is the main story
            block.append(j)
            j -= 1


def _mark_comments(lines: list[_Line], start: int) -> None:
    """Readers' comments below the story: from their header to the end of the page."""
    patterns = junk_patterns()
    story_words = 0
    for i in range(start, len(lines)):
        if patterns.opens_comments(lines[i].text) and story_words >= COMMENTS_AFTER_WORDS:
            for line in lines[i:]:
                line.kind = line.kind or "other"
            return
        if lines[i].kind is None:
            story_words += len(words(lines[i].text))


def _mark_teaser_sections(lines: list[_Line], start: int) -> None:
    """After a "More news" header: headlines, each maybe with a summary, until prose resumes.

    Headlines listed one after another end at the first prose; headlines each followed by a
    summary are cut only when there are two stories or they run to the end of the page or
    to furniture, so that one related link before the story's next paragraph costs nothing.
    """
    patterns = junk_patterns()
    for i in range(start + 1, len(lines)):
        if not patterns.starts_section(lines[i].text):
            continue
        lines[i].kind = lines[i].kind or "teaser"
        items: list[int] = []
        stories = 0
        j = i + 1
        while j < len(lines) and lines[j].kind is None:
            text = lines[j].text
            if is_headline(text, longest=25) or is_label(text):
                stories += is_headline(text, longest=25)
            elif not (items and lines[items[-1]].kind is None and _is_title_line(lines, items[-1])):
                break  # prose that no headline introduces: the main story again
            items.append(j)
            j += 1
        headlines = list(itertools.takewhile(lambda k: _is_title_line(lines, k), items))
        if len(headlines) >= 2 or not (stories >= 2 or j == len(lines)
                                       or lines[j].kind is not None):
            # a list of links, or one story whose "summary" may be the main story going on
            items = headlines
        for k in items:
            lines[k].kind = "teaser" if not is_label(lines[k].text) else "navigation"


def _is_title_line(lines: list[_Line], k: int) -> bool:
    return is_headline(lines[k].text, longest=25) or is_label(lines[k].text)


def _mark_headline_runs(lines: list[_Line], title: int | None) -> None:
    """Two or more headline-shaped lines in a row (the headline aside) list other stories."""
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and j != title and lines[j].kind is None \
                and not _BULLET.match(lines[j].text) \
                and (is_headline(lines[j].text, longest=25) or is_label(lines[j].text)) \
                and not (j == len(lines) - 1 and len(words(lines[j].text)) >= 10):
            j += 1  # (a long last line without a full stop is the story, cut off mid-sentence)
        run = lines[i:j]
        introduced = i > 0 and lines[i - 1].text.rstrip().endswith(":")  # a list, announced
        if len(run) >= 2 and not introduced and any(is_headline(line.text) for line in run):
            for line in run:
                line.kind = "teaser" if is_headline(line.text) else "navigation"
        i = max(j, i + 1)


def _mark_stray_labels(lines: list[_Line], start: int) -> None:
    """Labels and link lines beside furniture are furniture too (menus, section names)."""
    changed = True
    while changed:
        changed = False
        for i in range(start, len(lines)):
            line = lines[i]
            if line.kind is not None:
                continue
            near = [lines[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
            junk_near = sum(n.kind is not None for n in near)
            if is_label(line.text) or line.link_only:
                if junk_near or (line.link_only and i == len(lines) - 1):
                    line.kind = "teaser" if is_headline(line.text) else "navigation"
                    changed = True
            elif is_headline(line.text, longest=25) and junk_near == 2:
                line.kind = "teaser"  # a lone headline between pieces of furniture
                changed = True


def _split_glued(text: str, first: bool) -> tuple[str, list[str], str | None]:
    """Cut headlines pasted between sentences; a headline glued to the start may be the title."""
    starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]
    ends = starts[1:] + [len(text)]
    spans: list[tuple[int, int]] = []  # what to cut, as offsets into `text`
    title: str | None = None
    for n, (start, end) in enumerate(zip(starts, ends, strict=True)):
        m = _SENTENCE_START.search(text, start, end)
        head = text[start:m.start()] if m else ""
        if m and 3 <= len(words(head)) <= 20 and function_share(head) < 0.35 \
                and not ends_sentence(head):
            if first and n == 0:
                title = head.strip()
            else:
                spans.append((start, m.end()))
    kept, cut, at = [], [], 0
    for start, end in spans:
        kept.append(text[at:start])
        cut.append(text[start:end].strip())
        at = end
    kept.append(text[at:])
    return "".join(kept), cut, title


def _publication_date(lines: list[_Line], stamp: str | None, url: str | None) -> str | None:
    if stamp:
        return stamp
    for line in lines[:60]:
        if value := dates.date_line(line.text) or dates.stated_date(line.text):
            return value
    if value := dates.url_date(url):
        return value
    year = dates.page_year("\n".join(line.text for line in lines), url)
    for line in lines[:40]:
        if value := dates.dateline_date(line.text, year):
            return value
    return None


def clean_text(text: str, url: str | None = None) -> Cleaned:
    """Main story of a plain-text page copy, with its headline, date and what was cut."""
    lines, stamp = _prepare(text)
    published = _publication_date(lines, stamp, url)
    patterns = junk_patterns()
    for line in lines:
        if line.kind is None:
            line.kind = patterns.kind_of(line.text) or (
                "other" if dates.date_line(line.text) else None)
    for i, line in enumerate(lines):
        if line.kind is None and patterns.is_story(line.text):
            line.story = True
            if i and lines[i - 1].kind is None:
                lines[i - 1].story = True
    start = _body_start(lines)
    title = _judge_head(lines, start)
    _mark_media_titles(lines)
    _mark_comments(lines, start)
    _mark_teaser_blocks(lines, start, title)
    _mark_teaser_sections(lines, start)
    _mark_headline_runs(lines, title)
    _mark_stray_labels(lines, start)

    removed: list[Removed] = []
    kept: list[str] = []
    seen: set[str] = set()
    title_text = lines[title].text if title is not None else None
    for line in lines:
        if line.story:
            line.kind = None
        if line.kind is not None:
            caption, credit = split_credit(line.text) if line.kind == "caption" else (
                line.text, None)
            removed.append(Removed(line.kind, caption))
            if credit:
                removed.append(Removed("credit", credit))
            continue
        key = _norm(line.text)
        if key in seen:
            removed.append(Removed("other", line.text))  # the headline or a paragraph, again
            continue
        seen.add(key)
        body, cut, glued_title = _split_glued(line.text, first=not kept)
        removed.extend(Removed("teaser", c) for c in cut)
        if glued_title and title_text is None:
            title_text = glued_title
        kept.append(body)
    return Cleaned(text="\n\n".join(kept), title=title_text, published=published, url=url,
                   removed=removed)
