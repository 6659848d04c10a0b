"""Golden records: each page of examples/ and the `amity.document/1` JSON it must give.

A change in extraction shows up here as a diff of the golden files. Regenerate them only on
purpose, with `python -m pytest tests/test_golden_records.py --update-golden`, and review the
diff in the commit.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from amity.record import Document

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(p for p in (ROOT / "examples").iterdir() if p.is_file())
GOLDEN = Path(__file__).resolve().parent / "golden"

pytestmark = pytest.mark.slow


def comparable(record: dict[str, Any]) -> dict[str, Any]:
    """The record without what changes with every release (the package version)."""
    out = dict(record)
    out["provenance"] = {k: v for k, v in record["provenance"].items() if k != "amity"}
    out["source"] = Path(record["source"]).name if "://" not in record["source"] \
        else record["source"]
    return out


@pytest.mark.parametrize("page", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_page_gives_its_golden_records(page: Path, pipeline: Any,
                                               update_golden: bool) -> None:
    from amity.ingest import read_inputs

    outcomes = list(pipeline(read_inputs([str(page)])))
    assert all(isinstance(o, Document) for o in outcomes), outcomes
    got = [comparable(o.to_dict()) for o in outcomes]
    golden = GOLDEN / f"{page.name}.json"
    if update_golden:
        golden.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", "utf-8")
    assert golden.is_file(), f"no {golden}: run with --update-golden to create it"
    expected = json.loads(golden.read_text("utf-8"))
    assert got == expected
