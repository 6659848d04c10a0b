"""`amity extract`: records out, one clear stderr line per problem, exit status 0/1/2."""
from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from amity.clean import clean_page
from amity.cli import main
from amity.ingest import Page, read_inputs
from amity.pipeline import Outcome, document_id

ROOT = Path(__file__).resolve().parents[2]
STORY = "\n\n".join([
    "Skip to main content",
    "Armenia accuses Azerbaijan of shelling border towns",
    "Armenian Prime Minister Nikol Pashinyan accused Azerbaijan on Tuesday of shelling towns "
    "inside Armenia with artillery and drones, killing dozens of soldiers.",
    "Sign up for our daily newsletter",
    "Azerbaijan's defence ministry denied the charge and said its troops had answered "
    "provocations by Armenian units, a claim that Yerevan rejected as false.",
    "Russian Foreign Minister Sergei Lavrov said Moscow had brokered a ceasefire on Tuesday.",
])
FRENCH = ("Le gouvernement français a annoncé mardi de nouvelles sanctions contre la Russie, a "
          "déclaré le ministre des Affaires étrangères devant les députés à Paris. ") * 3


def invoke(*args: str, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(main, ["extract", *args], input=stdin, catch_exceptions=False)


@pytest.fixture()
def shared_pipeline(monkeypatch: pytest.MonkeyPatch, pipeline):  # type: ignore[no-untyped-def]
    """`amity extract` running on the session's pipeline, so the model loads only once."""
    def extract(paths: tuple[str, ...], settings: object) -> Iterator[Outcome]:
        yield from pipeline(read_inputs(paths))

    monkeypatch.setattr("amity.cli.extract.extract", extract)
    return pipeline


def records(result: Result) -> list[dict[str, object]]:
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


@pytest.mark.parametrize("args", [[], ["--format", "xml", "page.txt"], ["--no-such-flag", "x"]])
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert invoke(*args).exit_code == 2


def test_same_article_in_two_forms_gets_same_id(tmp_path: Path) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_text(STORY, encoding="utf-8")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": STORY.replace("\n\n", "\n"), "url": "https://x.org/a"}),
                    encoding="utf-8")
    ids = {document_id(clean_page(p).text) for p in read_inputs([str(copy), str(feed)])
           if isinstance(p, Page)}
    assert len(ids) == 1


@pytest.mark.slow
def test_extract_all_good_exits_0_with_one_record_each(
        tmp_path: Path, shared_pipeline: object) -> None:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt.gz").write_bytes(
        gzip.compress(STORY.replace("Tuesday", "Monday").encode()))
    result = invoke(str(tmp_path))
    assert result.exit_code == 0, result.stderr
    docs = records(result)
    assert [Path(str(d["source"])).name for d in docs] == ["a.txt", "b.txt.gz"]
    first = docs[0]
    assert first["schema"] == "amity.document/1"
    assert first["title"] == "Armenia accuses Azerbaijan of shelling border towns"
    assert "Skip to main content" not in str(first["text"])
    assert {r["kind"] for r in first["removed"]} == {"navigation", "newsletter"}  # type: ignore[union-attr]
    assert "2 document(s) extracted, 0 failed" in result.stderr


