"""The actor dictionary: every data/*.yaml merged into look-up tables (loaded once)."""
from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DICTIONARY_VERSION = "1.4.0"

DATA_DIR = Path(__file__).resolve().parent / "data"
RULES_DIR = Path(__file__).resolve().parent / "rules"
# Extra data folders (os.pathsep-separated), merged after the packaged ones: for tests.
EXTRA_ENV = "AMITY_ACTOR_DATA"


@lru_cache(maxsize=65536)
def norm_key(text: str) -> str:
    """A look-up key: accents, case, punctuation, a leading "the" and a trailing "'s" removed."""
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = s.replace("’", "'").replace("‘", "'").replace("`", "'")
    s = re.sub(r"'s\b", "", s)
    s = s.replace("'", "").replace(".", "")
    s = re.sub(r"[^\w]+", " ", s).strip()
    return re.sub(r"^the ", "", s)


def slug(name: str) -> str:
    """A stable id from a normalised name."""
    return re.sub(r"\s+", "-", norm_key(name)) or "unknown"


def _date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", str(value))
    if not m:
        return None
    return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))


# Which office names a person who holds several at once (a prime minister who is also
# foreign minister is the prime minister).
ROLE_RANK = {r: i for i, r in enumerate((
    "head of state and government", "head of state", "head of government", "secretary-general",
    "commission president", "council president", "high representative", "chairperson",
    "vice president", "crown prince", "foreign minister", "defence minister",
    "national security adviser", "intelligence chief", "military commander"))}


@dataclass(slots=True, frozen=True)
class Role:
    """One dated office of a person."""

    role: str
    title: str
    country: str | None
    org: str | None
    start: date | None
    end: date | None  # None: still in office

    def holds_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def distance(self, day: date) -> int:
        """Days from `day` to this term (0 inside it)."""
        if self.holds_on(day):
            return 0
        if self.start is not None and day < self.start:
            return (self.start - day).days
        return (day - self.end).days if self.end is not None else 0


@dataclass(slots=True, frozen=True)
class Period:
    """A stretch of time with another kind or rollup (a rebel movement in power)."""

    start: date | None
    end: date | None
    kind: str | None
    rollup: str | None
    country: str | None


@dataclass(slots=True)
class Entry:
    id: str
    name: str
    kind: str
    rollup: str
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    seats: list[str] = field(default_factory=list)
    parent: str | None = None
    body: str | None = None
    roles: list[Role] = field(default_factory=list)
    periods: list[Period] = field(default_factory=list)

    def role_on(self, day: date) -> Role | None:
        """The office held on `day` (the highest, when several), else None."""
        held = [r for r in self.roles if r.holds_on(day)]
        return min(held, key=lambda r: (ROLE_RANK.get(r.role, 99), -(r.start or date.min)
                                        .toordinal())) if held else None

    def nearest_role(self, day: date) -> Role | None:
        """The office held on `day`, else the closest one in time (a former official)."""
        if not self.roles:
            return None
        return self.role_on(day) or min(self.roles, key=lambda r: r.distance(day))

    def on(self, day: date) -> tuple[str, str, str | None]:
        """(kind, rollup, country) on `day`."""
        for p in self.periods:
            if (p.start is None or p.start <= day) and (p.end is None or day <= p.end):
                return p.kind or self.kind, p.rollup or self.rollup, p.country or self.country
        return self.kind, self.rollup, self.country


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 10x faster


def _load_yaml(path: Path) -> Any:
    with open(path, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_Loader)  # noqa: S506 - a safe loader


def data_files() -> list[Path]:
    """Packaged data files, then any from AMITY_ACTOR_DATA folders."""
    files = sorted(DATA_DIR.glob("*.yaml")) if DATA_DIR.is_dir() else []
    for extra in filter(None, os.environ.get(EXTRA_ENV, "").split(os.pathsep)):
        files += sorted(Path(extra).glob("*.yaml"))
    return files


