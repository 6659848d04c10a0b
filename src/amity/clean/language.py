"""A small language check: English function words against those of other languages."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


@lru_cache(maxsize=1)
def _function_words() -> dict[str, frozenset[str]]:
    text = resources.files("amity.clean").joinpath("function_words.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    return {lang: frozenset(str(w).lower() for w in ws) for lang, ws in data.items()}


def english_share(text: str, sample: int = 4000) -> float | None:
    """How English `text` looks, from 0 to 1 (None when too short to tell).

    English prose runs at 0.35-0.5 function words per word; the score falls with that
    density and with the weight of another language's function words, and is 0 for text
    mostly in a non-Latin script (Chinese, Arabic, Cyrillic...).
    """
    head = text[:sample]
    letters = _LETTER.findall(head)
    if len(letters) >= 20 and sum(ord(c) < 0x250 for c in letters) / len(letters) < 0.5:
        return 0.0
    words = [w.lower() for w in _WORD.findall(head)]
    if len(words) < 12:
        return None
    lists = _function_words()
    english = sum(w in lists["en"] for w in words)
    other = max(sum(w in ws for w in words) for lang, ws in lists.items() if lang != "en")
    density = min(1.0, english / len(words) / 0.25)
    return density * english / (english + other) if english else 0.0
