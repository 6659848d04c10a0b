"""Dyad series: how two actors relate period by period, facts and claims counted apart."""
from __future__ import annotations

from typing import Any

import pandas as pd

from amity.analyze.scoring import QUADS, at_level, evidence_list, is_claim, usable, with_scores

PERIODS = ("week", "month", "year")
UNDATED = "undated"

DYAD_COLUMNS = ("period", *QUADS, *(f"{q}_claims" for q in QUADS), "facts", "claims",
                "mean_intensity", "mean_intensity_claims", "evidence")


def period_labels(dates: pd.Series, by: str = "month") -> pd.Series:
    """`YYYY-MM` (month), `YYYY-Www` (ISO week) or `YYYY` (year); `undated` when unknown."""
    if by not in PERIODS:
        raise ValueError(f"by must be one of {PERIODS}, not {by!r}")
    days = pd.to_datetime(dates, errors="coerce")
    if by == "month":
        labels = days.dt.strftime("%Y-%m")
    elif by == "year":
        labels = days.dt.strftime("%Y")
    else:
        iso = days.dt.isocalendar()
        labels = iso["year"].astype("string") + "-W" + iso["week"].astype("string").str.zfill(2)
    return labels.where(days.notna(), UNDATED).astype(object)


def resolve_node(frame: pd.DataFrame, who: str) -> str | None:
    """The node id in an `at_level` frame that `who` names: an id, else a name (any case)."""
    ids = pd.concat([frame["src"], frame["tgt"]])
    if (ids == who).any():
        return who
    names = pd.concat([frame["src_name"], frame["tgt_name"]]).astype(str).str.casefold()
    hits = ids[(names == who.casefold()).to_numpy()]
    return None if hits.empty else str(hits.iloc[0])


def dyad_series(frame: pd.DataFrame, a: str, b: str, by: str = "month", *,
                level: str = "rollup") -> pd.DataFrame:
    """Per period for the pair (both directions): events per quad class, mean PLOVER score,
    facts and claims apart, and the evidence (doc ids and sentences) behind each row.

    `a` and `b` are ids or names at `level`. Negated and hypothetical events are left out.
    """
    rows = at_level(usable(frame, include_claims=True), level)
    if rows.empty:
        return pd.DataFrame(columns=list(DYAD_COLUMNS))
    a_id, b_id = resolve_node(rows, a), resolve_node(rows, b)
    pair = ((rows["src"] == a_id) & (rows["tgt"] == b_id)) | (
        (rows["src"] == b_id) & (rows["tgt"] == a_id))
    rows = with_scores(rows[pair]) if a_id and b_id else rows.iloc[0:0]
    if rows.empty:
        return pd.DataFrame(columns=list(DYAD_COLUMNS))
    rows = rows.assign(period=period_labels(rows["date"] if "date" in rows else
                                            pd.Series(pd.NaT, index=rows.index), by),
                       claim=is_claim(rows))
    out: list[dict[str, Any]] = []
    for period, group in rows.groupby("period", sort=True):
        facts, claims = group[~group["claim"]], group[group["claim"]]
        rec: dict[str, Any] = {"period": period}
        for quad in QUADS:
            rec[quad] = int((facts["quad"] == quad).sum())
            rec[f"{quad}_claims"] = int((claims["quad"] == quad).sum())
        rec["facts"], rec["claims"] = len(facts), len(claims)
        rec["mean_intensity"] = _mean(facts["intensity"])
        rec["mean_intensity_claims"] = _mean(claims["intensity"])
        rec["evidence"] = evidence_list(group, limit=len(group))
        out.append(rec)
    series = pd.DataFrame(out, columns=list(DYAD_COLUMNS))
    # Undated events go last: they belong to no period on the time axis.
    return pd.concat([series[series["period"] != UNDATED], series[series["period"] == UNDATED]],
                     ignore_index=True)


def fill_periods(series: pd.DataFrame, by: str = "month", limit: int = 240) -> pd.DataFrame:
    """The series with empty rows for the months (years) between its first and last, so a
    chart's time axis is even; weeks, and spans over `limit` periods, are left as they are."""
    dated = series[series["period"] != UNDATED]
    if dated.empty or by == "week":
        return series
    freq = "M" if by == "month" else "Y"
    first, last = pd.Period(dated["period"].min(), freq), pd.Period(dated["period"].max(), freq)
    if last.ordinal - first.ordinal + 1 > limit:
        return series
    labels = [str(p) for p in pd.period_range(first, last, freq=freq)]
    known = {rec["period"]: rec for rec in dated.to_dict("records")}
    empty: dict[str, Any] = {col: 0 for col in series.columns}
    empty.update(mean_intensity=None, mean_intensity_claims=None)
    rows = [known.get(label) or {**empty, "period": label, "evidence": []} for label in labels]
    rows += series[series["period"] == UNDATED].to_dict("records")
    return pd.DataFrame(rows, columns=series.columns)


def _mean(values: pd.Series) -> float | None:
    numbers = pd.to_numeric(values, errors="coerce").dropna()
    return None if numbers.empty else round(float(numbers.mean()), 3)
