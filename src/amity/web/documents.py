"""Documents: the list, search, and one document's text cut into highlighted segments."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from amity.record import Document
from amity.store import Store
from amity.web.models import (
    ActorHit,
    DocumentHit,
    DocumentList,
    DocumentRow,
    SearchResults,
)

DOC_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")  # content hashes; other producers may differ
SNIPPET = 80


def document_list(store: Store, *, q: str | None = None, offset: int = 0,
                  limit: int = 50) -> DocumentList:
    """Documents newest first (by publication date), filtered by words of title or source."""
    where, params = "", []
    if q:
        where = "WHERE title ILIKE ? OR source ILIKE ? OR site ILIKE ?"
        params = [f"%{q}%"] * 3
    row = store.con.execute(f"SELECT count(*) FROM documents {where}", params).fetchone()
    rows = store.con.execute(f"""
        SELECT doc_id, title, source, published, site, n_events, n_quotes, n_claims
        FROM documents {where}
        ORDER BY published_day DESC NULLS LAST, title, doc_id LIMIT ? OFFSET ?""",
                             [*params, limit, offset]).fetchall()
    return DocumentList(q=q, total=int(row[0]) if row else 0, offset=offset, limit=limit,
                        documents=[DocumentRow(id=r[0], title=r[1], source=r[2],
                                               published=r[3], site=r[4], events=r[5] or 0,
                                               quotes=r[6] or 0, claims=r[7] or 0)
                                   for r in rows])


def _snippet(text: str, q: str) -> str | None:
    at = text.casefold().find(q.casefold())
    if at < 0:
        return None
    start, end = max(0, at - SNIPPET), min(len(text), at + len(q) + SNIPPET)
    return ("…" if start else "") + " ".join(text[start:end].split()) + (
        "…" if end < len(text) else "")


def search(store: Store, q: str, *, limit: int = 20) -> SearchResults:
    """Actors whose id, name or alias contains `q`, and documents whose title or text does."""
    q = q.strip()
    if not q:
        return SearchResults(q=q, actors=[], documents=[])
    like = f"%{q}%"
    actors = store.con.execute("""
        WITH hits AS (
            SELECT a.id, a.name, a.kind,
                   CASE WHEN a.name ILIKE $like OR a.id ILIKE $like THEN a.name
                        ELSE list_filter(a.aliases, lambda x: x ILIKE $like)[1] END AS matched
            FROM actors a
            WHERE a.name ILIKE $like OR a.id ILIKE $like
               OR len(list_filter(a.aliases, lambda x: x ILIKE $like)) > 0)
        SELECT h.id, h.name, h.kind, count(DISTINCT d.doc_id) AS documents, h.matched
        FROM hits h LEFT JOIN doc_actors d ON d.actor_id = h.id
        GROUP BY h.id, h.name, h.kind, h.matched
        ORDER BY lower(h.name) = lower($q) DESC, lower(h.name) LIKE lower($q) || '%' DESC,
                 documents DESC, h.name
        LIMIT $limit""", {"like": like, "q": q, "limit": limit}).fetchall()
    docs = store.con.execute("""
        SELECT doc_id, title, published, text FROM documents
        WHERE title ILIKE $like OR text ILIKE $like
        ORDER BY title ILIKE $like DESC, published_day DESC NULLS LAST, doc_id LIMIT $limit""",
                             {"like": like, "limit": limit}).fetchall()
    return SearchResults(
        q=q, actors=[ActorHit(id=r[0], name=r[1], kind=r[2], documents=r[3],
                              matched=r[4] or r[1]) for r in actors],
        documents=[DocumentHit(id=r[0], title=r[1], published=r[2],
                               snippet=_snippet(r[3] or "", q)) for r in docs])


@dataclass(slots=True)
class Segment:
    """A run of the text with the same highlights: the page renders one span per segment."""

    text: str
    actor: str | None = None  # actor id of the mention covering it
    quote: int | None = None
    events: list[int] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)  # ids that start here (ev-3, q-1)

    @property
    def classes(self) -> str:
        return " ".join(c for c, on in (("mention", self.actor), ("quote", self.quote is not None),
                                        ("event", self.events)) if on)


def segments(doc: Document) -> list[Segment]:
    """The text cut wherever a mention, quote or event sentence starts or ends."""
    n = len(doc.text)
    spans: list[tuple[int, int, str, object]] = []
    for a in doc.actors:
        spans += [(m.start, m.end, "actor", a.id) for m in a.mentions]
    spans += [(q.start, q.end, "quote", i) for i, q in enumerate(doc.quotes)]
    spans += [(e.evidence.start, e.evidence.end, "event", i) for i, e in enumerate(doc.events)]
    spans = [(max(0, s), min(n, e), k, v) for s, e, k, v in spans if 0 <= s < e]
    cuts = sorted({0, n, *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    out: list[Segment] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        seg = Segment(doc.text[start:end])
        for s, e, kind, value in spans:
            if s <= start and end <= e:
                if kind == "actor" and seg.actor is None:
                    seg.actor = str(value)
                elif kind == "quote" and seg.quote is None:
                    seg.quote = int(str(value))
                elif kind == "event":
                    seg.events.append(int(str(value)))
            if s == start and kind != "actor":
                anchor = f"{'ev' if kind == 'event' else 'q'}-{value}"
                if anchor not in seg.anchors:
                    seg.anchors.append(anchor)
        out.append(seg)
    return out
