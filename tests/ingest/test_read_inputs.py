"""Reading inputs: every form users have, sniffed by content; one clear failure per bad input."""
from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from amity.ingest import Failure, Page, read_inputs
from amity.ingest.read import MAX_BYTES

STORY = ("Iran rejects US charge over drones\n\nU.S. Secretary of State Antony Blinken accused "
         "Iran on Friday of supplying Russia with attack drones. Tehran denied the charge.\n")
HTML = ("<!DOCTYPE html><html><head><title>Drones</title></head><body><article><h1>Drones</h1>"
        "<p>Blinken accused Iran of supplying Russia with drones.</p></article></body></html>")


def read_all(*paths: str | Path, stdin: bytes | None = None) -> list[Page | Failure]:
    stream = io.BytesIO(stdin) if stdin is not None else None
    return list(read_inputs([str(p) for p in paths], stdin=stream))


def only_page(items: list[Page | Failure]) -> Page:
    assert len(items) == 1 and isinstance(items[0], Page), items
    return items[0]


def only_failure(items: list[Page | Failure]) -> Failure:
    assert len(items) == 1 and isinstance(items[0], Failure), items
    return items[0]


@pytest.mark.parametrize("name,content,form", [
    ("page.txt", STORY, "text"),
    ("page.md", "# Drones\n\n" + STORY, "text"),
    ("page.html", HTML, "html"),
    ("page.htm", HTML, "html"),
    ("copied-page", STORY, "text"),        # no suffix: sniffed as text
    ("saved-page", HTML, "html"),          # no suffix: sniffed as HTML
    ("page.txt", HTML, "html"),            # markup saved under .txt is still HTML
])
def test_reads_text_and_html_pages(tmp_path: Path, name: str, content: str, form: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    page = only_page(read_all(path))
    assert (page.form, page.content, page.source) == (form, content, str(path))


@pytest.mark.parametrize("name", ["page.txt.gz", "page.html.gz", "page.gz"])
def test_reads_gzip_compressed_pages(tmp_path: Path, name: str) -> None:
    content = HTML if "html" in name else STORY
    path = tmp_path / name
    path.write_bytes(gzip.compress(content.encode("utf-8")))
    page = only_page(read_all(path))
    assert page.content == content
    assert page.form == ("html" if "html" in name else "text")


def test_reads_jsonl_one_article_a_line(tmp_path: Path) -> None:
    rows = [{"text": STORY, "url": "https://example.org/a", "title": "A",
             "published": "2022-10-21"},
            {"html": HTML, "url": "https://example.org/b"},
            {"text": STORY.replace("Friday", "Monday")}]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    pages = read_all(path)
    assert all(isinstance(p, Page) for p in pages)
    first, second, third = pages
    assert isinstance(first, Page) and isinstance(second, Page) and isinstance(third, Page)
    assert (first.url, first.title, first.published, first.form, first.line) == (
        "https://example.org/a", "A", "2022-10-21", "text", 1)
    assert (second.form, second.source) == ("html", "https://example.org/b")
    assert third.source == f"{path}:3"


@pytest.mark.parametrize("payload", [
    {"text": STORY, "title": "One"},
    [{"text": STORY, "title": "One"}, {"html": HTML, "title": "Two"}],
])
def test_reads_json_object_or_list(tmp_path: Path, payload: object) -> None:
    path = tmp_path / "articles.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    pages = read_all(path)
    assert [p.title for p in pages if isinstance(p, Page)] == (
        ["One"] if isinstance(payload, dict) else ["One", "Two"])


@pytest.mark.parametrize("data,form", [(STORY.encode(), "text"), (HTML.encode(), "html"),
                                       (gzip.compress(STORY.encode()), "text")])
def test_reads_standard_input(data: bytes, form: str) -> None:
    page = only_page(read_all("-", stdin=data))
    assert (page.source, page.form) == ("<stdin>", form)


def test_reads_jsonl_from_standard_input() -> None:
    data = (json.dumps({"text": STORY}) + "\n" + json.dumps({"text": STORY + "More."})).encode()
    assert len([p for p in read_all("-", stdin=data) if isinstance(p, Page)]) == 2


def test_walks_directories_recursively_in_order_skipping_hidden(tmp_path: Path) -> None:
    (tmp_path / "b" / "deep").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    for rel in ("a.txt", "b/c.html", "b/deep/d.txt", ".hidden.txt", ".git/e.txt"):
        (tmp_path / rel).write_text(HTML if rel.endswith(".html") else STORY, encoding="utf-8")
    sources = [Path(p.source).relative_to(tmp_path).as_posix() for p in read_all(tmp_path)]
    assert sources == ["a.txt", "b/c.html", "b/deep/d.txt"]


def test_undecodable_bytes_become_a_warning_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "odd.txt"
    path.write_bytes("Blinken said \u201cno\u201d to Tehran.\n".encode("cp1252") + b"\x81")
    page = only_page(read_all(path))
    assert "Blinken said" in page.content


@pytest.mark.parametrize("name,data,message", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n ", "empty file"),
    ("picture.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
    ("cut.txt.gz", gzip.compress(STORY.encode() * 50)[:60], "truncated or corrupt gzip"),
    ("fake.txt.gz", STORY.encode(), "not gzip-compressed"),
    ("broken.json", b'{"text": "unterminated', "malformed JSON"),
    ("deep.json", b"[" * 200_000 + b"]" * 200_000, "could not be read (RecursionError"),
])
def test_bad_input_is_one_failure_naming_file_and_problem(
        tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    failure = only_failure(read_all(path))
    assert failure.source == str(path)
    assert message in failure.message
    assert failure.describe().startswith(f"{path}: ")


@pytest.mark.parametrize("megabytes", [MAX_BYTES // (1024 * 1024) + 1, 50])
def test_file_over_size_limit_is_refused_without_reading_it(tmp_path: Path, megabytes: int) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:  # a sparse file: the size without writing the bytes
        fh.truncate(megabytes * 1024 * 1024)
    failure = only_failure(read_all(path))
    assert f"{megabytes} MB" in failure.message and "limit" in failure.message


def test_missing_file_is_a_failure(tmp_path: Path) -> None:
    failure = only_failure(read_all(tmp_path / "nowhere.txt"))
    assert "no such file" in failure.message


def test_broken_jsonl_line_fails_alone_and_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join([json.dumps({"text": STORY}), '{"text": "cut off',
                               json.dumps({"title": "no body"}), json.dumps({"text": STORY})]),
                    encoding="utf-8")
    items = read_all(path)
    assert [type(i).__name__ for i in items] == ["Page", "Failure", "Failure", "Page"]
    broken, empty = items[1], items[2]
    assert isinstance(broken, Failure) and isinstance(empty, Failure)
    assert broken.line == 2 and "broken JSON line" in broken.message
    assert broken.describe().startswith(f"{path}:2: ")
    assert empty.line == 3 and "no `text` or `html`" in empty.message


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text(STORY, encoding="utf-8")
    bad.write_bytes(b"")
    items = read_all(bad, good)
    assert [type(i).__name__ for i in items] == ["Failure", "Page"]
