"""The date a document speaks from, when it has no publication date."""
from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from amity.actors.dictionary import Entry

_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


def infer_date(text: str, officials: Iterable[Entry], today: date | None = None) -> date:
    """The day best supported by the text: when most of the named officials were in office.

    Candidate days are the starts and ends of the named officials' terms (and 1 July of each
    year the text names); a day scores one point per official in office then, half a point if
    its year is named in the text; ties go to the latest day. Without officials or years: today.
    """
    today = today or date.today()
    years = {int(y) for y in _YEAR.findall(text) if int(y) <= today.year}
    people = [e for e in officials if e.roles]
    candidates: set[date] = {date(y, 7, 1) for y in years}
    for e in people:
        for r in e.roles:
            for d in (r.start, r.end):
                if d is not None and d <= today:
                    candidates.add(d)
    if not candidates:
        return today

    def score(d: date) -> tuple[float, date]:
        held = sum(1 for e in people if e.role_on(d) is not None)
        return held + (0.5 if d.year in years else 0.0), d

    return max(candidates, key=score)
