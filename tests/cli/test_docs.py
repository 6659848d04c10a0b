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


GROUPS = {f"amity {name}" for name, command in main.commands.items()
          if isinstance(command, click.Group)}


def readme_commands() -> set[str]:
    """The command of every indented `amity ...` example line in the README."""
    found: set[str] = set()
    for line in re.findall(r"^[ \t]+(amity(?: [a-z][a-z-]*)+)", README, re.MULTILINE):
        words = line.split()
        found.add(" ".join(words[:3] if " ".join(words[:2]) in GROUPS else words[:2]))
    return found


def test_the_readme_shows_only_commands_the_cli_has() -> None:
    shown = readme_commands()
    assert {"amity extract", "amity ingest", "amity serve", "amity actors resolve"} <= shown
    assert shown <= {path for path, _ in COMMANDS}, "README shows a command the CLI lacks"


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[p for p, _ in COMMANDS])
def test_every_command_has_help_text(path: str, command: click.Command) -> None:
    assert (command.help or "").strip(), f"{path} has no help text"


@pytest.mark.parametrize("path", [p for p, _ in COMMANDS])
def test_every_command_appears_with_an_example_in_the_readme(path: str) -> None:
    example = re.compile(rf"^[ \t]+{re.escape(path)}(\s|$)", re.MULTILINE)
    assert example.search(README), f"README has no indented example line starting '{path}'"


def test_readme_keeps_the_two_commands() -> None:
    assert "make run" in README and "make test" in README
