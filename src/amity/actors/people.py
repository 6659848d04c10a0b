"""People: officials by name or by title, and new people with the affiliation the text gives."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from amity.actors.dictionary import Entry, norm_key, slug
from amity.actors.lexicon import Title

if TYPE_CHECKING:
    from amity.actors.resolve import Resolver

_NOT_NOW = {"former", "ex", "late", "then", "previous", "future", "next", "incoming",
            "would-be", "erstwhile", "onetime", "elect", "deputy", "vice", "acting"}
_PREFIX_OK = {"'s", "’s", "-", "of", "and", "for", "then", "former", "deputy", "acting",
              "senior", "chief", "top", "outgoing", "interim", "special", "military", "foreign",
              "defence", "defense", "state", "affairs", "ministry", "political", "supreme",
              "the", "general", "army", "retired", "u.s.", "u.n."}
_CLAUSE_END = {",", ".", ";", ":", "(", ")", '"', "“", "”", "—", "–", "who", "which", "that",
               "said", "says", "told"}
_HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sheikh", "ayatollah",
               "grand", "prince", "king", "emir", "sir", "lord"}


def _title_words(r: Resolver) -> frozenset[str]:
    return r.lex.title_words


def find_people(r: Resolver) -> None:
    """PERSON entities (and dictionary officials the ruler found), with titles and affiliations."""
    doc = r.doc
    titled = _title_words(r)
    for ent in doc.ents:
        if ent.label_ != "PERSON" and not _person_like_org(r, ent, titled):
            continue
        start, end = ent.start, ent.end
        # Titles and honorifics the model put inside the name: "President Biden".
        while end - start > 1 and (doc[start].lower_ in titled or doc[start].lower_ in
                                   _HONORIFICS) and doc[start].lower_ not in ("general",):
            start += 1
        while end > start and doc[end - 1].lower_ in ("'s", "’s", "'", "’"):
            end -= 1
        if start >= end or not r.free(start, end):
            continue
        name = doc[start:end]
        if not _plausible_person(name):
            continue
        entry = r.dic.get(ent.id_) if ent.id_ else None
        if entry is None:
            entry = r.dic.lookup(name.text)
            if entry is not None and entry.kind != "person":
                entry = None
        if entry is None and len(name) == 1:
            continue  # a surname alone: coreference ties it to the full name (or titled_surnames)
        title, refs = _context(r, start, end)
        if entry is not None:
            aid = r.add_entry(entry)
        else:
            aid = _new_person(r, name, refs)
        if title:
            r.person_titles.setdefault(aid, set()).add(title)
        r.mention(start, end, aid, "name")


_ORG_WORDS = {"group", "council", "center", "centre", "institute", "party", "ministry", "agency",
              "bank", "corporation", "corp", "company", "management", "forces", "army",
              "committee", "organization", "organisation", "university", "news", "times",
              "post", "office", "department", "command", "force", "brigade", "brigades",
              "front", "movement", "union", "association", "foundation", "fund", "network",
              "authority", "court", "commission", "service", "services", "media", "tv"}


def _person_like_org(r: Resolver, ent: Span, titled: frozenset[str]) -> bool:
    """An ORG entity that is a person's name next to a person's title ("Ukraine's commissioner")."""
    if ent.label_ != "ORG" or ent.id_ or not 2 <= len(ent) <= 4:
        return False
    if any(not t.text[:1].isupper() or t.lower_ in _ORG_WORDS or not t.is_alpha
           and t.text != "-" for t in ent):
        return False
    if r.dic.lookup(ent.text) is not None:
        return False
    before = r.doc[ent.start - 1].lower_ if ent.start else ""
    if ent.start >= 2 and before == ",":
        before = r.doc[ent.start - 2].lower_
    after = r.doc[ent.end + 1] if ent.end + 1 < len(r.doc) else None
    return before in titled or (after is not None and r.doc[ent.end].text == "," and (
        after.lower_ in titled or _mention_actor(r, after.i) is not None and ent.end + 2 <
        len(r.doc) and r.doc[ent.end + 2].lower_ in ("'s", "’s")))


_NOT_A_NAME = {"says", "said", "warns", "tells", "calls", "urges", "vows", "slams", "accuses",
               "denies", "rejects", "threatens", "meets", "visits", "condemns"}


def titled_surnames(r: Resolver) -> None:
    """ "President Mugabe" with no full name anywhere: a person of that one name."""
    doc = r.doc
    for ent in doc.ents:
        if ent.label_ != "PERSON" or len(ent) > 2:
            continue
        i = ent.end - 1
        if not r.free(i, i + 1) or not _plausible_person(doc[i:i + 1]):
            continue
        if ent.start == i and (i == 0 or doc[i - 1].lower_ not in r.lex.official_words
                               and doc[i - 1].lower_ not in _HONORIFICS):
            continue
        if ent.start < i and doc[ent.start].lower_ not in r.lex.title_words | _HONORIFICS:
            continue
        title, refs = _context(r, i, i + 1)
        aid = _new_person(r, doc[i:i + 1], refs)
        if title:
            r.person_titles.setdefault(aid, set()).add(title)
        r.mention(i, i + 1, aid, "name")


_PLACE_WORDS = {"base", "airport", "street", "province", "district", "city", "river", "island",
                "mountain", "mountains", "valley", "square", "bridge", "port", "camp", "road",
                "hospital", "school", "mosque", "church", "palace", "hotel", "stadium"}


def _plausible_person(span: Span) -> bool:
    if any(t.lower_ in _NOT_A_NAME or t.lower_ in _PLACE_WORDS or t.lower_ in _ORG_WORDS
           for t in span):
        return False
    text = span.text
    if not text[:1].isupper() or "\n" in text or any(c.isdigit() for c in text):
        return False
    return any(t.pos_ == "PROPN" for t in span) or len(span) > 1


def _new_person(r: Resolver, name: Span, refs: list[str]) -> str:
    """A person the dictionary lacks, rolling up to what the text ties them to."""
    aid = slug(name.text)
    affiliation = refs[0] if refs else None
    if aid in r.actors:
        a = r.actors[aid]
        if a.rollup == aid and affiliation is not None and affiliation in r.actors:
            a.rollup, a.country = r.actors[affiliation].rollup, r.actors[affiliation].country
        return aid
    if affiliation is not None and affiliation in r.actors:
        a = r.actors[affiliation]
        return r.add_new(aid, name.text, "person", a.rollup, a.country)
    return r.add_new(aid, name.text, "person")


def _context(r: Resolver, start: int, end: int) -> tuple[str | None, list[str]]:
    """The title before or after a name and the actors it ties the person to, nearest first."""
    doc = r.doc
    title, refs = _before(r, start)
    if not refs and start >= 2 and doc[start - 1].text == ",":
        # "The Ukrainian president, Volodymyr Zelenskiy": a title phrase ending at the comma
        t2, refs2 = _before(r, start - 1)
        if t2 and doc[start - 2].lower_ in _title_words(r):
            title, refs = t2, refs2
    if refs:
        return title, refs
    if title and title.split()[-1] in _SPEAKER_TITLES:
        # "In a statement by the Chinese Foreign Ministry, spokesperson Wang Wenbin said":
        # the body named earlier in the sentence is the one the person speaks for.
        sent_start = doc[start].sent.start_char
        for m in reversed(r.mentions):
            if sent_start <= m.start < doc[start].idx and r.actors[m.actor_id].kind not in (
                    "person", "state", "media"):
                return title, [m.actor_id]
    if title:
        owner = _possessor_of_title(r, start)
        if owner is not None:
            return title, [owner]
    t_after, refs = _after(r, end)
    if not refs and title:
        where = r.lex.titles.get(tuple(title.split()))
        if isinstance(where, Title) and (where.country or where.org):
            refs = [r.add_entry(e) for e in [r.dic.get(where.org or where.country or "")] if e]
    return title or t_after, refs


def _possessor_of_title(r: Resolver, start: int) -> str | None:
    """ "X, the commander of Y, and his deputy, Z": when the possessor is the person the
    title is coordinated with, Z is on that person's side too."""
    doc = r.doc
    titled = _title_words(r)
    i = start - 1
    while i >= 0 and start - i <= 6 and (doc[i].lower_ in titled or doc[i].lower_ in (
            "the", ",") or doc[i].lower_ in _PREFIX_OK):
        i -= 1
    if i < 0 or doc[i].lower_ not in ("his", "her") or doc[i].head.lower_ not in titled:
        return None
    node = doc[i].head
    for _ in range(4):
        if node.dep_ not in ("conj", "appos") or node.head.i == node.i:
            return None
        node = node.head
        aid = _mention_actor(r, node.i)
        if aid is not None:
            a = r.actors[aid]
            return a.rollup if a.kind == "person" and a.rollup != a.id else None
    return None


