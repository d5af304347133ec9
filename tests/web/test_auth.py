"""Signing in: cookies, anonymous and expired sessions, CSRF, rate limits, injection."""

from __future__ import annotations

import warnings
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from reckon.store import Ledger, schema
from reckon.store.accounts import (
    MAX_FAILURES_PER_ACCOUNT,
    MAX_FAILURES_PER_CLIENT,
    SESSION_TTL,
    authenticate,
    create_session,
)
from reckon.store.engine import write

from .review_helpers import PASSWORD, add_editor, csrf_of, sign_in

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

EDITOR_PAGES = ["/review", "/review/audit", "/review/incidents/inc-anything"]


@pytest.fixture
def editor(site_ledger_url: str) -> str:
    return add_editor(site_ledger_url)


def login_token(client: TestClient) -> str:
    page = client.get("/login")
    assert page.status_code == 200
    return csrf_of(page.text)


def review_count(url: str) -> int:
    with Ledger(url) as ledger, ledger.engine.connect() as connection:
        return connection.execute(sa.select(sa.func.count()).select_from(schema.reviews)).scalar_one()


@pytest.mark.parametrize("path", EDITOR_PAGES)
def test_anonymous_browser_is_sent_to_sign_in(client: TestClient, path: str) -> None:
    response = client.get(path, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/login?next=%2Freview")


@pytest.mark.parametrize("path", [p + ".json" for p in EDITOR_PAGES])
def test_anonymous_json_client_gets_401_envelope(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 401
    body = response.json()
    assert body["ok"] is False and body["error"]["status"] == 401


@pytest.mark.parametrize(
    "path", ["/review/claims/1", "/review/incidents/x/merge", "/review/incidents/x/split", "/review/aliases"]
)
def test_anonymous_posts_are_refused(client: TestClient, path: str, site_ledger_url: str) -> None:
    response = client.post(path, data={"action": "accept", "csrf_token": "x"}, follow_redirects=False)
    assert response.status_code == 401
    assert review_count(site_ledger_url) == 0


def test_sign_in_sets_a_safe_cookie_and_opens_the_queue(client: TestClient, editor: str) -> None:
    response = sign_in(client, next="/review/audit")
    assert response.status_code == 303 and response.headers["location"] == "/review/audit"
    cookie = response.headers["set-cookie"]
    assert "reckon_session=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert "Secure" not in cookie  # plain http (a Secure cookie would never come back)
    assert client.get("/review").status_code == 200
    assert client.get("/review.json").json()["ok"] is True


def test_cookie_is_secure_over_https(site_ledger_url: str, editor: str) -> None:
    from reckon.web.app import create_app

    with TestClient(create_app(site_ledger_url), base_url="https://reckon.example") as client:
        response = sign_in(client)
    assert response.status_code == 303 and "Secure" in response.headers["set-cookie"]


def test_cookie_is_secure_behind_a_tls_proxy(site_ledger_url: str, editor: str) -> None:
    from reckon.web.app import SiteSettings, create_app

    app = create_app(site_ledger_url, settings=SiteSettings(base_url="https://ledger.example"))
    with TestClient(app) as client:  # the proxy speaks plain http to the app
        form = client.get("/login")
        assert "Secure" in form.headers["set-cookie"]
        token = csrf_of(form.text)
        # The browser sends Secure cookies over its https leg; the test client over http
        # would not, so the form's cookie half is handed back explicitly.
        client.cookies.set("reckon_login_csrf", token)
        data = {"name": "ines", "password": PASSWORD, "csrf_token": token}
        response = client.post("/login", data=data, follow_redirects=False)
    assert response.status_code == 303 and "Secure" in response.headers["set-cookie"]


def test_expired_session_is_refused(client: TestClient, editor: str, site_ledger_url: str) -> None:
    with Ledger(site_ledger_url) as ledger, write(ledger.engine) as connection:
        user = authenticate(connection, "ines", PASSWORD)
        long_ago = datetime.now(UTC) - SESSION_TTL - timedelta(minutes=1)
        token, _session = create_session(connection, user, now=long_ago)
    client.cookies.set("reckon_session", token)
    assert client.get("/review", follow_redirects=False).status_code == 303
    assert client.get("/review.json").status_code == 401


def test_forged_cookie_is_refused(client: TestClient, editor: str) -> None:
    client.cookies.set("reckon_session", "' OR 1=1 --")
    assert client.get("/review.json").status_code == 401


def test_sign_out_ends_the_session(client: TestClient, editor: str) -> None:
    sign_in(client)
    token = client.cookies.get("reckon_session")
    csrf = csrf_of(client.get("/review").text)
    assert client.post("/logout", data={"csrf_token": csrf}, follow_redirects=False).status_code == 303
    client.cookies.set("reckon_session", token)  # a copy of the old cookie is dead too
    assert client.get("/review.json").status_code == 401


def test_wrong_password_is_401_without_a_session(client: TestClient, editor: str) -> None:
    response = sign_in(client, password="not the password")
    assert response.status_code == 401 and "Wrong name or password" in response.text
    assert "reckon_session" not in response.headers.get("set-cookie", "")


@pytest.mark.parametrize("token", [None, "", "forged-token"])
def test_login_without_its_csrf_token_is_403(client: TestClient, editor: str, token) -> None:  # type: ignore[no-untyped-def]
    login_token(client)  # the cookie half is set; the form half is missing or wrong
    data = {"name": "ines", "password": PASSWORD}
    if token is not None:
        data["csrf_token"] = token
    response = client.post("/login", data=data, follow_redirects=False)
    assert response.status_code == 403 and "reckon_session" not in response.headers.get("set-cookie", "")


def test_login_from_another_origin_is_403(client: TestClient, editor: str) -> None:
    data = {"name": "ines", "password": PASSWORD, "csrf_token": login_token(client)}
    response = client.post("/login", data=data, headers={"origin": "https://evil.example"})
    assert response.status_code == 403


@pytest.mark.parametrize("token", [None, "", "forged-token"])
def test_review_post_without_session_csrf_token_is_403(
    client: TestClient, editor: str, site_ledger_url: str, token
) -> None:  # type: ignore[no-untyped-def]
    sign_in(client)
    count_id = client.get("/review.json").json()["data"]["items"][0]["count_id"]
    data = {"action": "accept"} | ({"csrf_token": token} if token is not None else {})
    response = client.post(f"/review/claims/{count_id}", data=data, follow_redirects=False)
    assert response.status_code == 403
    assert review_count(site_ledger_url) == 0


def test_csrf_token_of_another_session_is_403(
    client: TestClient, editor: str, site_ledger_url: str
) -> None:
    from reckon.web.app import create_app

    sign_in(client)
    with TestClient(create_app(site_ledger_url)) as other:
        sign_in(other)
        their_token = csrf_of(other.get("/review").text)
    count_id = client.get("/review.json").json()["data"]["items"][0]["count_id"]
    response = client.post(f"/review/claims/{count_id}", data={"action": "accept", "csrf_token": their_token})
    assert response.status_code == 403 and review_count(site_ledger_url) == 0


def test_rate_limit_per_account(client: TestClient, editor: str) -> None:
    for _ in range(MAX_FAILURES_PER_ACCOUNT):
        assert sign_in(client, password="wrong guess").status_code == 401
    # Now even the right password is refused until the window passes.
    limited = sign_in(client)
    assert limited.status_code == 429 and "Too many failed sign-ins" in limited.text
    assert "reckon_session" not in limited.headers.get("set-cookie", "")


def test_rate_limit_per_client_address(client: TestClient, editor: str) -> None:
    for i in range(MAX_FAILURES_PER_CLIENT):
        sign_in(client, name=f"guess{i}", password="wrong guess")
    assert sign_in(client).status_code == 429  # a real account, from the same address


@pytest.mark.parametrize(
    ("name", "password"),
    [
        ("' OR '1'='1' --", "' OR '1'='1' --"),
        ("ines' --", "anything"),
        ("ines'; DROP TABLE users; --", "x"),
        ('ines" OR ""="', '" OR ""="'),
        ("ines\x00", PASSWORD + "\x00"),
        ("ι" * 5000, "p" * 5000),
    ],
)
def test_sql_injection_in_login_fields_signs_no_one_in(
    client: TestClient, editor: str, site_ledger_url: str, name: str, password: str
) -> None:
    response = sign_in(client, name=name, password=password)
    assert response.status_code == 401
    assert "reckon_session" not in response.headers.get("set-cookie", "")
    with Ledger(site_ledger_url) as ledger, ledger.engine.connect() as connection:
        assert connection.execute(sa.select(schema.users.c.name)).scalars().all() == ["ines"]


@pytest.mark.parametrize("target", ["//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"])
def test_sign_in_never_redirects_off_site(client: TestClient, editor: str, target: str) -> None:
    response = sign_in(client, next=target)
    assert response.status_code == 303 and response.headers["location"] == "/review"


def test_editor_pages_are_not_cached_and_carry_security_headers(client: TestClient, editor: str) -> None:
    login = client.get("/login")
    assert "SameSite=strict" in login.headers["set-cookie"] and "HttpOnly" in login.headers["set-cookie"]
    sign_in(client)
    response = client.get("/review")
    assert response.headers["cache-control"] == "no-store"
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
