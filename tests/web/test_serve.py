"""`amity serve`: where it may bind, what it says, and that it really serves."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from amity.cli import main
from amity.web import ServeError, check_bind, is_loopback
from amity.web._security import allowed_hosts, host_allowed


@pytest.mark.parametrize("host,loopback", [
    ("127.0.0.1", True), ("127.0.0.2", True), ("localhost", True), ("::1", True),
    ("[::1]", True), ("0.0.0.0", False), ("::", False), ("192.168.1.20", False),
    ("example.org", False),
])
def test_loopback_addresses(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


@pytest.mark.parametrize("bound,header,allowed", [
    ("127.0.0.1", "127.0.0.1:8000", True), ("127.0.0.1", "localhost", True),
    ("::1", "[::1]:8000", True), ("127.0.0.2", "127.0.0.2:8000", True),
    ("127.0.0.1", "attacker.example", False), ("127.0.0.1", "attacker.example:8000", False),
    ("127.0.0.1", "", False), ("127.0.0.1", "[bad", False),
    ("0.0.0.0", "news-box.lan:8000", True),
])
def test_host_header_checked_on_loopback(bound: str, header: str, allowed: bool) -> None:
    assert host_allowed(header, allowed_hosts(bound)) is allowed


@pytest.mark.parametrize("host,token", [("127.0.0.1", None), ("localhost", None),
                                        ("0.0.0.0", "long-enough-token")])
def test_bind_allowed(host: str, token: str | None) -> None:
    check_bind(host, token)


@pytest.mark.parametrize("host,token,words", [
    ("0.0.0.0", None, "without a token"),
    ("192.168.1.20", "", "without a token"),
    ("0.0.0.0", "short", "at least 8 characters"),
])
def test_bind_refused(host: str, token: str | None, words: str) -> None:
    with pytest.raises(ServeError, match=words):
        check_bind(host, token)


def test_serve_refuses_a_network_address_without_a_token(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "x.duckdb"),
                                       "--host", "0.0.0.0"], env={"AMITY_TOKEN": None})
    assert result.exit_code == 2
    assert "refusing to serve on 0.0.0.0 without a token" in result.output


def test_serve_says_when_the_database_is_missing(tmp_path: Path) -> None:
    missing = tmp_path / "none.duckdb"
    result = CliRunner().invoke(main, ["serve", "--db", str(missing)])
    assert result.exit_code == 2
    assert f"no database at {missing}" in result.output and "amity ingest" in result.output
    assert not missing.exists()


HOLD_WRITER = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1])
print("ready", flush=True)
time.sleep(60)
"""


def test_serve_says_when_another_process_is_writing(tmp_path: Path) -> None:
    from amity.store import open_store

    db = tmp_path / "busy.duckdb"
    open_store(db).close()
    holder = subprocess.Popen([sys.executable, "-c", HOLD_WRITER, str(db)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        result = CliRunner().invoke(main, ["serve", "--db", str(db)])
    finally:
        holder.kill()
        holder.wait()
    assert result.exit_code == 2
    assert "is in use by another process" in result.output


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.slow
def test_serve_prints_its_url_and_serves(web_db: Path, tmp_path: Path) -> None:
    import shutil

    db = tmp_path / "served.duckdb"
    shutil.copy(web_db, db)
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-c", "from amity.cli import main; main()",
                             "serve", "--db", str(db), "--port", str(port)],
                            stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
        assert line.strip() == (f"amity: serving served.duckdb at http://127.0.0.1:{port}/ "
                                "(Ctrl-C to stop)")
        deadline = time.monotonic() + 30
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/api/overview", timeout=5)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        assert response.status_code == 200 and response.json()["counts"]
        # While it serves, other processes can still read the file.
        stats = subprocess.run([sys.executable, "-c", "from amity.cli import main; main()",
                                "stats", "--db", str(db)], capture_output=True, text=True,
                               timeout=60)
        assert stats.returncode == 0 and "documents" in stats.stdout
    finally:
        proc.terminate()
        proc.wait(timeout=30)
