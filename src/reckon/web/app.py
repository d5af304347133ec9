"""The app factory: ``create_app(db_url)`` gives the FastAPI app that ``reckon serve`` runs.

Routes live in modules of one idea and are included here, in one place:
``pages`` (the public HTML pages, each with its ``.json`` twin), ``api`` (the JSON API
under ``/api``), ``feeds`` (sitemap and Atom). The review helper's routes
(``reckon.web.review``: sign-in, review queue, audit log) are included the same way, with
one ``app.include_router(...)`` line below.

Every response carries the security headers of ``SECURITY_HEADERS``; the
Content-Security-Policy allows no inline script, so charts read their data from
``<script type="application/json">`` blocks through ``/static/*.js``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from reckon.errors import ReckonError
from reckon.store import Ledger
from reckon.web.deps import STATIC_DIR, SafeJSONResponse, error_body, templates, wants_json

__all__ = ["SECURITY_HEADERS", "SiteSettings", "app_from_environment", "create_app"]


@dataclass(frozen=True, slots=True, kw_only=True)
class SiteSettings:
    """What a deployment may change about the site (see ``reckon serve --help``)."""

    title: str = "Reckon"
    tagline: str = "Who says what happened: an evidence-linked ledger of violent incidents"
    # Absolute links (sitemap, feed, OpenGraph) need the public origin; None: the request's.
    base_url: str | None = None
    page_size: int = 20
    # Public pages read and render in at most this many threads at once (deps.read).
    reader_threads: int = 2


SECURITY_HEADERS = {
    # No inline script and no third-party origin: every asset is served by Reckon.
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "geolocation=(), camera=(), microphone=()",
}

class SecurityHeaders:
    """ASGI middleware adding SECURITY_HEADERS to every response that lacks them (the raw
    route sets a stricter CSP of its own). Plain ASGI rather than BaseHTTPMiddleware,
    which costs a task and a stream per request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.headers = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _value in message.get("headers", [])}
                extra = [(k, v) for k, v in self.headers if k not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


# ReckonError code -> HTTP status; anything else a ReckonError says is a bad request.
_STATUS = {"R403": 404, "R401": 503, "R402": 503}


def create_app(db_url: str, *, settings: SiteSettings | None = None) -> FastAPI:
    """The web app over the ledger at ``db_url`` (opened, and migrated, once)."""
    from reckon.web import api, feeds, pages, review

    ledger = Ledger(db_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        ledger.close()

    app = FastAPI(
        lifespan=lifespan,
        title="Reckon API",
        summary="Incidents, claims and their evidence: who says what happened.",
        version="1",
        openapi_url="/api/openapi.json",
        # FastAPI's Swagger page loads its script from a CDN and runs inline script; the
        # site serves everything itself under a strict CSP, so /api is our own page.
        docs_url=None,
        redoc_url=None,
    )
    app.state.ledger = ledger
    app.state.settings = settings or SiteSettings()

    app.add_middleware(SecurityHeaders)

    @app.exception_handler(ReckonError)
    async def reckon_error(request: Request, error: ReckonError) -> Response:
        status = _STATUS.get(error.code or "", 400)
        return _error(request, error.code or "R503", str(error), status)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        code = "R403" if error.status_code == 404 else "R503"
        return _error(request, code, str(error.detail), error.status_code)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}: {e.get('msg')}"
            for e in error.errors()
        )
        return _error(request, "R503", f"invalid request: {problems}", 422)

    # StaticFiles resolves paths under STATIC_DIR only (no traversal, no symlinks out).
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.include_router(api.router)
    app.include_router(feeds.router)
    app.include_router(pages.router)
    app.include_router(review.router)  # sign-in, review queue, audit log (editors only)
    return app


def _error(request: Request, code: str, message: str, status: int) -> Response:
    if wants_json(request):
        return SafeJSONResponse(error_body(code, message, status), status_code=status)
    return templates.TemplateResponse(
        request,
        "error.html",
        {"settings": request.app.state.settings, "code": code, "message": message,
         "status": status},
        status_code=status,
    )


def app_from_environment() -> FastAPI:
    """The app for `reckon serve --workers N` (uvicorn imports it in each worker)."""
    import os

    base_url = os.environ.get("RECKON_SERVE_BASE_URL") or None
    threads = int(os.environ.get("RECKON_SERVE_READER_THREADS") or SiteSettings.reader_threads)
    return create_app(os.environ["RECKON_SERVE_DB"],
                      settings=SiteSettings(base_url=base_url, reader_threads=threads))
