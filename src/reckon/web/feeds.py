"""sitemap.xml and the Atom feed of new and changed incidents.

Both are Jinja templates with autoescaping (titles come from documents, so they are
untrusted) and a filter that drops the characters XML 1.0 forbids, which a hostile
document may carry and which would make the whole feed unreadable.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlalchemy.engine import Connection

from reckon.store import queries
from reckon.web import contexts
from reckon.web.deps import ledger_connection, site_url, templates

__all__ = ["router"]

router = APIRouter(include_in_schema=False)
Db = Annotated[Connection, Depends(ledger_connection)]


@router.get("/sitemap.xml")
def sitemap(request: Request, db: Db) -> Response:
    entries = queries.sitemap_entries(db)
    body = templates.get_template("sitemap.xml").render(base=site_url(request), **entries)
    return Response(body, media_type="application/xml; charset=utf-8")


@router.get("/feed.atom")
def feed(request: Request, db: Db) -> Response:
    incidents = [
        {**summary, "headline": contexts.headline(summary),
         "standfirst": contexts.standfirst(summary)}
        for summary in queries.feed_incidents(db)
    ]
    updated = max((i["updated_at"] for i in incidents),
                  default=datetime.now(UTC).isoformat(timespec="seconds"))
    body = templates.get_template("feed.atom").render(
        base=site_url(request), incidents=incidents, updated=updated,
        settings=request.app.state.settings,
    )
    return Response(body, media_type="application/atom+xml; charset=utf-8")
