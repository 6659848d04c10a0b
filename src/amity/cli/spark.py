"""`amity spark-ingest`: the per-document stages on Apache Spark, written as Parquet."""
from __future__ import annotations

import sys

import click

from amity.cli._options import model_option


def register(group: click.Group) -> None:
    """Add this area's commands to the `amity` group."""

    @group.command("spark-ingest")
    @click.argument("inputs", nargs=-1, required=True)
    @click.option("--out", "out", required=True,
                  help="Folder (or Hadoop URL) to write: one Parquet folder per table.")
    @click.option("--master", default=None,
                  help="Spark master URL (default local[*], or the one spark-submit gives).")
    @click.option("--partitions", type=click.IntRange(1), default=None,
                  help="Partitions to deal the inputs into (default 2 per core).")
    @model_option
    def spark_ingest_cmd(inputs: tuple[str, ...], out: str, master: str | None,
                         partitions: int | None, model: str | None) -> None:
        """Run the per-document stages on Apache Spark and write Parquet tables for the store.

        Same inputs as `amity extract` (WARC archives are streamed and shared out by
        record). Each partition loads the model once. OUT gets documents/, doc_actors/,
        mentions/, events/, quotes/, claims/, claim_stances/, removed/, failures/ and
        actors/, with the store's columns; load them with `amity ingest --from-parquet OUT`.
        Example: amity spark-ingest crawl/ --out tables/ --master local[4]
        """
        from amity.scale import SparkUnavailable, spark_ingest
        from amity.settings import load_settings

        try:
            summary = spark_ingest(inputs, out, master=master, partitions=partitions,
                                   settings=load_settings(model=model))
        except (SparkUnavailable, ValueError) as exc:
            click.echo(f"amity: {exc}", err=True)
            sys.exit(2)
        click.echo(summary.text(), err=True)
        sys.exit(1 if summary.failed else 0)
