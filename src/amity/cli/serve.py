"""`amity serve`: the web app on a store, run by uvicorn."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from amity.cli._options import db_option, model_option


def register(group: click.Group) -> None:
    """Add this area's commands to the `amity` group."""

    @group.command("serve")
    @db_option
    @click.option("--host", default="127.0.0.1", show_default=True,
                  help="Address to listen on; anything but loopback needs --token.")
    @click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
                  help="Port to listen on.")
    @click.option("--token", envvar="AMITY_TOKEN", default=None,
                  help="Secret every upload must carry (Authorization: Bearer TOKEN); "
                       "required off loopback. Also read from AMITY_TOKEN.")
    @click.option("--max-upload-mb", type=click.IntRange(1, 2048), default=20,
                  show_default=True, help="Largest upload accepted, all files together.")
    @model_option
    def serve_cmd(db: str | None, host: str, port: int, token: str | None,
                  max_upload_mb: int, model: str | None) -> None:
        """Explore the database in a browser, with a JSON API under /api.

        The database must exist (create it with `amity ingest`). Uploads from the page are
        ingested in the background. Example: amity serve --db amity.duckdb --port 8000
        """
        import uvicorn

        from amity.settings import load_settings
        from amity.store.errors import StoreError
        from amity.web import ServeError, check_bind, create_app

        settings = load_settings(model=model)
        path = db or settings.db
        try:
            check_bind(host, token)
            app = create_app(path, token=token, max_upload_bytes=max_upload_mb * 1024 * 1024,
                             settings=settings, host=host)
        except (ServeError, StoreError) as exc:
            click.echo(f"amity: {exc}", err=True)
            sys.exit(2)
        shown = f"[{host}]" if ":" in host else host
        click.echo(f"amity: serving {Path(path).name} at http://{shown}:{port}/ "
                   "(Ctrl-C to stop)", err=True)
        uvicorn.run(app, host=host, port=port, log_level="warning")
