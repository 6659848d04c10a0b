"""Mentions to actors: dictionary names, state bodies, officials by name or title, new actors."""
from __future__ import annotations

import re
from collections import Counter
from datetime import date

from spacy.tokens import Doc, Span

from amity.actors.bodies import adjective_body_word
from amity.actors.dates import infer_date
from amity.actors.dictionary import Entry, load_dictionary, norm_key, slug
from amity.actors.lexicon import Body, load_lexicon
from amity.actors.table import ActorMention, ActorTable
from amity.record import Actor

# Before a seat these make it a place ("arrived in Sanaa"); "to", "on" and "over" do not
# ("a warning to Islamabad", "pressure on Tehran").
_LOCATIVE = {"in", "from", "at", "near", "into", "outside", "inside", "across", "via",
             "around", "through"}
_COMPOUND = re.compile(r"^(?P<ref>.+?)-(?:led|backed|based|made|run|allied|aligned|sponsored|"
                       r"brokered|funded|supported|controlled|held|born|owned|occupied|"
                       r"protected|trained|armed|friendly|affiliated|linked)$", re.I)
_ORG_SUFFIX = {"management", "group", "corporation", "corp", "company", "inc", "ltd",
               "institute", "council", "center", "centre", "foundation", "association",
               "organization", "organisation", "committee", "network", "university", "bank",
               "holdings", "shipping", "lines", "airlines", "systems", "industries",
               "technologies", "partners", "consulting"}
_MEDIA_WORDS = {"news", "times", "post", "journal", "agency", "tv", "television", "radio",
                "press", "broadcasting", "herald", "gazette", "tribune", "daily", "sinmun",
                "telegraph", "network", "channel"}
_GOVERNMENT_NAME = re.compile(
    r"^(?:Ministry|Department|Office) of |\b(?:Ministry|Supreme Court|High Court|"
    r"Constitutional Court|National Assembly|Parliament|Senate|Cabinet|Armed Forces|"
    r"Coast Guard|Presidency)$")
# Page furniture and platforms the model tags as organisations.
_JUNK_ORG = {"newsletter", "twitter", "x", "facebook",
             "telegram", "instagram", "youtube", "tiktok", "whatsapp", "getty images",
             "shutterstock", "reuters/", "file", "photo", "ap photo", "afp photo", "gmt", "utc",
             "html5", "html", "pdf", "faq", "ceo", "rss", "tv", "cookie", "cookies"}


