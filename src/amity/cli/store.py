"""Store commands: ingest, failures, stats, actor, relations, events, claims, export."""
from __future__ import annotations

import functools
import json
import shlex
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from amity.cli._options import db_option, model_option, output_format

F = TypeVar("F", bound=Callable[..., Any])
QUERY_FORMATS = ("table", "json", "csv")


def _one_line_errors(func: F) -> F:
    """Store problems (locked file, unknown actor, bad date) as one line and exit status 2."""
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from amity.store.errors import StoreError

        try:
            return func(*args, **kwargs)
        except StoreError as exc:
            click.echo(f"amity: {exc}", err=True)
            sys.exit(2)
    return wrapper  # type: ignore[return-value]


def _db(db: str | None) -> str:
    from amity.settings import load_settings

    return db or load_settings().db


def _reader(db: str | None) -> Any:
    from amity.store import open_store

    return open_store(_db(db), read_only=True)


def _since_until(func: F) -> F:
    func = click.option("--until", default=None, help="Up to this date (YYYY[-MM[-DD]]), "
                        "inclusive: --until 2024 takes all of 2024.")(func)
    return click.option("--since", default=None, help="From this date (YYYY[-MM[-DD]]).")(func)


def _exact(func: F) -> F:
    return click.option("--exact", is_flag=True, help="Match only the named actor, not the "
                        "actors that roll up to it (a state's officials, forces...).")(func)


def _echo(text: str) -> None:
    click.echo(text.rstrip("\n"))


