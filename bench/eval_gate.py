#!/usr/bin/env python3
"""Evaluation gate: today's scores against the floors pinned in bench/floors.json.

Scores: `score.py` on ../shared/eval/dev (amity extract of every .txt), the article-extraction
benchmark (amity and trafilatura F1 in the same run) and the PLOVER GSR sentences. The
pipeline is deterministic, so a figure more than NOISE below its floor is a regression.

    python bench/eval_gate.py                      # print figures, exit 1 on a drop
    python bench/eval_gate.py --raise-floors       # pin today's figures where they are higher
    python bench/eval_gate.py --lower-floors --reason "why"   # accept a drop, on purpose

A floor goes down only with --lower-floors and a reason, which is kept in floors.json and
belongs in the commit message too. `tests/test_eval_gate.py` runs the check in CI.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FLOORS = Path(__file__).with_name("floors.json")
NOISE = 0.005


def _module(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def dev_scores(shared: Path = SHARED) -> dict[str, float]:
    """Every figure `score.py` prints for the dev set (F1 for the P/R/F1 ones)."""
    from amity.pipeline import extract
    from amity.record import Document

    scorer = _module("amity_gate_score", shared / "eval" / "score.py")
    gold_dir = shared / "eval" / "dev"
    records = {Path(d.source).name: d.to_dict() for d in
               extract(str(p) for p in sorted(gold_dir.glob("*.txt")))
               if isinstance(d, Document)}
    totals: dict[str, list[int]] = {}
    for gold_path in sorted(gold_dir.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        for key, value in scorer.score_doc(gold, records.get(gold["file"])).items():
            sums = totals.setdefault(key, [0, 0, 0])
            for i, v in enumerate(value):
                sums[i] += v
    out: dict[str, float] = {}
    for key, sums in totals.items():
        if key.startswith("events_") or key == "quotes":
            tp, fp, fn = sums
            out[f"dev.{key}.f1"] = round(2 * tp / (2 * tp + fp + fn), 3) if tp else 0.0
        else:
            n, of = sums[0], sums[1]
            out[f"dev.{key}"] = round(n / of, 3) if of else 1.0
    return out


def bench_scores(shared: Path = SHARED) -> dict[str, float]:
    """The main-text benchmark and the PLOVER GSR sentences."""
    here = Path(__file__).parent
    main_text = _module("amity_gate_main_text", here / "main_text.py")
    gsr = _module("amity_gate_gsr", here / "plover_gsr.py")
    text = main_text.compare(shared / "bench" / "article-extraction")
    coded = gsr.run(shared / "bench" / "plover-gsr" / "PLOVER_GSR_CAMEO.json")
    return {"main_text.amity_f1": text["amity_f1"],
            "main_text.margin_over_trafilatura": round(text["amity_f1"]
                                                       - text["trafilatura_f1"], 3),
            "plover_gsr.dyad_type": coded["dyad_type"], "plover_gsr.type": coded["type"]}


def all_scores(shared: Path = SHARED) -> dict[str, float]:
    return {**dev_scores(shared), **bench_scores(shared)}


def load_floors(path: Path = FLOORS) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {"floors": {}}


def drops(scores: dict[str, float], floors: dict[str, float]) -> list[str]:
    """One line per figure more than NOISE below its floor, or missing from the scores."""
    lines = []
    for key, floor in sorted(floors.items()):
        value = scores.get(key)
        if value is None:
            lines.append(f"{key}: no longer measured (floor {floor:.3f})")
        elif value < floor - NOISE:
            lines.append(f"{key}: {value:.3f} is below its floor {floor:.3f}")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--raise-floors", action="store_true",
                    help="pin today's figures as floors where they are higher")
    ap.add_argument("--lower-floors", action="store_true",
                    help="pin today's figures even where they are lower (needs --reason)")
    ap.add_argument("--reason", default=None, help="why a floor goes down (kept in the file)")
    a = ap.parse_args(argv)
    if a.lower_floors and not a.reason:
        ap.error("--lower-floors needs --reason")
    if not (SHARED / "eval" / "score.py").is_file():
        print(f"no {SHARED}/eval/score.py: the gate needs ../shared", file=sys.stderr)
        return 2
    scores = all_scores()
    pinned = load_floors()
    floors: dict[str, float] = pinned["floors"]
    for key, value in sorted(scores.items()):
        floor = floors.get(key)
        mark = "" if floor is None else f"   floor {floor:.3f}"
        print(f"{key:40s} {value:.3f}{mark}")
    failed = drops(scores, floors)
    if a.raise_floors or a.lower_floors:
        for key, value in scores.items():
            if a.lower_floors or value > floors.get(key, -1.0):
                floors[key] = value
        if a.lower_floors:
            pinned.setdefault("lowered", []).append(
                {"date": date.today().isoformat(), "reason": a.reason, "was": failed})
        FLOORS.write_text(json.dumps(pinned, indent=1, sort_keys=True) + "\n", "utf-8")
        print(f"floors written to {FLOORS}")
        return 0
    for line in failed:
        print("DROP", line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
