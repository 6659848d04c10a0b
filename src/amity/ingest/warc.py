"""WARC archives (as news crawls publish them): each HTML response record is a page.

Archives are streamed record by record (a crawl file is often a gigabyte or more): only one
record's body is in memory at a time, and the size limit applies to each record, not the file.
"""
from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from amity.ingest.decode import decode_bytes, looks_binary
from amity.ingest.read import (
    MAX_BYTES,
    CorruptGzip,
    Failure,
    Item,
    Page,
    every_record,
    sniff_form,
)

PAGE_TYPES = {"text/html", "application/xhtml+xml", "text/plain"}


class TruncatedRecord(ValueError):
    """A record whose body ends before its Content-Length: the archive is cut off."""


def pages_from_warc(data: bytes, source: str) -> Iterator[Item]:
    """HTML and text responses in a WARC held in memory (an upload)."""
    yield from pages_from_warc_stream(io.BytesIO(data), source)


def pages_from_warc_stream(stream: BinaryIO, source: str,
                           keep: Callable[[int], bool] = every_record) -> Iterator[Item]:
    """HTML and text responses in a WARC stream (plain or gzip), one record at a time;
    other records are passed over. `keep(n)` picks the response records (numbered from 1)
    to read, so several workers can share one archive; the others are skipped unread."""
    number = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type not in ("response", "resource"):
                continue
            number += 1
            if not keep(number):
                continue
            page = _record_page(record, source, number)
            if page is not None:
                yield page
    except TruncatedRecord as exc:
        yield Failure(source, f"truncated WARC archive: {exc}", line=number)
    except CorruptGzip as exc:
        if keep(number + 1):
            yield Failure(source, f"truncated or corrupt gzip data after record {number} "
                                  f"({exc})", line=number + 1)
    except ArchiveLoadFailed as exc:
        if keep(number + 1):
            yield Failure(source, f"unreadable WARC archive after record {number} ({exc})",
                          line=number + 1)
    except Exception as exc:  # noqa: BLE001 - warcio fails on corrupt records in many ways
        if keep(number or 1):
            yield Failure(source, f"unreadable WARC archive at record {number or 1} "
                                  f"({type(exc).__name__}: {exc})", line=number or 1)


def _record_page(record: object, source: str, number: int) -> Item | None:
    """The page in one response record, a `Failure` when it is too big, None when the
    record is not a page (an image, a redirect, an empty body)."""
    url = record.rec_headers.get_header("WARC-Target-URI")  # type: ignore[attr-defined]
    http = record.http_headers  # type: ignore[attr-defined]
    ctype = ""
    if http is not None:
        if http.get_statuscode() not in (None, "200"):
            return None
        ctype = (http.get_header("Content-Type") or "").lower()
    if ctype and ctype.split(";")[0].strip() not in PAGE_TYPES:
        return None  # style sheets, scripts, images, feeds: a crawl's other records
    body = record.content_stream().read(MAX_BYTES + 1)  # type: ignore[attr-defined]
    if len(body) > MAX_BYTES:
        return Failure(source, f"WARC record {number} ({url or 'no URL'}) is over the "
                       f"{MAX_BYTES // (1024 * 1024)} MB limit for one page", line=number)
    if getattr(record.raw_stream, "limit", 0) > 0:  # type: ignore[attr-defined]
        # warcio returns a cut-off body without complaint: fewer bytes than the record says
        raise TruncatedRecord(f"record {number} ({url or 'no URL'}) is cut off")
    if not body.strip() or looks_binary(body):
        return None
    decoded = decode_bytes(body)
    return Page(source=url or f"{source}:{number}", content=decoded.text,
                form="html" if "html" in ctype else sniff_form(decoded.text),
                line=number, url=url, warnings=list(decoded.warnings))
