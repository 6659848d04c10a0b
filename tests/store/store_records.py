"""Hand-built records for store tests (our own sentences, no spaCy) and small helpers."""
from __future__ import annotations

from amity.record import (
    Actor,
    Claim,
    Document,
    Event,
    Evidence,
    Mention,
    Provenance,
    Quote,
    Removed,
    Stance,
)
from amity.store import Store
from amity.store.ingest import IngestSummary, store_outcomes

PROVENANCE = Provenance(amity="0.1.0", model="test_model-1.0", dictionary="dict-1",
                        lexicon="lex-1")


def _actor(actor_id: str, text: str, name: str, kind: str = "state",
           rollup: str | None = None, role: str | None = None) -> Actor:
    start = text.find(name)
    mentions = [Mention(start, start + len(name), name)] if start >= 0 else []
    return Actor(id=actor_id, name=name, kind=kind, rollup=rollup or actor_id,
                 country=actor_id if kind == "state" else None,
                 aliases=[f"{name} alias"], mentions=mentions, role=role)


def make_document(n: int, published: str = "2024-03-05") -> Document:
    """Document number `n`: Iran's foreign minister accuses Israel, the US urges talks."""
    text = (f"Report {n}. Iran's foreign minister Abbas Araghchi accused Israel of an attack "
            f"on day {n}. \"We will respond,\" Araghchi said. The United States urged talks "
            "with Iran. Israel denied the accusation.")
    s1 = text.index("Iran's")
    e1 = text.index(".", s1) + 1
    s2 = text.index("The United States")
    e2 = text.index(".", s2) + 1
    actors = [
        _actor("IRN", text, "Iran"),
        _actor("ISR", text, "Israel"),
        _actor("USA", text, "United States"),
        _actor("abbas-araghchi", text, "Abbas Araghchi", kind="person", rollup="IRN",
               role="Foreign Minister"),
    ]
    quote_start = text.index("\"We")
    return Document(
        id=f"doc{n:05d}", source=f"corpus/article-{n}.txt", text=text, provenance=PROVENANCE,
        title=f"Report {n}", published=published, site="example.org",
        url=f"https://example.org/{n}",
        removed=[Removed("navigation", "Home | World"), Removed("newsletter", "Sign up")],
        actors=actors,
        events=[
            Event(source="abbas-araghchi", target="ISR", type="ACCUSE", quad="verbal_conflict",
                  intensity=-2.0, evidence=Evidence(s1, e1, text[s1:e1]), date=published,
                  confidence=0.8, trigger="accuse"),
            Event(source="USA", target="IRN", type="REQUEST", quad="verbal_conflict",
                  intensity=-1.0, evidence=Evidence(s2, e2, text[s2:e2]), mode="talks",
                  confidence=0.6),
            Event(source="ISR", target="IRN", type="ASSAULT", quad="material_conflict",
                  intensity=-9.0, evidence=Evidence(s1, e1, text[s1:e1]),
                  asserted_by="abbas-araghchi", confidence=0.7),
            Event(source="IRN", target="ISR", type="ASSAULT", quad="material_conflict",
                  intensity=-9.0, evidence=Evidence(quote_start, quote_start + 17, "We will "
                                                    "respond"), hypothetical=True),
        ],
        quotes=[Quote(speaker="abbas-araghchi", kind="direct", text="We will respond",
                      start=quote_start + 1, end=quote_start + 16, channel="statement",
                      verb="say")],
        claims=[Claim(claimant="abbas-araghchi", about=["ISR"],
                      text="Israel carried out an attack", events=[2],
                      disputed_by=[Stance("ISR", "Israel denied the accusation.")],
                      supported_by=[], key="abbas-araghchi|ISR|ASSAULT", start=s1, end=e1)],
    )



def store_documents(store: Store, docs: list[Document], **kwargs: object) -> IngestSummary:
    """Run the ingest writer loop on ready-made records (no pipeline, no spaCy)."""
    return store_outcomes(lambda known: list(docs), store, **kwargs)  # type: ignore[arg-type]


def table_rows(store: Store, table: str) -> list[tuple[object, ...]]:
    """All rows of `table` without run ids, sorted: what two equal corpora share."""
    from amity.store.schema import column_names

    cols = ", ".join(f'"{c}"' for c in column_names(table) if c not in ("run_id", "first_run",
                                                                        "last_run"))
    return sorted(store.con.execute(f"SELECT {cols} FROM {table}").fetchall(), key=repr)
