"""README and CLI kept in step: every command has help text and is shown in the README."""
from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from amity.cli import main

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def command_paths(group: click.Group, prefix: str = "amity") -> list[tuple[str, click.Command]]:
    out: list[tuple[str, click.Command]] = []
    for name, command in sorted(group.commands.items()):
        path = f"{prefix} {name}"
        if isinstance(command, click.Group):
            out.extend(command_paths(command, path))
        else:
            out.append((path, command))
    return out


COMMANDS = command_paths(main)


def test_the_cli_has_the_commands_the_readme_promises() -> None:
    assert {"amity extract", "amity ingest", "amity serve", "amity spark-ingest",
            "amity actors resolve"} <= {path for path, _ in COMMANDS}


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[p for p, _ in COMMANDS])
def test_every_command_has_help_text(path: str, command: click.Command) -> None:
    assert (command.help or "").strip(), f"{path} has no help text"


@pytest.mark.parametrize("path", [p for p, _ in COMMANDS])
def test_every_command_appears_with_an_example_in_the_readme(path: str) -> None:
    example = re.compile(rf"^\s+{re.escape(path)}(\s|$)", re.MULTILINE)
    assert example.search(README), f"README has no indented example line starting '{path}'"


def test_readme_keeps_the_two_commands() -> None:
    assert "make run" in README and "make test" in README
