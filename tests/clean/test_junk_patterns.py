"""The junk patterns file: every entry a valid regex, every kind one the record allows."""
from __future__ import annotations

from importlib import resources

import pytest
import yaml

from amity.clean._junk import JunkPatterns, junk_patterns
from amity.record import REMOVED_KINDS


def test_packaged_patterns_load_and_use_record_kinds() -> None:
    patterns = junk_patterns()
    assert {kind for kind, _ in patterns.by_kind} <= set(REMOVED_KINDS)


def test_every_pattern_is_a_string() -> None:
    text = resources.files("amity.clean").joinpath("junk.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    for key, entries in data.items():
        if key != "order":
            assert all(isinstance(p, str) for p in entries), key


@pytest.mark.parametrize("data,message", [
    ({"order": ["navigation"], "navigation": [{"^menu": None}]}, "not a string"),
    ({"order": ["menus"], "menus": ["^menu$"]}, "unknown kinds"),
])
def test_bad_pattern_file_is_refused_with_reason(data: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        JunkPatterns(data)  # type: ignore[arg-type]


@pytest.mark.parametrize("line,kind", [
    ("Also Watch: Biden meets Xi in San Francisco", "teaser"),
    ("Protesters in Dhaka on Sunday. (PTI Photo)", "caption"),
    ("(With inputs from agencies)", "credit"),
    ("Disclaimer: The views are the author's own.", "other"),
    ("Opinion polls show the ruling party ahead.", None),
    ("Share prices fell sharply on Monday.", None),
    ("Related to the talks, the ministry said nothing.", None),
    ("Shares in the defence firms fell after the sanctions.", None),
])
def test_line_kinds(line: str, kind: str | None) -> None:
    assert junk_patterns().kind_of(line) == kind
