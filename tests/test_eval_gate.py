"""The evaluation gate: dev-set and benchmark scores must not fall below bench/floors.json."""
from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def gate_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("amity_eval_gate", ROOT / "bench" /
                                                  "eval_gate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("scores", "floors", "dropped"), [
    ({"a": 0.90}, {"a": 0.90}, []),
    ({"a": 0.897}, {"a": 0.90}, []),  # within noise
    ({"a": 0.85}, {"a": 0.90}, ["a"]),
    ({}, {"a": 0.90}, ["a"]),  # a figure that is no longer measured is a drop too
])
def test_gate_reports_figures_below_their_floor(scores: dict[str, float],
                                                floors: dict[str, float],
                                                dropped: list[str]) -> None:
    lines = gate_module().drops(scores, floors)
    assert [line.split(":")[0] for line in lines] == dropped


@pytest.mark.slow
def test_scores_stay_above_their_floors(shared_dir: Path) -> None:
    gate = gate_module()
    floors = gate.load_floors()["floors"]
    assert floors, "bench/floors.json pins no figures"
    scores = gate.all_scores(shared_dir)
    assert not gate.drops(scores, floors), scores