def _before(r: Resolver, start: int) -> tuple[str | None, list[str]]:
    """ "Iranian foreign minister", "Wilson Center fellow", "State Department spokeswoman"."""
    doc = r.doc
    titled = _title_words(r)
    refs: list[str] = []
    words: list[str] = []
    i = start - 1
    while i >= 0 and start - i <= 8:
        tok = doc[i]
        low = tok.lower_
        n = _title_ending_at(r, i)
        if n > 1 and not any(r.used[i - n + 1:i + 1]):
            # "Israel's national security adviser X": "national" says nothing alone
            words[:0] = r.low[i - n + 1:i + 1]
            i -= n
            continue
        owner = _mention_actor(r, i)
        if owner is not None:
            if owner not in refs:
                refs.append(owner)
        elif low in titled or low in _PREFIX_OK or (low.endswith("-") and len(low) > 1):
            words.insert(0, low)
        else:
            ent = r.ent_of.get(i)
            org = _org_actor(r, ent) if ent is not None and ent.label_ == "ORG" else None
            if org is None:
                break
            refs.append(org)
            i = ent.start  # type: ignore[union-attr]
        i -= 1
    if not any(w in titled for w in words) and not refs:
        return None, []
    if not any(w in titled for w in words) and doc[start - 1].lower_ not in ("'s", "’s"):
        refs = refs if start - 1 >= 0 and _mention_actor(r, start - 1) is not None else []
    title = _longest_title(r, words) or " ".join(w for w in words if w in titled) or None
    return title, refs


