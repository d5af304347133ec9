"""Editors' routes: sign in and out, the review queue, review actions, the audit log.

Every page here is for signed-in editors only (``auth.require_editor``: a browser is sent
to /login, a JSON client gets 401), and every POST carries a CSRF token (``csrf``). The
handlers are a skin: they parse the form, call one function of ``reckon.store.review``
inside one write transaction, and redirect back (POST/redirect/GET, so a reload never
posts twice). The machine's findings are never written here.

Routes (each page has its ``.json`` twin):
  GET  /login, POST /login, POST /logout
  GET  /review[.json]                      the queue: most conflicting, most uncertain first
  POST /review/claims/{count_id}           accept / reject / correct one claim
  GET  /review/incidents/{id}[.json]       one incident's claims and documents, merge/split
  POST /review/incidents/{id}/merge        absorb another incident into this one
  POST /review/incidents/{id}/split        move some documents out to a new incident
  POST /review/aliases                     add an actor alias
  GET  /review/audit[.json]                the audit log, newest first
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from reckon.errors import ReviewError
from reckon.model import CountKind
from reckon.pipeline import refresh_incidents
from reckon.store import accounts, review
from reckon.store.engine import write
from reckon.store.review_queue import review_queue
from reckon.web.auth import (
    SESSION_COOKIE,
    client_address,
    current_session,
    forget_session_cookie,
    require_editor,
    safe_next,
    set_session_cookie,
)
from reckon.web.csrf import check_csrf, check_login_csrf, new_login_token, set_login_cookie
from reckon.web.deps import get_ledger, ok, templates

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

PER_PAGE = 25
MAX_PAGE = 10_000
Field = Annotated[str | None, Form()]
PageNumber = Annotated[int, Query(alias="page", ge=1, le=MAX_PAGE)]


def _editor(request: Request) -> accounts.Session:
    """The signed-in editor of a POST (require_editor raises 401 for any non-GET)."""
    session = require_editor(request)
    assert not isinstance(session, Response)
    return session


def _render(
    request: Request, template: str, context: dict[str, Any], *, status: int = 200
) -> Response:
    session = current_session(request)
    return templates.TemplateResponse(
        request,
        template,
        {
            "settings": request.app.state.settings,
            "session": session,
            "csrf_token": session.csrf_token if session else None,
            "kinds": [kind.value for kind in CountKind],
            **context,
        },
        status_code=status,
        headers={"Cache-Control": "no-store"},  # editors' pages hold tokens; never cache them
    )


def _back(target: str) -> RedirectResponse:
    return RedirectResponse(target, status_code=303)


# ---- signing in and out --------------------------------------------------------------


def _login_page(
    request: Request, *, next_path: str, error: str | None = None, name: str = "", status: int = 200
) -> Response:
    token = new_login_token()
    response = _render(
        request,
        "login.html",
        {"login_token": token, "next": next_path, "error": error, "name": name},
        status=status,
    )
    set_login_cookie(response, request, token)
    return response


@router.get("/login")
def login_form(request: Request, next: str | None = None) -> Response:  # noqa: A002
    if current_session(request) is not None:
        return _back(safe_next(next))
    return _login_page(request, next_path=safe_next(next))


@router.post("/login")
def login(
    request: Request,
    name: Field = None,
    password: Field = None,
    csrf_token: Field = None,
    next: Field = None,  # noqa: A002
) -> Response:
    check_login_csrf(request, csrf_token)
    name, password, target = (name or "").strip(), password or "", safe_next(next)
    client = client_address(request)
    ledger = get_ledger(request)
    user, limited = None, False
    with write(ledger.engine) as connection:
        # The limit is checked before the password: a locked account costs no argon2 work.
        if accounts.is_login_limited(connection, account=name, client=client):
            limited = True
        else:
            user = accounts.authenticate(connection, name, password) if name else None
            accounts.record_login(connection, account=name, client=client, ok=user is not None)
            if user is not None:
                token, session = accounts.create_session(connection, user)
    if limited:
        minutes = int(accounts.LOGIN_WINDOW.total_seconds() // 60)
        return _login_page(
            request,
            next_path=target,
            name=name,
            status=429,
            error=(
                "Too many failed sign-ins for this account or address. "
                f"Try again in {minutes} minutes."
            ),
        )
    if user is None:
        return _login_page(
            request, next_path=target, name=name, status=401, error="Wrong name or password."
        )
    response = _back(target)
    set_session_cookie(response, request, token, session)
    return response


@router.post("/logout")
def logout(request: Request, csrf_token: Field = None) -> Response:
    session = current_session(request)
    if session is not None:
        check_csrf(request, session, csrf_token)
        with write(get_ledger(request).engine) as connection:
            accounts.end_session(connection, request.cookies.get(SESSION_COOKIE))
    response = _back("/")
    forget_session_cookie(response, request)
    return response


# ---- the queue -----------------------------------------------------------------------


@router.get("/review")
@router.get("/review.json")
def queue(request: Request, page_number: PageNumber = 1, reviewed: bool = False) -> Response:
    session = require_editor(request)
    if isinstance(session, Response):
        return session
    with get_ledger(request).engine.connect() as connection:
        items, total = review_queue(
            connection,
            limit=PER_PAGE,
            offset=(page_number - 1) * PER_PAGE,
            include_reviewed=reviewed,
        )
    data = {"items": [item.to_json() for item in items]}
    meta = {"page": page_number, "per_page": PER_PAGE, "total": total, "reviewed": reviewed}
    if request.url.path.endswith(".json"):
        return ok(data, meta)
    return _render(request, "review/queue.html", {"data": data, "meta": meta})


def review_json(claim_review: review.ClaimReview | None) -> dict[str, Any] | None:
    return claim_review.to_json() if claim_review else None


def _int_field(value: str | None, label: str) -> int | None:
    value = (value or "").strip()
    if not value:
        return None
    if not value.isdigit() or len(value) > 9:
        raise ReviewError(f"{label} must be a whole number", where=label, code="R504")
    return int(value)


@router.post("/review/claims/{count_id}")
def review_one_claim(
    request: Request,
    count_id: int,
    action: Field = None,
    kind: Field = None,
    min: Field = None,  # noqa: A002
    max: Field = None,  # noqa: A002
    claimant: Field = None,
    note: Field = None,
    csrf_token: Field = None,
    next: Field = None,  # noqa: A002
) -> Response:
    session = _editor(request)
    check_csrf(request, session, csrf_token)
    correction = None
    if action == "correct":
        if kind not in {k.value for k in CountKind}:
            raise ReviewError(f"unknown kind {kind!r}", where="kind", code="R504")
        correction = review.Correction(
            kind=CountKind(kind),
            min=_int_field(min, "lower bound"),
            max=_int_field(max, "upper bound"),
            claimant=claimant or "",
        )
    with write(get_ledger(request).engine) as connection:
        review.review_claim(
            connection,
            count_id=count_id,
            action=action or "",
            editor=session.user.name,
            correction=correction,
            note=note,
        )
    return _back(safe_next(next))


# ---- incidents -----------------------------------------------------------------------


@router.get("/review/incidents/{incident_id}.json")
@router.get("/review/incidents/{incident_id}")
def incident(request: Request, incident_id: str) -> Response:
    session = require_editor(request)
    if isinstance(session, Response):
        return session
    ledger = get_ledger(request)
    found = ledger.incident(incident_id)
    with ledger.engine.connect() as connection:
        items, _total = review_queue(
            connection, limit=10_000, include_reviewed=True, incident_id=found.id
        )
        reviewed = review.reviewed_claims(connection, found.id)
    documents = []
    for document_id in dict.fromkeys(r.document_id for r in found.reports):
        document = ledger.document(document_id)
        documents.append(
            {
                "id": document.id,
                "title": document.title or document.name,
                "outlet": document.outlet,
                "published": document.published,
            }
        )
    data = {
        "id": found.id,
        "date": found.date,
        "place": found.place.name if found.place else None,
        "documents": documents,
        "claims": [
            {**item.to_json(), "review": review_json(reviewed.get(item.key))} for item in items
        ],
    }
    if request.url.path.endswith(".json"):
        return ok(data)
    return _render(request, "review/incident.html", {"data": data})


@router.post("/review/incidents/{incident_id}/merge")
def merge(
    request: Request,
    incident_id: str,
    absorb: Field = None,
    note: Field = None,
    csrf_token: Field = None,
) -> Response:
    session = _editor(request)
    check_csrf(request, session, csrf_token)
    ledger = get_ledger(request)
    with write(ledger.engine) as connection:
        review.merge_incidents(
            connection,
            keep=incident_id,
            absorb=(absorb or "").strip(),
            editor=session.user.name,
            note=note,
        )
    refresh_incidents(ledger, [incident_id])
    return _back(f"/review/incidents/{incident_id}")


@router.post("/review/incidents/{incident_id}/split")
def split(
    request: Request,
    incident_id: str,
    document_id: Annotated[list[str] | None, Form()] = None,
    note: Field = None,
    csrf_token: Field = None,
) -> Response:
    session = _editor(request)
    check_csrf(request, session, csrf_token)
    ledger = get_ledger(request)
    with write(ledger.engine) as connection:
        new_id, _entry = review.split_incident(
            connection,
            incident_id=incident_id,
            document_ids=document_id or [],
            editor=session.user.name,
            note=note,
        )
    refresh_incidents(ledger, [incident_id, new_id])
    return _back(f"/review/incidents/{new_id}")


@router.post("/review/aliases")
def alias(
    request: Request,
    actor: Field = None,
    alias: Field = None,
    note: Field = None,
    csrf_token: Field = None,
) -> Response:
    session = _editor(request)
    check_csrf(request, session, csrf_token)
    with write(get_ledger(request).engine) as connection:
        review.add_actor_alias(
            connection,
            actor=(actor or "").strip(),
            alias=alias or "",
            editor=session.user.name,
            note=note,
        )
    return _back("/review/audit")


# ---- the audit log -------------------------------------------------------------------


@router.get("/review/audit")
@router.get("/review/audit.json")
def audit(request: Request, page_number: PageNumber = 1) -> Response:
    session = require_editor(request)
    if isinstance(session, Response):
        return session
    with get_ledger(request).engine.connect() as connection:
        entries, total = review.audit_log(
            connection, limit=PER_PAGE, offset=(page_number - 1) * PER_PAGE
        )
    data = {"entries": [entry.to_json() for entry in entries]}
    meta = {"page": page_number, "per_page": PER_PAGE, "total": total}
    if request.url.path.endswith(".json"):
        return ok(data, meta)
    return _render(request, "review/audit.html", {"data": data, "meta": meta})
