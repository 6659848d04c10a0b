"""Time expressions resolved against the document's date, at the precision the text gives."""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from spacy.tokens import Span, Token

MONTHS = {m: i + 1 for i, m in enumerate((
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december"))}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate((
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}

_MONTH = (r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
          r"|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
PATTERNS = [
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!\s*,?\s*(?:19|20)\d\d)", re.I),
    re.compile(rf"\b{_DAY}\s+{_MONTH}\b", re.I),
    re.compile(r"\b(?P<iso>(?:19|20)\d{2}-\d{2}-\d{2})\b"),
    re.compile(r"\b(?P<rel>yesterday|today|tonight|this week|last week|this month|last month|"
               r"this year|last year|next (?:week|month|year))\b", re.I),
    re.compile(r"\b(?:(?P<which>last|this|on|earlier this|late|early)\s+)?"
               r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I),
    re.compile(r"\b(?P<swhich>last|this|next)\s+(?P<season>spring|summer|autumn|fall|winter)\b",
               re.I),
    re.compile(rf"\b(?:in|since|during|by|of|early|late|mid-?)\s*{_YEAR}\b", re.I),
    re.compile(rf"^{_YEAR}$"),
]


def _month_before(published: date | None, month: int, day: int | None) -> int | None:
    """The year of a month (and day) named without one: the latest not after `published`."""
    if published is None:
        return None
    year = published.year
    if (month, day or 1) > (published.month, published.day):
        year -= 1
    return year


def resolve_expression(text: str, published: date | None) -> str | None:
    """`text` (a time expression) as YYYY-MM-DD, YYYY-MM or YYYY, or None when unresolvable."""
    for pattern in PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        g = m.groupdict()
        if g.get("iso"):
            return g["iso"]
        if g.get("month"):
            name = g["month"].lower().rstrip(".")
            month = MONTHS.get(name) or MONTHS.get(name[:3])
            if month is None:
                continue
            day = int(g["day"]) if g.get("day") else None
            if day is not None and not 1 <= day <= 31:
                continue
            year = int(g["year"]) if g.get("year") else _month_before(published, month, day)
            if year is None:
                return None
            if day is None:
                return f"{year:04d}-{month:02d}"
            try:
                return date(year, month, day).isoformat()
            except ValueError:
                return None
        if g.get("rel"):
            return _relative(g["rel"].lower(), published)
        if g.get("weekday"):
            if published is None:
                return None
            target = WEEKDAYS[g["weekday"].lower()]
            back = (published.weekday() - target) % 7
            if (g.get("which") or "").lower() == "last" and back == 0:
                back = 7
            return (published - timedelta(days=back)).isoformat()
        if g.get("season"):
            if published is None:
                return None
            start = SEASONS[g["season"].lower()]
            which = g["swhich"].lower()
            year = published.year
            if which == "last":  # the latest season already over
                year -= 0 if start != 12 and published.month > start + 2 else 1
            elif which == "next":
                year += 1 if start <= published.month else 0
            return f"{year:04d}"  # a season spans months: the year is the honest precision
        if g.get("year"):
            return g["year"]
    return None


def _relative(rel: str, published: date | None) -> str | None:
    if published is None:
        return None
    if rel in ("today", "tonight"):
        return published.isoformat()
    if rel == "yesterday":
        return (published - timedelta(days=1)).isoformat()
    if rel == "this week":
        return published.isoformat()
    if rel == "last week":
        return (published - timedelta(days=7)).strftime("%Y-%m")
    if rel == "this month":
        return published.strftime("%Y-%m")
    if rel == "last month":
        first = published.replace(day=1) - timedelta(days=1)
        return first.strftime("%Y-%m")
    if rel == "this year":
        return f"{published.year:04d}"
    if rel == "last year":
        return f"{published.year - 1:04d}"
    return None  # "next ...": a plan, not the event's date


def event_date(trigger: Token, sent: Span, published: date | None,
               is_event: Callable[[Token], bool] | None = None) -> str | None:
    """The date of the event `trigger` reports: its clause's time expression, else `published`.

    A time expression that hangs under another event word (`is_event`) dates that event
    ("accused Lai after his stopover last Saturday": Saturday is the stopover's)."""
    best: tuple[int, str] | None = None
    for ent in sent.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        if is_event is not None and _dates_another_event(ent.root, trigger, is_event):
            continue
        value = resolve_expression(ent.text, published)
        if value is None and ent.label_ == "DATE":
            # "on Tuesday" with no "on" in the entity, "in 2017" as just "2017"
            value = resolve_expression(sent.doc[max(ent.start - 1, sent.start):ent.end].text,
                                       published)
        if value is None:
            continue
        distance = _tree_distance(trigger, ent.root)
        if best is None or distance < best[0]:
            best = (distance, value)
    if best is not None:
        return best[1]
    return published.isoformat() if published is not None else None


def _dates_another_event(root: Token, trigger: Token, is_event: Callable[[Token], bool]
                         ) -> bool:
    """True when the path from a time expression up to the trigger passes another event."""
    ancestors = {t.i for t in trigger.ancestors} | {trigger.i}
    node = root
    while node.i not in ancestors:
        node = node.head
        if node.i != trigger.i and node.i not in ancestors and is_event(node):
            return True
        if node.head.i == node.i:
            break
    return False


def _tree_distance(a: Token, b: Token) -> int:
    """Edges between two tokens in the parse tree (the time expression nearest the trigger)."""
    up_a = [a, *a.ancestors]
    index = {t.i: n for n, t in enumerate(up_a)}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in index:
            return n + index[t.i]
    return 99
