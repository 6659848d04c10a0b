"""Planning the Spark job's work: big archives shared out, partitions of about equal size."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from amity.scale import SparkUnavailable, spark_session
from amity.scale._units import PART_BYTES, Unit, balance, plan_units


def test_big_streamed_files_are_split_into_parts_small_files_are_not(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl.warc"
    with open(crawl, "wb") as fh:  # sparse: the size without the bytes
        fh.write(b"WARC/1.0\r\n")
        fh.truncate(3 * PART_BYTES + 1)
    page = tmp_path / "page.txt"
    page.write_text("Lima and Santiago signed a water accord.")
    units = plan_units([str(tmp_path)])
    assert [(Path(u.path).name, u.part) for u in units] == [
        ("crawl.warc", (0, 4)), ("crawl.warc", (1, 4)), ("crawl.warc", (2, 4)),
        ("crawl.warc", (3, 4)), ("page.txt", None)]
    assert {u.position for u in units if u.path == str(crawl)} == {0}


@pytest.mark.parametrize("weights,partitions,loads", [
    ([5, 1, 1, 1, 1, 1], 2, [5, 5]),
    ([3, 3, 3, 3], 2, [6, 6]),
    ([1, 1], 8, [1, 1]),
])
def test_balance_deals_units_into_groups_of_equal_weight(
        weights: list[int], partitions: int, loads: list[int]) -> None:
    units = [Unit(f"f{i}", None, w, i) for i, w in enumerate(weights)]
    groups = balance(units, partitions)
    assert sorted(sum(u.weight for u in g) for g in groups) == loads
    assert sorted(u.path for g in groups for u in g) == sorted(u.path for u in units)
    assert all(g == sorted(g, key=lambda u: u.position) for g in groups)


def test_standard_input_is_refused() -> None:
    with pytest.raises(ValueError, match="standard input"):
        plan_units(["-"])


def test_missing_java_is_named_with_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("shutil.which", lambda name: None)
    monkeypatch.delenv("JAVA_HOME", raising=False)
    with pytest.raises(SparkUnavailable, match="openjdk-17-jre-headless"):
        spark_session("local[1]")
    assert os.environ.get("JAVA_HOME") is None


def test_missing_pyspark_is_named_with_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyspark", None)  # import fails
    with pytest.raises(SparkUnavailable, match=r"pip install 'amity\[spark\]'"):
        spark_session("local[1]")


def test_no_input_files_is_an_error_before_spark_starts(tmp_path: Path) -> None:
    from amity.scale import spark_ingest

    with pytest.raises(ValueError, match="no input files"):
        spark_ingest([str(tmp_path)], str(tmp_path / "out"))
