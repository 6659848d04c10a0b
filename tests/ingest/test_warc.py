"""WARC archives: each HTML response is a page, other records are passed over."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from amity.ingest import Failure, Page, read_inputs

HTML = (b"<html><head><title>Talks</title></head><body><article><p>Iran and the United States "
        b"held indirect talks in Muscat on Saturday, Omani officials said.</p></article></body>"
        b"</html>")


def warc_bytes(records: list[tuple[str, str, bytes]], gzip: bool) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip)
    for url, ctype, body in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                      http_headers=headers))
    return out.getvalue()


@pytest.mark.parametrize("gzip", [False, True])
def test_warc_html_responses_become_pages(tmp_path: Path, gzip: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    path.write_bytes(warc_bytes([("https://example.org/talks", "text/html", HTML),
                                 ("https://example.org/logo.png", "image/png", b"\x89PNG\x00"),
                                 ("https://example.org/other", "text/html; charset=utf-8", HTML)],
                                gzip))
    pages = list(read_inputs([str(path)]))
    assert all(isinstance(p, Page) for p in pages)
    assert [(p.source, p.form) for p in pages if isinstance(p, Page)] == [
        ("https://example.org/talks", "html"), ("https://example.org/other", "html")]


def test_corrupt_warc_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc"
    path.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999\r\n\r\n<html>")
    items = list(read_inputs([str(path)]))
    assert items and all(isinstance(i, Failure) for i in items)
    assert "WARC" in items[0].message  # type: ignore[union-attr]
