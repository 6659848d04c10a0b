"""DataFrames to text: a terminal table that fits the window, JSON records, or CSV."""
from __future__ import annotations

import json
import math
import shutil
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import pandas as pd

FORMATS = ("table", "json", "csv")
LIST_SEPARATOR = " | "


def plain(value: Any) -> Any:
    """A JSON-ready value: dates as ISO strings (no midnight time), NaN as None, lists kept."""
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, pd.Timestamp | datetime):
        if value.hour == value.minute == value.second == value.microsecond == 0:
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "tolist"):  # numpy scalars and arrays
        return plain(value.tolist()) if not isinstance(value, list) else value
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def records(df: pd.DataFrame) -> list[dict[str, Any]]:
    return [{col: plain(v) for col, v in zip(df.columns, row, strict=True)}
            for row in df.itertuples(index=False, name=None)]


def cell(value: Any) -> str:
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".") if value != int(value) else f"{value:.0f}"
    if isinstance(value, list):
        return LIST_SEPARATOR.join(cell(v) for v in value)
    return " ".join(str(value).split())


def to_json(df: pd.DataFrame) -> str:
    return json.dumps(records(df), ensure_ascii=False, indent=1, default=str)


def to_csv(df: pd.DataFrame) -> str:
    flat = pd.DataFrame({c: [cell(v) if isinstance(plain(v), list) else plain(v)
                             for v in df[c]] for c in df.columns}, columns=df.columns)
    return str(flat.to_csv(index=False))


def to_table(df: pd.DataFrame, *, width: int | None = None,
             headers: dict[str, str] | None = None) -> str:
    """Aligned columns; the widest are cut (…) until the table fits `width`."""
    if df.empty:
        return "(nothing found)"
    width = width or shutil.get_terminal_size((120, 24)).columns
    names = [(headers or {}).get(c, c.replace("_", " ")) for c in df.columns]
    rows = [[cell(v) for v in row] for row in df.itertuples(index=False, name=None)]
    widths = [max([len(n)] + [len(r[i]) for r in rows]) for i, n in enumerate(names)]
    gap = 2
    while sum(widths) + gap * (len(widths) - 1) > width:
        i = max(range(len(widths)), key=lambda k: widths[k])
        if widths[i] <= max(8, len(names[i])):
            break
        widths[i] -= 1

    def fit(text: str, w: int) -> str:
        return text if len(text) <= w else text[: max(w - 1, 0)] + "…"

    lines = [(" " * gap).join(fit(n, w).ljust(w) for n, w in zip(names, widths, strict=True)),
             (" " * gap).join("─" * w for w in widths)]
    for r in rows:
        lines.append((" " * gap).join(fit(v, w).ljust(w)
                                      for v, w in zip(r, widths, strict=True)).rstrip())
    return "\n".join(line.rstrip() for line in lines)


def render(df: pd.DataFrame, fmt: str, *, columns: Sequence[str] | None = None,
           headers: dict[str, str] | None = None, width: int | None = None) -> str:
    """`df` as `fmt`; `columns` picks what a terminal table shows (json/csv keep all)."""
    if fmt == "json":
        return to_json(df)
    if fmt == "csv":
        return to_csv(df)
    shown = df[[c for c in columns if c in df.columns]] if columns else df
    return to_table(shown, width=width, headers=headers)
