"""Dyad series: per period counts per quad class, mean score, facts and claims apart."""
from __future__ import annotations

import pytest
from analyze_helpers import event_row, frame_of

from amity.analyze import dyad_series
from amity.analyze.dyad import period_labels

FRAME = frame_of(
    event_row("USA", "ACCUSE", "IRN", date="2014-08-03", doc_id="d1"),
    event_row("IRN", "REJECT", "USA", date="2014-08-20", doc_id="d2"),
    event_row("USA", "COOPERATE", "IRN", date="2014-09-01", doc_id="d3",
              asserted_by="ali-khamenei"),
    event_row("USA", "ASSAULT", "ISIS", date="2014-09-01", doc_id="d3"),
    event_row("john-kerry", "CONSULT", "IRN", date="2014-09-15", doc_id="d4"),
    event_row("USA", "THREATEN", "IRN", date="2014-09-16", doc_id="d4", negated=True),
    event_row("IRN", "ACCUSE", "USA", date=None, doc_id="d5"),
)


def test_series_counts_quads_per_month_with_facts_and_claims_apart() -> None:
    series = dyad_series(FRAME, "USA", "IRN", "month").set_index("period")
    assert list(series.index) == ["2014-08", "2014-09", "undated"]
    august, september = series.loc["2014-08"], series.loc["2014-09"]
    assert august["verbal_conflict"] == 2 and august["facts"] == 2
    assert august["mean_intensity"] == pytest.approx(-2.5)
    assert september["verbal_cooperation"] == 1  # Kerry's consultation rolls up to the US
    assert september["material_cooperation"] == 0
    assert september["material_cooperation_claims"] == 1
    assert (september["facts"], september["claims"]) == (1, 1)
    assert september["mean_intensity_claims"] == pytest.approx(9.5)


def test_series_keeps_the_evidence_behind_each_period() -> None:
    series = dyad_series(FRAME, "United States", "iran", "month").set_index("period")
    evidence = series.loc["2014-09", "evidence"]
    assert {e["doc_id"] for e in evidence} == {"d3", "d4"}
    assert all(e["sentence"] for e in evidence)
    assert not any(e["type"] == "THREATEN" for e in evidence)  # negated: left out


def test_series_at_actor_level_separates_the_official() -> None:
    series = dyad_series(FRAME, "john-kerry", "IRN", "month", level="actor")
    assert list(series["period"]) == ["2014-09"]
    assert series.iloc[0]["verbal_cooperation"] == 1


@pytest.mark.parametrize(("by", "label"), [("month", "2014-09"), ("week", "2014-W36"),
                                           ("year", "2014")])
def test_periods_are_labelled_by_month_week_or_year(by: str, label: str) -> None:
    import pandas as pd

    assert list(period_labels(pd.Series(["2014-09-01", None]), by)) == [label, "undated"]


def test_unknown_pair_gives_an_empty_series() -> None:
    assert dyad_series(FRAME, "USA", "Atlantis").empty


@pytest.mark.parametrize(("by", "periods"), [
    ("month", ["2014-08", "2014-09", "2014-10", "2014-11", "undated"]),
    ("year", ["2014", "undated"]),
])
def test_fill_periods_gives_an_even_time_axis(by: str, periods: list[str]) -> None:
    from amity.analyze.dyad import fill_periods

    frame = frame_of(*FRAME.to_dict("records"),
                     event_row("IRN", "SANCTION", "USA", date="2014-11-02", doc_id="d6"))
    filled = fill_periods(dyad_series(frame, "USA", "IRN", by), by)
    assert list(filled["period"]) == periods
    if by == "month":
        october = filled.set_index("period").loc["2014-10"]
        assert (october["facts"], october["claims"], october["evidence"]) == (0, 0, [])
