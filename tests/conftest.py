"""Fixtures shared by the whole suite."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the checkout (present in CI); tests that need it skip without it."""
    if not (SHARED / "eval" / "score.py").is_file():
        pytest.skip("needs ../shared (the gold sets and benchmarks), which CI provides")
    return SHARED


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
