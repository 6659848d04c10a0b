"""Commands of the analysis area: graph, balance, alliances, dyad and the static report."""
from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

import click

from amity.cli._options import db_option, output_format

if TYPE_CHECKING:
    import pandas as pd

    from amity.store.core import Store

F = TypeVar("F", bound=Callable[..., Any])


def claims_option(func: F) -> F:
    return click.option("--claims", "include_claims", is_flag=True,
                        help="Also count events someone only claims (asserted_by set).")(func)


def window_options(func: F) -> F:
    """--since/--until/--level, shared by every analysis command."""
    func = click.option("--level", type=click.Choice(["rollup", "actor"]), default="rollup",
                        show_default=True,
                        help="Node level: states/top organisations, or each actor.")(func)
    func = click.option("--until", metavar="DATE", default=None,
                        help="Last day (YYYY[-MM[-DD]]) of events to count.")(func)
    func = click.option("--since", metavar="DATE", default=None,
                        help="First day (YYYY[-MM[-DD]]) of events to count.")(func)
    return func


@contextmanager
def _store(db: str | None) -> Iterator[Store]:
    """The store opened read-only; a missing or locked file becomes one clear error line."""
    from amity.store import open_store
    from amity.store.core import StoreError

    try:
        store = open_store(db, read_only=True)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    try:
        yield store
    finally:
        store.close()


def _frame(db: str | None, since: str | None, until: str | None, claims: bool
           ) -> pd.DataFrame:
    from amity.analyze import events_frame

    with _store(db) as store:
        return events_frame(store, since=since, until=until, claims=claims)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, default=str)


def _sentence(items: list[dict[str, Any]]) -> str:
    if not items:
        return ""
    first = items[0]
    text = " ".join(str(first.get("sentence") or "").split())
    return f'{first.get("type")}: "{text[:110]}{"…" if len(text) > 110 else ""}"'


def _sign(sign: int) -> str:
    return {1: "+", -1: "-"}.get(sign, "0")


@click.command("graph")
@window_options
@claims_option
@output_format("graphml", "gexf", "json", default="graphml")
@click.option("--out", type=click.Path(dir_okay=False), default=None,
              help="Write to FILE instead of standard output.")
@db_option
def graph_cmd(since: str | None, until: str | None, level: str, include_claims: bool,
              fmt: str, out: str | None, db: str | None) -> None:
    """Export the signed graph of actors (edge sign and weight from their events)."""
    from amity.analyze import graph_to_text, signed_graph

    frame = _frame(db, since, until, include_claims)
    graph = signed_graph(frame, level, since, until, include_claims=include_claims)
    text = graph_to_text(graph, fmt)
    if out:
        with open(out, "w", encoding="utf-8") as fh:
            fh.write(text)
        click.echo(f"amity: graph written to {out}", err=True)
    else:
        click.echo(text)


@click.command("balance")
@window_options
@claims_option
@output_format("table", "json", default="table")
@click.option("--limit", type=click.IntRange(min=0), default=100, show_default=True,
              help="List at most N triads (0: all).")
@db_option
def balance_cmd(since: str | None, until: str | None, level: str, include_claims: bool,
                fmt: str, limit: int, db: str | None) -> None:
    """List triads by kind (+++, +-- balanced; ++-, --- unbalanced), unbalanced first."""
    from amity.analyze import balance, signed_graph
    from amity.analyze.balance import triad_census

    frame = _frame(db, since, until, include_claims)
    graph = signed_graph(frame, level, include_claims=include_claims)
    triads = balance(graph, limit or None)
    if fmt == "json":
        click.echo(_json(triads))
        return
    if not triads:
        click.echo("no triads: no three actors with signed relations among all of them")
        return
    census = triad_census(graph)
    click.echo("triads: " + ", ".join(f"{kind} {n}" for kind, n in census.items())
               + f" (unbalanced: ++- and ---; {len(triads)} listed)")
    for t in triads:
        state = "balanced" if t["balanced"] else "UNBALANCED"
        click.echo(f"{t['kind']}  {state:<10}  {' – '.join(t['actors'])}")
        click.echo(f"      {t['explanation']}")
        for e in t["edges"]:
            click.echo(f"      {_sign(e['sign'])} {' – '.join(e['actors'])}: "
                       f"{_sentence(e['evidence'])}")


