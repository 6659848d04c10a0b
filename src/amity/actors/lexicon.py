"""The rule lexicons (rules/*.yaml) compiled for matching over spaCy tokens."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from amity.actors.dictionary import Dictionary, load_dictionary, load_rules


@dataclass(frozen=True, slots=True)
class Body:
    key: str
    kind: str
    noun: str  # the phrase that names it ("foreign ministry")


@dataclass(frozen=True, slots=True)
class Title:
    roles: tuple[str, ...]
    country: str | None
    org: str | None
    elect: bool = False


@dataclass(frozen=True, slots=True)
class Lexicon:
    # phrase (tuple of lower-case words) -> what it names; longest phrases first per length
    bodies: dict[tuple[str, ...], Body]
    titles: dict[tuple[str, ...], Title]
    official_words: frozenset[str]
    expert_words: frozenset[str]
    max_body: int
    max_title: int
    title_words: frozenset[str]  # every word of any title: what may precede a name

    def match(self, table: dict[tuple[str, ...], object], words: list[str],
              longest: int) -> tuple[int, object] | None:
        """The longest phrase of `table` at the start of `words`: (length, value)."""
        for n in range(min(longest, len(words)), 0, -1):
            hit = table.get(tuple(words[:n]))
            if hit is not None:
                return n, hit
        return None


# Words inside titles that say nothing alone ("chairperson of the African Union Commission").
_GLUE = {"of", "the", "for", "and", "de", "in", "to", "on", "general", "state", "affairs",
         "african", "european", "union", "national", "council", "force", "forces", "army",
         "house", "security", "commission", "strategic", "presidential", "transitional",
         "executive", "first", "acting", "interim", "caretaker"}


def _words(phrase: str) -> tuple[str, ...]:
    """A phrase as spaCy tokenises it, roughly: "prime minister's office" -> 3 words + "'s"."""
    phrase = phrase.lower().replace("'s", " 's").replace("-", " - ")
    return tuple(phrase.split())


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    rules = load_rules()
    dic: Dictionary = load_dictionary()
    bodies: dict[tuple[str, ...], Body] = {}
    for key, spec in (rules.get("body_nouns") or {}).items():
        phrases = spec.get("phrases") or []
        for p in phrases:
            bodies.setdefault(_words(p), Body(key, spec.get("kind", "government"), phrases[0]))
    titles: dict[tuple[str, ...], Title] = {}
    for phrase, spec in (rules.get("titles") or {}).items():
        titles[_words(phrase)] = Title(tuple(spec.get("roles") or ()), spec.get("country"),
                                       spec.get("org"), bool(spec.get("elect")))
    # Titles the officials data uses ("supreme leader", "CIA director"): a title used by a
    # single state or organisation fixes it.
    for title, where in dic.titles.items():
        words = _words(title)
        places = {w for _, w in where}
        roles = tuple(sorted({r for r, _ in where}))
        if words in titles:
            continue
        # Only a title of several words fixes the place ("supreme leader"); one word
        # ("chancellor", "premier") is used by states the data may not cover.
        one = next(iter(places)) if len(places) == 1 and len(words) > 1 else None
        place = dic.get(one) if one is not None else None
        org = one if place is not None and place.kind != "state" else None
        titles[words] = Title(roles, None if org else one, org)
    person = rules.get("person_titles") or {}
    official = frozenset(w.lower() for w in person.get("official") or [])
    expert = frozenset(w.lower() for w in person.get("expert") or [])
    return Lexicon(bodies=bodies, titles=titles, official_words=official, expert_words=expert,
                   max_body=max((len(k) for k in bodies), default=1),
                   max_title=max((len(k) for k in titles), default=1),
                   title_words=official | expert | frozenset(
                       w for k in titles for w in k if w.isalpha() and w not in _GLUE))
