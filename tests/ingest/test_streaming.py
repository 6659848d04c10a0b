"""Big WARC and JSONL files are streamed a record (line) at a time, the size limit per record."""
from __future__ import annotations

import gzip
import io
import json
import tracemalloc
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from amity.ingest import Failure, Item, Page, read_inputs, read_path
from amity.ingest.read import MAX_BYTES, stream_kind

MB = 1024 * 1024


def article(n: int) -> bytes:
    return (f"<html><head><title>Talks {n}</title></head><body><article><p>Envoys of Chile "
            f"and Peru met for the {n}th time in Lima on Tuesday to discuss a fishing "
            f"accord, officials of both countries said.</p></article></body></html>").encode()


def write_warc(path: Path, records: list[tuple[str, str, bytes]], *, gzip_records: bool = False
               ) -> Path:
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gzip_records)
        for url, ctype, body in records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers))
    return path


def pages(items: list[Item]) -> list[Page]:
    return [i for i in items if isinstance(i, Page)]


def failures(items: list[Item]) -> list[Failure]:
    return [i for i in items if isinstance(i, Failure)]


def test_warc_over_the_file_limit_is_streamed_not_refused(tmp_path: Path) -> None:
    blob = bytes(range(256)) * (25 * MB // 256)  # a 25 MB video record, passed over
    path = write_warc(tmp_path / "crawl.warc", [
        ("https://example.org/1", "text/html", article(1)),
        ("https://example.org/clip", "video/mp4", blob),
        ("https://example.org/2", "text/html", article(2))])
    assert path.stat().st_size > MAX_BYTES
    tracemalloc.start()
    items = list(read_inputs([str(path)]))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert [p.source for p in pages(items)] == ["https://example.org/1", "https://example.org/2"]
    assert not failures(items)
    assert peak < 4 * MB  # one block at a time, never the file


def test_warc_record_over_the_page_limit_fails_alone(tmp_path: Path) -> None:
    huge = b"<html><body><p>" + b"Word " * (MAX_BYTES // 5 + 10) + b"</p></body></html>"
    path = write_warc(tmp_path / "crawl.warc.gz", [
        ("https://example.org/1", "text/html", article(1)),
        ("https://example.org/huge", "text/html", huge),
        ("https://example.org/3", "text/html", article(3))], gzip_records=True)
    items = list(read_inputs([str(path)]))
    assert [p.line for p in pages(items)] == [1, 3]
    (failure,) = failures(items)
    assert (failure.source, failure.line) == (str(path), 2)
    assert "over the 20 MB limit" in failure.message
    assert failure.describe().startswith(f"{path}:2: ")


@pytest.mark.parametrize("compress", ["none", "records", "whole file"])
def test_cut_off_warc_keeps_the_records_before_the_cut(tmp_path: Path, compress: str) -> None:
    records = [(f"https://example.org/{n}", "text/html", article(n) + b" " * 4000)
               for n in range(1, 4)]
    full = write_warc(tmp_path / "full.warc", records, gzip_records=compress == "records")
    data = full.read_bytes()
    if compress == "whole file":
        data = gzip.compress(data)
    name = "cut.warc" if compress == "none" else "cut.warc.gz"
    path = tmp_path / name
    path.write_bytes(data[: len(data) * 5 // 6])  # into the body of the third record
    items = list(read_inputs([str(path)]))
    assert [p.line for p in pages(items)] == [1, 2]
    (failure,) = failures(items)
    assert failure.source == str(path) and failure.line == 3
    assert "truncated" in failure.message


def test_non_html_records_are_passed_over(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "crawl.warc", [
        ("https://example.org/style.css", "text/css", b"body { color: red }"),
        ("https://example.org/data.json", "application/json", b'{"a": 1}'),
        ("https://example.org/1", "text/html", article(1))])
    items = list(read_inputs([str(path)]))
    assert [p.source for p in items if isinstance(p, Page)] == ["https://example.org/1"]
    assert not failures(items)


@pytest.mark.parametrize("compressed", [False, True])
def test_jsonl_over_the_file_limit_is_streamed_line_by_line(tmp_path: Path,
                                                            compressed: bool) -> None:
    body = "Officials in Quito and Bogota traded notes on the border dispute. " * 150
    lines = [json.dumps({"text": f"Note {n}\n\n{body}", "url": f"https://example.org/{n}"})
             for n in range(2500)]
    data = ("\n".join(lines) + "\n").encode()
    assert len(data) > MAX_BYTES
    path = tmp_path / ("feed.jsonl.gz" if compressed else "feed.jsonl")
    path.write_bytes(gzip.compress(data, compresslevel=1) if compressed else data)
    items = list(read_inputs([str(path)]))
    assert len(pages(items)) == 2500 and not failures(items)
    assert pages(items)[-1].line == 2500


def test_jsonl_line_over_the_page_limit_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(json.dumps({"text": "Lima and Santiago signed a water accord."}) + "\n")
        fh.write(json.dumps({"text": "x" * (MAX_BYTES + 100)}) + "\n")
        fh.write(json.dumps({"text": "Quito recalled its envoy from Bogota."}) + "\n")
    items = list(read_inputs([str(path)]))
    assert [p.line for p in pages(items)] == [1, 3]
    (failure,) = failures(items)
    assert failure.line == 2 and "limit" in failure.message
    assert failure.describe().startswith(f"{path}:2: ")


def test_cut_off_jsonl_gzip_keeps_the_lines_before_the_cut(tmp_path: Path) -> None:
    lines = [json.dumps({"text": f"Envoys met for round {n} of the talks. " * 40})
             for n in range(1, 201)]
    data = gzip.compress(("\n".join(lines) + "\n").encode())
    path = tmp_path / "feed.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    items = list(read_inputs([str(path)]))
    assert 0 < len(pages(items)) < 200
    (failure,) = failures(items)
    assert failure.source == str(path) and failure.line == len(pages(items)) + 1
    assert "truncated or corrupt gzip" in failure.message


@pytest.mark.parametrize("name,content,kind", [
    ("feed", b'{"text": "Lima and Santiago met."}\n{"text": "Again."}\n', "jsonl"),
    ("crawl", b"WARC/1.0\r\n", "warc"),
    ("crawl.warc.gz", b"", "warc"),
    ("page.txt", b'{"text": "not a feed"}\n', None),
    ("page", b"Lima and Santiago met.\n", None),
])
def test_stream_kind_by_name_then_content(tmp_path: Path, name: str, content: bytes,
                                          kind: str | None) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert stream_kind(str(path)) == kind


@pytest.mark.parametrize("n", [1, 3])
def test_parts_of_a_stream_share_its_records_exactly(tmp_path: Path, n: int) -> None:
    path = write_warc(tmp_path / "crawl.warc", [
        (f"https://example.org/{k}", "text/html", article(k)) for k in range(1, 8)])
    whole = [p.line for p in pages(list(read_path(str(path))))]
    parts = [[p.line for p in pages(list(read_path(str(path), part=(k, n))))]
             for k in range(n)]
    assert sorted(line for part in parts for line in part) == whole == list(range(1, 8))
    assert all(parts)


def test_a_one_page_file_belongs_to_the_first_part_only(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(article(1))
    assert [len(list(read_path(str(path), part=(k, 2)))) for k in range(2)] == [1, 0]
