"""Pure helpers shared by the analyses: which events count, at which level, and how much.

Every analysis reads the same events frame (see `amity.analyze.frame.EVENT_COLUMNS`); these
helpers turn it into directed rows between nodes (`src` → `tgt`) with a `score`, and into one
summary row per unordered pair of nodes (`pair_table`).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from amity.record import QUAD_OF_TYPE

QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
LEVELS = ("rollup", "actor")
COOPERATION = ("verbal_cooperation", "material_cooperation")
CONFLICT = ("verbal_conflict", "material_conflict")


@dataclass(frozen=True, slots=True)
class Weights:
    """How much an event weighs: deeds over words, stronger acts over weaker ones."""

    verbal: float = 1.0
    material: float = 2.0
    min_magnitude: float = 1.0
    evidence_per_item: int = 12
    evidence_per_quad: int = 5


@lru_cache(maxsize=1)
def load_weights() -> Weights:
    """The packaged weights (weights.yaml next to this module)."""
    raw = yaml.safe_load((Path(__file__).with_name("weights.yaml")).read_text("utf-8")) or {}
    qw = raw.get("quad_weight") or {}
    return Weights(verbal=float(qw.get("verbal", 1.0)), material=float(qw.get("material", 2.0)),
                   min_magnitude=float(raw.get("min_magnitude", 1.0)),
                   evidence_per_item=int(raw.get("evidence_per_item", 12)),
                   evidence_per_quad=int(raw.get("evidence_per_quad", 5)))


def check_level(level: str) -> None:
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, not {level!r}")


def _flag(series: pd.Series) -> pd.Series:
    return series.fillna(False).astype(bool)


def is_claim(frame: pd.DataFrame) -> pd.Series:
    """Rows that someone asserts (asserted_by set) rather than the article stating them."""
    if "asserted_by" not in frame:
        return pd.Series(False, index=frame.index)
    col = frame["asserted_by"]
    return col.notna() & (col.astype(str).str.len() > 0)


def usable(frame: pd.DataFrame, *, include_claims: bool = False) -> pd.DataFrame:
    """Events that count: negated and hypothetical ones never, claims only when asked for."""
    keep = pd.Series(True, index=frame.index)
    for col in ("negated", "hypothetical"):
        if col in frame:
            keep &= ~_flag(frame[col])
    if not include_claims:
        keep &= ~is_claim(frame)
    return frame[keep]


def _rollup_names(frame: pd.DataFrame) -> dict[str, str]:
    """A name for each rollup id, from the frame's own name columns where it can find one."""
    names: dict[str, str] = {}
    # Actors' own names first, so a rollup's explicit name (set later) wins over them.
    pairs = [(side, f"{side}_name") for side in ("source", "target")]
    pairs += [(f"{side}_rollup", f"{side}_rollup_name") for side in ("source", "target")]
    for id_col, name_col in pairs:
        if id_col in frame and name_col in frame:
            sub = frame[[id_col, name_col]].dropna().drop_duplicates(id_col)
            names.update(zip(sub[id_col].tolist(), sub[name_col].tolist(), strict=True))
    return names


def at_level(frame: pd.DataFrame, level: str = "rollup") -> pd.DataFrame:
    """The frame with `src`, `tgt`, `src_name`, `tgt_name` at `level`; self-relations dropped."""
    check_level(level)
    out = frame.copy()
    if level == "rollup":
        names = _rollup_names(frame)
        for side, short in (("source", "src"), ("target", "tgt")):
            ids = out[f"{side}_rollup"] if f"{side}_rollup" in out else out[side]
            out[short] = ids.where(ids.notna(), out[side])
            out[f"{short}_name"] = out[short].map(names).fillna(out[short])
    else:
        for side, short in (("source", "src"), ("target", "tgt")):
            out[short] = out[side]
            name_col = f"{side}_name"
            out[f"{short}_name"] = (out[name_col].where(out[name_col].notna(), out[side])
                                    if name_col in out else out[side])
    out = out[out["src"].notna() & out["tgt"].notna() & (out["src"] != out["tgt"])]
    return out


def in_window(frame: pd.DataFrame, since: str | None, until: str | None) -> pd.DataFrame:
    """Events whose day lies in [since, until]; undated events drop out of a bounded window."""
    if not since and not until or "date" not in frame:
        return frame
    days = pd.to_datetime(frame["date"], errors="coerce")
    keep = days.notna()
    if since:
        keep &= days >= pd.Timestamp(since)
    if until:
        keep &= days <= pd.Timestamp(until)
    return frame[keep]


def with_scores(frame: pd.DataFrame, weights: Weights | None = None) -> pd.DataFrame:
    """Add `quad` (from the type when absent) and `score`: quad weight times |intensity|."""
    w = weights or load_weights()
    out = frame.copy()
    if "quad" not in out:
        out["quad"] = out["type"].map(QUAD_OF_TYPE)
    else:
        out["quad"] = out["quad"].where(out["quad"].notna(), out["type"].map(QUAD_OF_TYPE))
    intensity = out["intensity"] if "intensity" in out else pd.Series(0.0, index=out.index)
    magnitude = pd.to_numeric(intensity, errors="coerce").abs().fillna(0.0)
    magnitude = magnitude.clip(lower=w.min_magnitude)
    material = out["quad"].astype(str).str.startswith("material")
    out["score"] = magnitude * material.map({True: w.material, False: w.verbal})
    return out


