"""`reckon watch`: follow RSS/Atom feeds and sitemaps, storing each new page once."""

from __future__ import annotations

import signal
from typing import Annotated

import typer

from reckon.cli._common import DbOption, app, console, errors, friendly, one_line, open_ledger
from reckon.errors import ReckonError


@app.command()
@friendly
def watch(
    listings: Annotated[list[str], typer.Argument(metavar="FEED...", help="RSS/Atom/JSON feed or sitemap (index) URLs.")],
    interval: Annotated[float, typer.Option("--interval", min=1.0, help="Seconds between the starts of two rounds.")] = 900.0,
    once: Annotated[bool, typer.Option("--once", help="One round, then exit (for cron and tests).")] = False,
    max_pages: Annotated[
        int | None, typer.Option("--max-pages", min=1, help="Pages fetched per round at most; the rest wait for the next.")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only round summaries and errors.")] = False,
    db: DbOption = None,
) -> None:
    """Poll feeds and sitemaps every --interval seconds; store only new pages.

    Polite: obeys robots.txt (and its Crawl-delay), asks each host once per
    `fetch_delay` seconds, sends ETag/Last-Modified validators (a 304 costs nothing),
    names itself with the `user_agent` setting. Each failing feed or page is one
    line and the watch goes on; Ctrl-C stops it between two writes.
    """
    from reckon.ingest.fetch import Fetcher, FetchPolicy
    from reckon.watch import watch as watch_listings

    for listing in listings:
        if not listing.lower().startswith(("http://", "https://")):
            raise ReckonError(f"{listing!r} is not an http(s) address", where="FEED", code="R501")

    def on_event(url: str, what: str, error: ReckonError | None) -> None:
        if error is not None and what != "refused":
            errors.print(f"[red]error[/] {one_line(error, url)}", highlight=False, soft_wrap=True)
        elif not quiet:
            console.print(f"  {what}: {url}" + (f" ({error.message})" if error else ""), highlight=False, soft_wrap=True)

    # A service manager stops with SIGTERM: end the same clean way as Ctrl-C.
    previous = signal.signal(signal.SIGTERM, signal.default_int_handler)
    rounds = 0
    failed = False
    try:
        with open_ledger(db) as ledger:
            fetcher = Fetcher(FetchPolicy.from_settings())
            for report in watch_listings(ledger, listings, interval=interval, once=once, fetcher=fetcher,
                                         max_pages=max_pages, on_event=on_event):
                rounds += 1
                console.print(report.line(), highlight=False, soft_wrap=True)
                failed = bool(report.failures)
    except KeyboardInterrupt:
        errors.print(f"stopped after {rounds} complete round(s); every stored document is whole")
        raise typer.Exit(130) from None
    finally:
        signal.signal(signal.SIGTERM, previous)
    if once and failed:
        raise typer.Exit(1)
