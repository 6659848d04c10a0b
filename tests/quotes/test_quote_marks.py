"""Quote marks of every typography, paragraph by paragraph (no model needed)."""
from __future__ import annotations

import pytest

from amity.quotes.marks import find_marks


def quoted(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_marks(text)]


@pytest.mark.parametrize("text,expected", [
    ("“We will respond,” the minister said.", ["We will respond"]),
    ('"We will respond," the minister said.', ["We will respond"]),
    ("« Nous répondrons », a dit le ministre.", ["Nous répondrons"]),
    ("'Iraq wants a role for Tehran,' the minister said.", ["Iraq wants a role for Tehran"]),
    ("He said the plan was “dead on arrival” and left.", ["dead on arrival"]),
])
def test_quote_marks_of_every_style(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


def test_nested_single_quotes_stay_inside_the_double_quote() -> None:
    text = "“To call Ankara a ‘safe haven’ is wrong,” she said."
    assert quoted(text) == ["To call Ankara a ‘safe haven’ is wrong"]


@pytest.mark.parametrize("text", [
    "Hezbollah’s fighters didn't retreat from the Iranians’ positions.",
    "The ministry's statement came after the envoys' visit.",
])
def test_apostrophes_are_not_quote_marks(text: str) -> None:
    assert quoted(text) == []


def test_an_unclosed_quote_runs_on_into_the_next_paragraph_that_opens_one() -> None:
    text = ("“We have no interest in war,” the spokesman said. “But we will defend ourselves.\n\n"
            "“Our patience has limits,” he added.")
    found = quoted(text)
    assert found[0] == "We have no interest in war"
    assert found[1].startswith("But we will defend ourselves.")
    assert found[1].endswith("Our patience has limits")
    assert len(found) == 2


def test_an_unclosed_quote_ends_with_its_paragraph_when_the_next_does_not_continue() -> None:
    text = "“We reject the offer entirely.\n\nThe talks resumed on Monday."
    assert quoted(text) == ["We reject the offer entirely."]


def test_a_paragraph_starting_inside_a_quote_is_quoted_from_its_start() -> None:
    text = "Intro line.\nWe are quite close to a framework for talks,” the envoy said."
    assert quoted(text) == ["We are quite close to a framework for talks"]


def test_a_quote_that_lost_its_closing_mark_ends_with_its_sentence() -> None:
    text = 'Zarif called the sanctions "illegal. Later he said it was "a bad habit" of theirs.'
    assert quoted(text) == ["illegal.", "a bad habit"]


def test_inch_marks_are_not_quote_marks() -> None:
    assert quoted('The model measures 22" long and 14" wide.') == []