def evidence_item(row: Any) -> dict[str, Any]:
    """One event as the evidence behind a figure: its document, sentence and coding."""
    def get(name: str) -> Any:
        value = getattr(row, name, None)
        return None if value is None or (isinstance(value, float) and pd.isna(value)) else value

    date = get("date")
    return {"doc_id": get("doc_id"), "sentence": get("evidence"), "type": get("type"),
            "quad": get("quad"), "source": get("src_name") or get("source"),
            "target": get("tgt_name") or get("target"), "asserted_by": get("asserted_by"),
            "date": None if date is None else str(date)[:10],
            "intensity": get("intensity")}


def evidence_list(rows: pd.DataFrame, limit: int | None = None) -> list[dict[str, Any]]:
    """Evidence items for `rows`, strongest (highest score) first, one per sentence."""
    limit = load_weights().evidence_per_item if limit is None else limit
    if "score" in rows:
        rows = rows.sort_values("score", ascending=False, kind="stable")
    items: list[dict[str, Any]] = []
    seen: set[tuple[Any, Any, Any]] = set()
    for row in rows.itertuples(index=False):
        item = evidence_item(row)
        key = (item["doc_id"], item["sentence"], item["type"])
        if key in seen:
            continue
        seen.add(key)
        items.append(item)
        if len(items) >= limit:
            break
    return items


PAIR_COLUMNS = ("a", "b", "a_name", "b_name", *QUADS, *(f"n_{q}" for q in QUADS), "n_events",
                "cooperation", "conflict", "net", "sign", "weight", "evidence")


def _plain(values: pd.Series) -> list[Any]:
    """The values as a list with every missing value (NaN, NaT, NA) as None."""
    objects = values.astype(object)
    return objects.where(values.notna(), None).tolist()  # type: ignore[no-any-return]


def evidence_records(rows: pd.DataFrame) -> list[dict[str, Any]]:
    """`evidence_item` for every row at once (the fast path for many rows)."""
    def column(*names: str) -> list[Any]:
        for name in names:
            if name in rows:
                return _plain(rows[name])
        return [None] * len(rows)

    if "date" in rows:
        days = pd.to_datetime(rows["date"], errors="coerce")
        dates = _plain(days.dt.strftime("%Y-%m-%d"))
    else:
        dates = [None] * len(rows)
    fields = {"doc_id": column("doc_id"), "sentence": column("evidence"),
              "type": column("type"), "quad": column("quad"),
              "source": column("src_name", "source"), "target": column("tgt_name", "target"),
              "asserted_by": column("asserted_by"), "date": dates,
              "intensity": column("intensity")}
    names = list(fields)
    return [dict(zip(names, values, strict=True))
            for values in zip(*fields.values(), strict=True)]


def pair_table(frame: pd.DataFrame, level: str = "rollup", *, include_claims: bool = False,
               weights: Weights | None = None) -> pd.DataFrame:
    """One row per unordered pair: scores and counts per quad, net, sign, weight, evidence."""
    w = weights or load_weights()
    rows = with_scores(at_level(usable(frame, include_claims=include_claims), level), w)
    if rows.empty:
        return pd.DataFrame(columns=list(PAIR_COLUMNS))
    swap = rows["src"].astype(str) > rows["tgt"].astype(str)
    rows["a"] = rows["src"].where(~swap, rows["tgt"])
    rows["b"] = rows["tgt"].where(~swap, rows["src"])
    rows["a_name"] = rows["src_name"].where(~swap, rows["tgt_name"])
    rows["b_name"] = rows["tgt_name"].where(~swap, rows["src_name"])
    keys = ["a", "b"]
    by_quad = rows.groupby([*keys, "quad"])["score"].agg(["sum", "count"]).unstack(
        "quad", fill_value=0)
    out = rows.groupby(keys, sort=True)[["a_name", "b_name"]].first()
    for quad in QUADS:
        out[quad] = (by_quad["sum"][quad] if quad in by_quad["sum"] else 0.0)
        out[f"n_{quad}"] = (by_quad["count"][quad] if quad in by_quad["count"] else 0)
    out[list(QUADS)] = out[list(QUADS)].fillna(0.0).astype(float)
    counts = [f"n_{q}" for q in QUADS]
    out[counts] = out[counts].fillna(0).astype(int)
    out["n_events"] = out[counts].sum(axis=1)
    out["cooperation"] = out["verbal_cooperation"] + out["material_cooperation"]
    out["conflict"] = out["verbal_conflict"] + out["material_conflict"]
    out["net"] = out["cooperation"] - out["conflict"]
    out["sign"] = (out["net"] > 0).astype(int) - (out["net"] < 0).astype(int)
    out["weight"] = out["net"].abs()
    # The strongest sentences of each quad, so every figure of the row has its evidence.
    strongest = (rows.sort_values("score", ascending=False, kind="stable")
                 .drop_duplicates([*keys, "doc_id", "evidence", "type"]
                                  if {"doc_id", "evidence"} <= set(rows) else None)
                 .groupby([*keys, "quad"], sort=False).head(w.evidence_per_quad))
    evidence: dict[tuple[Any, Any], list[dict[str, Any]]] = {}
    for pair, item in zip(zip(strongest["a"], strongest["b"], strict=True),
                          evidence_records(strongest), strict=True):
        evidence.setdefault(pair, []).append(item)
    out["evidence"] = [evidence.get(pair, []) for pair in out.index]
    return out.reset_index()[list(PAIR_COLUMNS)]
