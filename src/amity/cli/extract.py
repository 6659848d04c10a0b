"""`amity extract`: records for pages, written as JSONL, JSON or a readable summary."""
from __future__ import annotations

import json
import sys
from typing import IO

import click

from amity.cli._options import model_option, output_format
from amity.ingest import Failure
from amity.pipeline import extract
from amity.record import Document
from amity.settings import load_settings


def summarise(doc: Document) -> str:
    """A few readable lines about one record, for people at a terminal."""
    lines = [f"{doc.source}", f"  id {doc.id} · {doc.title or '(no title)'}",
             f"  published {doc.published or 'unknown'} · site {doc.site or 'unknown'} · "
             f"{len(doc.text.split())} words kept, {len(doc.removed)} cuts"]
    names = {a.id: a.name for a in doc.actors}
    if doc.actors:
        top = sorted(doc.actors, key=lambda a: -len(a.mentions))[:8]
        lines.append("  actors: " + ", ".join(f"{a.name} ({a.kind})" for a in top)
                     + (f" … +{len(doc.actors) - 8}" if len(doc.actors) > 8 else ""))
    for e in doc.events[:8]:
        flags = "".join([" [claim by " + names.get(e.asserted_by, e.asserted_by) + "]"
                         if e.asserted_by else "", " [negated]" if e.negated else "",
                         " [hypothetical]" if e.hypothetical else ""])
        lines.append(f"  event: {names.get(e.source, e.source)} {e.type} "
                     f"{names.get(e.target, e.target)}{flags}")
    if len(doc.events) > 8:
        lines.append(f"  … {len(doc.events) - 8} more events")
    lines.append(f"  {len(doc.events)} events, {len(doc.quotes)} quotes, {len(doc.claims)} claims")
    return "\n".join(lines)


def run_extract(paths: tuple[str, ...], fmt: str, out: IO[str], model: str | None) -> int:
    """Extract every page and write the records; returns the exit status (0 ok, 1 failures)."""
    settings = load_settings(model=model)
    seen: dict[str, str] = {}
    failed = 0
    records: list[dict[str, object]] = []
    for outcome in extract(paths, settings):
        if isinstance(outcome, Failure):
            click.echo(f"amity: {outcome.describe()}"
                       + ("" if outcome.skipped else f" [{outcome.stage}]"), err=True)
            failed += not outcome.skipped
            continue
        for warning in outcome.warnings:
            click.echo(f"amity: {outcome.source}: warning: {warning}", err=True)
        if outcome.id in seen:
            click.echo(f"amity: {outcome.source}: duplicate of {seen[outcome.id]} "
                       f"(same article, id {outcome.id}); not written again", err=True)
            continue
        seen[outcome.id] = outcome.source
        if fmt == "jsonl":
            out.write(json.dumps(outcome.to_dict(), ensure_ascii=False) + "\n")
        elif fmt == "json":
            records.append(outcome.to_dict())
        else:
            out.write(summarise(outcome) + "\n\n")
        out.flush()
    if fmt == "json":
        json.dump(records, out, ensure_ascii=False, indent=1)
        out.write("\n")
    click.echo(f"amity: {len(seen)} document(s) extracted, {failed} failed", err=True)
    return 1 if failed else 0


def register(group: click.Group) -> None:
    @group.command("extract")
    @click.argument("paths", nargs=-1, required=True)
    @output_format("jsonl", "json", "text", default="jsonl")
    @click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None,
                  help="Write here instead of standard output.")
    @model_option
    def extract_cmd(paths: tuple[str, ...], fmt: str, output: str | None,
                    model: str | None) -> None:
        """Extract article records from files, directories (recursive) or - (stdin).

        Reads .txt/.md page copies, .html/.htm, .jsonl (one article a line), WARC, and any
        of them gzip-compressed. Example: amity extract examples/ --format text
        """
        if output:
            with open(output, "w", encoding="utf-8") as fh:
                status = run_extract(paths, fmt, fh, model)
        else:
            status = run_extract(paths, fmt, sys.stdout, model)
        sys.exit(status)
