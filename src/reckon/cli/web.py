"""`reckon serve`: the web site and JSON API over a ledger (uvicorn)."""

from __future__ import annotations

from typing import Annotated

import typer

from reckon.cli._common import DbOption, app, errors, friendly
from reckon.settings import get_setting


@app.command()
@friendly
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on (127.0.0.1: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.", min=1, max=65535)] = 8000,
    base_url: Annotated[str | None, typer.Option(
        "--base-url", help="Public origin for absolute links (sitemap, feed, sharing), e.g. https://ledger.example.org.")] = None,
    workers: Annotated[int, typer.Option(help="Worker processes.", min=1, max=64)] = 1,
    reader_threads: Annotated[int, typer.Option(
        "--reader-threads", help="Threads per worker that read and render public pages at once.",
        min=1, max=64)] = 2,
    log_level: Annotated[str, typer.Option(help="uvicorn log level.")] = "info",
) -> None:
    """Serve the ledger as a web site with a JSON API (/api, OpenAPI at /api/openapi.json)."""
    import os

    import uvicorn

    from reckon.web.app import SiteSettings, create_app

    url = get_setting("db", db)
    settings = SiteSettings(base_url=base_url.rstrip("/") if base_url else None,
                            reader_threads=reader_threads)
    if workers == 1:
        app_ = create_app(url, settings=settings)  # opens and migrates now: errors show here
        uvicorn.run(app_, host=host, port=port, log_level=log_level, proxy_headers=False)
        return
    # Several workers need an import string; each worker builds its app from the environment.
    create_app(url, settings=settings).state.ledger.close()  # fail early on a bad --db
    os.environ["RECKON_SERVE_DB"] = url
    os.environ["RECKON_SERVE_READER_THREADS"] = str(reader_threads)
    if base_url:
        os.environ["RECKON_SERVE_BASE_URL"] = settings.base_url or ""
    errors.print(f"serving {workers} workers on http://{host}:{port}")
    uvicorn.run("reckon.web.app:app_from_environment", factory=True, host=host, port=port,
                workers=workers, log_level=log_level, proxy_headers=False)
