"""The dev set of real page copies (../shared/eval/dev), scored by the shared scorer."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

from amity.clean.text import clean_text


def load_scorer(shared_dir: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("amity_eval_score",
                                                  shared_dir / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_dev_set_main_text_keeps_story_and_cuts_junk(shared_dir: Path) -> None:
    score = load_scorer(shared_dir)
    included = include_total = excluded = exclude_total = 0
    for gold_path in sorted((shared_dir / "eval" / "dev").glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        page = (gold_path.parent / gold["file"]).read_text(encoding="utf-8")
        result = score.score_doc(gold, {"text": clean_text(page).text})
        included += result["main_include"][0]
        include_total += result["main_include"][1]
        excluded += result["main_exclude"][0]
        exclude_total += result["main_exclude"][1]
    assert include_total and exclude_total
    assert included / include_total == 1.0
    assert excluded / exclude_total >= 0.95
