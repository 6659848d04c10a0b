"""The analysis commands over a synthetic store: graph, balance, alliances, dyad, report."""
from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from amity.cli import main


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_graph_command_writes_each_format(seedlike_db: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"graph.{fmt}"
    run("graph", "--db", str(seedlike_db), "--format", fmt, "--out", str(out))
    text = out.read_text("utf-8")
    if fmt == "json":
        graph = nx.node_link_graph(json.loads(text), edges="links")
    else:
        graph = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(
            io.BytesIO(text.encode()))
    assert {"USA", "SAU", "houthis", "IRN", "ISIS"} <= set(graph.nodes)


@pytest.mark.parametrize(("args", "nodes"), [
    (("--level", "actor"), {"john-kerry", "ali-khamenei"}),
    (("--since", "2020-01-01"), {"USA", "SAU", "houthis"}),
])
def test_graph_command_level_and_window(seedlike_db: Path, args: tuple[str, ...],
                                        nodes: set[str]) -> None:
    data = json.loads(run("graph", "--db", str(seedlike_db), "--format", "json", *args))
    found = {n["id"] for n in data["nodes"]}
    assert nodes <= found
    if "--since" in args:
        assert found == nodes
        assert data["graph"]["since"] == "2020-01-01"


def test_balance_command_lists_the_gulf_triad(seedlike_db: Path) -> None:
    triads = json.loads(run("balance", "--db", str(seedlike_db), "--format", "json"))
    gulf = [t for t in triads if set(t["actors"]) == {"United States", "Saudi Arabia",
                                                      "Houthis"}]
    assert len(gulf) == 1 and gulf[0]["kind"] == "+--" and gulf[0]["balanced"]
    table = run("balance", "--db", str(seedlike_db))
    assert "United States" in table and "+--" in table


def test_alliances_command_names_the_shared_enemy(seedlike_db: Path) -> None:
    found = json.loads(run("alliances", "--db", str(seedlike_db), "--format", "json"))
    (item,) = [i for i in found if set(i["actors"]) == {"United States", "Iran"}]
    assert item["shared_enemies"] == ["Islamic State"]
    assert item["reason"] and item["evidence"]
    assert "Islamic State" in run("alliances", "--db", str(seedlike_db))


def test_dyad_command_counts_facts_and_claims(seedlike_db: Path) -> None:
    rows = json.loads(run("dyad", "United States", "Iran", "--db", str(seedlike_db),
                          "--format", "json"))
    assert [(r["period"], r["verbal_conflict"], r["verbal_conflict_claims"]) for r in rows] == [
        ("2014-09", 2, 1)]


def test_report_command_writes_html(seedlike_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["report", "--db", str(seedlike_db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "<svg" in out.read_text("utf-8")


@pytest.mark.parametrize("command", ["graph", "balance", "alliances"])
def test_missing_database_is_one_clear_error(tmp_path: Path, command: str) -> None:
    result = CliRunner().invoke(main, [command, "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code != 0
    assert "no database" in result.output


def test_dyad_table_shows_claims_in_brackets(seedlike_db: Path) -> None:
    table = run("dyad", "USA", "iran", "--db", str(seedlike_db)).splitlines()
    assert table[0].split()[:2] == ["period", "verb.coop"]
    assert table[1].split()[:6] == ["2014-09", "0", "0", "2", "(+1)", "0"]