@click.command("alliances")
@window_options
@claims_option
@output_format("table", "json", default="table")
@db_option
def alliances_cmd(since: str | None, until: str | None, level: str, include_claims: bool,
                  fmt: str, db: str | None) -> None:
    """List tacit alliances: hostile in words but cooperating in deeds, or fighting a shared
    enemy while hostile or silent toward each other."""
    from amity.analyze import alliances

    found = alliances(_frame(db, since, until, include_claims), level,
                      include_claims=include_claims)
    if fmt == "json":
        click.echo(_json(found))
        return
    if not found:
        click.echo("no tacit alliances found")
    for item in found:
        click.echo(f"{' – '.join(item['actors'])}: {item['reason']}")
        if item["shared_enemies"]:
            click.echo(f"      shared enemies: {', '.join(item['shared_enemies'])}")
        for ev in item["evidence"][:6]:
            click.echo(f"      [{ev['about']}] {_sentence([ev])}")


@click.command("dyad")
@click.argument("a")
@click.argument("b")
@click.option("--by", type=click.Choice(["week", "month", "year"]), default="month",
              show_default=True, help="Period of each row.")
@window_options
@output_format("table", "json", default="table")
@db_option
def dyad_cmd(a: str, b: str, by: str, since: str | None, until: str | None, level: str,
             fmt: str, db: str | None) -> None:
    """How A and B (ids or names) relate period by period: events per quad class, mean
    PLOVER score, facts and claims counted apart."""
    from amity.analyze import dyad_series

    series = dyad_series(_frame(db, since, until, True), a, b, by, level=level)
    if fmt == "json":
        click.echo(_json(series.to_dict("records")))
        return
    if series.empty:
        raise click.ClickException(f"no events between {a!r} and {b!r}")
    click.echo(_dyad_table(series))


def _dyad_table(series: pd.DataFrame) -> str:
    """Facts per quad with claims in brackets ("2 (+1)"), then the mean scores."""
    from amity.analyze.scoring import QUADS

    header = ("period", "verb.coop", "mat.coop", "verb.conflict", "mat.conflict",
              "mean score", "mean (claims)")
    lines: list[tuple[str, ...]] = [header]
    for row in series.to_dict("records"):
        cells = [str(row["period"])]
        for quad in QUADS:
            claims = int(row[f"{quad}_claims"])
            cells.append(f"{int(row[quad])}" + (f" (+{claims})" if claims else ""))
        for col in ("mean_intensity", "mean_intensity_claims"):
            value = row[col]
            cells.append("" if value is None or value != value else f"{value:+.1f}")
        lines.append(tuple(cells))
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join("  ".join(c.rjust(w) if i else c.ljust(w)
                               for i, (c, w) in enumerate(zip(line, widths, strict=True)))
                     for line in lines)


@click.command("report")
@click.option("--out", type=click.Path(dir_okay=False), required=True,
              help="The HTML file to write.")
@click.option("--title", default="amity report", show_default=True, help="Page title.")
@window_options
@claims_option
@db_option
def report_cmd(out: str, title: str, since: str | None, until: str | None, level: str,
               include_claims: bool, db: str | None) -> None:
    """Write one static HTML report (readable offline): relations, graph, timelines,
    tacit alliances, unbalanced triads and disputed claims."""
    from amity.analyze.report import write_report

    with _store(db) as store:
        path = write_report(store, out, level=level, since=since, until=until,
                            include_claims=include_claims, title=title)
    click.echo(f"amity: report written to {path}", err=True)


def register(group: click.Group) -> None:
    """Add this area's commands to the `amity` group."""
    for command in (graph_cmd, balance_cmd, alliances_cmd, dyad_cmd, report_cmd):
        group.add_command(command)
