"""One name or title to one actor, outside any document (`amity actors resolve`)."""
from __future__ import annotations

import re
from datetime import date
from typing import Any

from amity.actors.dictionary import Entry, load_dictionary
from amity.actors.lexicon import Title, _words, load_lexicon


def _as_date(value: date | str | None) -> date:
    if value is None:
        return date.today()
    if isinstance(value, date):
        return value
    return date.fromisoformat(value)


def _describe(entry: Entry, day: date) -> dict[str, Any]:
    kind, rollup, country = entry.on(day)
    role = None
    if entry.kind == "person":
        r = entry.nearest_role(day)
        if r is not None:
            rollup, country = load_dictionary().role_rollup(r, day) or (entry.id, None)
        held = entry.role_on(day)
        role = held.role if held is not None else None
    return {"id": entry.id, "name": entry.name, "kind": kind, "rollup": rollup,
            "country": country, "role": role}


def _by_title(text: str, day: date) -> Entry | None:
    """ "secretary of state", "Iran's foreign minister", "the Russian president" on `day`."""
    dic, lex = load_dictionary(), load_lexicon()
    words = list(_words(re.sub(r"^the\s+", "", text.strip().replace("’", "'"), flags=re.I)))
    words = [w.rstrip(".") if w not in ("u.s.", "u.n.") else w for w in words]
    for i in range(len(words)):
        hit = lex.match(lex.titles, words[i:], lex.max_title)  # type: ignore[arg-type]
        if hit is None:
            continue
        title = hit[1]
        assert isinstance(title, Title)
        where = title.org or title.country
        rest = words[i + hit[0]:]
        if rest and rest[0] == "of":  # "prime minister of Israel"
            ref = dic.state_ref(" ".join(rest[1:])) or dic.lookup(" ".join(rest[1:]))
            if ref is None:
                return None
            where = ref.id
        elif rest:
            continue
        if i:
            before = " ".join(words[:i]).replace(" 's", "")
            ref = dic.state_ref(before) or dic.lookup(before)
            if ref is not None:
                where = ref.id
        if where is None:
            return None
        found: list[Entry] = []
        for role in title.roles:
            found += [e for e, _ in dic.holders(role, where, day) if e not in found]
        return found[0] if len(found) == 1 else None
    return None


def resolve_actor(name: str, date: date | str | None = None) -> dict[str, Any] | None:
    """The actor a name, alias, demonym, seat or title denotes on `date` (default today).

    Returns {id, name, kind, rollup, country, role}, or None when nothing fits.
    """
    day = _as_date(date)
    dic = load_dictionary()
    entry = dic.lookup(name) or dic.state_ref(name) or _by_title(name, day)
    return _describe(entry, day) if entry is not None else None