class Dictionary:
    """All dictionary actors with name, demonym, seat, body and office look-ups."""

    def __init__(self, records: list[dict[str, Any]]) -> None:
        self.entries: dict[str, Entry] = {}
        self.names: dict[str, list[str]] = {}
        self.demonyms: dict[str, str] = {}
        self.seats: dict[str, str] = {}
        self.bodies: dict[tuple[str, str], str] = {}
        # (role, country or org) -> [(person id, Role)]
        self.offices: dict[tuple[str, str], list[tuple[str, Role]]] = {}
        # title (lower case) -> {(role, country or org)}
        self.titles: dict[str, set[tuple[str, str | None]]] = {}
        # last word of a person's name -> person ids ("pompeo" -> mike-pompeo)
        self.surnames: dict[str, list[str]] = {}
        # first words (lower case) of names, demonyms and seats: a cheap "could start one" test
        self.first_words: set[str] = set()
        for rec in records:
            self._add(rec)
        self._index()

    # -- building -------------------------------------------------------------------------
    def _add(self, rec: dict[str, Any]) -> None:
        name = str(rec.get("name") or "").strip()
        if not name:
            return
        kind = rec.get("kind") or ("state" if rec.get("_file") == "states" else "government")
        if rec.get("roles"):
            kind = "person"
        aid = str(rec.get("id") or slug(name))
        if kind != "state":
            aid = aid if rec.get("id") else slug(name)
        country = rec.get("country") or (aid if kind == "state" else None)
        rollup = rec.get("rollup") or (country if kind == "government" and country else aid)
        roles = [Role(role=str(r.get("role", "")), title=str(r.get("title") or r.get("role", "")),
                      country=r.get("country"), org=r.get("org"), start=_date(r.get("start")),
                      end=_date(r.get("end"))) for r in rec.get("roles") or []]
        periods = [Period(_date(p.get("start")), _date(p.get("end")), p.get("kind"),
                          p.get("rollup"), p.get("country")) for p in rec.get("periods") or []]
        entry = self.entries.get(aid)
        aliases = [str(a) for a in rec.get("aliases") or [] if a]
        seats = [str(s) for s in (rec.get("seats") or []) + (rec.get("metonyms") or []) if s]
        if entry is not None:  # the same actor in two files: merge what each knows
            entry.aliases += [a for a in aliases if a not in entry.aliases]
            entry.roles += [r for r in roles if r not in entry.roles]
            entry.seats += seats
            entry.demonyms += [str(d) for d in rec.get("demonyms") or []]
            return
        self.entries[aid] = Entry(
            id=aid, name=name, kind=kind, rollup=rollup, country=country, aliases=aliases,
            demonyms=[str(d) for d in rec.get("demonyms") or []], seats=seats,
            parent=rec.get("parent"), body=rec.get("body"), roles=roles, periods=periods)

    def _index(self) -> None:
        for e in self.entries.values():
            for n in [e.name, *e.aliases]:
                ids = self.names.setdefault(norm_key(n), [])
                if e.id not in ids:
                    ids.append(e.id)
            for d in e.demonyms:
                self.demonyms.setdefault(norm_key(d), e.id)
            for s in e.seats:
                self.seats.setdefault(norm_key(s), e.id)
        for e in self.entries.values():
            if e.kind == "government" and e.country:
                key = e.body or (e.id[len(e.country) + 1:] if e.id.startswith(
                    e.country.lower() + "-") else None)
                if key:
                    self.bodies.setdefault((e.country, key), e.id)
            for r in e.roles:
                where = r.country
                if r.org and not r.country:  # "un", "eu": the organisation's dictionary id
                    org = self.get(r.org) or self.lookup(r.org)
                    where = org.id if org is not None else r.org
                if where:
                    self.offices.setdefault((r.role, where), []).append((e.id, r))
                    self.titles.setdefault(r.title.lower(), set()).add((r.role, where))
        for e in self.entries.values():
            if e.kind == "person":
                for n in [e.name, *e.aliases]:
                    parts = norm_key(n).split()
                    if len(parts) > 1 and e.id not in self.surnames.get(parts[-1], []):
                        self.surnames.setdefault(parts[-1], []).append(e.id)
        for key in [*self.names, *self.demonyms, *self.seats]:
            if key:
                self.first_words.add(key.split()[0])
        # A seat that is also a state's name is that state's name, not a metonym.
        for key in list(self.seats):
            if key in self.names:
                del self.seats[key]

    # -- look-ups -------------------------------------------------------------------------
    def get(self, actor_id: str) -> Entry | None:
        return self.entries.get(actor_id)

    def lookup(self, text: str) -> Entry | None:
        """The dictionary actor a name or alias denotes (states and bodies before others)."""
        ids = self.names.get(norm_key(text))
        if not ids:
            return None
        order = {"state": 0, "igo": 1, "government": 2, "armed_group": 3, "media": 4,
                 "organization": 5, "person": 6}
        return min((self.entries[i] for i in ids), key=lambda e: order.get(e.kind, 9))

    def state_ref(self, text: str) -> Entry | None:
        """The state a name, alias, demonym or seat refers to ("Iranian", "Tehran", "U.S.")."""
        key = norm_key(text)
        for table in (self.demonyms, self.seats):
            if key in table:
                return self.entries[table[key]]
        e = self.lookup(text)
        return e if e is not None and e.kind == "state" else None

    def holders(self, role: str, where: str, day: date) -> list[tuple[Entry, Role]]:
        """Who held `role` for `where` (ISO code or organisation id) on `day`."""
        return [(self.entries[pid], r) for pid, r in self.offices.get((role, where), [])
                if r.holds_on(day)]

    def role_rollup(self, role: Role, day: date) -> tuple[str, str | None] | None:
        """(rollup, country) of an office: its state, else its organisation (UN, EU, NATO)."""
        if role.country:
            return role.country, role.country
        if role.org:
            target = self.get(role.org) or self.lookup(role.org)
            if target is not None:
                return target.on(day)[1], target.country
            return role.org, None
        return None

    def by_kind(self, kind: str | None = None) -> list[Entry]:
        return [e for e in self.entries.values() if kind is None or e.kind == kind]


def _records() -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for path in data_files():
        try:
            data = _load_yaml(path)
        except (OSError, yaml.YAMLError):
            continue  # a file being rewritten by hand must not break extraction
        stem = "states" if path.stem.startswith("states") else path.stem
        for rec in data or []:
            if isinstance(rec, dict):
                out.append({**rec, "_file": stem})
    return out


@lru_cache(maxsize=1)
def load_dictionary() -> Dictionary:
    """The merged dictionary, built once per process."""
    return Dictionary(_records())


@lru_cache(maxsize=1)
def load_rules() -> dict[str, Any]:
    """The rule lexicons (body nouns, titles, person titles) under rules/."""
    return {p.stem: _load_yaml(p) for p in sorted(RULES_DIR.glob("*.yaml"))}