def _title_ending_at(r: Resolver, i: int) -> int:
    """The length of the longest title of several words ending at token i (0 if none)."""
    for n in range(min(r.lex.max_title, i + 1), 1, -1):
        if tuple(r.low[i - n + 1:i + 1]) in r.lex.titles:
            return n
    return 0


_SPEAKER_TITLES = {"spokesman", "spokeswoman", "spokesperson", "spokespeople"}
_APPOSITIVE_START = {"a", "an", "the", "who", "his", "her", "its", "their"}
_TOPIC = {"in", "on", "about", "toward", "towards", "against", "over", "with", "for"}
# An expert's field ("an analyst of Chinese politics") until their workplace ("at RAND").
_FIELD_PREPS = {"on", "of", "in", "about", "toward", "towards"}
_WORKPLACE_PREPS = {"at", "with", "for", "from", ","}
_STUDENTS = {"specialist", "specialists", "expert", "experts", "analyst", "analysts", "scholar",
             "researcher", "professor", "scientist", "economist", "lecturer", "commentator",
             "historian", "watcher", "observer"}


def _after(r: Resolver, end: int) -> tuple[str | None, list[str]]:
    """ "Nelly Lahoud, a senior fellow at New America", "Thierry Coville of IRIS"."""
    doc = r.doc
    titled = _title_words(r)
    j = end
    if j >= len(doc) or doc[j].lower_ not in (",", "of", "at", "from", "with"):
        return None, []
    if doc[j].text == ",":
        j += 1
        if j >= len(doc) or not (doc[j].lower_ in _APPOSITIVE_START or doc[j].lower_ in titled
                                 or _mention_actor(r, j) is not None):
            return None, []
    else:
        j += 1
    refs: list[str] = []
    after: list[str] = []
    topic = False  # inside "a specialist on China's military": what they study, not serve
    while j < len(doc) and j - end <= 25:
        low = doc[j].lower_
        if low in _FIELD_PREPS and after and after[-1] in _STUDENTS:
            topic = True
        elif low in _WORKPLACE_PREPS:
            topic = False
        if low in ("interview", "statement", "email", "tweet"):
            break
        if doc[j].text in _CLAUSE_END and not (low == "who" and j + 1 < len(doc) and
                                               doc[j + 1].lower_ in ("works", "worked", "is")):
            break
        owner = _mention_actor(r, j)
        if owner is None:
            ent = r.ent_of.get(j)
            if ent is not None and ent.label_ == "ORG" and ent.start == j:
                owner = _org_actor(r, ent)
                j = ent.end - 1
        if owner is not None and owner not in refs and not topic:
            if not (r.actors[owner].kind == "state" and after and after[-1] in _TOPIC):
                refs.append(owner)
        after.append(doc[j].lower_)
        j += 1
    refs.reverse()  # the last organisation named is where they work
    state_refs = [a for a in refs if r.actors[a].kind == "state"]
    refs = [a for a in refs if r.actors[a].kind != "state"] + state_refs
    title = _longest_title(r, after) or next((w for w in after if w in titled), None)
    if title is None:
        refs = []  # an appositive that says nothing of a job ties to nothing
    return title, refs


def _mention_actor(r: Resolver, i: int) -> str | None:
    """The actor of a mention already made over token i, or a state/org the token names."""
    tok = r.doc[i]
    for m in reversed(r.mentions):
        if m.start <= tok.idx < m.end:
            return m.actor_id
    ent = r.ent_of.get(i)
    if ent is not None and ent.id_:
        entry = r.dic.get(ent.id_)
        if entry is not None and entry.kind != "person":
            return r.add_entry(entry)
    ref = r.state_at(i)
    if ref is not None:
        return r.add_entry(ref[0])
    return None


