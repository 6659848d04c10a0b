"""The `amity` command line: each command parses options and calls one library function."""
from __future__ import annotations

import click

from amity import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="amity")
def main() -> None:
    """amity: news about world politics in, evidence-backed events, quotes and claims out."""


def _register() -> None:
    from amity.cli import actors, analysis, extract, serve, spark, store

    for module in (extract, actors, store, analysis, serve, spark):
        module.register(main)


_register()
