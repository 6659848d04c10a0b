"""`spark_ingest`: the per-document stages on Apache Spark, written as Parquet tables.

The driver lists the inputs and deals them into partitions of about equal size; each
partition loads the model once (`_rows.bundles`) and turns its pages into one bundle of rows
per document; the bundles are cached and exploded into one Parquet folder per table under
the output, with the store's schema, for `amity ingest --from-parquet`.
"""
from __future__ import annotations

import os
import shutil
import sys
import time
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from amity.scale._rows import BUNDLE_TABLES, Bundle, bundle_ddl, bundles
from amity.scale._units import Unit, balance, plan_units
from amity.settings import Settings, load_settings
from amity.store.schema import column_names

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

#: Folders written under the output: the record tables, the failures, the corpus actors.
OUTPUT_TABLES: tuple[str, ...] = (*BUNDLE_TABLES, "actors")
LOG_CONFIG = Path(__file__).with_name("log4j2.properties")


class SparkUnavailable(RuntimeError):
    """pyspark or a Java runtime is missing; the message names what to install."""


@dataclass(slots=True)
class JobSummary:
    """What a Spark job wrote."""

    out: str
    run_id: str
    inputs: int
    partitions: int
    documents: int = 0
    duplicate: int = 0
    failed: int = 0
    skipped: int = 0
    events: int = 0
    quotes: int = 0
    claims: int = 0
    actors: int = 0
    seconds: float = 0.0

    def text(self) -> str:
        rate = self.documents / self.seconds if self.seconds else 0.0
        return (f"amity: spark run {self.run_id}: {self.inputs} input(s) in "
                f"{self.partitions} partition(s): {self.documents} documents ({self.duplicate} "
                f"duplicates left out), {self.failed} "
                f"failed, {self.skipped} skipped; {self.events} events, {self.quotes} "
                f"quotes, {self.claims} claims, {self.actors} actors in {self.seconds:.1f}s "
                f"({rate:.1f} docs/s); tables under {self.out} (load them with "
                f"`amity ingest --from-parquet {self.out}`)")


def _require_spark() -> None:
    try:
        import pyspark  # noqa: F401 - only checking that it is there
    except ImportError:
        raise SparkUnavailable("the Spark job needs pyspark: pip install 'amity[spark]' "
                               "(or pip install pyspark)") from None
    java_home = os.environ.get("JAVA_HOME")
    if not shutil.which("java") and not (java_home and Path(java_home, "bin", "java").exists()):
        raise SparkUnavailable("Spark needs a Java 17 runtime: install one (Debian/Ubuntu: "
                               "apt-get install openjdk-17-jre-headless) or set JAVA_HOME")


def spark_session(master: str | None = None, app_name: str = "amity") -> SparkSession:
    """A quiet SparkSession. `master` None: the one spark-submit gave, else local[*]."""
    _require_spark()
    from pyspark.sql import SparkSession

    # pyspark warns about pandas versions on every createDataFrame; amity passes no pandas.
    warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas",
                            category=FutureWarning)
    # Executors must run the same Python (and so the same amity and model) as the driver.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app_name)
    submitted = "PYSPARK_GATEWAY_PORT" in os.environ  # running under spark-submit
    if master or not submitted:
        builder = builder.master(master or "local[*]")
    log = f"-Dlog4j2.configurationFile=file:{LOG_CONFIG}"
    builder = (builder.config("spark.driver.extraJavaOptions", log)
               .config("spark.executor.extraJavaOptions", log)
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.session.timeZone", "UTC")
               .config("spark.python.worker.reuse", "true"))  # the model stays loaded
    try:
        spark = builder.getOrCreate()
    except Exception as exc:  # py4j and Java start-up errors come in many types
        raise SparkUnavailable(f"could not start Spark ({type(exc).__name__}: {exc}); check "
                               "that Java 17 is installed and JAVA_HOME points to it") from None
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def _active_session() -> bool:
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        return False
    return SparkSession.getActiveSession() is not None


def _output(out: str) -> str:
    return out if "://" in out else str(Path(out).resolve())