class Resolver:
    """One document's actors and mentions, built in passes from the most to the least sure."""

    def __init__(self, doc: Doc, day: date) -> None:
        self.doc, self.day = doc, day
        self.dic = load_dictionary()
        self.lex = load_lexicon()
        self.actors: dict[str, Actor] = {}
        self.mentions: list[ActorMention] = []
        self.used = [False] * len(doc)
        self.low = [t.lower_.replace("’", "'") for t in doc]
        self.ent_of: dict[int, Span] = {t: e for e in doc.ents for t in range(e.start, e.end)}
        # person id -> title phrases the text gives them ("foreign minister", "spokesman")
        self.person_titles: dict[str, set[str]] = {}
        self._main: str | None = None

    # -- actors ---------------------------------------------------------------------------
    def add_entry(self, entry: Entry) -> str:
        """The dictionary actor as of the document's day (and the actor it rolls up to)."""
        if entry.id in self.actors:
            return entry.id
        kind, rollup, country = entry.on(self.day)
        role = None
        if entry.kind == "person":
            r = entry.nearest_role(self.day)
            if r is not None:
                rollup, country = self.dic.role_rollup(r, self.day) or (entry.id, None)
                held = entry.role_on(self.day)
                role = held.role if held is not None else None
        self.actors[entry.id] = Actor(id=entry.id, name=entry.name, kind=kind, rollup=rollup,
                                      country=country, aliases=list(entry.aliases[:12]),
                                      role=role)
        self._ensure(rollup)
        return entry.id

    def add_new(self, aid: str, name: str, kind: str, rollup: str | None = None,
                country: str | None = None, aliases: list[str] | None = None) -> str:
        if aid not in self.actors:
            self.actors[aid] = Actor(id=aid, name=name, kind=kind, rollup=rollup or aid,
                                     country=country, aliases=aliases or [])
            self._ensure(rollup or aid)
        return aid

    def _ensure(self, actor_id: str) -> None:
        if actor_id in self.actors:
            return
        entry = self.dic.get(actor_id)
        if entry is not None:
            self.add_entry(entry)

    def mention(self, start: int, end: int, actor_id: str, via: str) -> None:
        """A mention over tokens [start, end) (trailing "'s" left out), marking them used."""
        while end > start + 1 and self.doc[end - 1].lower_ in ("'s", "’s", "'", "’"):
            end -= 1
        span = self.doc[start:end]
        self.mentions.append(ActorMention(span.start_char, span.end_char, span.text, actor_id,
                                          via))
        for i in range(start, end):
            self.used[i] = True

    def free(self, start: int, end: int) -> bool:
        return not any(self.used[start:end])

    # -- state references -----------------------------------------------------------------
    def state_at(self, i: int) -> tuple[Entry, int] | None:
        """A state named at token i (name, alias, demonym, seat): (state, end token)."""
        ent = self.ent_of.get(i)
        if ent is not None and ent.start == i and ent.id_:
            e = self.dic.get(ent.id_)
            return (e, ent.end) if e is not None and e.kind == "state" else None
        if ent is not None and ent.id_:
            return None  # inside a longer dictionary name ("U.S. Central Command")
        first = self.doc[i]
        if not first.text[:1].isupper() or first.lower_ == "the":
            return None
        if norm_key(first.text).split()[:1] and norm_key(first.text).split()[0] \
                not in self.dic.first_words:
            return None
        for n in (3, 2, 1):
            if i + n > len(self.doc):
                continue
            words = self.doc[i:i + n]
            if any(not (t.is_alpha or "." in t.text) for t in words[1:]):
                continue
            key = norm_key(words.text)
            sid = self.dic.demonyms.get(key)
            if sid is None and ent is not None:
                # a state's name inside a name the model found ("U.S. Embassy")
                e = self.dic.lookup(words.text)
                sid = e.id if e is not None and e.kind == "state" else None
            if sid is not None and self.dic.entries[sid].kind == "state":
                return self.dic.entries[sid], i + n
        return None

    def main_state(self) -> str | None:
        """The state the article is mostly about: most named, the first named counting extra."""
        if self._main is None:
            counts: Counter[str] = Counter()
            for ent in self.doc.ents:
                e = self.dic.get(ent.id_) if ent.id_ else None
                if e is None and ent.label_ == "NORP":
                    sid = self.dic.demonyms.get(norm_key(ent.text))
                    e = self.dic.get(sid) if sid else None
                if e is not None and e.kind == "government" and e.country:
                    e = self.dic.get(e.country)  # "the Turkish air force" speaks for Turkey
                if e is not None and e.kind == "state":
                    counts[e.id] += 1 + (3 if not counts else 0) + (2 if ent.start_char < 250
                                                                      else 0)
            self._main = counts.most_common(1)[0][0] if counts else ""
        return self._main or None

    # -- passes ---------------------------------------------------------------------------
    def run(self) -> ActorTable:
        from amity.actors import bodies, coref, groups, people

        bodies.find_bodies(self)
        self.administrations()
        self.dictionary_names()
        people.find_people(self)
        people.find_titles(self)
        groups.find_unnamed_groups(self)
        self.demonyms()
        coref.link_names(self)
        people.titled_surnames(self)
        self.organisations()
        coref.link_references(self)
        for a in list(self.actors.values()):
            if a.rollup not in self.actors:  # the contract: every rollup is an actor
                a.rollup = a.id
        return ActorTable(self.actors.values(), self.mentions)

    def body_actor(self, state: Entry, body: Body) -> str:
        from amity.actors.bodies import body_actor

        return body_actor(self, state, body)

    def administrations(self) -> None:
        """"Trump administration": the government of the state that person led."""
        doc = self.doc
        for i, tok in enumerate(doc):
            if tok.lower_ not in ("administration", "government", "cabinet", "office") or i < 2:
                continue
            if tok.lower_ == "office" and doc[i - 1].lower_ not in ("'s", "’s"):
                continue
            prev = doc[i - 1]
            if prev.lower_ in ("'s", "’s") and i > 1:
                prev = doc[i - 2]  # "President Donald Trump's administration"
            if not (prev.text[:1].isupper() and prev.pos_ in ("PROPN", "NOUN", "ADJ")):
                continue
            if self.state_at(i - 1) is not None:
                continue
            person = self.person_by_surname(prev.text)
            if person is None:
                continue
            start = prev.i
            ent = self.ent_of.get(prev.i)
            if ent is not None and ent.label_ == "PERSON":
                start = ent.start
            if not self.free(start, i + 1):
                continue
            self.add_entry(person)
            country = self.actors[person.id].rollup
            self._ensure(country)
            state = self.dic.get(country)
            if ent is not None and ent.label_ == "PERSON" and start < prev.i + 1:
                # the leader is named too: "Benjamin Netanyahu's office"
                span = doc[start:prev.i + 1]
                self.mentions.append(ActorMention(span.start_char, span.end_char, span.text,
                                                  person.id, "name"))
            if tok.lower_ == "office":
                held = person.nearest_role(self.day)
                key = "pmo" if held is not None and held.role == "head of government" else \
                    "presidency"
                body = next((b for b in self.lex.bodies.values() if b.key == key), None)
                if state is not None and body is not None:
                    self.mention(start, i + 1, self.body_actor(state, body), "name")
                continue
            surname = person.name.split()[-1]
            aid = self.add_new(slug(f"{surname} {tok.lower_}"), f"{surname} {tok.lower_}",
                               "government", country, country)
            self.mention(start, i + 1, aid, "name")

    def person_by_surname(self, surname: str) -> Entry | None:
        """The dictionary official with this surname: the one in office on the day, if one."""
        cands = [self.dic.entries[i] for i in self.dic.surnames.get(norm_key(surname), [])]
        if len(cands) > 1:
            cands = [e for e in cands if e.role_on(self.day) is not None] or cands
        if len(cands) > 1:
            cands = sorted(cands, key=lambda e: min(r.distance(self.day) for r in e.roles))[:1]
        return cands[0] if cands else None

    def dictionary_names(self) -> None:
        """Names the ruler found (not persons: those come with their titles)."""
        for ent in self.doc.ents:
            if not ent.id_ or not self.free(ent.start, ent.end):
                continue
            entry = self.dic.get(ent.id_)
            if entry is None or entry.kind == "person":
                continue
            if entry.kind == "government" and entry.country and len(ent) > 1 and (
                    adjective_body_word(self, ent.end - 1)):
                # "U.S. military aid" is the state's: the body word is an adjective here
                state = self.dic.get(entry.country)
                if state is not None:
                    self.mention(ent.start, ent.end - 1, self.add_entry(state), "demonym")
                continue
            key = norm_key(ent.text)
            via = "name" if key == norm_key(entry.name) else "alias"
            if key in self.dic.seats:
                via = "metonym"
                if ent.start > 0 and self.low[ent.start - 1] in _LOCATIVE:
                    continue  # "arrived in Sanaa": a place, not the government
            self.mention(ent.start, ent.end, self.add_entry(entry), via)

    def demonyms(self) -> None:
        """"Iranian-backed", "Turkish warplanes", "U.S.-led": the adjective names its state."""
        doc = self.doc
        for i, tok in enumerate(doc):
            if self.used[i]:
                continue
            ent = self.ent_of.get(i)
            if ent is not None and ent.id_:
                continue  # a dictionary name: dictionary_names() decided on it
            if (ent is not None and len(ent) > 1
                    and ent.label_ in ("ORG", "PERSON", "FAC", "WORK_OF_ART", "EVENT", "LAW")):
                continue  # part of a name ("Syrian Observatory for Human Rights")
            ref = self.state_at(i)
            if ref is not None:
                state, j = ref
                if self.free(i, j):
                    self.mention(i, j, self.add_entry(state), "demonym")
                continue
            m = _COMPOUND.match(tok.text)
            if m:
                e = self.dic.state_ref(m.group("ref")) or self.dic.lookup(m.group("ref"))
                if e is not None and e.kind != "person":
                    s = tok.idx
                    self.mentions.append(ActorMention(s, s + len(m.group("ref")),
                                                      m.group("ref"), self.add_entry(e),
                                                      "demonym"))
                    self.used[i] = True
            elif "-" in tok.text.strip("-"):
                self.hyphenated_pair(i)

    def hyphenated_pair(self, i: int) -> None:
        """"U.S.-China talks", "U.S.-South Korea drills": one token naming two states."""
        tok = self.doc[i]
        left, _, right = tok.text.partition("-")
        first = self.dic.state_ref(left)
        if first is None:
            return
        nxt = self.doc[i + 1] if i + 1 < len(self.doc) else None
        second, width = None, len(right)
        if nxt is not None and nxt.text[:1].isupper() and not self.used[i + 1]:
            second = self.dic.state_ref(f"{right} {nxt.text}")  # "South" + "Korea"
            width = nxt.idx + len(nxt.text) - (tok.idx + len(left) + 1)
        if second is None:
            second, width = self.dic.state_ref(right), len(right)
        if second is None:
            return
        start = tok.idx + len(left) + 1
        self.mentions.append(ActorMention(tok.idx, tok.idx + len(left), left,
                                          self.add_entry(first), "demonym"))
        self.mentions.append(ActorMention(start, start + width,
                                          self.doc.text[start:start + width],
                                          self.add_entry(second), "demonym"))
        self.used[i] = True
        if start + width > tok.idx + len(tok.text):
            self.used[i + 1] = True

    def organisations(self) -> None:
        """Organisations the model found that the dictionary does not know."""
        for ent in self.doc.ents:
            if ent.id_ or ent.label_ not in ("ORG", "NORP", "GPE"):
                continue
            start, end = ent.start, ent.end
            while start < end and self.doc[start].lower_ in ("the", "a", "an"):
                start += 1
            while end > start and self.doc[end - 1].lower_ in ("'s", "’s", "'", "’"):
                end -= 1
            if start >= end or not self.free(start, end):
                continue
            text = self.doc[start:end].text
            entry = self.dic.lookup(text)
            if entry is not None and entry.kind != "person":
                self.mention(start, end, self.add_entry(entry), "alias")
                continue
            if ent.label_ != "ORG" or not _plausible_org(self.doc[start:end]):
                continue
            words = {w.lower() for w in text.split()}
            main = self.main_state()
            if _GOVERNMENT_NAME.search(text) and main:
                # "the Ministry of Education", "the Supreme Court": the article's state's body
                self.mention(start, end, self.add_new(f"{main.lower()}-{slug(text)}", text,
                                                      "government", main, main), "ner")
                continue
            kind = "media" if words & _MEDIA_WORDS else "organization"
            self.mention(start, end, self.add_new(slug(text), text, kind), "ner")
        self.unlabelled_organisations()

    def unlabelled_organisations(self) -> None:
        """Capitalised names ending in an organisation word the model left out ("X Management")."""
        doc = self.doc
        i = 0
        while i < len(doc):
            if doc[i].lower_ not in _ORG_SUFFIX or not doc[i].text[:1].isupper():
                i += 1
                continue
            start = i
            while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_alpha \
                    and doc[start - 1].text[:1].isupper() and i - start < 4:
                start -= 1
            span = doc[start:i + 1]
            if start < i and self.free(start, i + 1) and not any(
                    self.ent_of.get(t.i) is not None for t in span) and not headline_case(span):
                self.mention(start, i + 1, self.add_new(slug(span.text), span.text,
                                                        "organization"), "ner")
            i += 1


def _plausible_org(span: Span) -> bool:
    text = span.text.strip()
    if len(text) < 2 or not text[:1].isupper() or norm_key(text) in _JUNK_ORG:
        return False
    if not any(c.isalpha() for c in text) or "\n" in text or headline_case(span):
        return False
    if len(span) == 1 and not (text.isupper() and text.isalpha() and 2 <= len(text) <= 6):
        return False  # one capitalised word alone is more often a place or a surname
    return any(t.pos_ == "PROPN" for t in span) and not all(t.is_stop for t in span)


def headline_case(span: Span) -> bool:
    """Whether the span sits in a Title Case line (a headline), where capitals say little."""
    sent = span.sent
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 4 and sum(t.text[:1].isupper() for t in words) >= 0.8 * len(words)


def find_actors(doc: Doc, published: date | None = None) -> ActorTable:
    """Every actor of the document, each mention tied to it, as of `published`.

    Without a publication date, the day best supported by the named officials is used.
    """
    day = published
    if day is None:
        dic = load_dictionary()
        named = [dic.entries[e.id_] for e in doc.ents
                 if e.id_ in dic.entries and dic.entries[e.id_].kind == "person"]
        day = infer_date(doc.text, named)
    return Resolver(doc, day).run()