@pytest.mark.slow
def test_extract_some_failed_exits_1_and_names_each_problem(
        tmp_path: Path, shared_pipeline: object) -> None:
    (tmp_path / "good.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "cut.txt.gz").write_bytes(gzip.compress(STORY.encode() * 20)[:50])
    (tmp_path / "menu.html").write_text(
        "<html><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav></body></html>",
        encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text(json.dumps({"text": STORY.replace("Tuesday", "Friday")})
                                         + "\n{broken\n", encoding="utf-8")
    result = invoke(str(tmp_path))
    assert result.exit_code == 1
    assert len(records(result)) == 2
    errors = result.stderr.splitlines()
    assert any(f"{tmp_path / 'empty.txt'}: empty file" in e for e in errors)
    assert any(f"{tmp_path / 'cut.txt.gz'}: truncated or corrupt gzip" in e for e in errors)
    assert any(f"{tmp_path / 'menu.html'}: no article text found" in e for e in errors)
    assert any(f"{tmp_path / 'feed.jsonl'}:2: broken JSON line" in e for e in errors)
    assert "2 document(s) extracted, 4 failed" in result.stderr


@pytest.mark.slow
def test_extract_skips_non_english_page_with_message(
        tmp_path: Path, shared_pipeline: object) -> None:
    (tmp_path / "fr.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "en.txt").write_text(STORY, encoding="utf-8")
    result = invoke(str(tmp_path))
    assert result.exit_code == 0
    assert [Path(str(d["source"])).name for d in records(result)] == ["en.txt"]
    assert f"{tmp_path / 'fr.txt'}: not in English" in result.stderr


@pytest.mark.slow
def test_extract_reports_duplicate_and_writes_it_once(
        tmp_path: Path, shared_pipeline: object) -> None:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.txt.gz").write_bytes(gzip.compress(STORY.encode()))
    result = invoke(str(tmp_path / "a.txt"), str(tmp_path / "b.txt.gz"))
    assert result.exit_code == 0
    docs = records(result)
    assert len(docs) == 1
    assert f"b.txt.gz: duplicate of {tmp_path / 'a.txt'}" in result.stderr
    assert str(docs[0]["id"]) in result.stderr


@pytest.mark.slow
def test_extract_reads_standard_input(shared_pipeline: object) -> None:
    result = invoke("-", stdin=STORY.encode())
    assert result.exit_code == 0
    assert [d["source"] for d in records(result)] == ["<stdin>"]


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["json", "text"])
def test_extract_other_formats(tmp_path: Path, shared_pipeline: object, fmt: str) -> None:
    page = tmp_path / "a.txt"
    page.write_text(STORY, encoding="utf-8")
    out = tmp_path / "out"
    result = invoke(str(page), "--format", fmt, "--output", str(out))
    assert result.exit_code == 0
    written = out.read_text(encoding="utf-8")
    if fmt == "json":
        assert [d["title"] for d in json.loads(written)] == [
            "Armenia accuses Azerbaijan of shelling border towns"]
    else:
        assert written.startswith(f"{page}\n  id ")


@pytest.mark.slow
def test_extract_examples_folder(shared_pipeline: object) -> None:
    result = invoke(str(ROOT / "examples"))
    assert result.exit_code == 0, result.stderr
    docs = records(result)
    assert len(docs) >= 6
    assert all(d["title"] and d["published"] for d in docs)
    assert sum(len(d["removed"]) for d in docs) >= 15  # type: ignore[arg-type]


@pytest.mark.slow
def test_extract_warns_about_bytes_that_are_not_utf8_and_still_extracts(
        tmp_path: Path, shared_pipeline: object) -> None:
    utf8 = STORY.replace("Azerbaijan's", "Azerbaijan\u2019s").encode("utf-8")
    (tmp_path / "mixed.txt").write_bytes(utf8 + " Caf\u00e9.".encode("cp1252"))
    result = invoke(str(tmp_path))
    assert result.exit_code == 0 and len(records(result)) == 1
    assert (f"{tmp_path / 'mixed.txt'}: warning: 1 byte(s) not valid UTF-8, read as "
            "Windows-1252") in result.stderr


@pytest.mark.slow
def test_jsonl_failure_names_the_line_once(tmp_path: Path, shared_pipeline: object) -> None:
    (tmp_path / "feed.jsonl").write_text(json.dumps({"text": "Too short."}) + "\n",
                                         encoding="utf-8")
    result = invoke(str(tmp_path))
    assert result.exit_code == 1
    assert f"{tmp_path / 'feed.jsonl'}:1: no article text found" in result.stderr
    assert f"{tmp_path / 'feed.jsonl'}:1:1" not in result.stderr
