"""The state of `reckon watch` in the ledger: each watched listing's validators, each page seen.

Kept in the database rather than a side file so that a watch moved to another machine, or
run against PostgreSQL by a team, fetches only what nobody fetched before. Every function
is one short transaction; a watch interrupted between two of them at worst fetches one
page again, and the document store already ignores content it holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection, Engine

from reckon.store.engine import write
from reckon.store.schema import watched_listings, watched_pages

__all__ = [
    "ListingState",
    "PageStatus",
    "pages_to_retry",
    "read_listing_state",
    "record_page",
    "save_listing_state",
    "unseen_pages",
]

# A page whose fetch failed for a reason that may pass (no answer, 5xx, 429) is tried in
# this many rounds in all, then given up on; one in a few rounds is how long a site's
# outage usually lasts at the default interval of a quarter of an hour.
MAX_ATTEMPTS = 3
_CHUNK = 500  # addresses per IN (...) query, well under SQLite's parameter limit


class PageStatus(StrEnum):
    STORED = "stored"  # gave at least one new document
    DUPLICATE = "duplicate"  # gave only documents the ledger already held
    RETRY = "retry"  # failed, may pass: fetched again in a later round
    FAILED = "failed"  # failed for good (4xx, too large, unreadable, attempts used up)
    REFUSED = "refused"  # robots.txt disallows it


@dataclass(frozen=True, slots=True, kw_only=True)
class ListingState:
    """What a watched feed or sitemap answered when last checked."""

    url: str
    kind: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    checked_at: str
    changed_at: str | None = None
    error: str | None = None


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _insert(connection: Connection, table: sa.Table):  # type: ignore[no-untyped-def]
    return (postgresql_insert if connection.dialect.name == "postgresql" else sqlite_insert)(table)


def read_listing_state(engine: Engine, url: str) -> ListingState | None:
    with engine.connect() as connection:
        row = connection.execute(sa.select(watched_listings).where(watched_listings.c.url == url)).mappings().first()
    return ListingState(**row) if row is not None else None


def save_listing_state(engine: Engine, state: ListingState) -> None:
    values = {
        "url": state.url,
        "kind": state.kind,
        "etag": state.etag,
        "last_modified": state.last_modified,
        "checked_at": state.checked_at,
        "changed_at": state.changed_at,
        "error": state.error,
    }
    with write(engine) as connection:
        statement = _insert(connection, watched_listings).values(**values)
        connection.execute(
            statement.on_conflict_do_update(index_elements=["url"], set_={k: v for k, v in values.items() if k != "url"})
        )


def unseen_pages(engine: Engine, urls: Sequence[str]) -> list[str]:
    """The addresses of ``urls`` never recorded, in their order."""
    seen: set[str] = set()
    with engine.connect() as connection:
        for start in range(0, len(urls), _CHUNK):
            chunk = list(urls[start : start + _CHUNK])
            query = sa.select(watched_pages.c.url).where(watched_pages.c.url.in_(chunk))
            seen.update(connection.execute(query).scalars())
    return [url for url in dict.fromkeys(urls) if url not in seen]


def pages_to_retry(engine: Engine) -> list[tuple[str, str]]:
    """(page, listing) of every page waiting for another attempt, oldest first."""
    query = (
        sa.select(watched_pages.c.url, watched_pages.c.listing_url)
        .where(watched_pages.c.status == PageStatus.RETRY.value)
        .order_by(watched_pages.c.fetched_at, watched_pages.c.url)
    )
    with engine.connect() as connection:
        return [(row.url, row.listing_url) for row in connection.execute(query)]


def record_page(
    engine: Engine,
    *,
    url: str,
    listing_url: str,
    status: PageStatus,
    documents: int = 0,
    error: str | None = None,
) -> PageStatus:
    """Record one attempt at ``url``; a RETRY past MAX_ATTEMPTS is recorded (and returned) as FAILED."""
    at = now()
    with write(engine) as connection:
        attempts = connection.execute(
            sa.select(watched_pages.c.attempts).where(watched_pages.c.url == url)
        ).scalar_one_or_none()
        attempts = (attempts or 0) + 1
        if status is PageStatus.RETRY and attempts >= MAX_ATTEMPTS:
            status = PageStatus.FAILED
        values = {
            "status": status.value,
            "attempts": attempts,
            "documents": documents,
            "fetched_at": at,
            "error": error,
        }
        statement = _insert(connection, watched_pages).values(url=url, listing_url=listing_url, first_seen_at=at, **values)
        connection.execute(statement.on_conflict_do_update(index_elements=["url"], set_=values))
    return status
