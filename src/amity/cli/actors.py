"""`amity actors resolve|list`: look an actor up in the dictionary, or list the dictionary."""
from __future__ import annotations

import json
from datetime import date

import click

from amity.record import ACTOR_KINDS


@click.group("actors")
def actors_group() -> None:
    """The actor dictionary: states, bodies, organisations, armed groups, officials."""


@actors_group.command("resolve")
@click.argument("name")
@click.option("--date", "day", default=None, metavar="YYYY-MM-DD",
              help="The day the name or title is read on (default today).")
def resolve_cmd(name: str, day: str | None) -> None:
    """Print the actor NAME (a name, alias, demonym, seat or title) denotes, as JSON."""
    from amity.actors import resolve_actor

    try:
        when = date.fromisoformat(day) if day else None
    except ValueError as exc:
        raise click.BadParameter(f"{day!r} is not a YYYY-MM-DD date", param_hint="--date") from exc
    found = resolve_actor(name, when)
    if found is None:
        raise click.ClickException(f"no actor known for {name!r}")
    click.echo(json.dumps(found, ensure_ascii=False))


@actors_group.command("list")
@click.option("--kind", type=click.Choice(ACTOR_KINDS), default=None,
              help="Only actors of this kind.")
@click.option("--format", "fmt", type=click.Choice(("text", "jsonl")), default="text",
              show_default=True, help="Output format.")
def list_cmd(kind: str | None, fmt: str) -> None:
    """List the dictionary's actors (id, kind, rollup, name)."""
    from amity.actors.dictionary import DICTIONARY_VERSION, load_dictionary

    entries = sorted(load_dictionary().by_kind(kind), key=lambda e: (e.kind, e.name.casefold()))
    for e in entries:
        if fmt == "jsonl":
            click.echo(json.dumps({"id": e.id, "name": e.name, "kind": e.kind,
                                   "rollup": e.rollup, "country": e.country,
                                   "aliases": e.aliases}, ensure_ascii=False))
        else:
            click.echo(f"{e.id}\t{e.kind}\t{e.rollup}\t{e.name}")
    if fmt == "text":
        click.echo(f"# {len(entries)} actors, dictionary {DICTIONARY_VERSION}", err=True)


def register(group: click.Group) -> None:
    """Add this area's commands to the `amity` group."""
    group.add_command(actors_group)
