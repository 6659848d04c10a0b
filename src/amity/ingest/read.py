"""Inputs to pages: files, directories, stdin, JSONL, gzip and WARC, sniffed by content."""
from __future__ import annotations

import gzip
import io
import json
import os
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Literal

from amity.ingest.decode import decode_bytes, looks_binary

Form = Literal["html", "text"]
MAX_BYTES = 20 * 1024 * 1024  # a news page is far below this: larger pages (or records) are refused
TEXT_SUFFIXES = {".txt", ".md", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
WARC_SUFFIXES = {".warc", ".arc"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | WARC_SUFFIXES | {".json"}


@dataclass(slots=True)
class Page:
    """One article as read from its input, before cleaning."""

    source: str
    content: str
    form: Form
    line: int | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Failure:
    """An input (or one line of it) that could not become a record, and why."""

    source: str
    message: str
    stage: str = "read"
    line: int | None = None
    skipped: bool = False  # a deliberate skip (non-English), not an error

    def describe(self) -> str:
        suffix = f":{self.line}"
        where = (self.source + suffix if self.line and not self.source.endswith(suffix)
                 else self.source)
        return f"{where}: {self.message}"


Item = Page | Failure


def sniff_form(text: str) -> Form:
    """HTML when the start of the content looks like markup, else a plain-text page copy."""
    head = text[:2048].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")):
        return "html"
    markers = ("<body", "<head", "<div", "<p>", "<p ", "<article", "<meta", "<title")
    return "html" if sum(head.count(m) for m in markers) >= 2 else "text"


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Files as given, directories walked recursively in sorted order, hidden files skipped."""
    for p in paths:
        if p == "-" or not os.path.isdir(p):
            yield p
            continue
        for root, dirs, files in os.walk(p):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if not name.startswith("."):
                    yield os.path.join(root, name)


def _suffixes(name: str) -> tuple[bool, str]:
    lower = name.lower()
    gz = lower.endswith(".gz")
    stem = lower[:-3] if gz else lower
    return gz, Path(stem).suffix


def _read_limited(stream: BinaryIO, source: str) -> bytes:
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ValueError(f"larger than {MAX_BYTES // (1024 * 1024)} MB; not a news page")
    return data


def _gunzip(data: bytes) -> bytes:
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as gz:
        out = gz.read(MAX_BYTES + 1)
    if len(out) > MAX_BYTES:
        raise ValueError(f"larger than {MAX_BYTES // (1024 * 1024)} MB uncompressed")
    return out


def read_inputs(paths: Iterable[str], stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Every page in `paths`, in order; problems become `Failure`s, never exceptions."""
    for path in expand_paths(paths):
        yield from read_safely(path, stdin)


def read_safely(path: str, stdin: BinaryIO | None = None,
                part: tuple[int, int] | None = None) -> Iterator[Item]:
    """`read_path`, with anything unforeseen while reading it made that input's `Failure`."""
    try:
        yield from read_path(path, stdin, part)
    except Exception as exc:  # noqa: BLE001 - one unreadable input must not stop the rest
        yield Failure("<stdin>" if path == "-" else path,
                      f"could not be read ({type(exc).__name__}: {exc})")


def read_path(path: str, stdin: BinaryIO | None = None,
              part: tuple[int, int] | None = None) -> Iterator[Item]:
    """Pages of one file (or `-`). WARC and JSONL files are streamed a record (line) at a
    time with the size limit per record, whatever the file's size; other files are one page
    each, up to the limit. `part=(k, n)` reads only records k+1, k+1+n, ... of a streamed
    file (and a one-page file only for k = 0), so n workers can share a big archive."""
    source = "<stdin>" if path == "-" else path
    if path != "-" and not os.path.exists(path):
        yield Failure(source, "no such file or directory")
        return
    first = part is None or part[0] == 0
    try:
        kind = None if path == "-" else stream_kind(path)
        if kind is not None:
            yield from _stream_file(path, kind, part)
            return
        if not first:
            return
        if path == "-":
            data = _read_limited(stdin or sys.stdin.buffer, source)
        else:
            if os.path.getsize(path) > MAX_BYTES:
                size_mb = os.path.getsize(path) / (1024 * 1024)
                yield Failure(source, f"file is {size_mb:.0f} MB, over the "
                                      f"{MAX_BYTES // (1024 * 1024)} MB limit for one page")
                return
            with open(path, "rb") as fh:
                data = _read_limited(fh, source)
    except (OSError, ValueError) as exc:
        yield Failure(source, str(exc))
        return
    yield from read_bytes(data, source, os.path.basename(path))


Stream = Literal["warc", "jsonl"]


def stream_kind(path: str) -> Stream | None:
    """"warc" or "jsonl" for a file read record by record (by name, else by its first
    bytes when the name says nothing), None for a one-page file."""
    _, suffix = _suffixes(os.path.basename(path))
    if suffix in WARC_SUFFIXES:
        return "warc"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in KNOWN_SUFFIXES:
        return None
    try:
        with open(path, "rb") as fh:
            head = fh.read(_HEAD)
            if head[:2] == b"\x1f\x8b":
                fh.seek(0)
                with gzip.GzipFile(fileobj=fh) as gz:
                    head = gz.read(_HEAD)
    except (OSError, EOFError, zlib.error):
        return None  # the one-page reader reports what is wrong with it
    if head.startswith(b"WARC/"):
        return "warc"
    first_line, newline, _ = head.lstrip().partition(b"\n")
    if newline and first_line.startswith(b"{"):
        try:
            return "jsonl" if isinstance(json.loads(first_line), dict) else None
        except ValueError:
            return None
    return None


_HEAD = 64 * 1024


def every_record(number: int) -> bool:
    """The record filter that keeps them all."""
    return True


def _keeper(part: tuple[int, int] | None) -> Callable[[int], bool]:
    if part is None:
        return every_record
    k, n = part
    return lambda number: (number - 1) % n == k


def _stream_file(path: str, kind: Stream, part: tuple[int, int] | None) -> Iterator[Item]:
    from amity.ingest.warc import pages_from_warc_stream

    keep = _keeper(part)
    gz_name, _ = _suffixes(os.path.basename(path))
    with open(path, "rb") as raw:
        is_gzip = raw.read(2) == b"\x1f\x8b"
        raw.seek(0)
        if not is_gzip and gz_name:
            if keep(1):
                yield Failure(path, "named .gz but not gzip-compressed")
            return
        if os.path.getsize(path) == 0:
            if keep(1):
                yield Failure(path, "empty file")
            return
        # GzipFile, not warcio's own gzip reading: it takes a whole-file gzip as well as
        # one gzip member per record, and reports a cut-off file instead of stopping quietly.
        stream: BinaryIO = _Gunzip(raw) if is_gzip else raw  # type: ignore[assignment]
        if kind == "warc":
            yield from pages_from_warc_stream(stream, path, keep)
        else:
            yield from pages_from_jsonl_stream(stream, path, keep)


class CorruptGzip(Exception):
    """A gzip stream that is cut off or damaged (not an EOFError, which readers take for a
    clean end of input)."""


class _Gunzip:
    """Decompressed view of a gzip file (one member or many) that hands over every byte it
    could decompress before raising `CorruptGzip` at a cut-off or damaged point."""

    def __init__(self, raw: BinaryIO) -> None:
        self._gz = gzip.GzipFile(fileobj=raw)
        self._error: Exception | None = None

    def read(self, size: int = -1) -> bytes:
        if self._error is not None:
            raise CorruptGzip(str(self._error))
        chunks: list[bytes] = []
        wanted = size if size >= 0 else float("inf")
        got = 0
        while got < wanted:
            try:
                chunk = self._gz.read1(int(min(wanted - got, 1 << 20)))
            except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
                self._error = exc
                if chunks:  # what came before the damage first; the error on the next read
                    break
                raise CorruptGzip(str(exc)) from exc
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
        return b"".join(chunks)

    def readline(self, size: int = -1) -> bytes:
        try:
            return self._gz.readline(size)
        except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
            raise CorruptGzip(str(exc)) from exc


def pages_from_jsonl_stream(stream: BinaryIO, source: str,
                            keep: Callable[[int], bool] = every_record) -> Iterator[Item]:
    """One page per JSON line, read a line at a time; a line over the size limit, broken
    JSON or a truncated gzip fails alone (naming its line) and the rest goes on."""
    number = 0
    content = False
    try:
        while raw := stream.readline(MAX_BYTES + 1):
            number += 1
            if len(raw) > MAX_BYTES and not raw.endswith(b"\n"):
                while (rest := stream.readline(1024 * 1024)) and not rest.endswith(b"\n"):
                    pass  # the rest of the oversized line, read in bounded pieces
                content = True
                if keep(number):
                    yield Failure(source, f"line over the {MAX_BYTES // (1024 * 1024)} MB "
                                          "limit for one page", line=number)
                continue
            if not raw.strip():
                continue
            content = True
            if keep(number):
                decoded = decode_bytes(raw)
                yield _page_from_line(decoded.text, source, number, decoded.warnings)
    except CorruptGzip as exc:
        if keep(number + 1):
            yield Failure(source, f"truncated or corrupt gzip data after line {number} "
                                  f"({exc})", line=number + 1)
        return
    if not content and keep(1):
        yield Failure(source, "empty file")


def read_bytes(data: bytes, source: str, name: str) -> Iterator[Item]:
    """Pages in one input's bytes, gzip undone; `name` (a file name, never opened) gives the
    suffix. Uploads come in this way, read as data only."""
    gz_name, suffix = _suffixes(name)
    try:
        if len(data) > MAX_BYTES:
            raise ValueError(f"larger than {MAX_BYTES // (1024 * 1024)} MB; not a news page")
        if data[:2] == b"\x1f\x8b":
            data = _gunzip(data)
        elif gz_name:
            yield Failure(source, "named .gz but not gzip-compressed")
            return
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield Failure(source, f"truncated or corrupt gzip data ({exc})")
        return
    except (OSError, ValueError) as exc:
        yield Failure(source, str(exc))
        return
    yield from pages_from_bytes(data, source, suffix)


def pages_from_bytes(data: bytes, source: str, suffix: str = "") -> Iterator[Item]:
    """Pages in one input's (uncompressed) bytes, whatever its form."""
    if not data.strip():
        yield Failure(source, "empty file")
        return
    if data[:8].startswith(b"WARC/") or suffix in WARC_SUFFIXES:
        from amity.ingest.warc import pages_from_warc

        yield from pages_from_warc(data, source)
        return
    if looks_binary(data):
        yield Failure(source, "binary content, not a text or HTML page")
        return
    decoded = decode_bytes(data)
    text = decoded.text
    if suffix in JSONL_SUFFIXES or (suffix not in KNOWN_SUFFIXES and _looks_jsonl(text)):
        yield from pages_from_jsonl(text, source, decoded.warnings)
        return
    if suffix == ".json":
        yield from _pages_from_json(text, source, decoded.warnings)
        return
    form: Form = "html" if suffix in HTML_SUFFIXES else sniff_form(text)
    if suffix in TEXT_SUFFIXES and form == "html" and not text.lstrip().startswith("<"):
        form = "text"
    yield Page(source=source, content=text, form=form, warnings=list(decoded.warnings))


def _looks_jsonl(text: str) -> bool:
    first = text.lstrip()[:1]
    if first != "{":
        return False
    line = text.lstrip().split("\n", 1)[0]
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


def page_from_object(obj: object, source: str, line: int | None,
                     warnings: list[str] | None = None) -> Item:
    """A JSON article object (`text` or `html`, optional url/title/published) to a page."""
    if not isinstance(obj, dict):
        return Failure(source, "not a JSON object", line=line)
    html, text = obj.get("html"), obj.get("text")
    url = obj.get("url") if isinstance(obj.get("url"), str) else None
    title = obj.get("title") if isinstance(obj.get("title"), str) else None
    published = obj.get("published") if isinstance(obj.get("published"), str) else None
    form: Form
    if isinstance(html, str) and html.strip():
        content, form = html, "html"
    elif isinstance(text, str) and text.strip():
        content, form = text, sniff_form(text)
    else:
        return Failure(source, "no `text` or `html` field with content", line=line)
    name = url or (f"{source}:{line}" if line else source)
    return Page(source=name, content=content, form=form, line=line, url=url, title=title,
                published=published, warnings=list(warnings or []))


def pages_from_jsonl(text: str, source: str, warnings: list[str]) -> Iterator[Item]:
    """Pages of JSONL held in memory (an upload, stdin); files are streamed instead."""
    for number, raw in enumerate(text.split("\n"), start=1):
        if raw.strip():
            yield _page_from_line(raw, source, number, warnings)


def _page_from_line(raw: str, source: str, number: int, warnings: list[str]) -> Item:
    try:
        obj = json.loads(raw)
    except (ValueError, RecursionError) as exc:
        return Failure(source, f"broken JSON line ({exc.args[0] if exc.args else exc})",
                       line=number)
    return page_from_object(obj, source, number, warnings)


def _pages_from_json(text: str, source: str, warnings: list[str]) -> Iterator[Item]:
    try:
        obj = json.loads(text)
    except ValueError as exc:
        yield Failure(source, f"malformed JSON ({exc})")
        return
    items = obj if isinstance(obj, list) else [obj]
    for number, item in enumerate(items, start=1):
        yield page_from_object(item, source, number if len(items) > 1 else None, warnings)
