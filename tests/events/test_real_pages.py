"""The coder on real pages from ../shared (read at test time, never copied here)."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def record_of(pipeline, path):  # type: ignore[no-untyped-def]
    from amity.ingest import read_inputs

    (record,) = list(pipeline(read_inputs([str(path)])))
    return record


def test_claim_layer_on_the_pompeo_article(pipeline, shared_dir):  # type: ignore[no-untyped-def]
    record = record_of(pipeline, shared_dir / "eval/dev/000_0afead94e53488d4.txt")
    live = [e for e in record.events if not (e.negated or e.hypothetical)]
    accuse = [e for e in live if e.type == "ACCUSE" and e.target == "IRN"
              and e.source.endswith("pompeo")]
    assert accuse and all(e.asserted_by is None for e in accuse)
    aid = [e for e in live if (e.source, e.type, e.target) == ("IRN", "AID", "al-qaeda")]
    assert aid and {e.asserted_by for e in aid} & {a.id for a in record.actors
                                                   if a.id.endswith("pompeo")}


def test_every_event_is_well_formed(pipeline, shared_dir):  # type: ignore[no-untyped-def]
    from amity.record import QUAD_OF_TYPE

    record = record_of(pipeline, shared_dir / "eval/dev/trump-iran-deal-withdrawal-2018.txt")
    ids = {a.id for a in record.actors}
    assert record.events
    for e in record.events:
        assert e.source in ids and e.target in ids and e.source != e.target
        assert e.quad == QUAD_OF_TYPE[e.type] and -10 <= e.intensity <= 10
        assert record.text[e.evidence.start:e.evidence.end] == e.evidence.text
        assert e.asserted_by is None or e.asserted_by in ids
