"""The JSON API under /api: the same data as the pages, in the one success envelope.

``{"ok": true, "data": ..., "meta": {...}}``; errors are
``{"ok": false, "error": {"code", "message", "status"}}`` (see ``deps``). The schema is
FastAPI's, at /api/openapi.json, with the browsable docs at /api/docs. Like the pages,
each route reads in ``deps.read`` (a few reader threads).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.engine import Connection

from reckon.web import contexts
from reckon.web.deps import connected, get_ledger, ok, read
from reckon.web.pages import Filters

__all__ = ["router"]


class ErrorDetail(BaseModel):
    code: str
    message: str
    status: int


class ErrorEnvelope(BaseModel):
    ok: bool = False
    error: ErrorDetail


class Envelope(BaseModel):
    ok: bool = True
    data: Any
    meta: dict[str, Any]


_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorEnvelope, "description": description}
    for status, description in (
        (400, "A parameter is malformed (R503)"),
        (404, "No such record (R403)"),
        (422, "A parameter has the wrong type (R503)"),
    )
}

router = APIRouter(prefix="/api", tags=["ledger"], responses=_ERRORS)
PageNumber = Annotated[int, Query(alias="page", ge=1, le=contexts.MAX_PAGE)]


@router.get("/incidents", response_model=Envelope)
async def list_incidents(request: Request, filters: Filters,
                         page_number: PageNumber = 1) -> JSONResponse:
    """Incidents, newest first, filtered by country, date range, accused actor, kind of harm."""
    per_page = request.app.state.settings.page_size

    def work(db: Connection) -> JSONResponse:
        return ok(*contexts.incidents_context(db, filters, page=page_number, per_page=per_page))

    return await read(request, connected(request, work))


@router.get("/incidents/{incident_id}", response_model=Envelope)
async def get_incident(request: Request, incident_id: str) -> JSONResponse:
    """One incident: claims with evidence, ranges, conflicts, accusations, documents."""
    return await read(request,
                      lambda: ok(contexts.incident_context(get_ledger(request), incident_id)))


@router.get("/documents/{document_id}", response_model=Envelope)
async def get_document(request: Request, document_id: str) -> JSONResponse:
    """One document: metadata, clean text, raw bytes' SHA-256, every finding's span."""
    def work(db: Connection) -> JSONResponse:
        return ok(contexts.document_context(get_ledger(request), db, document_id))

    return await read(request, connected(request, work))


@router.get("/actors/{name:path}", response_model=Envelope)
async def get_actor(request: Request, name: str) -> JSONResponse:
    """An actor: aliases, incidents where a source accuses it, incidents naming it a victim."""
    return await read(request, connected(request, lambda db: ok(contexts.actor_context(db, name))))


@router.get("/search", response_model=Envelope)
async def search(request: Request, q: Annotated[str, Query(max_length=500)] = "",
                 page_number: PageNumber = 1) -> JSONResponse:
    """Documents containing every word of q (best first) and the incidents they report."""
    per_page = request.app.state.settings.page_size

    def work(db: Connection) -> JSONResponse:
        return ok(*contexts.search_context(db, q, page=page_number, per_page=per_page))

    return await read(request, connected(request, work))


@router.get("/tags/{tag:path}", response_model=Envelope)
async def get_tag(request: Request, tag: str, page_number: PageNumber = 1) -> JSONResponse:
    """Documents with this tag and the incidents they report."""
    per_page = request.app.state.settings.page_size

    def work(db: Connection) -> JSONResponse:
        return ok(*contexts.tag_context(db, tag, page=page_number, per_page=per_page))

    return await read(request, connected(request, work))
