"""Time expressions resolved against the document's date, at the text's precision."""
from __future__ import annotations

from datetime import date

import pytest

from amity.events.dates import resolve_expression

PUBLISHED = date(2020, 1, 15)  # a Wednesday


@pytest.mark.parametrize("text, expected", [
    ("on Tuesday", "2020-01-14"),
    ("Wednesday", "2020-01-15"),
    ("last Wednesday", "2020-01-08"),
    ("yesterday", "2020-01-14"),
    ("last month", "2019-12"),
    ("last year", "2019"),
    ("last summer", "2019"),
    ("in 2017", "2017"),
    ("January 2020", "2020-01"),
    ("Dec. 3, 2019", "2019-12-03"),
    ("3 December 2019", "2019-12-03"),
    ("August 31", "2019-08-31"),  # a day after the publication date is last year's
    ("January 10", "2020-01-10"),
])
def test_expression_resolves_against_publication_date(text, expected):  # type: ignore[no-untyped-def]
    assert resolve_expression(text, PUBLISHED) == expected


@pytest.mark.parametrize("text, expected", [
    ("on Tuesday", None),
    ("last month", None),
    ("in 2017", "2017"),
    ("January 2020", "2020-01"),
])
def test_without_publication_date_only_absolute_dates_resolve(text, expected):  # type: ignore[no-untyped-def]
    assert resolve_expression(text, None) == expected


@pytest.mark.parametrize("text", ["the past two days", "recently", "next week"])
def test_vague_or_future_expressions_do_not_resolve(text):  # type: ignore[no-untyped-def]
    assert resolve_expression(text, PUBLISHED) is None


def test_last_summer_late_in_the_year_is_this_years_summer():  # type: ignore[no-untyped-def]
    assert resolve_expression("last summer", date(2020, 11, 2)) == "2020"
