"""Corpus analyses: dyad series, the signed graph, structural balance, tacit alliances, report.

All analyses are pure functions over the events frame (`events_frame` reads it from a store),
so they run the same on a store, on Parquet loaded with pandas, or on a hand-built frame.
"""
from __future__ import annotations

from amity.analyze.alliances import alliances
from amity.analyze.balance import balance, triad_census
from amity.analyze.dyad import dyad_series, fill_periods
from amity.analyze.frame import EVENT_COLUMNS, disputed_claims_frame, events_frame
from amity.analyze.graph import graph_to_text, signed_graph
from amity.analyze.report import build_report, write_report
from amity.analyze.scoring import pair_table

__all__ = ["EVENT_COLUMNS", "alliances", "balance", "build_report", "disputed_claims_frame",
           "dyad_series", "events_frame", "fill_periods", "graph_to_text", "pair_table",
           "signed_graph", "triad_census", "write_report"]
