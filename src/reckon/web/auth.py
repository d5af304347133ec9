"""Who is signed in: the session cookie, and the guard of every editor-only route.

The cookie holds a random token (the ledger keeps only its hash, see
``reckon.store.accounts``). It is HttpOnly (no script reads it), SameSite=Lax (a foreign
site's form post does not carry it), Secure whenever the request came over https (so it
never travels in clear), and scoped to the whole site for its session's lifetime.

Behind a TLS-terminating proxy, ``reckon serve --base-url https://...`` marks the cookie
Secure even though the proxy speaks plain http to the app.
"""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import quote

from fastapi import HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from reckon.store.accounts import Session, read_session
from reckon.web.deps import get_ledger, wants_json

__all__ = [
    "SESSION_COOKIE",
    "client_address",
    "current_session",
    "forget_session_cookie",
    "is_https",
    "require_editor",
    "safe_next",
    "set_session_cookie",
]

SESSION_COOKIE = "reckon_session"


def is_https(request: Request) -> bool:
    """Served over https: the request came so, or the site's public origin (``reckon serve
    --base-url https://...``, the usual setting behind a TLS-terminating proxy) says so."""
    base_url = request.app.state.settings.base_url or ""
    return request.url.scheme == "https" or base_url.startswith("https://")


def client_address(request: Request) -> str:
    """The peer's address, the unit of per-client rate limiting ("unknown" without one)."""
    return request.client.host if request.client else "unknown"


def current_session(request: Request) -> Session | None:
    """The live session of this request's cookie, read once per request."""
    if not hasattr(request.state, "reckon_session"):
        token = request.cookies.get(SESSION_COOKIE)
        session = None
        if token:
            with get_ledger(request).engine.connect() as connection:
                session = read_session(connection, token)
        request.state.reckon_session = session
    return request.state.reckon_session


def set_session_cookie(response: Response, request: Request, token: str, session: Session) -> None:
    max_age = max(0, int((session.expires_at - datetime.now(UTC)).total_seconds()))
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=max_age,
        path="/",
        httponly=True,
        secure=is_https(request),
        samesite="lax",
    )


def forget_session_cookie(response: Response, request: Request) -> None:
    response.delete_cookie(
        SESSION_COOKIE, path="/", httponly=True, secure=is_https(request), samesite="lax"
    )


def safe_next(target: str | None) -> str:
    """A local path to go back to after signing in; anything else (another host, a
    scheme, a protocol-relative //host, a backslash trick) becomes /review."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return "/review"
    if "\\" in target or any(ord(c) < 32 for c in target):
        return "/review"
    return target


def require_editor(request: Request) -> Session | Response:
    """The editor's session, or the answer to send instead: a redirect to the sign-in page
    for a browser, 401 in the error envelope for a JSON client."""
    session = current_session(request)
    if session is not None:
        return session
    if wants_json(request) or request.method != "GET":
        raise HTTPException(status_code=401, detail="sign in as an editor to use the review pages")
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)
