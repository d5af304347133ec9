"""Cross-site request forgery: every form carries a token the server checks on POST.

Signed-in forms use the synchronizer token of the session (``sessions.csrf_token``,
random per session, kept server-side): a foreign page cannot read it, so it cannot forge
a form that carries it. The sign-in form has no session yet; it uses a random token held
in a short-lived HttpOnly, SameSite=Strict cookie and echoed in the form (login CSRF would
otherwise let a foreign site sign a victim into the attacker's account).

On top of the token, a POST whose Origin header names another site is refused outright.
"""

from __future__ import annotations

import secrets

from fastapi import HTTPException, Request
from fastapi.responses import Response

from reckon.store.accounts import Session
from reckon.web.auth import is_https

__all__ = [
    "LOGIN_CSRF_COOKIE",
    "check_csrf",
    "check_login_csrf",
    "new_login_token",
    "set_login_cookie",
]

LOGIN_CSRF_COOKIE = "reckon_login_csrf"
_LOGIN_TOKEN_AGE_S = 3600


def _refuse(reason: str) -> HTTPException:
    detail = f"the form was refused: {reason}; reload the page and try again"
    return HTTPException(status_code=403, detail=detail)


def _check_origin(request: Request) -> None:
    origin = request.headers.get("origin")
    if origin and origin != "null":
        expected = f"{request.url.scheme}://{request.url.netloc}"
        if origin.rstrip("/") != expected:
            raise _refuse("it was sent from another site")


def _same(expected: str | None, given: str | None) -> bool:
    return bool(expected) and bool(given) and secrets.compare_digest(
        expected.encode(), (given or "").encode()
    )


def check_csrf(request: Request, session: Session, token: str | None) -> None:
    """403 unless ``token`` is this session's synchronizer token."""
    _check_origin(request)
    if not _same(session.csrf_token, token):
        raise _refuse("its security token is missing or wrong")


def new_login_token() -> str:
    return secrets.token_urlsafe(32)


def set_login_cookie(response: Response, request: Request, token: str) -> None:
    response.set_cookie(
        LOGIN_CSRF_COOKIE,
        token,
        max_age=_LOGIN_TOKEN_AGE_S,
        path="/login",
        httponly=True,
        secure=is_https(request),
        samesite="strict",
    )


def check_login_csrf(request: Request, token: str | None) -> None:
    _check_origin(request)
    if not _same(request.cookies.get(LOGIN_CSRF_COOKIE), token):
        raise _refuse("its security token is missing or wrong")
