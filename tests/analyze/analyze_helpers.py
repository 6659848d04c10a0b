"""Hand-built event frames and records for the analysis tests (our own sentences, no spaCy)."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from amity.record import (
    QUAD_OF_TYPE,
    Actor,
    Claim,
    Document,
    Event,
    Evidence,
    Provenance,
    Stance,
)

NAMES = {"USA": "United States", "IRN": "Iran", "SAU": "Saudi Arabia", "ISIS": "Islamic State",
         "houthis": "Houthis", "RUS": "Russia", "UKR": "Ukraine", "FRA": "France",
         "TUR": "Turkey", "john-kerry": "John Kerry", "ali-khamenei": "Ali Khamenei"}
ROLLUP = {"john-kerry": "USA", "ali-khamenei": "IRN"}
KINDS = {"ISIS": "armed_group", "houthis": "armed_group", "john-kerry": "person",
         "ali-khamenei": "person"}
# PLOVER default scores of the types the tests use.
SCORE = {"AGREE": 2.5, "CONSULT": 2.5, "SUPPORT": 5.0, "COOPERATE": 9.5, "AID": 10.0,
         "REQUEST": 0.0, "ACCUSE": -3.0, "REJECT": -2.0, "THREATEN": -3.5, "SANCTION": -6.0,
         "COERCE": -7.0, "ASSAULT": -9.0}


def event_row(source: str, type_: str, target: str, date: str | None = "2014-09-10",
              **extra: Any) -> dict[str, Any]:
    """One row of the analyses' events frame, filled the way `events_frame` fills it."""
    row = {"doc_id": "doc-1", "source": source, "target": target,
           "source_rollup": ROLLUP.get(source, source), "target_rollup": ROLLUP.get(target, target),
           "source_name": NAMES.get(source, source), "target_name": NAMES.get(target, target),
           "type": type_, "quad": QUAD_OF_TYPE[type_], "intensity": SCORE[type_],
           "date": date, "asserted_by": None, "negated": False, "hypothetical": False,
           "evidence": f"{NAMES.get(source, source)} {type_.lower()} {NAMES.get(target, target)}.",
           "confidence": 0.7}
    row["source_rollup_name"] = NAMES.get(row["source_rollup"], row["source_rollup"])
    row["target_rollup_name"] = NAMES.get(row["target_rollup"], row["target_rollup"])
    row.update(extra)
    return row


def frame_of(*rows: dict[str, Any]) -> pd.DataFrame:
    return pd.DataFrame(list(rows))


EventSpec = tuple[str, str, str, str]  # source, type, target, sentence


def document_of(doc_id: str, published: str, specs: Sequence[EventSpec],
                asserted: dict[int, str] | None = None,
                claims: Sequence[Claim] = ()) -> Document:
    """A record whose text is the specs' sentences and whose events point to them."""
    text, events, ids = "", [], set()
    for i, (source, type_, target, sentence) in enumerate(specs):
        start = len(text)
        text += sentence + " "
        ids.update((source, target, ROLLUP.get(source, source), ROLLUP.get(target, target)))
        events.append(Event(source=source, target=target, type=type_,
                            quad=QUAD_OF_TYPE[type_], intensity=SCORE[type_],
                            evidence=Evidence(start, start + len(sentence), sentence),
                            date=published, asserted_by=(asserted or {}).get(i),
                            confidence=0.7))
    for claim in claims:
        ids.update((claim.claimant, *claim.about, *(s.actor for s in claim.disputed_by)))
    actors = [Actor(id=i, name=NAMES.get(i, i), kind=KINDS.get(i, "state"),
                    rollup=ROLLUP.get(i, i)) for i in sorted(ids)]
    return Document(id=doc_id, source=f"{doc_id}.txt", text=text.strip(),
                    provenance=Provenance(amity="0.1.0"), title=doc_id, published=published,
                    actors=actors, events=events, claims=list(claims))


# Our own sentences: the seed pages' situation, told briefly.
SEEDLIKE = [
    document_of("gulf", "2021-01-12", [
        ("USA", "AID", "SAU", "The United States sold precision bombs to Saudi Arabia."),
        ("SAU", "ASSAULT", "houthis", "Saudi jets bombed Houthi positions near Saada."),
        ("USA", "SANCTION", "houthis", "Washington designated the Houthis a terrorist group."),
    ]),
    document_of("iraq", "2014-09-20", [
        ("USA", "ASSAULT", "ISIS", "US aircraft struck Islamic State fighters near Amerli."),
        ("IRN", "ASSAULT", "ISIS", "Iranian advisers fought the Islamic State at Amerli."),
        ("ali-khamenei", "REJECT", "USA", "Khamenei said he refused the American offer."),
        ("john-kerry", "ACCUSE", "IRN", "Kerry said Iran backs the Syrian regime."),
        ("USA", "ACCUSE", "IRN", "Washington accused Tehran of meddling."),
    ], asserted={4: "ali-khamenei"}, claims=[
        Claim(claimant="john-kerry", about=["IRN"], text="Iran backs the Syrian regime",
              disputed_by=[Stance("ali-khamenei", "Khamenei called the charge a lie.")],
              key="john-kerry|IRN|SUPPORT")]),
]
