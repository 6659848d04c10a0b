"""The junk patterns of junk.yaml, compiled once, and the shape tests the line classifier uses."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml

from amity.record import REMOVED_KINDS

LONGEST_FURNITURE = 600  # characters; longer lines are prose (captions run to ~400)
_TERMINAL = re.compile(r"[.!?…:;]['\"”’)\]]*$")
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*", re.UNICODE)
# A credit at the end of a caption line: "... Ukraine. (John Moore/Getty Images)".
_CREDIT_TAIL = re.compile(
    r"\s*(\((?:[^()]*/[^()]*|[^()]*\b(?:photo|image|picture)s? (?:by|credit|courtesy)\b[^()]*)\)"
    r"|\[[^\]]*\b(?:photo|image|picture)s? (?:by|credit|courtesy)\b[^\]]*\]"
    r"|(?:file )?(?:photo|image|picture)s?\s+(?:by|courtesy(?: of)?)\s+[^.]{2,80})\s*$", re.I)
_FUNCTION_WORDS = frozenset(
    "the a an of to in on at for with by from and or but as is are was were be been has have had "
    "that this these those it its he she they we his her their our who which said says".split())


class JunkPatterns:
    """Regexes by removal kind, tried in the YAML's order."""

    def __init__(self, data: dict[str, list[str]]) -> None:
        order = data["order"]
        unknown = set(order) - set(REMOVED_KINDS)
        if unknown:
            raise ValueError(f"junk.yaml: unknown kinds {sorted(unknown)}")
        self.by_kind = [(kind, _alternation(data.get(kind))) for kind in order]
        self.teaser_end = _alternation(data.get("teaser_end"))
        self.media_notice = _alternation(data.get("media_notice"))
        self.section_start = _alternation(data.get("section_start"))
        self.keep = _alternation(data.get("keep"))
        self.comments_start = _alternation(data.get("comments_start"))

    def kind_of(self, line: str) -> str | None:
        """The kind of furniture `line` is, or None when no pattern says so."""
        if len(line) > LONGEST_FURNITURE:
            return None
        for kind, pattern in self.by_kind:
            if pattern.search(line):
                return kind
        return None

    def ends_teaser(self, line: str) -> bool:
        return bool(self.teaser_end.search(line))

    def is_story(self, line: str) -> bool:
        """True for lines that belong to the story whatever their shape (embedded posts)."""
        return bool(self.keep.search(line))

    def opens_comments(self, line: str) -> bool:
        return bool(self.comments_start.search(line))

    def starts_section(self, line: str) -> bool:
        return bool(self.section_start.search(line))

    def announces_media(self, line: str) -> bool:
        return bool(self.media_notice.search(line))


def _alternation(patterns: list[str] | None) -> re.Pattern[str]:
    """One regex for a list of them (one search per line instead of dozens)."""
    for p in patterns or []:
        if not isinstance(p, str):  # YAML reads an unquoted "...:" as a mapping
            raise ValueError(f"junk.yaml: pattern {p!r} is not a string; quote it")
        re.compile(p)  # name the faulty pattern, not the joined one, if any is broken
    return re.compile("|".join(f"(?:{p})" for p in patterns or ["(?!)"]), re.I)


@lru_cache(maxsize=1)
def junk_patterns() -> JunkPatterns:
    """The packaged patterns (loaded once)."""
    text = resources.files("amity.clean").joinpath("junk.yaml").read_text(encoding="utf-8")
    return JunkPatterns(yaml.safe_load(text))


def words(line: str) -> list[str]:
    return _WORD.findall(line)


def ends_sentence(line: str) -> bool:
    """True when `line` ends as a sentence does (full stop, question mark, colon...)."""
    return bool(_TERMINAL.search(line.rstrip()))


def is_label(line: str) -> bool:
    """A short label: at most three words and no sentence ending ("Africa", "LATEST")."""
    return len(words(line)) <= 3 and not ends_sentence(line)


def is_headline(line: str, longest: int = 30) -> bool:
    """Headline-shaped: a handful of words and no sentence ending."""
    n = len(words(line))
    return 4 <= n <= longest and not ends_sentence(line)


def function_share(line: str) -> float:
    """Share of English function words; running prose has many, headlines few."""
    found = [w.lower() for w in words(line)]
    return sum(w in _FUNCTION_WORDS for w in found) / len(found) if found else 0.0


def split_credit(line: str) -> tuple[str, str | None]:
    """A caption line split from the photo credit at its end, if it has one."""
    m = _CREDIT_TAIL.search(line)
    if not m or m.start() == 0:
        return line, None
    return line[:m.start()].rstrip(), m.group(1).strip()
