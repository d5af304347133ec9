"""The JSON API under /api: the same data as the pages, in the one success envelope.

``{"ok": true, "data": ..., "meta": {...}}``; errors are
``{"ok": false, "error": {"code", "message", "status"}}`` (see ``deps``). The schema is
FastAPI's, at /api/openapi.json, with the browsable docs at /api/docs.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.engine import Connection

from reckon.web import contexts
from reckon.web.deps import get_ledger, ledger_connection, ok
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
Db = Annotated[Connection, Depends(ledger_connection)]
PageNumber = Annotated[int, Query(alias="page", ge=1, le=contexts.MAX_PAGE)]


@router.get("/incidents", response_model=Envelope)
def list_incidents(request: Request, db: Db, filters: Filters,
                   page_number: PageNumber = 1) -> JSONResponse:
    """Incidents, newest first, filtered by country, date range, accused actor, kind of harm."""
    per_page = request.app.state.settings.page_size
    data, meta = contexts.incidents_context(db, filters, page=page_number, per_page=per_page)
    return ok(data, meta)


@router.get("/incidents/{incident_id}", response_model=Envelope)
def get_incident(request: Request, incident_id: str) -> JSONResponse:
    """One incident: claims with evidence, ranges, conflicts, accusations, documents."""
    return ok(contexts.incident_context(get_ledger(request), incident_id))


@router.get("/documents/{document_id}", response_model=Envelope)
def get_document(request: Request, document_id: str, db: Db) -> JSONResponse:
    """One document: metadata, clean text, raw bytes' SHA-256, every finding's span."""
    return ok(contexts.document_context(get_ledger(request), db, document_id))


@router.get("/actors/{name:path}", response_model=Envelope)
def get_actor(name: str, db: Db) -> JSONResponse:
    """An actor: aliases, incidents where a source accuses it, incidents naming it a victim."""
    return ok(contexts.actor_context(db, name))


@router.get("/search", response_model=Envelope)
def search(request: Request, db: Db, q: Annotated[str, Query(max_length=500)] = "",
           page_number: PageNumber = 1) -> JSONResponse:
    """Documents containing every word of q (best first) and the incidents they report."""
    per_page = request.app.state.settings.page_size
    data, meta = contexts.search_context(db, q, page=page_number, per_page=per_page)
    return ok(data, meta)


@router.get("/tags/{tag:path}", response_model=Envelope)
def get_tag(request: Request, tag: str, db: Db, page_number: PageNumber = 1) -> JSONResponse:
    """Documents with this tag and the incidents they report."""
    per_page = request.app.state.settings.page_size
    data, meta = contexts.tag_context(db, tag, page=page_number, per_page=per_page)
    return ok(data, meta)
