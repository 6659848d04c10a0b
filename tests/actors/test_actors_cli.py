"""`amity actors resolve|list`."""
from __future__ import annotations

import json

from click.testing import CliRunner

from amity.cli import main


def test_resolve_prints_the_actor_as_json() -> None:
    result = CliRunner().invoke(main, ["actors", "resolve", "secretary of state",
                                       "--date", "2021-01-27"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data == {"id": "antony-blinken", "name": "Antony Blinken", "kind": "person",
                    "rollup": "USA", "country": "USA", "role": "foreign minister"}


def test_resolve_fails_cleanly_on_an_unknown_name_and_a_bad_date() -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["actors", "resolve", "Zzyzx Qwertyuiop"]).exit_code == 1
    assert runner.invoke(main, ["actors", "resolve", "Iran", "--date", "May 2020"]).exit_code == 2


def test_list_filters_by_kind() -> None:
    result = CliRunner().invoke(main, ["actors", "list", "--kind", "igo", "--format", "jsonl"])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows and all(r["kind"] == "igo" for r in rows)
    assert {"UN", "NATO", "EU"} <= {r["id"] for r in rows}
