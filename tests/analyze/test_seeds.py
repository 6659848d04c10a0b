"""The issue's acceptance check on the two real seed pages (read from ../shared at test time)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from amity.cli import main


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory, shared_dir: Path) -> Path:
    db = tmp_path_factory.mktemp("seeds") / "seeds.duckdb"
    result = CliRunner().invoke(main, ["ingest", str(shared_dir / "seeds"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


def _json(*args: str) -> list[dict]:  # type: ignore[type-arg]
    result = CliRunner().invoke(main, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


@pytest.mark.slow
def test_seed_alliances_list_the_us_and_iran_against_the_islamic_state(seeds_db: Path) -> None:
    found = _json("alliances", "--db", str(seeds_db))
    us_iran = [i for i in found if set(i["actors"]) == {"United States", "Iran"}]
    assert us_iran, [i["actors"] for i in found]
    assert "Islamic State" in us_iran[0]["shared_enemies"], us_iran[0]["reason"]


@pytest.mark.slow
def test_seed_balance_has_the_us_saudi_houthi_triad(seeds_db: Path) -> None:
    triads = _json("balance", "--db", str(seeds_db))
    wanted = {"United States", "Saudi Arabia", "Houthis"}
    assert any(set(t["actors"]) == wanted for t in triads), [t["actors"] for t in triads]
