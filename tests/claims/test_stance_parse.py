"""Stance rules walk the parse: they must end on any tree, verbless sentences included."""
from __future__ import annotations

from amity.ingest import Page
from amity.record import Document


def test_a_rebuttal_phrase_in_a_verbless_sentence_ends(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "propaganda" heads a sentence with no verb: climbing towards a verb used to loop at its root.
    text = ("Israel claimed on Monday that Iran gives the Houthis drones and money.\n\n"
            "Pure propaganda and disinformation from the usual people.\n\n"
            "Iran's foreign ministry said the charge was an attempt to distract from Gaza.")
    page = Page(source="verbless.txt", content=text, form="text")
    (record,) = list(pipeline([page]))
    assert isinstance(record, Document), record
    assert any(c.claimant == "ISR" for c in record.claims)