def register(group: click.Group) -> None:
    """Add this area's commands to the `amity` group."""

    @group.command("ingest")
    @click.argument("paths", nargs=-1)
    @db_option
    @click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
                  help="Worker processes for the per-document stages (each loads the model).")
    @click.option("--reprocess", is_flag=True,
                  help="Recompute documents already stored and replace their rows.")
    @click.option("--quiet", "-q", is_flag=True, help="No progress or messages, only errors.")
    @click.option("--from-parquet", "parquet_dir", type=click.Path(file_okay=False),
                  default=None, help="Load tables a Spark job wrote (one folder per table).")
    @click.option("--commit-every", type=click.IntRange(1), default=64, hidden=True,
                  help="Documents per transaction (each document is still atomic).")
    @model_option
    @_one_line_errors
    def ingest_cmd(paths: tuple[str, ...], db: str | None, jobs: int, reprocess: bool,
                   quiet: bool, parquet_dir: str | None, commit_every: int,
                   model: str | None) -> None:
        """Store article records in the database, skipping articles already stored.

        Same inputs as `amity extract`. Idempotent: an article (by content id) is stored once;
        a run that was killed is completed by running the same command again.
        Example: amity ingest news/ --jobs 4
        """
        from amity.settings import load_settings
        from amity.store import open_store
        from amity.store.ingest import ingest

        if not paths and not parquet_dir:
            raise click.UsageError("give PATH... to read, or --from-parquet DIR")
        with open_store(_db(db)) as store:
            if parquet_dir:
                counts = store.load_parquet(parquet_dir, reprocess=reprocess)
                if not quiet:
                    click.echo("amity: loaded " + ", ".join(f"{v} {k}" for k, v in
                                                            counts.items()), err=True)
                if not paths:
                    return
            command = "ingest " + " ".join(shlex.quote(p) for p in paths) + (
                " --reprocess" if reprocess else "") + (f" --jobs {jobs}" if jobs > 1 else "")
            summary = ingest(paths, store, settings=load_settings(model=model), jobs=jobs,
                             reprocess=reprocess, quiet=quiet, commit_every=commit_every,
                             command=command)
        if not quiet:
            click.echo(summary.text(), err=True)
        sys.exit(1 if summary.failed else 0)

    @group.command("failures")
    @db_option
    @click.option("--run", default=None, help="Only this run (an id, or 'last').")
    @click.option("--all", "include_skipped", is_flag=True,
                  help="Also list deliberate skips (non-English pages).")
    @output_format(*QUERY_FORMATS, default="table")
    @_one_line_errors
    def failures_cmd(db: str | None, run: str | None, include_skipped: bool, fmt: str) -> None:
        """Inputs that could not be stored: file, line, stage and why."""
        from amity.store.render import render

        with _reader(db) as store:
            df = store.failures(run=run, include_skipped=include_skipped)
        _echo(render(df, fmt, columns=["source", "line", "stage", "message", "times",
                                       "last_run"]))

    @group.command("stats")
    @db_option
    @output_format(*QUERY_FORMATS, default="table")
    @_one_line_errors
    def stats_cmd(db: str | None, fmt: str) -> None:
        """What the database holds: documents, actors, events, quotes, claims, runs."""
        from amity.store.render import render

        with _reader(db) as store:
            _echo(render(store.stats(), fmt))

    @group.command("actor")
    @click.argument("name")
    @db_option
    @_exact
    @click.option("--limit", type=click.IntRange(1), default=10, show_default=True,
                  help="Rows per section (partners, events, members).")
    @output_format(*QUERY_FORMATS, default="table")
    @_one_line_errors
    def actor_cmd(name: str, db: str | None, exact: bool, limit: int, fmt: str) -> None:
        """Profile of an actor (name, alias or id): kinds, aliases, roles, partners, events.

        CSV output is one block per section, each after a '# section' line.
        """
        from amity.store.render import render

        with _reader(db) as store:
            profile = store.actor(name, limit=limit, exact=exact)
        if fmt == "json":
            from amity.store.render import plain

            _echo(json.dumps(plain_dict(profile.to_dict(), plain), ensure_ascii=False,
                             indent=1, default=str))
            return
        sections = [("roles", profile.roles), ("members", profile.members),
                    ("partners", profile.partners), ("recent events", profile.recent_events)]
        if fmt == "csv":
            import pandas as pd

            head = pd.DataFrame([{k: v for k, v in profile.to_dict().items()
                                  if not isinstance(v, list) or k in ("aliases", "kinds")}])
            blocks = [("# actor", head)] + [(f"# {t}", df) for t, df in sections]
            _echo("\n".join(f"{t}\n{render(df, 'csv')}" for t, df in blocks))
            return
        level = ("and every actor that rolls up to it" if profile.level == "rollup"
                 else "only this actor")
        lines = [f"{profile.name} ({profile.id}) · {', '.join(profile.kinds) or profile.kind}"
                 f" · rollup {profile.rollup}" + (f" · country {profile.country}"
                                                   if profile.country else ""),
                 f"aliases: {', '.join(profile.aliases) or '(none)'}",
                 f"{profile.documents} documents, {profile.mentions} mentions ({level})"]
        columns = {"recent events": ["day", "source_name", "type", "target_name", "intensity",
                                     "evidence"]}
        for title, df in sections:
            if not df.empty:
                lines += ["", title.capitalize() + ":",
                          render(df, "table", columns=columns.get(title))]
        _echo("\n".join(lines))

    @group.command("relations")
    @click.argument("a")
    @click.argument("b")
    @db_option
    @click.option("--by", type=click.Choice(["month", "year", "day"]), default="month",
                  show_default=True, help="Period to group by.")
    @_since_until
    @_exact
    @click.option("--include-negated", is_flag=True,
                  help="Count negated and hypothetical events too (left out by default).")
    @output_format(*QUERY_FORMATS, default="table")
    @_one_line_errors
    def relations_cmd(a: str, b: str, db: str | None, by: str, since: str | None,
                      until: str | None, exact: bool, include_negated: bool, fmt: str) -> None:
        """The relation between A and B per period: event counts per quad class, mean
        intensity, facts vs claims and the strongest evidence (both directions)."""
        from amity.store.render import render

        with _reader(db) as store:
            df = store.relations(a, b, by=by, since=since, until=until, exact=exact,
                                 include_negated=include_negated)
        if fmt != "table":
            _echo(render(df, fmt))
            return
        click.echo(f"{df.attrs['a_name']} ⇄ {df.attrs['b_name']} by {by}"
                   + ("" if include_negated else " (negated and hypothetical events left out)"))
        _echo(render(df, "table", headers={
            "a_to_b": "A→B", "b_to_a": "B→A", "verbal_cooperation": "verb coop",
            "material_cooperation": "mat coop", "verbal_conflict": "verb confl",
            "material_conflict": "mat confl", "mean_intensity": "mean int"}))

    @group.command("events")
    @db_option
    @click.option("--source", default=None, help="Actor that acts (name, alias or id).")
    @click.option("--target", default=None, help="Actor acted upon.")
    @click.option("--type", "type_", default=None,
                  help="PLOVER type (ACCUSE, AID...) or quad class (verbal_conflict...).")
    @_since_until
    @click.option("--facts-only", is_flag=True,
                  help="Only events the article states as fact (not claimed, negated or "
                       "hypothetical).")
    @_exact
    @click.option("--limit", type=click.IntRange(0), default=100, show_default=True,
                  help="Most recent N events (0: all).")
    @output_format(*QUERY_FORMATS, default="table")
    @_one_line_errors
    def events_cmd(db: str | None, source: str | None, target: str | None,
                   type_: str | None, since: str | None, until: str | None, facts_only: bool,
                   exact: bool, limit: int, fmt: str) -> None:
        """Stored events, newest first, with the sentence that shows each."""
        from amity.store.render import render

        with _reader(db) as store:
            df = store.events(source=source, target=target, type=type_, since=since,
                              until=until, facts_only=facts_only, exact=exact,
                              limit=limit or None)
        if fmt == "table" and not df.empty:
            df = df.assign(flags=[
                ", ".join(f for f in (f"claimed by {c}" if isinstance(c, str) else "",
                                      "negated" if n else "", "hypothetical" if h else "")
                          if f)
                for c, n, h in zip(df["asserted_by_name"], df["negated"], df["hypothetical"],
                                   strict=True)])
        _echo(render(df, fmt, columns=["day", "source_name", "type", "target_name",
                                       "intensity", "flags", "evidence"],
                     headers={"source_name": "source", "target_name": "target"}))

    @group.command("claims")
    @db_option
    @click.option("--about", default=None, help="Claims about this actor.")
    @click.option("--claimant", default=None, help="Claims made by this actor.")
    @_exact
    @click.option("--limit", type=click.IntRange(0), default=100, show_default=True,
                  help="First N claims of the ledger (0: all).")
    @output_format(*QUERY_FORMATS, default="table")
    @_one_line_errors
    def claims_cmd(db: str | None, about: str | None, claimant: str | None, exact: bool,
                   limit: int, fmt: str) -> None:
        """The claim ledger: each claim across documents, who makes, disputes and supports
        it, first and last seen (by publication date)."""
        from amity.store.render import render

        with _reader(db) as store:
            df = store.claims(about=about, claimant=claimant, exact=exact, limit=limit or None)
        _echo(render(df, fmt, columns=["text", "claimants", "about", "disputers",
                                       "supporters", "documents", "first_seen", "last_seen"]))

    @group.command("export")
    @db_option
    @output_format("parquet", "csv", "jsonl", default="parquet")
    @click.option("--out", "out", type=click.Path(file_okay=False), required=True,
                  help="Folder to write (parquet: one folder per table).")
    @_one_line_errors
    def export_cmd(db: str | None, fmt: str, out: str) -> None:
        """Write every table of the database to OUT (parquet, csv or jsonl)."""
        with _reader(db) as store:
            written = store.export(out, fmt)
        click.echo(f"amity: wrote {len(written)} tables to {out}", err=True)


def plain_dict(value: Any, plain: Callable[[Any], Any]) -> Any:
    """Nested dict/list with every leaf made JSON-ready."""
    if isinstance(value, dict):
        return {k: plain_dict(v, plain) for k, v in value.items()}
    if isinstance(value, list):
        return [plain_dict(v, plain) for v in value]
    return plain(value)