def _org_actor(r: Resolver, ent: Span) -> str | None:
    """An organisation entity as an actor (dictionary or new), with its mention."""
    from amity.actors.resolve import _plausible_org

    start, end = ent.start, ent.end
    while start < end and r.doc[start].lower_ == "the":
        start += 1
    while end > start and r.doc[end - 1].lower_ in ("'s", "’s"):
        end -= 1
    if start >= end:
        return None
    span = r.doc[start:end]
    entry = r.dic.lookup(span.text)
    if entry is not None and entry.kind != "person":
        aid = r.add_entry(entry)
    elif _plausible_org(span):
        aid = r.add_new(slug(span.text), span.text, "organization")
    else:
        return None
    if r.free(start, end):
        r.mention(start, end, aid, "name" if entry is None else "alias")
    return aid


def _longest_title(r: Resolver, words: list[str]) -> str | None:
    best: tuple[str, ...] | None = None
    for i in range(len(words)):
        hit = r.lex.match(r.lex.titles, words[i:], r.lex.max_title)  # type: ignore[arg-type]
        if hit is not None and (best is None or hit[0] > len(best)):
            best = tuple(words[i:i + hit[0]])
    return " ".join(best).replace(" - ", "-") if best else None


def find_titles(r: Resolver) -> None:
    """A title without a name ("the secretary of state"): its holder in the text or on the day."""
    doc = r.doc
    i = 0
    while i < len(doc):
        hit = r.lex.match(r.lex.titles, r.low[i:i + r.lex.max_title], r.lex.max_title)  # type: ignore[arg-type]
        if hit is None or r.used[i] and (hit[0] < 2 or r.used[i + 1] or i + 1 < len(doc) and
                                         any(r.used[i + 1:i + hit[0]])):
            i += 1
            continue
        n, title = hit
        assert isinstance(title, Title)
        end = i + n
        first = i + 1 if r.used[i] else i  # "UN chief": "UN" is already the UN's mention
        nxt = doc[end] if end < len(doc) else None
        if nxt is not None and (nxt.lower_ in ("s", "'", "’") or nxt.text[:1].isupper() and
                                nxt.pos_ == "PROPN" and r.ent_of.get(end) is not None):
            i = end
            continue  # plural, or a title before a name that people already handled
        prev = [doc[k].lower_ for k in range(max(0, i - 3), i)]
        if title.elect or any(p.rstrip("-") in _NOT_NOW for p in prev) or "-" in prev[-1:] and \
                any(p in _NOT_NOW for p in prev):
            i = end
            continue
        where = _title_place(r, i, end, title)
        person = _holder(r, " ".join(r.low[i:end]), title, where)
        if person is not None:
            r.mention(first, end, person, "title")
        i = end


def _title_place(r: Resolver, start: int, end: int, title: Title) -> str | None:
    """Whose title: a state before it ("Iran's"), "of X" after it, or the title's own."""
    k = start - 1
    while k >= 0 and r.low[k] in ("'s", "’s", "the", "outgoing", "top", "then", "current"):
        k -= 1
    if k >= 0:
        owner = _mention_actor(r, k)
        if owner is not None and r.actors[owner].kind in ("state", "igo"):
            return owner
    if end + 1 < len(r.doc) and r.low[end] == "of":
        owner = _mention_actor(r, end + 1 if r.low[end + 1] != "the" else end + 2)
        if owner is not None:
            return owner if r.actors[owner].kind in ("state", "igo") else "-"
    return title.org or title.country


def _holder(r: Resolver, phrase: str, title: Title, where: str | None) -> str | None:
    """This document's person with that title, else the dictionary's holder on the day."""
    if where == "-":
        return None
    for aid in reversed(list(r.person_titles)):
        a = r.actors[aid]
        if phrase in r.person_titles[aid] and (where is None or where in (a.rollup, a.country)):
            return aid
    for aid, a in reversed(list(r.actors.items())):
        e = r.dic.get(aid)
        if e is None or a.kind != "person" or not e.roles:
            continue
        if any((ro.title.lower() == phrase or ro.role in title.roles) and
               (where is None or where in (ro.country, ro.org)) and
               ro.distance(r.day) <= 1 for ro in e.roles):
            return aid
    main = r.main_state()
    places = [where] if where else ([main] if main else [])
    for place in places:
        found: list[Entry] = []
        for role in title.roles:
            found += [e for e, _ in r.dic.holders(role, place, r.day) if e not in found]
        if len(found) == 1:
            return r.add_entry(found[0])
    return None


__all__ = ["find_people", "find_titles", "norm_key"]
