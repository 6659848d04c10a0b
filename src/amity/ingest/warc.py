"""WARC archives (as news crawls publish them): each HTML response record is a page."""
from __future__ import annotations

import io
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from amity.ingest.decode import decode_bytes, looks_binary
from amity.ingest.read import Failure, Item, Page, sniff_form


def pages_from_warc(data: bytes, source: str) -> Iterator[Item]:
    """HTML and text responses in a WARC file; other records are passed over."""
    number = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            if record.rec_type not in ("response", "resource"):
                continue
            number += 1
            url = record.rec_headers.get_header("WARC-Target-URI")
            ctype = ""
            if record.http_headers is not None:
                if record.http_headers.get_statuscode() not in (None, "200"):
                    continue
                ctype = (record.http_headers.get_header("Content-Type") or "").lower()
            if ctype and "html" not in ctype and "text" not in ctype:
                continue
            body = record.content_stream().read()
            if not body.strip() or looks_binary(body):
                continue
            decoded = decode_bytes(body)
            yield Page(source=url or f"{source}:{number}", content=decoded.text,
                       form="html" if "html" in ctype else sniff_form(decoded.text),
                       line=number, url=url, warnings=list(decoded.warnings))
    except ArchiveLoadFailed as exc:
        yield Failure(source, f"unreadable WARC archive ({exc})", line=number or None)
    except Exception as exc:  # noqa: BLE001 - warcio fails on corrupt records in many ways
        yield Failure(source, f"unreadable WARC archive ({type(exc).__name__}: {exc})",
                      line=number or None)
