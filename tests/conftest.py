"""Fixtures shared by the whole suite."""
from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

import pytest

from amity.actors.table import ActorMention, ActorTable
from amity.record import Actor

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
ARTIFACTS = ROOT / "test-artifacts"
# CI sets AMITY_STRICT=1: a test that would skip for a missing dependency fails instead.
STRICT = os.environ.get("AMITY_STRICT") == "1"


def missing(reason: str) -> NoReturn:
    """Skip for a missing dependency on a user's machine; fail under AMITY_STRICT (CI)."""
    if STRICT:
        pytest.fail(f"AMITY_STRICT=1 but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the checkout (present in CI); tests that need it skip without it."""
    if not (SHARED / "eval" / "score.py").is_file():
        missing("needs ../shared (the gold sets and benchmarks), which CI provides")
    return SHARED


@pytest.fixture(scope="session")
def chromium() -> str:
    """Path of Debian's Chromium for browser tests (`scripts/system-deps` installs it)."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        missing("needs Chromium (Debian: apt-get install chromium; scripts/system-deps)")
    return found


@pytest.fixture(scope="session")
def java() -> str:
    """Path of a Java runtime for Spark tests (`scripts/system-deps` installs it)."""
    found = shutil.which("java")
    if found is None:
        missing("needs Java 17 for Spark (Debian: apt-get install openjdk-17-jre-headless)")
    return found


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Folder for screenshots and other files a reviewer may want to look at after a run."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The spaCy pipeline with amity's patterns, loaded once for the session."""
    from amity.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    """One `Pipeline` (model loaded once) for tests that run whole documents."""
    from amity.pipeline import Pipeline

    return Pipeline()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite the golden record files from today's output (review the diff)")


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


# Hand-built actor tables, so quote and claim tests do not depend on the actors stage.
# name -> (actor id, kind, rollup); surnames and pronouns are added per test.
Cast = dict[str, tuple[str, str, str]]


def build_table(text: str, cast: Cast, extra: list[ActorMention] | None = None) -> ActorTable:
    """Every whole-word occurrence of each name in `text` as a mention of its actor."""
    actors: dict[str, Actor] = {}
    for name, (aid, kind, rollup) in cast.items():  # the first name listed is the actor's
        actors.setdefault(aid, Actor(id=aid, name=name, kind=kind, rollup=rollup))
    mentions = list(extra or [])
    for name, (aid, _, _) in cast.items():
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            mentions.append(ActorMention(m.start(), m.end(), name, aid, "name"))
    # A longer name wins over a shorter one inside it ("Colin P. Clarke" over "Clarke").
    kept = [m for m in mentions if not any(
        o is not m and o.start <= m.start and m.end <= o.end and o.end - o.start >
        m.end - m.start for o in mentions)]
    return ActorTable(actors.values(), kept)


@pytest.fixture
def make_table() -> Callable[..., ActorTable]:
    return build_table
