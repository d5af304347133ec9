"""The public HTML pages, each registered with its ``.json`` twin (same handler, same data).

Decorators register bottom-up: the ``.json`` route sits nearest the function so it is
matched before the plain one, whose parameter would otherwise swallow the suffix.

Handlers parse the request, call one function of ``contexts`` and hand the data to
``deps.page``, which renders the template or, for a ``.json`` path, returns the envelope.
The public pages do that in ``deps.read`` (a few reader threads, each with its own
connection), so they are ``async def``: FastAPI would otherwise hop to its 40-thread pool
for the handler and for each sync dependency.
"""

from __future__ import annotations

import io
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.engine import Connection

from reckon.errors import ReckonError
from reckon.export import write_export
from reckon.store import queries
from reckon.web import contexts, maps
from reckon.web.deps import connected, get_ledger, page, read

__all__ = ["router"]

router = APIRouter(include_in_schema=False)


def _blank_is_none(value: str | None) -> str | None:
    """A form submits empty fields as ""; an empty filter means "any"."""
    return value.strip() or None if value is not None else None


async def read_filters(  # async: no I/O, so no thread hop
    country: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    actor: str | None = None,
    kind: str | None = None,
) -> queries.IncidentFilters:
    return queries.IncidentFilters(
        country=(_blank_is_none(country) or "").upper() or None,
        date_from=_blank_is_none(date_from),
        date_to=_blank_is_none(date_to),
        actor=_blank_is_none(actor),
        kind=_blank_is_none(kind),
    )


Filters = Annotated[queries.IncidentFilters, Depends(read_filters)]


@router.get("/")
@router.get("/index.json")
@router.get("/incidents")
@router.get("/incidents.json")
async def incidents(request: Request, filters: Filters, page_number: Annotated[
        int, Query(alias="page", ge=1, le=contexts.MAX_PAGE)] = 1) -> Response:
    per_page = request.app.state.settings.page_size

    def work(db: Connection) -> Response:
        data, meta = contexts.incidents_context(db, filters, page=page_number, per_page=per_page)
        context = {"filters": filters, "incident_map": maps.incident_map(data["map"])}
        return page(request, "index.html", context, data=data, meta=meta)

    return await read(request, connected(request, work))


@router.get("/incidents/{incident_id}")
@router.get("/incidents/{incident_id}.json")
async def incident(request: Request, incident_id: str) -> Response:
    return await read(request, lambda: incident_page(request, incident_id))


def incident_page(request: Request, incident_id: str) -> Response:
    try:
        data = contexts.incident_context(get_ledger(request), incident_id)
    except ReckonError as error:
        # An editor merged this incident into another: its links keep working.
        target = merged_target(request, incident_id) if error.code == "R403" else None
        if target is None:
            raise
        twin = ".json" if request.url.path.endswith(".json") else ""
        return RedirectResponse(f"/incidents/{quote(target, safe='')}{twin}", status_code=301)
    return page(request, "incident.html", {}, data=data)


def merged_target(request: Request, incident_id: str) -> str | None:
    from reckon.store.review import merged_into

    with get_ledger(request).engine.connect() as connection:
        return merged_into(connection, incident_id)


@router.get("/documents/{document_id}/raw")
def document_raw(request: Request, document_id: str) -> Response:
    """The original bytes, as fetched. Sent as a download, never rendered by our origin:
    the bytes are untrusted HTML as often as not."""
    document = get_ledger(request).document(document_id)
    if not document.raw:
        raise ReckonError(f"the ledger keeps no raw bytes for document {document.id}",
                          where=document.id, code="R403")
    return Response(
        document.raw,
        media_type="application/octet-stream",
        headers={
            "Content-Disposition": f'attachment; filename="{document.id}.raw"',
            "Content-Security-Policy": "sandbox; default-src 'none'",
            "X-Reckon-SHA256": document.raw_sha256,
        },
    )


@router.get("/documents/{document_id}")
@router.get("/documents/{document_id}.json")
async def document(request: Request, document_id: str) -> Response:
    def work(db: Connection) -> Response:
        data = contexts.document_context(get_ledger(request), db, document_id)
        context = {"paragraphs": contexts.paragraphs(data["text"], data["findings"])}
        return page(request, "document.html", context, data=data)

    return await read(request, connected(request, work))


@router.get("/actors/{name:path}")
@router.get("/actors/{name:path}.json")
async def actor(request: Request, name: str) -> Response:
    def work(db: Connection) -> Response:
        return page(request, "actor.html", {}, data=contexts.actor_context(db, name))

    return await read(request, connected(request, work))


@router.get("/search")
@router.get("/search.json")
async def search(request: Request, q: Annotated[str, Query(max_length=500)] = "",
                 page_number: Annotated[int, Query(alias="page", ge=1, le=contexts.MAX_PAGE)] = 1
                 ) -> Response:
    per_page = request.app.state.settings.page_size

    def work(db: Connection) -> Response:
        data, meta = contexts.search_context(db, q, page=page_number, per_page=per_page)
        return page(request, "search.html", {"query": q}, data=data, meta=meta)

    return await read(request, connected(request, work))


@router.get("/tags/{tag:path}")
@router.get("/tags/{tag:path}.json")
async def tag(request: Request, tag: str,
              page_number: Annotated[int, Query(alias="page", ge=1, le=contexts.MAX_PAGE)] = 1
              ) -> Response:
    per_page = request.app.state.settings.page_size

    def work(db: Connection) -> Response:
        data, meta = contexts.tag_context(db, tag, page=page_number, per_page=per_page)
        return page(request, "tag.html", {}, data=data, meta=meta)

    return await read(request, connected(request, work))


@router.get("/api")
def api_reference(request: Request) -> Response:
    """The API's reference, rendered from its OpenAPI schema (no script, no CDN)."""
    schema = request.app.openapi()
    return page(request, "api.html", {"schema": schema}, data=schema)


@router.get("/map/countries.svg")
def countries_svg() -> Response:
    """The map's country outlines (from the bundled Natural Earth shapes), cached a day."""
    return Response(maps.countries_svg(), media_type="image/svg+xml",
                    headers={"Cache-Control": "public, max-age=86400"})


_EXPORTS = {
    "incidents.csv": ("csv", "text/csv; charset=utf-8"),
    "incidents.jsonl": ("jsonl", "application/x-ndjson; charset=utf-8"),
    "claims.csv": ("claims-csv", "text/csv; charset=utf-8"),
}


@router.get("/export/{name}")
def export(request: Request, name: str) -> Response:
    """The whole ledger through reckon.export (the same files as `reckon export`)."""
    if name not in _EXPORTS:
        raise ReckonError(f"no export named {name[:60]!r}; try {', '.join(_EXPORTS)}",
                          where=name, code="R403")
    format, media_type = _EXPORTS[name]
    stream = io.StringIO()
    write_export(get_ledger(request), format=format, stream=stream)
    return Response(stream.getvalue(), media_type=media_type,
                    headers={"Content-Disposition": f'attachment; filename="reckon-{name}"'})