def spark_ingest(inputs: Iterable[str], out: str, *, master: str | None = None,
                 partitions: int | None = None, settings: Settings | None = None,
                 spark: SparkSession | None = None) -> JobSummary:
    """Run the per-document stages on Spark over `inputs` (files, folders, WARC/JSONL) and
    write one Parquet folder per table under `out` (replacing what a former run wrote)."""
    started = time.monotonic()
    settings = settings or load_settings()
    inputs = list(inputs)
    units = plan_units(inputs)
    if not units:
        raise ValueError(f"no input files in {' '.join(inputs)}")
    own_session = spark is None and not _active_session()
    session = spark or spark_session(master)
    try:
        sc = session.sparkContext
        wanted = partitions or 2 * sc.defaultParallelism
        groups = balance(units, wanted)
        run_id = "spark-" + datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        summary = JobSummary(_output(out), run_id, inputs=len({u.path for u in units}),
                             partitions=len(groups))
        frame = _bundle_frame(session, groups, settings, run_id)
        _write(session, frame, summary)
        frame.unpersist()
    finally:
        if own_session:
            session.stop()
    summary.seconds = time.monotonic() - started
    return summary


def _partition(settings: Settings, run_id: str) -> Any:
    def run(groups: Iterator[list[Unit]]) -> Iterator[Bundle]:
        return bundles(groups, settings, run_id)
    return run


def _bundle_frame(spark: SparkSession, groups: list[list[Unit]], settings: Settings,
                  run_id: str) -> DataFrame:
    from pyspark import StorageLevel
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    rdd = spark.sparkContext.parallelize(groups, len(groups))
    frame = spark.createDataFrame(rdd.mapPartitions(_partition(settings, run_id)),
                                  bundle_ddl(), verifySchema=False)
    # The same article in two inputs: keep the copy first in input order, as `extract` does.
    first = F.row_number().over(Window.partitionBy("doc_id").orderBy("input_order"))
    frame = frame.withColumn("copy", F.when(F.col("doc_id").isNull(), 1).otherwise(first))
    # Written to every table from this one cache: the NLP runs once per document.
    return frame.persist(StorageLevel.MEMORY_AND_DISK)


def _write(spark: SparkSession, frame: DataFrame, summary: JobSummary) -> None:
    from pyspark.sql import functions as F

    summary.duplicate = frame.filter(F.col("copy") > 1).count()
    frame = frame.filter(F.col("copy") == 1)
    counts = frame.select(
        F.sum(F.size("documents")), F.sum(F.size("events")), F.sum(F.size("quotes")),
        F.sum(F.size("claims")),
        F.sum(F.size(F.filter("failures", lambda f: ~f["skipped"]))),
        F.sum(F.size(F.filter("failures", lambda f: f["skipped"])))).first()
    assert counts is not None
    (summary.documents, summary.events, summary.quotes, summary.claims, summary.failed,
     summary.skipped) = (int(c or 0) for c in counts)
    for table in BUNDLE_TABLES:
        rows = frame.select(F.explode(table).alias("row")).select("row.*")
        rows.write.mode("overwrite").parquet(f"{summary.out}/{table}")
    doc_actors = spark.read.parquet(f"{summary.out}/doc_actors")
    actors = _corpus_actors(doc_actors, summary.run_id)
    actors.write.mode("overwrite").parquet(f"{summary.out}/actors")
    summary.actors = spark.read.parquet(f"{summary.out}/actors").count()


def _corpus_actors(doc_actors: DataFrame, run_id: str) -> DataFrame:
    """The store's corpus `actors` table from the documents' actors, merged as the store
    merges them: the latest (by document id) name, kind, rollup and country, all aliases."""
    from pyspark.sql import functions as F

    latest = [F.max_by(c, "doc_id").alias(c) for c in ("name", "kind", "rollup", "country")]
    merged = doc_actors.groupBy(F.col("actor_id").alias("id")).agg(
        *latest, F.array_sort(F.array_distinct(F.flatten(F.collect_list("aliases"))))
        .alias("aliases"))
    def nullable(value: Any) -> Any:  # as the store's columns are (Parquet keeps the flag)
        return F.when(F.col("id").isNotNull(), value)

    run = nullable(F.lit(run_id))
    return merged.select(*[run.alias(c) if c in ("first_run", "last_run")
                           else nullable(F.col(c)).alias(c) if c == "aliases" else F.col(c)
                           for c in column_names("actors")])
