"""Uploads in-process: ingested in the background, guarded by token, size and origin."""
from __future__ import annotations

import gzip
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from web_articles import UPLOAD_ARTICLE
from web_client import Client, app_over

pytestmark = pytest.mark.slow
TOKEN = "s3cret-token-for-tests"


def wait(client: Client, job: dict[str, Any], timeout: float = 120.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(f"/api/jobs/{job['id']}").json()
        if job["state"] in ("done", "failed"):
            return job
        time.sleep(0.1)
    raise AssertionError(f"upload job still {job['state']} after {timeout}s")


def upload(client: Client, *files: tuple[str, bytes], **kwargs: Any) -> Any:
    return client.post("/api/upload", files=[("files", f) for f in files], **kwargs)


def document_count(client: Client) -> int:
    return int(client.get("/api/documents").json()["total"])


@pytest.fixture(scope="module")
def writable(tmp_path_factory: pytest.TempPathFactory, web_db: Path) -> Iterator[Any]:
    """One app on a copy of the store (the model loads once for the module's uploads)."""
    path = tmp_path_factory.mktemp("upload") / "upload.duckdb"
    shutil.copy(web_db, path)
    with app_over(path) as app:
        yield app


@pytest.fixture(scope="module")
def client(writable: Any) -> Client:
    return Client(writable)


def test_upload_is_ingested_and_listed(client: Client) -> None:
    before = document_count(client)
    response = upload(client, ("pact.txt", UPLOAD_ARTICLE.encode()))
    assert response.status_code == 202
    job = wait(client, response.json())
    assert job["state"] == "done" and job["stored"] == 1 and len(job["documents"]) == 1
    assert document_count(client) == before + 1
    listed = client.get("/api/documents", params={"q": "defence pact"}).json()["documents"]
    assert [d["id"] for d in listed] == [d["id"] for d in job["documents"]]
    assert job["documents"][0]["title"] == "Japan and Australia sign defence pact"
    assert listed[0]["source"] == "upload:pact.txt"
    assert client.get(f"/documents/{job['documents'][0]['id']}").status_code == 200


def test_upload_again_is_a_duplicate(client: Client) -> None:
    text = UPLOAD_ARTICLE.replace("Friday", "Thursday").encode()
    first = wait(client, upload(client, ("a.txt", text)).json())
    again = wait(client, upload(client, ("b.txt", text)).json())
    assert first["stored"] == 1
    assert again["state"] == "done" and again["stored"] == 0 and again["duplicate"] == 1


def test_bad_file_fails_alone_and_is_named(client: Client) -> None:
    good = UPLOAD_ARTICLE.replace("Japan", "India").encode()
    gz = gzip.compress(UPLOAD_ARTICLE.replace("Japan", "Canada").encode())
    job = wait(client, upload(client, ("noise.bin", bytes(range(256)) * 8),
                              ("india.txt", good), ("canada.txt.gz", gz)).json())
    assert job["state"] == "done" and job["stored"] == 2 and job["failed"] == 1
    assert any(f.startswith("upload:noise.bin") and "binary" in f for f in job["failures"])


@pytest.mark.parametrize("name,label", [
    ("../../etc/passwd", "upload:passwd"),
    ("C:\\Users\\me\\page.html", "upload:page.html"),
    ("..", "upload:file-1"),
    ("a\x00b\nc.txt", "upload:a_b_c.txt"),
])
def test_client_file_names_are_only_labels(name: str, label: str) -> None:
    from amity.web.jobs import upload_label

    assert upload_label(name, 0) == label


def test_upload_writes_nothing_under_the_client_name(client: Client, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    text = UPLOAD_ARTICLE.replace("Japan", "Brazil").encode()
    job = wait(client, upload(client, ("../escape.txt", text)).json())
    assert job["files"] == ["upload:escape.txt"] and job["stored"] == 1
    assert not any(tmp_path.parent.glob("escape.txt")) and not any(tmp_path.iterdir())


def test_upload_without_files_is_refused(client: Client) -> None:
    response = client.post("/api/upload", data={"other": "x"})
    assert response.status_code == 422 and "no file" in response.json()["detail"]


def test_cross_site_upload_is_refused(client: Client) -> None:
    before = document_count(client)
    response = upload(client, ("x.txt", UPLOAD_ARTICLE.encode()),
                      headers={"origin": "https://attacker.example"})
    assert response.status_code == 403 and "cross-site" in response.json()["detail"]
    assert document_count(client) == before


def test_upload_over_the_size_limit_is_refused(db_copy: Path) -> None:
    with app_over(db_copy, max_upload_bytes=2048) as app:
        c = Client(app)
        before = document_count(c)
        response = upload(c, ("big.txt", b"word " * 1000))
        assert response.status_code == 413 and "too large" in response.json()["detail"]
        assert document_count(c) == before


def test_upload_of_too_many_files_is_refused(db_copy: Path) -> None:
    with app_over(db_copy, max_files=2) as app:
        c = Client(app)
        response = upload(c, *[(f"{i}.txt", b"x") for i in range(3)])
        assert response.status_code == 400 and "files" in response.json()["detail"].lower()


@pytest.mark.parametrize("headers,status", [
    ({}, 401),
    ({"authorization": "Bearer wrong-token-value"}, 401),
    ({"x-amity-token": "wrong-token-value"}, 401),
])
def test_upload_needs_the_token_when_one_is_set(db_copy: Path, headers: dict[str, str],
                                                status: int) -> None:
    with app_over(db_copy, token=TOKEN) as app:
        c = Client(app)
        response = upload(c, ("x.txt", UPLOAD_ARTICLE.encode()), headers=headers)
        assert response.status_code == status and "token" in response.json()["detail"]
        assert c.get("/api/upload").json()["token_required"] is True
        assert c.get("/api/overview").status_code == 200  # reading needs no token


def test_upload_with_the_token_is_accepted(db_copy: Path) -> None:
    with app_over(db_copy, token=TOKEN) as app:
        c = Client(app)
        response = upload(c, ("x.txt", b"not an article"),
                          headers={"authorization": f"Bearer {TOKEN}"})
        assert response.status_code == 202
        assert wait(c, response.json())["state"] == "done"


HOLD_READ_ONLY = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
print("ready", flush=True)
time.sleep(60)
"""


def test_upload_while_another_process_reads_fails_cleanly(client: Client,
                                                          writable: Any) -> None:
    before = document_count(client)
    holder = subprocess.Popen([sys.executable, "-c", HOLD_READ_ONLY,
                               writable.state.database.path], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        text = UPLOAD_ARTICLE.replace("Japan", "Chile").encode()
        job = wait(client, upload(client, ("chile.txt", text)).json())
    finally:
        holder.kill()
        holder.wait()
    assert job["state"] == "failed" and "in use by another process" in job["message"]
    assert job["stored"] == 0
    assert document_count(client) == before  # and the app reads on


def test_ingest_in_another_process_gets_a_clear_message(writable: Any, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(UPLOAD_ARTICLE, encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", "from amity.cli import main; main()",
                             "ingest", str(page), "--db", writable.state.database.path],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "is in use by another process" in result.stderr
    assert "Traceback" not in result.stderr


def test_pages_keep_answering_while_an_upload_ingests(client: Client) -> None:
    files = [(f"p{i}.txt", UPLOAD_ARTICLE.replace("Japan", country).encode())
             for i, country in enumerate(("Kenya", "Peru", "Ghana", "Chad"))]
    job = upload(client, *files).json()
    statuses = []
    while client.get(f"/api/jobs/{job['id']}").json()["state"] in ("queued", "running"):
        statuses += [client.get(url).status_code for url in ("/api/documents", "/api/overview")]
    assert wait(client, job)["stored"] == 4
    assert set(statuses) <= {200}
