"""The per-document stages on Apache Spark, writing Parquet tables the store loads."""
from amity.scale.job import JobSummary, SparkUnavailable, spark_ingest, spark_session

__all__ = ["JobSummary", "SparkUnavailable", "spark_ingest", "spark_session"]
